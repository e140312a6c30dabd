import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signatureHeader } from '../../../domain/shared/signature';
import type { TrackingMessage } from '../../../events/tracking-message';
import { webhookHandler } from '../../../functions/shared/http/http-handler';
import { buildIngestTracking, type IngestTrackingDeps } from '../../../functions/shared/tracking-ingest/ingest-tracking';
import { buildTrackingIngestion } from '../../../functions/tracking-ingestion/tracking-ingestion';
import { buildTrackingWebhook, MAX_WEBHOOK_BYTES } from '../../../functions/tracking-webhook/tracking-webhook';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord } from '../../fakes/tracking';
import { copy, webhooks } from '../domain/tracking/helpers';
import { lambdaContext } from './http-fixtures';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const SECRET = 'correios-current-secret';
const correios = webhooks('correios', 'sao-paulo-journey.json');
const first = JSON.stringify(correios[0]);

function webhookEvent(body: string, signature = signatureHeader(SECRET, NOW.getTime() / 1000, body)): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /v1/webhooks/tracking/{carrier}',
    rawPath: '/v1/webhooks/tracking/correios',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'enlace-carrier-signature': signature },
    pathParameters: { carrier: 'correios' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'POST', path: '/v1/webhooks/tracking/correios', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'carrier' },
      requestId: 'req-1',
      routeKey: 'POST /v1/webhooks/tracking/{carrier}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}

/**
 * The webhook as its handler builds it (the real ingestion use case, two conflict attempts, ten
 * numbers at most) over the in-memory store, and tracking-ingestion reading what it queues.
 */
function setup(overrides: Partial<IngestTrackingDeps> = {}, options: { enqueueFails?: boolean } = {}) {
  const store = new InMemoryTrackingStore();
  store.addShipment(saoPauloShipment());
  const queued: TrackingMessage[] = [];
  const lookups: string[] = [];
  let ids = 0;
  let receipts = 0;
  const ports: IngestTrackingDeps = {
    findShipment: async (update) => {
      lookups.push(update.trackingNumber);
      return store.findShipment(update);
    },
    getTracking: store.getTracking,
    saveTracking: store.saveTracking,
    keepUnmatched: store.keepUnmatched,
    newEventId: () => `evt_${++ids}`,
    now: () => NOW,
    backoff: async () => undefined,
  };
  const handler = webhookHandler(
    buildTrackingWebhook({
      loadSecrets: async () => ({ correios: [SECRET] }),
      enqueue: async (message) => {
        if (options.enqueueFails === true) throw new Error('SQS is down');
        queued.push(message);
      },
      ingest: buildIngestTracking({ ...ports, maxAttempts: 2, maxNumbersPerDelivery: 10, ...overrides }),
      now: () => NOW,
      newReceiptId: () => `whk_${++receipts}`,
    }),
    { maxBytes: MAX_WEBHOOK_BYTES },
  );
  const post = async (event: APIGatewayProxyEventV2) => {
    const result = await handler(event, lambdaContext);
    return { status: result.statusCode, body: JSON.parse(result.body ?? 'null') as Record<string, unknown> };
  };
  /** tracking-ingestion (unchanged ports) takes what was queued, first delivery. */
  const drain = async () => {
    const ingest = buildTrackingIngestion(ports);
    const records = queued.splice(0).map((message) => trackingRecord(message));
    return ingest(sqsEvent(records));
  };
  return { store, queued, lookups, post, drain };
}

const timeline = (store: InMemoryTrackingStore) => store.rows.get('shp_SP0001')!.state.timeline.map((event) => event.eventKey);

