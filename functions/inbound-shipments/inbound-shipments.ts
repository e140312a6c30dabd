import * as z from 'zod';
import type { GetProducts } from '../../domain/catalog';
import {
  bookInbound,
  cancelInbound,
  inboundInputSchema,
  InboundTransitionError,
  InvalidReceiptError,
  resolveDiscrepancy,
  type InboundShipment,
} from '../../domain/inbound';
import { canonicalJson } from '../../domain/shared/canonical-json';
import { InvalidCursorError } from '../../domain/shared/page';
import { mayRead } from '../../domain/shared/tenant';
import { warehouseByCode } from '../../domain/warehouses';
import { pathParameter, type HttpEvent, type HttpRoute } from '../shared/http/http-handler';
import { badRequest, conflict, HttpError, jsonResponse, notFound, validationError } from '../shared/http/problem';
import { limitParameter, queryParameter, routeByKey, sellerFor } from '../shared/http/tenancy';
import { sha256Hex } from '../shared/ids';
import { bookedEvent, discrepancyResolvedEvent, journeyEvents } from '../shared/inbound-events';
import type { buildInboundStep } from '../shared/inbound-step';
import type { GetInbound, ListSellerInbound, SaveNewInbound } from '../shared/store/inbound-store';

/** An ASN of 500 carton lines and 200 SKUs is about 120 KB of JSON. */
export const MAX_INBOUND_BYTES = 256 * 1024;
const INBOUND_ID = /^inb_[A-Za-z0-9]{1,40}$/;

export interface InboundRoutesDeps {
  readonly getProducts: GetProducts;
  readonly saveNewInbound: SaveNewInbound;
  readonly getInbound: GetInbound;
  readonly listSellerInbound: ListSellerInbound;
  readonly inboundStep: ReturnType<typeof buildInboundStep>;
  readonly newInboundId: () => string;
  readonly newEventId: () => string;
  readonly now?: () => Date;
}

export const cancelSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const resolutionSchema = z.strictObject({
  sku: z.string().min(1).max(64),
  kind: z.enum(['shortage', 'overage', 'unexpected', 'damaged']),
  decision: z.enum(['accepted', 'disputed']),
  note: z.string().trim().min(1).max(500).optional(),
});

export const inboundPath = (shipment: Pick<InboundShipment, 'inboundShipmentId'>) => `/v1/inbound-shipments/${shipment.inboundShipmentId}`;
export const inboundView = (shipment: InboundShipment) => ({ ...shipment, links: { self: inboundPath(shipment) } });

/** Turns a domain refusal into the answer a client can act on: 409 for the journey, 400 for what it sent. */
export function asHttpError(error: unknown): never {
  if (error instanceof InboundTransitionError) throw conflict(error.message);
  if (error instanceof InvalidReceiptError)
    throw badRequest(
      `The request has ${error.problems.length} problem(s).`,
      error.problems.map((problem) => ({ ...problem, code: 'custom' })),
    );
  throw error;
}

/**
 * A seller's inbound shipments: book one (the compliance gate answers 422 with every problem at
 * once; a retried booking with the same `reference` and body gets the same shipment), list and read
 * them, cancel one before it departs, and accept or dispute a receiving discrepancy. Another seller's
 * shipment answers 404 exactly like a missing one.
 */
