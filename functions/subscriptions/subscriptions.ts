import * as z from 'zod';
import {
  createSubscription,
  InvalidCursorError,
  MAX_SUBSCRIPTIONS_PER_SELLER,
  recordVerification,
  rotateSecret,
  SECRET_OVERLAP_SECONDS,
  SubscriptionChangedError,
  SubscriptionLimitError,
  subscriptionInputSchema,
  type DeleteDeadLetter,
  type DeleteSubscription,
  type EnqueueDeliveries,
  type FindSubscription,
  type GetDeadLetter,
  type ListDeadLetters,
  type ListSubscriptions,
  type SaveSubscription,
  type Subscription,
  type TargetPolicy,
} from '../../domain/notifications';
import { mayActFor, type Tenant } from '../../domain/shared/tenant';
import { parseJsonBody, pathParameter, type HttpEvent, type HttpRoute } from '../shared/http/http-handler';
import { badRequest, conflict, forbidden, jsonResponse, notFound, validationError, type FieldProblem } from '../shared/http/problem';
import type { SubscriptionRouteKey } from './route-keys';
import type { VerifyTarget } from './verification';
import { deadLetterView, subscriptionView } from './views';

/** A subscription body is a few hundred bytes; 16 KB is generous. */
export const MAX_SUBSCRIPTION_BODY_BYTES = 16 * 1024;
const MAX_REPLAY_PER_CALL = 100;
/** Ids are `sub_` and a ULID (functions/shared/ids.ts). */
const SUBSCRIPTION_ID = /^sub_[0-9A-Za-z]{1,64}$/;

export interface SubscriptionRoutesDeps {
  readonly saveSubscription: SaveSubscription;
  readonly listSubscriptions: ListSubscriptions;
  readonly findSubscription: FindSubscription;
  readonly deleteSubscription: DeleteSubscription;
  readonly listDeadLetters: ListDeadLetters;
  readonly getDeadLetter: GetDeadLetter;
  readonly deleteDeadLetter: DeleteDeadLetter;
  readonly enqueueDeliveries: EnqueueDeliveries;
  readonly verifyTarget: VerifyTarget;
  readonly targetPolicy: TargetPolicy;
  readonly newSubscriptionId: () => string;
  readonly newSecret: () => string;
  readonly now?: () => Date;
}

/**
 * The /v1/subscriptions family as one function with a small router: API Gateway has already
 * matched the route (each is declared in the CDK), so the router is a lookup by routeKey. Every
 * route is tenant-scoped: a subscription is looked for only among the sellers the key acts for,
 * so another seller's subscription answers 404 exactly like a missing one.
 */
export function buildSubscriptionsRouter(deps: SubscriptionRoutesDeps): HttpRoute {
  const routes = buildSubscriptionRoutes(deps);
  return (request) => {
    const route = routes[request.event.routeKey as SubscriptionRouteKey] as HttpRoute | undefined;
    if (route === undefined) {
      throw notFound(`No route ${request.event.routeKey}.`);
    }
    return route(request);
  };
}

