import * as z from 'zod';

/**
 * Every Enlace event travels on the `enlace` bus as EventBridge detail `{ metadata, data }`.
 * `metadata` is the same for every event; `data` is the versioned payload of one event type.
 */
export const EVENT_BUS_NAME = 'enlace';

export const eventMetadataSchema = z.object({
  eventId: z.string().min(1),
  /** detail-type, `<entity>.<fact>` in the past tense. */
  type: z.string().regex(/^[a-z-]+\.[a-z-]+$/),
  version: z.number().int().positive(),
  /** `enlace.<context>`; also the EventBridge source. */
  source: z.string().regex(/^enlace\.[a-z-]+$/),
  occurredAt: z.iso.datetime(),
  /** The order id, carried through the whole pipeline. */
  correlationId: z.string().min(1),
  /** The event that caused this one, when there is one. */
  causationId: z.string().min(1).optional(),
  /** The tenant the event belongs to; notifications are routed by it, never across sellers. */
  sellerId: z.string().min(1),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

/** One event type at one version: its name, where it comes from and the schema of its data. */
export interface EventContract<TType extends string, TData extends z.ZodType> {
  readonly type: TType;
  readonly version: number;
  readonly source: string;
  readonly description: string;
  readonly data: TData;
}

export function defineEvent<TType extends string, TData extends z.ZodType>(contract: EventContract<TType, TData>): EventContract<TType, TData> {
  return contract;
}

export interface EnlaceEvent<TData = unknown> {
  readonly metadata: EventMetadata;
  readonly data: TData;
}

/** Building a zod schema costs far more than using one; each contract's envelope is built once. */
const envelopes = new WeakMap<EventContract<string, z.ZodType>, unknown>();

export function envelopeSchema<TData extends z.ZodType>(contract: EventContract<string, TData>) {
  const cached = envelopes.get(contract) as ReturnType<typeof buildEnvelopeSchema<TData>> | undefined;
  if (cached !== undefined) {
    return cached;
  }
  const built = buildEnvelopeSchema(contract);
  envelopes.set(contract, built);
  return built;
}

function buildEnvelopeSchema<TData extends z.ZodType>(contract: EventContract<string, TData>) {
  return z.object({
    metadata: eventMetadataSchema.extend({
      type: z.literal(contract.type),
      version: z.literal(contract.version),
      source: z.literal(contract.source),
    }),
    data: contract.data,
  });
}

export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`invalid ${eventType} event: ${issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/** Builds an event and validates it against its contract, so a producer never publishes a malformed one. */
export function createEvent<TData extends z.ZodType>(
  contract: EventContract<string, TData>,
  data: z.input<TData>,
  context: { eventId: string; occurredAt: string; correlationId: string; sellerId: string; causationId?: string },
): EnlaceEvent<z.output<TData>> {
  const candidate = {
    metadata: {
      eventId: context.eventId,
      type: contract.type,
      version: contract.version,
      source: contract.source,
      occurredAt: context.occurredAt,
      correlationId: context.correlationId,
      sellerId: context.sellerId,
      ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
    },
    data,
  };
  return parseEvent(contract, candidate);
}

/** Validates an event received from the bus (consumers check what producers promised). */
export function parseEvent<TData extends z.ZodType>(contract: EventContract<string, TData>, detail: unknown): EnlaceEvent<z.output<TData>> {
  const result = envelopeSchema(contract).safeParse(detail);
  if (!result.success) {
    throw new InvalidEventError(contract.type, result.error.issues);
  }
  return result.data as EnlaceEvent<z.output<TData>>;
}
