import { apiFetch } from '../setup/api-contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signatureHeader } from '../../domain/shared/signature';
import { parseEvent } from '../../events/envelope';
import { shipmentDeliveredV1, shipmentStalledV1 } from '../../events/shipment-tracking';
import { buildSaveShipment } from '../../functions/shared/store/shipment-store';
import { saoPauloShipment } from '../fakes/tracking';
import { eventually, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { relayBarrier } from '../setup/relay-barrier';
import { TEST_KEYS } from '../setup/test-keys';
import { webhooks } from '../unit/domain/tracking/helpers';

interface BusEvent {
  'detail-type': string;
  // Optional: a seller's event-bus subscription may put its own (public) format on the local bus too.
  detail: { metadata?: { correlationId: string; eventId: string }; data: Record<string, unknown> };
}
interface QueueReport {
  logicalId: string;
  isDeadLetterQueue: boolean;
  sample: unknown[];
}
interface TrackingView {
  status: string | null;
  delivered: boolean;
  events: { occurredAt: string; status: string; carrier: string }[];
}

const run = Date.now();
const sellerA = { authorization: `Bearer ${TEST_KEYS.sellerA.key}` };
const sellerB = { authorization: `Bearer ${TEST_KEYS.sellerB.key}` };
/** A unique S10-shaped number per test run (the adapter checks the shape). */
const s10 = (suffix: number) => `NX${String((run + suffix) % 1_000_000_000).padStart(9, '0')}BR`;

let secrets: Record<string, string[]> = {};

async function post(carrier: string, body: string, signature?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const secret = secrets[carrier]?.[0] ?? '';
  headers['enlace-carrier-signature'] = signature ?? signatureHeader(secret, Math.floor(Date.now() / 1000), body);
  return apiFetch(`${localCloud().api}/v1/webhooks/tracking/${carrier}`, { method: 'POST', headers, body });
}

const tracking = async (shipmentId: string, headers = sellerA) => apiFetch(`${localCloud().api}/v1/shipments/${shipmentId}/tracking`, { headers });
const busEvents = async (type: string, orderId: string) =>
  ((await (await fetch(`${localCloud().admin}/events`)).json()) as BusEvent[]).filter(
    (event) => event['detail-type'] === type && event.detail.metadata?.correlationId === orderId,
  );

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('carrier tracking through the local cloud', () => {
  const save = () => buildSaveShipment(localDynamoDb().documents, localCloud().table);

  beforeAll(async () => {
    const all = (await (await fetch(`${localCloud().admin}/secrets`)).json()) as { logicalId: string; value: Record<string, string[] | string> }[];
    const stored = all.find((secret) => secret.logicalId.startsWith('TrackingWebhookSecrets'))?.value ?? {};
    secrets = Object.fromEntries(Object.entries(stored).map(([carrier, value]) => [carrier, typeof value === 'string' ? [value] : value]));
  });

  it('São Paulo, shuffled and duplicated: the right timeline, delivered, and exactly one shipment.delivered', async () => {
    const shipment = saoPauloShipment({ shipmentId: `shp_E2E_SP_${run}`, orderId: `ord_E2E_SP_${run}` });
    await save()(shipment);
    const journey = [
      ...webhooks('enlace-linehaul', 'sao-paulo-journey.json').map((body) => ({ carrier: 'enlace-linehaul', body: JSON.stringify(body) })),
      ...webhooks('correios', 'sao-paulo-journey.json').map((body) => ({ carrier: 'correios', body: JSON.stringify(body) })),
    ];
    // Every webhook once, three of them again, in an order nobody would send them.
    const deliveries = shuffled([...journey, journey[1]!, journey[4]!, journey[5]!], run % 10_000);

    const responses = await Promise.all(deliveries.map(({ carrier, body }) => post(carrier, body)));
    expect(responses.map((response) => response.status)).toEqual(deliveries.map(() => 202));

    const view = await eventually(
      async () => {
        const response = await tracking(shipment.shipmentId);
        const body = (await response.json()) as TrackingView;
        return body.status === 'delivered' && body.events.length === 22 ? body : undefined;
      },
      30_000,
      'the São Paulo timeline',
    );
    expect(view.delivered).toBe(true);
    expect(view.events.map((event) => event.occurredAt)).toEqual([...view.events.map((event) => event.occurredAt)].sort());
    expect(view.events[0]).toMatchObject({ status: 'label-created', carrier: 'enlace-linehaul' });
    expect(view.events.at(-1)).toMatchObject({ status: 'delivered', carrier: 'correios', occurredAt: '2025-11-12T17:26:31.000Z' });

    const delivered = await eventually(
      async () => {
        const found = await busEvents('shipment.delivered', shipment.orderId);
        return found.length > 0 ? found : undefined;
      },
      15_000,
      'shipment.delivered on the bus',
    );
    // A duplicate would have been written before the barrier's marker order, so it would be on the bus by now.
    await relayBarrier();
    expect(await busEvents('shipment.delivered', shipment.orderId)).toHaveLength(1);
    expect(parseEvent(shipmentDeliveredV1, delivered[0]!.detail).data).toMatchObject({ shipmentId: shipment.shipmentId, onTime: true });
    expect((await busEvents('shipment.status-changed', shipment.orderId)).length).toBeGreaterThanOrEqual(1);

    // Found by either carrier's number; another seller sees nothing.
    const byLinehaul = await apiFetch(`${localCloud().api}/v1/tracking/ENL2511030417BR`, { headers: sellerA });
    expect([byLinehaul.status, ((await byLinehaul.json()) as { shipmentId: string }).shipmentId]).toEqual([200, shipment.shipmentId]);
    expect((await tracking(shipment.shipmentId, sellerB)).status).toBe(404);
  });

  it('refuses a bad or stale signature with 401 and processes nothing', async () => {
    const number = s10(1);
    const shipment = saoPauloShipment({ shipmentId: `shp_E2E_SIG_${run}`, orderId: `ord_E2E_SIG_${run}`, trackingNumber: number });
    await save()(shipment);
    const genuine = JSON.stringify(webhooks('correios', 'sao-paulo-journey.json')[0]).replaceAll('NX482157365BR', number);
    // The refused requests carry one scan more than the genuine webhook sent after them.
    const refused = JSON.parse(genuine) as { objetos: { eventos: Record<string, unknown>[] }[] };
    refused.objetos[0]!.eventos.push({ ...refused.objetos[0]!.eventos[0]!, dtHrCriado: '2025-11-04T01:02:03' });
    const body = JSON.stringify(refused);
    const now = Math.floor(Date.now() / 1000);

    const forged = await post('correios', body, signatureHeader('not-the-secret', now, body));
    const stale = await post('correios', body, signatureHeader(secrets.correios?.[0] ?? '', now - 600, body));
    const unsigned = await apiFetch(`${localCloud().api}/v1/webhooks/tracking/correios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const unknownCarrier = await post('pony-express', body, signatureHeader('x', now, body));

    expect([forged.status, stale.status, unsigned.status, unknownCarrier.status]).toEqual([401, 401, 401, 404]);
    expect(forged.headers.get('content-type')).toBe('application/problem+json');
    expect(((await (await tracking(shipment.shipmentId)).json()) as TrackingView).events).toEqual([]);

    // The positive signal: a genuine webhook sent after them is applied; the timeline then holds its 4 scans, not the refused 5.
    expect((await post('correios', genuine)).status).toBe(202);
    const view = await eventually(
      async () => {
        const current = (await (await tracking(shipment.shipmentId)).json()) as TrackingView;
        return current.events.length > 0 ? current : undefined;
      },
      15_000,
      'the genuine webhook on the timeline',
    );
    expect(view.events).toHaveLength(4);
  });

  it('writes a verified webhook before answering (recorded: on the timeline at once), and its duplicate changes nothing', async () => {
    const number = s10(7);
    const shipment = saoPauloShipment({ shipmentId: `shp_E2E_DIRECT_${run}`, orderId: `ord_E2E_DIRECT_${run}`, trackingNumber: number });
    await save()(shipment);
    const body = JSON.stringify(webhooks('correios', 'sao-paulo-journey.json')[0]).replaceAll('NX482157365BR', number);

    const first = await post('correios', body);
    expect([first.status, ((await first.json()) as { status: string }).status]).toEqual([202, 'recorded']);
    // No waiting: the answer came after the write.
    const written = (await (await tracking(shipment.shipmentId)).json()) as TrackingView;
    expect(written.events).toHaveLength(4);

    const again = await post('correios', body);
    expect([again.status, ((await again.json()) as { status: string }).status]).toEqual([202, 'recorded']);
    expect(((await (await tracking(shipment.shipmentId)).json()) as TrackingView).events).toEqual(written.events);
  });

  it('keeps a payload it cannot parse in the tracking DLQ, intact, for inspection', async () => {
    const marker = `unparseable-${run}`;
    const body = JSON.stringify({ objetos: 'not a list', marker });
    expect((await post('correios', body)).status).toBe(202);

    const parked = await eventually(
      async () => {
        const queues = (await (await fetch(`${localCloud().admin}/queues`)).json()) as QueueReport[];
        const dlq = queues.find((queue) => queue.logicalId.startsWith('TrackingDeadLetterQueue'));
        const bodyOf = (message: unknown) => {
          const body = (message as { body?: unknown }).body;
          return typeof body === 'string' ? Buffer.from(body, 'base64').toString('utf8') : '';
        };
        return dlq?.sample.find((message) => bodyOf(message).includes(marker));
      },
      45_000,
      'the unparseable payload in the tracking DLQ',
    );
    // Version 2 of the tracking message: the body's bytes in base64, exactly as the carrier sent them.
    expect(parked).toMatchObject({ version: 2, kind: 'payload', source: 'webhook', feed: 'correios' });
    expect(Buffer.from((parked as { body: string }).body, 'base64').toString('utf8')).toBe(body);
  });

  it('raises exactly one shipment.stalled for a parcel silent for 49 hours, and none on the next sweep', async () => {
    const number = s10(2);
    const linehaulNumber = `ENL${run}BR`;
    const shipment = saoPauloShipment({ shipmentId: `shp_E2E_STALL_${run}`, orderId: `ord_E2E_STALL_${run}`, trackingNumber: number });
    await save()(shipment);
    // Picked up in Shenzhen, then nothing: the first-mile leg allows 48 h.
    const firstMile = JSON.stringify(webhooks('enlace-linehaul', 'sao-paulo-journey.json')[0])
      .replaceAll('ENL2511030417BR', linehaulNumber)
      .replaceAll('NX482157365BR', number)
      .replaceAll('lh-8c41f0a2', `lh-${run}`);
    expect((await post('enlace-linehaul', firstMile)).status).toBe(202);
    await eventually(
      async () => {
        const view = (await (await tracking(shipment.shipmentId)).json()) as TrackingView;
        return view.status === 'in-transit' ? view : undefined;
      },
      15_000,
      'the first-mile events',
    );

    const sweep = async (hoursLater: number) => {
      const time = new Date(Date.now() + hoursLater * 3_600_000).toISOString();
      const response = await fetch(`${localCloud().admin}/invoke/stalled-sweep`, {
        method: 'POST',
        body: JSON.stringify({
          version: '0',
          id: `sweep-${hoursLater}`,
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          time,
          resources: [],
          detail: {},
        }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { raised: string[] };
    };

    expect((await sweep(47)).raised).not.toContain(shipment.shipmentId);
    expect((await sweep(49)).raised).toContain(shipment.shipmentId);
    expect((await sweep(49.5)).raised).not.toContain(shipment.shipmentId);

    const stalled = await eventually(
      async () => {
        const found = await busEvents('shipment.stalled', shipment.orderId);
        return found.length > 0 ? found : undefined;
      },
      15_000,
      'shipment.stalled on the bus',
    );
    await relayBarrier();
    expect(await busEvents('shipment.stalled', shipment.orderId)).toHaveLength(1);
    expect(parseEvent(shipmentStalledV1, stalled[0]!.detail).data).toMatchObject({ shipmentId: shipment.shipmentId, leg: 'first-mile', thresholdHours: 48 });
    expect(((await (await tracking(shipment.shipmentId)).json()) as { stalled: boolean }).stalled).toBe(true);
  });

  it("an order's status follows its parcel: a real order routed through the pipeline, then a signed line-haul webhook", async () => {
    const integration = { authorization: `Bearer ${TEST_KEYS.integration.key}` };
    const body = {
      ...(JSON.parse(readFileSync(join(__dirname, '../../examples/order-mx.json'), 'utf8')) as Record<string, unknown>),
      sellerId: 'seller-a',
      externalOrderId: `TRACK-ORDER-${run}`,
    };
    const created = await apiFetch(`${localCloud().api}/v1/orders`, {
      method: 'POST',
      headers: { ...integration, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    const { orderId } = (await created.json()) as { orderId: string };
    const order = async (headers: Record<string, string> = integration) => apiFetch(`${localCloud().api}/v1/orders/${orderId}`, { headers });
    // The pipeline books the parcel and its documents: from then on the order shows where the parcel stands.
    const booked = await eventually(
      async () => {
        const view = (await (await order()).json()) as { status: string; tracking?: { trackingNumber: string; status: string | null } };
        return view.status === 'documents-ready' && view.tracking !== undefined ? view : undefined;
      },
      30_000,
      'the order booked and its documents ready',
    );
    expect(booked.tracking?.status).toBeNull();

    const milestone = (code: string, hoursAgo: number) => ({
      milestoneId: `e2e-order-${run}-${code}`,
      code,
      occurredAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
      location: { city: 'Shenzhen', country: 'CN' },
      parcels: [{ trackingNumber: `ENL${String(run).slice(-10)}MX`, lastMileTrackingNumber: booked.tracking!.trackingNumber }],
    });
    const webhook = JSON.stringify({ schemaVersion: 1, milestones: [milestone('LABEL_CREATED', 3), milestone('PICKED_UP_FROM_SELLER', 2)] });
    expect((await post('enlace-linehaul', webhook)).status).toBe(202);

    const moving = await eventually(
      async () => {
        const view = (await (await order()).json()) as { status: string; tracking: { status: string | null }; links: { tracking: string } };
        return view.tracking.status === 'picked-up' ? view : undefined;
      },
      15_000,
      'the order following its parcel',
    );
    expect(moving.status).toBe('in-transit');
    const timeline = await apiFetch(`${localCloud().api}${moving.links.tracking}`, { headers: integration });
    expect(((await timeline.json()) as TrackingView).events.map((event) => event.status)).toEqual(['label-created', 'picked-up']);
    // Another seller still cannot see the order, nor learn that it moved.
    expect((await order(sellerB)).status).toBe(404);
  });
});