export function buildSubscriptionRoutes(deps: SubscriptionRoutesDeps): Record<SubscriptionRouteKey, HttpRoute> {
  const now = deps.now ?? (() => new Date());
  const inputSchema = subscriptionInputSchema(deps.targetPolicy);

  /** The subscription `{id}`, among the caller's sellers only. */
  const findOwn = async (event: HttpEvent, tenant: Tenant): Promise<Subscription> => {
    const subscriptionId = pathParameter(event, 'id');
    // Not an id Enlace could have issued: nothing to look up (and nothing oversized sent to the table).
    const subscription = SUBSCRIPTION_ID.test(subscriptionId) ? await deps.findSubscription(tenant.sellerIds, subscriptionId) : undefined;
    if (subscription === undefined || !mayActFor(tenant, subscription.sellerId)) {
      throw notFound(`No subscription "${subscriptionId}".`);
    }
    return subscription;
  };

  const save = async (subscription: Subscription): Promise<void> => {
    try {
      await deps.saveSubscription(subscription);
    } catch (error) {
      if (error instanceof SubscriptionChangedError) {
        throw conflict('The subscription was changed by another request at the same time; read it again and retry.');
      }
      if (error instanceof SubscriptionLimitError) {
        // Enforced atomically by the store: however many creations race, the cap holds.
        throw conflict(`Seller "${error.sellerId}" already has ${MAX_SUBSCRIPTIONS_PER_SELLER} subscriptions, the most allowed; delete one first.`);
      }
      throw error;
    }
  };

  return {
    'POST /v1/subscriptions': async ({ event, tenant }) => {
      const body = parseJsonBody(event, MAX_SUBSCRIPTION_BODY_BYTES);
      const parsed = inputSchema.safeParse(body);
      const requestedSeller = (body as { sellerId?: unknown } | null)?.sellerId;
      const sellerProblems = requestedSeller === undefined ? missingSellerProblems(tenant) : [];
      if (!parsed.success || sellerProblems.length > 0) {
        const problems = [...(parsed.success ? [] : validationError(parsed.error.issues).problems), ...sellerProblems];
        throw badRequest(`The request has ${problems.length} invalid field(s).`, problems);
      }
      const sellerId = parsed.data.sellerId ?? tenant.sellerIds[0]!;
      if (!mayActFor(tenant, sellerId)) {
        throw forbidden(`This API key may not manage subscriptions of seller "${sellerId}".`);
      }
      const secret = deps.newSecret();
      const created = createSubscription({ ...parsed.data, sellerId }, { subscriptionId: deps.newSubscriptionId(), secret, now: now() });
      await save(created);
      const verification = await deps.verifyTarget(created);
      const verified = recordVerification(created, verification, now());
      await save(verified);
      return jsonResponse(201, { ...subscriptionView(verified), secret, verification }, { location: `/v1/subscriptions/${verified.subscriptionId}` });
    },

    'GET /v1/subscriptions': async ({ event, tenant }) => {
      const requested = event.queryStringParameters?.sellerId;
      if (requested !== undefined && !mayActFor(tenant, requested)) {
        throw forbidden(`This API key may not read subscriptions of seller "${requested}".`);
      }
      const sellers = requested === undefined ? tenant.sellerIds : [requested];
      const subscriptions = (await Promise.all(sellers.map((sellerId) => deps.listSubscriptions(sellerId))))
        .flat()
        .filter((subscription) => mayActFor(tenant, subscription.sellerId))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.subscriptionId.localeCompare(b.subscriptionId));
      return jsonResponse(200, { subscriptions: subscriptions.map(subscriptionView) });
    },

    'GET /v1/subscriptions/{id}': async ({ event, tenant }) => jsonResponse(200, subscriptionView(await findOwn(event, tenant))),

    'DELETE /v1/subscriptions/{id}': async ({ event, tenant }) => {
      const subscription = await findOwn(event, tenant);
      await deps.deleteSubscription(subscription.sellerId, subscription.subscriptionId);
      return { statusCode: 204 };
    },

    'POST /v1/subscriptions/{id}/verify': async ({ event, tenant }) => {
      const subscription = await findOwn(event, tenant);
      const verification = await deps.verifyTarget(subscription);
      const verified = recordVerification(subscription, verification, now());
      await save(verified);
      return jsonResponse(200, { ...subscriptionView(verified), verification });
    },

    'POST /v1/subscriptions/{id}/rotate-secret': async ({ event, tenant }) => {
      const options = parseOptionalBody(event, rotateSchema);
      const subscription = await findOwn(event, tenant);
      const secret = deps.newSecret();
      const rotated = rotateSecret(subscription, secret, now(), options?.overlapSeconds ?? SECRET_OVERLAP_SECONDS);
      await save(rotated);
      return jsonResponse(200, { ...subscriptionView(rotated), secret });
    },

    'GET /v1/subscriptions/{id}/dead-letters': async ({ event, tenant }) => {
      const query = pageSchema.safeParse(event.queryStringParameters ?? {});
      if (!query.success) {
        throw validationError(query.error.issues);
      }
      const subscription = await findOwn(event, tenant);
      try {
        const page = await deps.listDeadLetters(subscription.sellerId, subscription.subscriptionId, {
          limit: query.data.limit,
          ...(query.data.cursor === undefined ? {} : { cursor: query.data.cursor }),
        });
        return jsonResponse(200, { deadLetters: page.items.map(deadLetterView), ...(page.cursor === undefined ? {} : { nextCursor: page.cursor }) });
      } catch (error) {
        if (error instanceof InvalidCursorError) {
          throw badRequest('The cursor is invalid.', [{ path: 'cursor', code: 'custom', message: 'pass back the nextCursor of a previous page, unchanged' }]);
        }
        throw error;
      }
    },

    'POST /v1/subscriptions/{id}/replay': async ({ event, tenant }) => {
      const options = parseOptionalBody(event, replaySchema);
      const subscription = await findOwn(event, tenant);
      if (subscription.status !== 'active') {
        throw conflict('The subscription is not verified yet; verify it (POST /v1/subscriptions/{id}/verify) before replaying.');
      }
      const { sellerId, subscriptionId } = subscription;
      const requested = options?.deliveryIds;
      let deadLetters;
      let notFoundIds: string[] = [];
      let more = false;
      if (requested === undefined) {
        const page = await deps.listDeadLetters(sellerId, subscriptionId, { limit: MAX_REPLAY_PER_CALL });
        deadLetters = page.items;
        more = page.cursor !== undefined;
      } else {
        const found = await Promise.all(requested.map((deliveryId) => deps.getDeadLetter(sellerId, subscriptionId, deliveryId)));
        deadLetters = found.filter((deadLetter) => deadLetter !== undefined);
        notFoundIds = requested.filter((_, index) => found[index] === undefined);
      }
      const replayedAt = now().toISOString();
      // Queued before they are removed: a crash in between replays a delivery twice (same delivery id), never zero times.
      await deps.enqueueDeliveries(
        deadLetters.map((deadLetter) => ({
          deliveryId: deadLetter.deliveryId,
          subscriptionId,
          sellerId,
          payload: deadLetter.payload,
          firstAttemptAt: replayedAt,
        })),
      );
      await Promise.all(deadLetters.map((deadLetter) => deps.deleteDeadLetter(sellerId, subscriptionId, deadLetter.deliveryId)));
      return jsonResponse(202, { replayed: deadLetters.map((deadLetter) => deadLetter.deliveryId), notFound: notFoundIds, more });
    },
  };
}