export function buildInboundRoutes(deps: InboundRoutesDeps): HttpRoute {
  const now = deps.now ?? (() => new Date());

  const own = async (event: HttpEvent, tenant: Parameters<HttpRoute>[0]['tenant']): Promise<InboundShipment> => {
    const id = pathParameter(event, 'id');
    const shipment = INBOUND_ID.test(id) ? await deps.getInbound(id) : undefined;
    if (shipment === undefined || !mayRead(tenant, shipment)) throw notFound(`No inbound shipment "${id}".`);
    return shipment;
  };

  const change = async (
    shipment: InboundShipment,
    decide: (current: InboundShipment, at: string) => InboundShipment,
    extraEvents: (after: InboundShipment, at: string) => readonly ReturnType<typeof bookedEvent>[] = () => [],
  ) => {
    const result = await deps.inboundStep(shipment.inboundShipmentId, (current) => {
      const at = now().toISOString();
      const after = decide(current, at);
      if (after === current) return 'unchanged';
      const context = { newEventId: deps.newEventId, at };
      return { shipment: after, events: [...journeyEvents(current, after, context), ...extraEvents(after, at)] };
    });
    if (result.kind === 'missing') throw notFound(`No inbound shipment "${shipment.inboundShipmentId}".`);
    return result.shipment;
  };

  return routeByKey({
    'POST /v1/inbound-shipments': async ({ body, tenant }) => {
      const parsed = inboundInputSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const input = parsed.data;
      sellerFor(tenant, input.sellerId);
      const warehouse = warehouseByCode(input.warehouseCode);
      if (warehouse === undefined) {
        throw badRequest(`No warehouse "${input.warehouseCode}".`, [
          { path: 'warehouseCode', code: 'unknown', message: `unknown warehouse "${input.warehouseCode}"` },
        ]);
      }
      const skus = [...new Set(input.cartons.flatMap((carton) => carton.contents.map((content) => content.sku)))];
      const products = await deps.getProducts(input.sellerId, skus);
      const at = now().toISOString();
      const booking = bookInbound(input, { id: deps.newInboundId(), at, warehouse, products });
      if (!booking.ok) {
        const errors = booking.problems.filter((problem) => problem.severity === 'error');
        throw new HttpError(
          422,
          'Unprocessable Content',
          `The compliance gate refused the shipment: ${errors.length} problem(s) to fix (warnings listed too).`,
          booking.problems.map((problem) => ({ path: problem.path, code: problem.code, message: problem.message })),
        );
      }
      const requestHash = sha256Hex(canonicalJson(body));
      const saved = await deps.saveNewInbound(booking.shipment, requestHash, [bookedEvent(booking.shipment, { newEventId: deps.newEventId, at })]);
      if (saved.kind === 'duplicate') {
        if (saved.requestHash !== requestHash)
          throw conflict(`Inbound shipment "${input.reference}" was already booked with a different body; use a new reference for a new shipment.`);
        const existing = await deps.getInbound(saved.inboundShipmentId);
        if (existing === undefined)
          throw new HttpError(503, 'Service Unavailable', 'The shipment was booked but cannot be read back yet; retry shortly.', [], { 'retry-after': '1' });
        return jsonResponse(201, inboundView(existing), { location: inboundPath(existing), 'idempotent-replayed': 'true' });
      }
      return jsonResponse(201, inboundView(booking.shipment), { location: inboundPath(booking.shipment) });
    },
    'GET /v1/inbound-shipments': async ({ event, tenant }) => {
      const sellerId = sellerFor(tenant, queryParameter(event, 'sellerId'));
      const state = queryParameter(event, 'state') ?? 'open';
      if (state !== 'open' && state !== 'closed')
        throw badRequest('"state" is "open" or "closed".', [{ path: 'state', code: 'invalid_value', message: 'open or closed' }]);
      const cursor = queryParameter(event, 'cursor');
      try {
        const page = await deps.listSellerInbound(sellerId, {
          open: state === 'open',
          limit: limitParameter(event, 20, 50),
          ...(cursor === undefined ? {} : { cursor }),
        });
        return jsonResponse(200, { items: page.items.map(inboundView), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) });
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest(error.message, [{ path: 'cursor', code: 'invalid', message: error.message }]);
        throw error;
      }
    },
    'GET /v1/inbound-shipments/{id}': async ({ event, tenant }) => jsonResponse(200, inboundView(await own(event, tenant))),
    'POST /v1/inbound-shipments/{id}/cancel': async ({ event, tenant, body }) => {
      const shipment = await own(event, tenant);
      const parsed = cancelSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      if (shipment.status === 'cancelled') return jsonResponse(200, inboundView(shipment));
      try {
        return jsonResponse(
          200,
          inboundView(await change(shipment, (current, at) => (current.status === 'cancelled' ? current : cancelInbound(current, at, parsed.data.reason)))),
        );
      } catch (error) {
        return asHttpError(error);
      }
    },
    'POST /v1/inbound-shipments/{id}/discrepancies': async ({ event, tenant, body }) => {
      const shipment = await own(event, tenant);
      const parsed = resolutionSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const resolution = { ...parsed.data };
      try {
        const after = await change(
          shipment,
          (current, at) => resolveDiscrepancy(current, resolution, at),
          (updated, at) => {
            const resolved = updated.discrepancies.find((discrepancy) => discrepancy.sku === resolution.sku && discrepancy.kind === resolution.kind);
            return resolved === undefined ? [] : [discrepancyResolvedEvent(updated, resolved, { newEventId: deps.newEventId, at })];
          },
        );
        return jsonResponse(200, inboundView(after));
      } catch (error) {
        return asHttpError(error);
      }
    },
  });
}
