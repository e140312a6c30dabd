import type { CustomsProblem } from '../../domain/customs';
import type { GetOrder, Order } from '../../domain/order';
import { applyCorrection, CORRECTABLE_STATUSES, fulfilmentWarehouse, orderCorrectionSchema } from '../../domain/order';
import { mayRead } from '../../domain/shared/tenant';
import type { buildCustomsStep } from '../shared/customs-step';
import { header, pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { requireIfMatch } from '../shared/http/preconditions';
import { badRequest, conflict, jsonResponse, notFound, validationError } from '../shared/http/problem';
import { logger } from '../shared/observability';
import type { CustomsCheckRecord, GetCustomsCheck, GetCustomsContext, SaveCustomsWrite } from '../shared/store/customs-store';
import { orderView } from '../shared/views';

/** A correction is a few hundred bytes; 64 KB fits one for every item of the largest order. */
export const MAX_CORRECTION_BYTES = 64 * 1024;

export interface CorrectOrderDeps {
  readonly getOrder: GetOrder;
  readonly getCustomsContext: GetCustomsContext;
  readonly getCustomsCheck: GetCustomsCheck;
  readonly customsStep: ReturnType<typeof buildCustomsStep>;
  readonly save: SaveCustomsWrite;
  readonly now?: () => Date;
}

type CustomsView =
  | { readonly outcome: 'held' | 'documents-ready'; readonly orderVersion: number; readonly problems: readonly CustomsProblem[] }
  | { readonly outcome: 'pending' | 'not-required'; readonly problems: readonly CustomsProblem[]; readonly note: string };

/** What customs says of an order not (yet) checked: pending until a carrier is booked, or never needed for a domestic parcel. */
function unchecked(order: Order): CustomsView {
  const warehouse = fulfilmentWarehouse(order);
  return warehouse === undefined
    ? { outcome: 'pending', problems: [], note: 'Customs checks run once a carrier is booked; the corrected order will be checked then.' }
    : {
        outcome: 'not-required',
        problems: [],
        note: `The parcel ships domestically from warehouse ${warehouse.code}: it crosses no border, so customs never checks it.`,
      };
}

function fromCheck(check: CustomsCheckRecord | undefined, order: Order): CustomsView {
  return check === undefined || check.orderVersion !== order.version
    ? unchecked(order)
    : { outcome: check.outcome, orderVersion: check.orderVersion, problems: check.problems };
}

function answer(order: Order, customs: CustomsView) {
  return jsonResponse(200, { ...orderView(order), customs }, { etag: `"${order.version}"` });
}

/**
 * PATCH /v1/orders/{id}: corrects the fields customs needs (recipient tax id; items' description,
 * HS code, category, declared value, battery type, by sku; certificates) and re-runs the customs
 * checks at once when the order has been booked, so the answer carries the new status and every
 * remaining problem. The order, the check, its documents and its event are written in one
 * transaction, conditional on the version that was read (a concurrent change answers 409).
 */
export function buildCorrectOrderRoute(deps: CorrectOrderDeps): HttpRoute {
  const now = deps.now ?? (() => new Date());
  return async ({ event, tenant, body }) => {
    const orderId = pathParameter(event, 'id');
    const order = await deps.getOrder(orderId);
    if (order === undefined || !mayRead(tenant, order)) {
      throw notFound(`No order "${orderId}".`);
    }
    const parsed = orderCorrectionSchema.safeParse(body);
    if (!parsed.success) {
      throw validationError(parsed.error.issues);
    }
    requireIfMatch(header(event, 'if-match'), { name: 'order', version: order.version });
    if (!CORRECTABLE_STATUSES.includes(order.status)) {
      const why =
        order.status === 'unrateable' || order.status === 'unroutable' ? 'no carrier can take it; post a corrected order as a new one' : 'it is past customs';
      throw conflict(`Order "${orderId}" is ${order.status}: ${why}, so it can no longer be corrected.`);
    }
    const at = now().toISOString();
    const applied = applyCorrection(order, parsed.data, { at });
    if (!applied.ok) {
      throw badRequest(
        `The request has ${applied.problems.length} invalid field(s).`,
        applied.problems.map((problem) => ({ path: problem.path.join('.'), code: 'custom', message: problem.message })),
      );
    }
    if (!applied.changed) {
      // A retried or empty-in-effect correction: no new version, the current state as it is.
      return answer(order, fromCheck(await deps.getCustomsCheck(orderId), order));
    }

    const context = order.status === 'customs-held' || order.status === 'documents-ready' ? await deps.getCustomsContext(orderId) : undefined;
    const base = { orderId, expectedVersion: order.version, fromStatuses: [order.status], at };
    let corrected = applied.order;
    let customs: CustomsView = unchecked(corrected);
    let saved: boolean;
    if (context === undefined) {
      // Not booked yet (or booked but not yet checked): the customs consumer checks the new version.
      saved = await deps.save({ ...base, change: { kind: 'correction', order: corrected } });
    } else {
      const result = await deps.customsStep(corrected, context);
      corrected = { ...corrected, status: result.toStatus };
      customs = {
        outcome: result.toStatus === 'customs-held' ? 'held' : 'documents-ready',
        orderVersion: corrected.version,
        problems: result.decision.problems,
      };
      saved = await deps.save({
        ...base,
        change: { kind: 'correction', order: corrected },
        check: result.check,
        ...(result.documents === undefined ? {} : { documents: result.documents }),
        event: result.event,
      });
    }
    if (!saved) {
      throw conflict(`Order "${orderId}" changed while it was being corrected; read it again and retry.`);
    }
    logger.info('order corrected', { orderId, correlationId: orderId, version: corrected.version, status: corrected.status, customs: customs.outcome });
    return answer(corrected, customs);
  };
}