/** A key acting for several sellers must say which one; a seller's own key need not. */
function missingSellerProblems(tenant: Tenant): FieldProblem[] {
  if (tenant.sellerIds.length === 1) {
    return [];
  }
  return [
    {
      path: 'sellerId',
      code: 'custom',
      message:
        tenant.sellerIds.length === 0 ? 'this API key acts for no seller' : `required: this API key acts for several sellers (${tenant.sellerIds.join(', ')})`,
    },
  ];
}

export const rotateSchema = z
  .object({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60 * 60)
      .optional(),
  })
  .strict();

export const replaySchema = z
  .object({
    deliveryIds: z
      .array(z.string().regex(/^dlv_[0-9a-f]{32}$/, 'must be a delivery id (dlv_…)'))
      .min(1)
      .max(MAX_REPLAY_PER_CALL)
      .optional(),
  })
  .strict();

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

/** POST routes whose body is optional: no body means the defaults. */
function parseOptionalBody<T extends z.ZodType>(event: HttpEvent, schema: T): z.output<T> | undefined {
  if (event.body === undefined || event.body.length === 0) {
    return undefined;
  }
  const parsed = schema.safeParse(parseJsonBody(event, MAX_SUBSCRIPTION_BODY_BYTES));
  if (!parsed.success) {
    throw validationError(parsed.error.issues);
  }
  return parsed.data;
}
