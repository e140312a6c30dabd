import * as z from 'zod';
import { DESTINATION_COUNTRIES, type DestinationCountry } from '../shared/shipping-terms';
import { humanText } from '../shared/text';
import { addressProblem, hostnameProblem, parseIp } from './network-addresses';
import { ALL_EVENT_TYPES, isException, isNotifiable, isOrderEventType, NOTIFIABLE_EVENT_TYPES, type NotifiableEventType } from './event-types';

/** Where a seller's notifications go: an HTTPS endpoint (signed POSTs) or an EventBridge bus of theirs. */
export type SubscriptionTarget = { readonly kind: 'https'; readonly url: string } | { readonly kind: 'event-bus'; readonly arn: string };

/** Narrows the events of the subscribed types; every condition given must hold. */
export interface NotificationFilter {
  /** Only orders shipping to these countries (and inventory at warehouses in them). */
  readonly destinationCountries?: readonly DestinationCountry[];
  /** Only events where something went wrong (see EXCEPTION_EVENT_TYPES). */
  readonly exceptionsOnly?: boolean;
}

/** Nothing is delivered until the target proved it is the seller's (the verification handshake). */
export type SubscriptionStatus = 'pending_verification' | 'active';

/**
 * A signing secret. Stored sealed (encrypted under a key only the delivery path may use, see
 * functions/shared/notifications/secret-box.ts); its value is here only where it was just made (to
 * be shown once and sealed) or where the delivery path opened it to sign.
 */
export interface SigningSecret {
  /** The secret's value: absent once stored, until the delivery path opens it. */
  readonly secret?: string;
  /** The sealed value, as stored (opaque here). */
  readonly sealed?: Readonly<Record<string, string>>;
  /** What the API shows instead of the value: its first 6 and last 4 characters. */
  readonly hint: string;
  readonly createdAt: string;
  /** Set when a newer secret replaced this one; it keeps signing until then. */
  readonly expiresAt?: string;
}

export interface VerificationOutcome {
  readonly at: string;
  readonly ok: boolean;
  readonly reason?: string;
}

export interface Subscription {
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly target: SubscriptionTarget;
  readonly eventTypes: readonly (NotifiableEventType | typeof ALL_EVENT_TYPES)[];
  readonly filter: NotificationFilter;
  readonly description?: string;
  readonly status: SubscriptionStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastVerification?: VerificationOutcome;
  /** Newest first. */
  readonly secrets: readonly SigningSecret[];
  /** Bumped on every change; writes are conditional on it, so two rotations cannot lose a secret. */
  readonly revision: number;
}

/** Where a delivery may connect (checked at subscription and again at every send). */
export interface NetworkPolicy {
  /**
   * The local cloud only: receivers on this machine (`http://localhost:<port>`, `127.0.0.1`, `[::1]`),
   * on any port but the local cloud's own endpoints (API, admin, emulators). Absent on AWS: public
   * HTTPS hosts only.
   */
  readonly loopback?: { readonly deniedPorts: readonly number[] };
}

/** What the API may point notifications at, which depends on where Enlace runs. */
export interface TargetPolicy {
  readonly network: NetworkPolicy;
  /** Buses that must never be a target (Enlace's own: forwarding onto it would feed the fan-out). */
  readonly reservedBusNames: readonly string[];
  /** Enlace's own AWS account: no bus in it may be a target, whatever its name (its default bus included). */
  readonly ownAccountId?: string;
}

/** A subscription belongs to one seller; a seller has at most this many (the fan-out reads them all on every event). */
export const MAX_SUBSCRIPTIONS_PER_SELLER = 20;
/** A rotated secret keeps signing for this long, so receivers can deploy the new one without losing a delivery. */
export const SECRET_OVERLAP_SECONDS = 24 * 60 * 60;

const SELLER_ID = /^[A-Za-z0-9_-]{3,64}$/;
const EVENT_BUS_ARN = /^arn:aws[a-z-]*:events:[a-z]{2}(?:-[a-z]+)+-\d:(\d{12}):event-bus\/([A-Za-z0-9._\-/]{1,256})$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why an endpoint URL is refused (empty: acceptable). Its addresses are checked again at every send. */
export function endpointProblems(raw: string, policy: TargetPolicy): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return ['must be an absolute URL such as https://erp.example.com/enlace/webhooks'];
  }
  const problems: string[] = [];
  if (url.username !== '' || url.password !== '') {
    problems.push('must not carry credentials; every delivery is signed instead');
  }
  if (url.hash !== '') {
    problems.push('must not have a #fragment');
  }
  const loopback = policy.network.loopback;
  const local = loopback !== undefined && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    problems.push(loopback === undefined ? 'must use https' : 'must use https (http only for localhost)');
  }
  const hostProblem = local ? localPortProblem(url, loopback) : publicHostProblem(url.hostname);
  if (hostProblem !== undefined) {
    problems.push(hostProblem);
  }
  return problems;
}

