import { apiFetch } from '../setup/api-contract';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isoWeek } from '../../domain/performance';
import type { Shipment } from '../../domain/shared/shipment';
import { feedAdapter, scriptedLastMile, webhookAuthHeaders } from '../../domain/tracking';
import { keys } from '../../functions/shared/store/keys';
import { buildSaveShipment } from '../../functions/shared/store/shipment-store';
import { saoPauloShipment } from '../fakes/tracking';
import { eventually, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';
import { webhooks } from '../unit/domain/tracking/helpers';

interface TrackingView {
  status: string | null;
  stalled: boolean;
  events: { occurredAt: string; status: string; carrier: string; source: string; carrierDescription: string }[];
}

const run = Date.now();
const seller = { authorization: `Bearer ${TEST_KEYS.sellerA.key}` };
const digits = (length: number, salt: number) => String((run * 7 + salt) % 10 ** length).padStart(length, '0');
const HOUR = 3_600_000;

let secrets: Record<string, string[]> = {};

async function post(feed: string, body: string) {
  const auth = feedAdapter(feed)!.webhook!.auth;
  const headers = { 'content-type': 'application/json', ...webhookAuthHeaders(auth, secrets[feed]?.[0] ?? '', body, Math.floor(Date.now() / 1000)) };
  return apiFetch(`${localCloud().api}/v1/webhooks/tracking/${feed}`, { method: 'POST', headers, body });
}

const tracking = async (shipmentId: string) =>
  (await (await apiFetch(`${localCloud().api}/v1/shipments/${shipmentId}/tracking`, { headers: seller })).json()) as TrackingView;

async function invoke(name: string, time: string): Promise<unknown> {
  const response = await fetch(`${localCloud().admin}/invoke/${name}`, {
    method: 'POST',
    body: JSON.stringify({ version: '0', id: `${name}-${time}`, 'detail-type': 'Scheduled Event', source: 'aws.events', time, resources: [], detail: {} }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const save = (shipment: Shipment) => buildSaveShipment(localDynamoDb().documents, localCloud().table)(shipment);
const item = async (key: { pk: string; sk: string }) =>
  (await localDynamoDb().documents.send(new GetCommand({ TableName: localCloud().table, Key: key, ConsistentRead: true }))).Item;

describe('tracking sources through the local cloud', () => {
  beforeAll(async () => {
    const all = (await (await fetch(`${localCloud().admin}/secrets`)).json()) as { logicalId: string; value: Record<string, string[] | string> }[];
    const stored = all.find((secret) => secret.logicalId.startsWith('TrackingWebhookSecrets'))?.value ?? {};
    secrets = Object.fromEntries(Object.entries(stored).map(([feed, value]) => [feed, typeof value === 'string' ? [value] : value]));
  });

  it('#17: a signed webhook holding U+FFFE, U+FFFF, a lone surrogate and an emoji is queued (202, not 503 forever) and its scan reaches the timeline', async () => {
    const number = `NX${digits(9, 1)}BR`;
    const shipment = saoPauloShipment({ shipmentId: `shp_E2E_CHR_${run}`, orderId: `ord_E2E_CHR_${run}`, trackingNumber: number });
    await save(shipment);
    const webhook = structuredClone(webhooks('correios', 'sao-paulo-journey.json')[0]) as {
      objetos: { codObjeto: string; eventos: Record<string, unknown>[] }[];
    };
    webhook.objetos[0]!.codObjeto = number;
    webhook.objetos[0]!.eventos[0]!.descricao = 'Objeto postado \uFFFE\uFFFF';
    // Fields the adapter keeps only as raw carry what fauxqs refuses but SQS accepts.
    webhook.objetos[0]!.eventos[0]!.observacao = 'caixa 📦 frágil';
    const body = JSON.stringify(webhook).replace('Objeto postado', '\\ud800Objeto postado');

    const response = await post('correios', body);

    expect(response.status).toBe(202);
    const view = await eventually(
      async () => {
        const current = await tracking(shipment.shipmentId);
        return current.events.length > 0 ? current : undefined;
      },
      20_000,
      'the scan on the timeline',
    );
    expect(view.events.map((event) => event.carrierDescription)).toContain('\uFFFDObjeto postado \uFFFD\uFFFD');
  });

  it('#17 item 9: scans kept for a number nobody claimed are replayed once the shipment is booked', async () => {
    const number = `NX${digits(9, 2)}BR`;
    const body = JSON.stringify(webhooks('correios', 'sao-paulo-journey.json')[2]).replaceAll('NX482157365BR', number);
    expect((await post('correios', body)).status).toBe(202);
    // Retried for its first deliveries (1 s apart in the tests), then kept.
    await eventually(async () => item(keys.unmatchedTracking('correios', number)), 30_000, 'the scans kept as unmatched');

    const shipment = saoPauloShipment({ shipmentId: `shp_E2E_LATE_${run}`, orderId: `ord_E2E_LATE_${run}`, trackingNumber: number });
    await save(shipment);

    const view = await eventually(
      async () => {
        const current = await tracking(shipment.shipmentId);
        return current.events.length > 0 ? current : undefined;
      },
      30_000,
      'the replayed scans on the timeline',
    );
    expect(view.events.every((event) => event.carrier === 'correios' && event.source === 'webhook')).toBe(true);
    await eventually(
      async () => ((await item(keys.unmatchedTracking('correios', number))) === undefined ? true : undefined),
      15_000,
      'the unmatched item forgotten',
    );
  });

  it('a polled carrier (FedEx): the schedule follows the booking, the poller’s answers reach the door, AIV pushes of the same scans are absorbed, and KPIs count the delivery', async () => {
    const bookedAt = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const number = digits(12, 3);
    const shipment = saoPauloShipment({
      shipmentId: `shp_E2E_FDX_${run}`,
      orderId: `ord_E2E_FDX_${run}`,
      carrier: 'fedex',
      carrierName: 'FedEx',
      serviceId: 'enlace-express-us',
      trackingNumber: number,
      lane: `CN-US-E2E${run % 1000}`,
      destinationCountry: 'US',
      bookedAt,
      promisedBy: new Date(Date.parse(bookedAt) + 6 * 24 * HOUR).toISOString(),
    });
    await save(shipment);
    await eventually(async () => item(keys.pollSchedule(shipment.shipmentId)), 15_000, 'the poll schedule');

    // Four days on: the scripted journey is out for delivery; the poller's answer goes through ingestion.
    await invoke('tracking-poller', new Date(Date.parse(bookedAt) + 107 * HOUR).toISOString());
    const moving = await eventually(
      async () => {
        const current = await tracking(shipment.shipmentId);
        return current.status === 'out-for-delivery' ? current : undefined;
      },
      20_000,
      'out for delivery by poll',
    );
    expect(moving.events.map((event) => [event.status, event.source])).toEqual([
      ['in-transit-destination', 'poll'],
      ['in-transit-destination', 'poll'],
      ['out-for-delivery', 'poll'],
    ]);

    // FedEx also pushes the same scans (AIV, signed with fdx-signature): nothing new.
    const pushed = feedAdapter('fedex')!.sample([
      { carrier: 'fedex', trackingNumber: number, events: scriptedLastMile(bookedAt, 'NEW YORK', new Date(Date.parse(bookedAt) + 107 * HOUR).toISOString()) },
    ]) as {
      output: { completeTrackResults: { trackResults: unknown[] }[] };
    };
    expect((await post('fedex', JSON.stringify(pushed.output.completeTrackResults[0]!.trackResults[0]))).status).toBe(202);

    await invoke('tracking-poller', new Date(Date.parse(bookedAt) + 112 * HOUR).toISOString());
    const delivered = await eventually(
      async () => {
        const current = await tracking(shipment.shipmentId);
        return current.status === 'delivered' ? current : undefined;
      },
      20_000,
      'delivered by poll',
    );
    expect(delivered.events).toHaveLength(4);
    await eventually(async () => ((await item(keys.pollSchedule(shipment.shipmentId))) === undefined ? true : undefined), 10_000, 'polling stopped');
    const deliveredAt = delivered.events.at(-1)!.occurredAt;
    const kpi = await eventually(async () => item(keys.kpi('fedex', shipment.lane, isoWeek(new Date(deliveredAt)))), 10_000, 'the KPI counter');
    expect(kpi).toMatchObject({ delivered: 1 });
  });

  it('a polled parcel that goes silent raises a last-mile stall like a pushed one', async () => {
    const bookedAt = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const shipment = saoPauloShipment({
      shipmentId: `shp_E2E_JSTL_${run}`,
      orderId: `ord_E2E_JSTL_${run}`,
      carrier: 'jadlog',
      carrierName: 'Jadlog',
      trackingNumber: digits(14, 4),
      bookedAt,
      promisedBy: new Date(Date.parse(bookedAt) + 16 * 24 * HOUR).toISOString(),
    });
    await save(shipment);
    await eventually(async () => item(keys.pollSchedule(shipment.shipmentId)), 15_000, 'the poll schedule');
    // Accepted and in transit, then nothing more from Jadlog.
    await invoke('tracking-poller', new Date(Date.parse(bookedAt) + 95 * HOUR).toISOString());
    await eventually(async () => ((await tracking(shipment.shipmentId)).events.length === 2 ? true : undefined), 20_000, 'two polled scans');

    const sweep = (await invoke('stalled-sweep', new Date(Date.now() + 49 * HOUR).toISOString())) as { raised: string[] };

    expect(sweep.raised).toContain(shipment.shipmentId);
    expect((await tracking(shipment.shipmentId)).stalled).toBe(true);
  });

  it('an aggregator’s push (17TRACK, signed with its sign header) reaches a Blue Express parcel’s timeline as an aggregator event', async () => {
    const bookedAt = new Date(Date.now() - 5 * 24 * HOUR).toISOString();
    const shipment = saoPauloShipment({
      shipmentId: `shp_E2E_BLX_${run}`,
      orderId: `ord_E2E_BLX_${run}`,
      carrier: 'blue-express',
      carrierName: 'Blue Express',
      trackingNumber: digits(10, 5),
      lane: 'CN-CL-75',
      destinationCountry: 'CL',
      bookedAt,
    });
    await save(shipment);
    const body = JSON.stringify(
      feedAdapter('17track')!.sample([{ carrier: 'blue-express', trackingNumber: shipment.trackingNumber, events: scriptedLastMile(bookedAt, 'Santiago') }]),
    );

    expect((await post('17track', body)).status).toBe(202);

    const view = await eventually(
      async () => {
        const current = await tracking(shipment.shipmentId);
        return current.status === 'delivered' ? current : undefined;
      },
      20_000,
      'delivered through 17TRACK',
    );
    expect(view.events.map((event) => [event.carrier, event.source])).toEqual(view.events.map(() => ['blue-express', 'aggregator']));
  });
});