describe('POST /v1/webhooks/tracking/{carrier}: verify and write in one step', () => {
  it('writes a verified update to the timeline before answering, and queues nothing', async () => {
    const { store, queued, post } = setup();
    const response = await post(webhookEvent(first));

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ receiptId: 'whk_1', carrier: 'correios', receivedAt: NOW.toISOString(), status: 'recorded' });
    expect(queued).toEqual([]);
    expect(store.rows.get('shp_SP0001')?.version).toBe(1);
    expect(timeline(store).length).toBeGreaterThan(0);
    expect(store.events.length).toBeGreaterThan(0);
  });

  it('changes nothing for a duplicate webhook, written or queued again', async () => {
    const { store, queued, post, drain } = setup();
    await post(webhookEvent(first));
    const before = { version: store.rows.get('shp_SP0001')!.version, timeline: timeline(store), events: store.events.length, kpis: store.kpis.length };

    const again = await post(webhookEvent(first));
    expect(again.body.status).toBe('recorded');
    expect(queued).toEqual([]);
    // The carrier's retry of a webhook that was also queued (written, then its answer lost): the queue's copy changes nothing either.
    queued.push({ kind: 'payload', receiptId: 'whk_retry', source: 'webhook', feed: 'correios', receivedAt: NOW.toISOString(), body: Buffer.from(first) });
    expect((await drain()).batchItemFailures).toEqual([]);

    expect({ version: store.rows.get('shp_SP0001')!.version, timeline: timeline(store), events: store.events.length, kpis: store.kpis.length }).toEqual(before);
  });

  it('queues the webhook as before when the table answers with an error, and the queue writes it once', async () => {
    const { store, queued, post, drain } = setup({
      saveTracking: async () => {
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException' });
      },
    });
    const response = await post(webhookEvent(first));

    expect(response.status).toBe(202);
    expect(response.body.status).toBe('queued');
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: 'payload', receiptId: 'whk_1', feed: 'correios', body: Buffer.from(first) });
    expect(store.rows.get('shp_SP0001')?.version).toBe(0);
    expect(store.events).toEqual([]);

    expect((await drain()).batchItemFailures).toEqual([]);
    expect(store.rows.get('shp_SP0001')?.version).toBe(1);
  });

  it('queues the webhook when a look-up fails', async () => {
    const { store, queued, post } = setup({
      findShipment: async () => {
        throw new Error('InternalServerError');
      },
    });
    expect((await post(webhookEvent(first))).body.status).toBe('queued');
    expect(queued).toHaveLength(1);
    expect(store.rows.get('shp_SP0001')?.version).toBe(0);
  });

  it('retries a conflict once in the request, and queues the webhook when the second attempt conflicts too', async () => {
    const resolved = setup();
    resolved.store.conflictsToInject = 1;
    expect((await resolved.post(webhookEvent(first))).body.status).toBe('recorded');
    expect(resolved.store.rows.get('shp_SP0001')?.version).toBe(1);

    const { store, queued, post, drain } = setup();
    store.conflictsToInject = 2;
    const response = await post(webhookEvent(first));
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('queued');
    expect(queued).toHaveLength(1);
    expect(store.rows.get('shp_SP0001')?.version).toBe(0);

    expect((await drain()).batchItemFailures).toEqual([]);
    expect(store.rows.get('shp_SP0001')?.version).toBe(1);
    expect(store.events.length).toBe(resolved.store.events.length);
  });

  it('answers 503 when it can neither write nor queue (the carrier retries; nothing is lost)', async () => {
    const { store, post } = setup({ maxAttempts: 1 }, { enqueueFails: true });
    store.conflictsToInject = 1;
    const response = await post(webhookEvent(first));
    expect(response.status).toBe(503);
    expect(store.rows.get('shp_SP0001')?.version).toBe(0);
  });

  it('queues updates for numbers no shipment claims, as before (tracking-ingestion retries them, then keeps them UNMATCHED)', async () => {
    const { store, queued, post } = setup();
    const unknown = copy(correios[0]) as { objetos: { codObjeto: string }[] };
    unknown.objetos[0]!.codObjeto = 'NX000000000BR';
    const response = await post(webhookEvent(JSON.stringify(unknown)));

    expect(response.body.status).toBe('queued');
    expect(queued).toHaveLength(1);
    expect(store.unmatched).toEqual([]);
    expect(store.writes).toEqual([]);
  });

  it('queues a payload it cannot parse intact, as before (tracking-ingestion parks it in the DLQ)', async () => {
    const { queued, post, lookups } = setup();
    const body = JSON.stringify({ objetos: 'not a list' });
    const response = await post(webhookEvent(body));

    expect(response.status).toBe(202);
    expect(response.body.status).toBe('queued');
    expect(queued).toMatchObject([{ kind: 'payload', body: Buffer.from(body) }]);
    expect(lookups).toEqual([]);
  });

  it('leaves a batch naming more than ten numbers to the queue, without looking any up', async () => {
    const { queued, post, lookups } = setup();
    const batch = copy(correios[0]) as { objetos: { codObjeto: string }[] };
    const [parcel] = batch.objetos;
    batch.objetos = Array.from({ length: 11 }, (_, index) => ({ ...copy(parcel!), codObjeto: `NX${String(index).padStart(9, '0')}BR` }));
    const response = await post(webhookEvent(JSON.stringify(batch)));

    expect(response.body.status).toBe('queued');
    expect(queued).toHaveLength(1);
    expect(lookups).toEqual([]);
  });

  it('refuses a bad signature with 401 before reading or writing anything', async () => {
    const { store, queued, post, lookups } = setup();
    const response = await post(webhookEvent(first, signatureHeader('wrong-secret', NOW.getTime() / 1000, first)));

    expect(response.status).toBe(401);
    expect(queued).toEqual([]);
    expect(lookups).toEqual([]);
    expect(store.writes).toEqual([]);
  });
});