/** A receiver on this machine: any port but the local cloud's own. */
function localPortProblem(url: URL, loopback: NonNullable<NetworkPolicy['loopback']>): string | undefined {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return loopback.deniedPorts.includes(port) ? `port ${port} is one of the local cloud's own endpoints; point at a receiver of yours` : undefined;
}

/** Literal addresses and names that cannot be public (names are also resolved and checked at every send). */
function publicHostProblem(hostname: string): string | undefined {
  const address = parseIp(hostname);
  const problem = address === undefined ? hostnameProblem(hostname) : addressProblem(address);
  return problem === undefined ? undefined : `must be a public host: ${problem}`;
}

/** Why an event bus ARN is refused (empty: acceptable). */
export function eventBusArnProblems(arn: string, policy: TargetPolicy): string[] {
  const match = EVENT_BUS_ARN.exec(arn);
  if (match === null) {
    return ['must be an EventBridge event bus ARN such as arn:aws:events:us-east-1:123456789012:event-bus/enlace-notifications'];
  }
  if (policy.ownAccountId !== undefined && match[1] === policy.ownAccountId) {
    return ["must be a bus in your own AWS account: Enlace's account is not a target"];
  }
  return policy.reservedBusNames.includes(match[2]!) ? [`the bus "${match[2]}" is reserved; subscribe a bus of your own`] : [];
}

const eventTypeSchema = z.enum([...NOTIFIABLE_EVENT_TYPES, ALL_EVENT_TYPES], {
  error: `must be one of ${[...NOTIFIABLE_EVENT_TYPES, ALL_EVENT_TYPES].join(', ')}`,
});

/** Adds each message as an issue on the field being checked. */
const problemsAsIssues =
  <T>(check: (value: T) => string[]) =>
  (value: T, context: z.RefinementCtx) => {
    for (const message of check(value)) {
      context.addIssue({ code: 'custom', message });
    }
  };

/**
 * The body of POST /v1/subscriptions: exactly one of `endpoint` and `eventBusArn`. Checks sit on
 * the fields (and the one cross-field check runs even when fields fail), so a 400 names every
 * problem at once.
 */
export function subscriptionInputSchema(policy: TargetPolicy) {
  return z
    .object({
      sellerId: z.string().regex(SELLER_ID, 'must be 3 to 64 letters, digits, "_" or "-"').optional(),
      endpoint: z
        .string()
        .max(2048)
        .superRefine(problemsAsIssues((url: string) => endpointProblems(url, policy)))
        .optional(),
      eventBusArn: z
        .string()
        .max(1600)
        .superRefine(problemsAsIssues((arn: string) => eventBusArnProblems(arn, policy)))
        .optional(),
      eventTypes: z
        .array(eventTypeSchema)
        .min(1, 'subscribe to at least one event type (or "*")')
        .max(NOTIFIABLE_EVENT_TYPES.length + 1)
        .superRefine((types, context) => {
          types.forEach((type, index) => {
            if (types.indexOf(type) !== index) {
              context.addIssue({ code: 'custom', path: [index], message: `"${type}" is listed twice` });
            }
          });
        }),
      filter: z
        .object({
          destinationCountries: z.array(z.enum(DESTINATION_COUNTRIES)).min(1).max(DESTINATION_COUNTRIES.length).optional(),
          exceptionsOnly: z.boolean().optional(),
        })
        .strict()
        .optional(),
      description: humanText(200, { multiLine: true, allowEmpty: true }).optional(),
    })
    .strict()
    .refine((input) => (input.endpoint === undefined) !== (input.eventBusArn === undefined), {
      path: ['endpoint'],
      message: 'give exactly one of "endpoint" (an HTTPS URL) and "eventBusArn"',
      when: (payload) => payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value),
    })
    .transform((input) => ({
      ...(input.sellerId === undefined ? {} : { sellerId: input.sellerId }),
      target: (input.endpoint !== undefined ? { kind: 'https', url: input.endpoint } : { kind: 'event-bus', arn: input.eventBusArn! }) as SubscriptionTarget,
      // `*` covers the order types, so they are dropped beside it; inventory types stay as listed.
      eventTypes: input.eventTypes.includes(ALL_EVENT_TYPES)
        ? input.eventTypes.filter((type) => type === ALL_EVENT_TYPES || !isOrderEventType(type))
        : input.eventTypes,
      filter: {
        ...(input.filter?.destinationCountries === undefined ? {} : { destinationCountries: [...new Set(input.filter.destinationCountries)] }),
        ...(input.filter?.exceptionsOnly === true ? { exceptionsOnly: true } : {}),
      },
      ...(input.description === undefined || input.description.length === 0 ? {} : { description: input.description }),
    }));
}
export type SubscriptionInput = z.output<ReturnType<typeof subscriptionInputSchema>>;

