import type { Tenant } from '../../../domain/shared/tenant';
import { buildGetTrackingRoute } from '../../../functions/get-tracking/get-tracking';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { buildTrackingIngestion } from '../../../functions/tracking-ingestion/tracking-ingestion';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../../fakes/tracking';
import { webhooks } from '../domain/tracking/helpers';
import { httpEvent, lambdaContext } from './http-fixtures';

const sellerA: Tenant = { tenantId: 'seller-a', kind: 'seller', sellerIds: ['seller-a'] };
const sellerB: Tenant = { tenantId: 'seller-b', kind: 'seller', sellerIds: ['seller-b'] };

async function setup() {
  const store = new InMemoryTrackingStore();
  store.addShipment(saoPauloShipment());
  store.addShipment(saoPauloShipment({ shipmentId: 'shp_QUIET', orderId: 'ord_QUIET', trackingNumber: 'NX000000019BR' }));
  const ingest = buildTrackingIngestion({ ...store, backoff: async () => undefined, now: () => new Date('2025-11-12T20:00:00.000Z') });
  await ingest(
    sqsEvent(webhooks('correios', 'sao-paulo-journey.json').map((body) => trackingRecord(webhookMessage('correios', body, '2025-11-12T20:00:00.000Z')))),
  );
  const findByNumber = async (number: string, carriers?: readonly string[]) =>
    [...store.rows.values()]
      .map((row) => row.shipment)
      .filter((shipment) => shipment.trackingNumber === number && (carriers === undefined || carriers.includes(shipment.carrier)));
  const handler = httpHandler(buildGetTrackingRoute({ getTracking: store.getTracking, findByNumber, carriers: ['correios', 'estafeta'] }));
  const get = async (path: string, pathParameters: Record<string, string>, tenant: Tenant, query?: Record<string, string>) => {
    const event = { ...httpEvent({ method: 'GET', path, pathParameters, tenant }), ...(query === undefined ? {} : { queryStringParameters: query }) };
    const result = await handler(event, lambdaContext);
    return { status: result.statusCode, body: JSON.parse(result.body ?? 'null') as Record<string, unknown> };
  };
  return { store, get };
}

describe('GET tracking', () => {
  it('GET /v1/shipments/{id}/tracking: the status and the timeline in event-time order', async () => {
    const { get } = await setup();
    const response = await get('/v1/shipments/shp_SP0001/tracking', { id: 'shp_SP0001' }, sellerA);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      shipmentId: 'shp_SP0001',
      status: 'delivered',
      statusSince: '2025-11-12T17:26:31.000Z',
      delivered: true,
      stalled: false,
    });
    const events = response.body.events as { occurredAt: string; status: string; carrierCode: string; location?: unknown }[];
    expect(events).toHaveLength(12);
    expect(events.map((event) => event.occurredAt)).toEqual([...events.map((event) => event.occurredAt)].sort());
    expect(events.at(-1)).toMatchObject({ status: 'delivered', carrierCode: 'BDE 01', location: { facility: 'CDD VILA MARIANA' } });
  });

  it('GET /v1/tracking/{trackingNumber}: the same view, found by the carrier number', async () => {
    const { get } = await setup();
    const response = await get('/v1/tracking/NX482157365BR', { trackingNumber: 'NX482157365BR' }, sellerA);
    expect([response.status, response.body.shipmentId, response.body.status]).toEqual([200, 'shp_SP0001', 'delivered']);
    const narrowed = await get('/v1/tracking/NX482157365BR', { trackingNumber: 'NX482157365BR' }, sellerA, { carrier: 'estafeta' });
    expect(narrowed.status).toBe(404);
  });

  it('answers a booked shipment with no carrier event yet with an empty timeline', async () => {
    const { get } = await setup();
    const response = await get('/v1/shipments/shp_QUIET/tracking', { id: 'shp_QUIET' }, sellerA);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: null, events: [], delivered: false, statusDescription: 'No carrier has reported the parcel yet' });
  });

  it("answers 404 for another seller's shipment, exactly as for a missing one", async () => {
    const { get } = await setup();
    const other = await get('/v1/shipments/shp_SP0001/tracking', { id: 'shp_SP0001' }, sellerB);
    const missing = await get('/v1/shipments/shp_NOPE/tracking', { id: 'shp_NOPE' }, sellerB);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await get('/v1/tracking/NX482157365BR', { trackingNumber: 'NX482157365BR' }, sellerB)).status).toBe(404);
  });

  it('answers 409 when two of the caller’s shipments share a number, and 400 to nonsense', async () => {
    const { store, get } = await setup();
    store.addShipment(saoPauloShipment({ shipmentId: 'shp_TWIN', carrier: 'estafeta' }));
    const twin = await get('/v1/tracking/NX482157365BR', { trackingNumber: 'NX482157365BR' }, sellerA);
    expect(twin.status).toBe(409);
    expect(String(twin.body.detail)).toMatch(/\?carrier=/);
    expect((await get('/v1/tracking/x', { trackingNumber: '<script>' }, sellerA)).status).toBe(400);
    expect((await get('/v1/tracking/NX482157365BR', { trackingNumber: 'NX482157365BR' }, sellerA, { carrier: 'pony' })).status).toBe(400);
  });
});