/** A new subscription: waiting for its verification handshake, signing with `secret`. */
export function createSubscription(
  input: SubscriptionInput & { readonly sellerId: string },
  context: { subscriptionId: string; secret: string; now: Date },
): Subscription {
  const at = context.now.toISOString();
  return {
    subscriptionId: context.subscriptionId,
    sellerId: input.sellerId,
    target: input.target,
    eventTypes: input.eventTypes,
    filter: input.filter,
    ...(input.description === undefined ? {} : { description: input.description }),
    status: 'pending_verification',
    createdAt: at,
    updatedAt: at,
    secrets: [{ secret: context.secret, hint: secretHint(context.secret), createdAt: at }],
    revision: 1,
  };
}

/** Records a handshake; a subscription that passed once stays active (a later failed re-check is only recorded). */
export function recordVerification(subscription: Subscription, outcome: { ok: boolean; reason?: string }, now: Date): Subscription {
  const at = now.toISOString();
  return {
    ...subscription,
    status: outcome.ok || subscription.status === 'active' ? 'active' : 'pending_verification',
    lastVerification: { at, ok: outcome.ok, ...(outcome.reason === undefined ? {} : { reason: outcome.reason }) },
    updatedAt: at,
    revision: subscription.revision + 1,
  };
}

/** A secret as the API shows it after creation: never its value, only enough to tell which one it is. */
export const secretHint = (secret: string): string => `${secret.slice(0, 6)}…${secret.slice(-4)}`;

/** A secret that signs must have been opened first (only the delivery path can). */
export class SecretNotOpenError extends Error {
  constructor(readonly subscriptionId: string) {
    super(`subscription ${subscriptionId}: a signing secret is still sealed; open it on the delivery path before signing`);
    this.name = 'SecretNotOpenError';
  }
}

/** The secrets that sign a delivery made at `now`, newest first; every one must be open. */
export function signingSecrets(subscription: Subscription, now: Date): string[] {
  return subscription.secrets
    .filter((secret) => secret.expiresAt === undefined || Date.parse(secret.expiresAt) > now.getTime())
    .map((secret) => {
      if (secret.secret === undefined) {
        throw new SecretNotOpenError(subscription.subscriptionId);
      }
      return secret.secret;
    });
}

/**
 * A new secret signs from now on; the secrets it replaces keep signing for `overlapSeconds` (or
 * less, if they were already due to expire), and expired ones are dropped.
 */
export function rotateSecret(subscription: Subscription, newSecret: string, now: Date, overlapSeconds: number = SECRET_OVERLAP_SECONDS): Subscription {
  const at = now.toISOString();
  const overlapEnds = now.getTime() + overlapSeconds * 1000;
  const previous = subscription.secrets
    .filter((secret) => secret.expiresAt === undefined || Date.parse(secret.expiresAt) > now.getTime())
    .map((secret) => ({
      ...secret,
      expiresAt: new Date(Math.min(overlapEnds, secret.expiresAt === undefined ? overlapEnds : Date.parse(secret.expiresAt))).toISOString(),
    }));
  return {
    ...subscription,
    secrets: [{ secret: newSecret, hint: secretHint(newSecret), createdAt: at }, ...previous],
    updatedAt: at,
    revision: subscription.revision + 1,
  };
}

/** What the fan-out knows about an event when it picks the subscriptions that want it. */
export interface EventFacts {
  readonly type: string;
  /** The order's destination (the warehouse's country for inventory events), when a filter needs it. */
  readonly destinationCountry?: string;
}

/** Whether an active subscription wants this event: its type, then every filter condition. */
export function wantsEvent(subscription: Subscription, event: EventFacts): boolean {
  if (subscription.status !== 'active' || !isNotifiable(event.type)) {
    return false;
  }
  const typeMatches = subscription.eventTypes.some((type) => (type === ALL_EVENT_TYPES && isOrderEventType(event.type)) || type === event.type);
  if (!typeMatches) {
    return false;
  }
  if (subscription.filter.exceptionsOnly === true && !isException(event.type)) {
    return false;
  }
  const countries = subscription.filter.destinationCountries;
  return countries === undefined || (event.destinationCountry !== undefined && (countries as readonly string[]).includes(event.destinationCountry));
}

/** Whether deciding `wantsEvent` needs the order's destination (so the fan-out reads the order only then). */
export function needsDestinationCountry(subscription: Subscription): boolean {
  return subscription.filter.destinationCountries !== undefined;
}
