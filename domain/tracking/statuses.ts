/**
 * Enlace's canonical tracking statuses: one vocabulary for every carrier, so a seller reads the same
 * words whether the parcel is with the line-haul in Shenzhen or with Correios in São Paulo.
 *
 * Why more statuses than AfterShip, EasyPost or Shippo: they track one carrier's network, so
 * "in transit" is enough. A cross-border parcel crosses two customs and three networks, and a
 * seller (and the stall sweep) needs to know which one it is in. The extra statuses are all
 * refinements of their "in transit"; the table below keeps the mapping to theirs.
 *
 * | Enlace                      | AfterShip tag (subtag)          | EasyPost status        | Shippo status (substatus)   | Karrio            |
 * | --------------------------- | ------------------------------- | ---------------------- | --------------------------- | ----------------- |
 * | label-created               | InfoReceived                    | pre_transit            | PRE_TRANSIT                 | pending           |
 * | picked-up                   | InTransit (picked up)           | in_transit             | TRANSIT                     | picked_up         |
 * | in-transit                  | InTransit                       | in_transit             | TRANSIT                     | in_transit        |
 * | export-customs              | InTransit (customs)             | in_transit             | TRANSIT                     | in_transit        |
 * | in-transit-international    | InTransit                       | in_transit             | TRANSIT                     | in_transit        |
 * | arrived-destination-country | InTransit                       | in_transit             | TRANSIT                     | in_transit        |
 * | import-customs              | InTransit (customs)             | in_transit             | TRANSIT                     | in_transit        |
 * | customs-held                | Exception (Exception_004)       | failure ≈              | FAILURE ≈                   | on_hold (customs_delay) |
 * | duties-due                  | Exception ≈                     | in_transit ≈           | TRANSIT (action_required) ≈ | on_hold (duties_unpaid) |
 * | in-transit-destination      | InTransit                       | in_transit             | TRANSIT                     | in_transit        |
 * | out-for-delivery            | OutForDelivery                  | out_for_delivery       | TRANSIT ≈                   | out_for_delivery  |
 * | delivery-attempt-failed     | AttemptFail                     | failure ≈              | FAILURE ≈                   | delivery_failed   |
 * | available-for-pickup        | AvailableForPickup              | available_for_pickup   | TRANSIT ≈                   | ready_for_pickup  |
 * | delivered                   | Delivered                       | delivered              | DELIVERED                   | delivered         |
 * | returning-to-sender         | Exception (returning) ≈         | return_to_sender       | RETURNED ≈                  | return_to_sender  |
 * | returned                    | Exception (returned) ≈          | return_to_sender       | RETURNED                    | return_to_sender  |
 * | lost                        | Exception (lost) ≈              | failure                | FAILURE                     | delivery_failed ≈ |
 * | damaged                     | Exception (damaged) ≈           | failure                | FAILURE                     | on_hold ≈         |
 * | exception                   | Exception                       | failure / error        | FAILURE                     | on_hold / delivery_delayed |
 * Sources: shared/reference/tracking-and-webhooks.md (gathered 2026-11-22 from each vendor's docs and
 * code). "≈" marks a correspondence we chose where the other vocabulary has no exact equivalent
 * (their sub-status lists are long and change; check before relying on one).
 * Nobody else has "unknown": an unrecognised carrier code keeps the parcel's status (see update.ts).
 *
 * Cross-border rule for last-mile carriers: `picked-up` is the first-mile pickup from the seller in
 * China. A last-mile carrier's own acceptance scan (Estafeta "recolección", USPS "Accepted") happens
 * after import customs and maps to `in-transit-destination` / `accepted-by-carrier`, never to
 * `picked-up`, or it would look like a step backwards.
 */

export const TRACKING_STATUSES = [
  'label-created',
  'picked-up',
  'in-transit',
  'export-customs',
  'in-transit-international',
  'arrived-destination-country',
  'import-customs',
  'customs-held',
  'duties-due',
  'in-transit-destination',
  'out-for-delivery',
  'delivery-attempt-failed',
  'available-for-pickup',
  'delivered',
  'returning-to-sender',
  'returned',
  'lost',
  'damaged',
  'exception',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/**
 * The part of the journey a status belongs to; the stall sweep allows each leg its own silence
 * (stalls.ts). `awaiting-recipient` is a parcel waiting for the buyer to collect it: silence there
 * is expected for days.
 */
export const TRACKING_LEGS = ['first-mile', 'export-customs', 'line-haul', 'import-customs', 'last-mile', 'awaiting-recipient', 'return'] as const;
export type TrackingLeg = (typeof TRACKING_LEGS)[number];

/**
 * How a status takes part in "never backwards" (timeline.ts):
 * - `progress`: a step of the journey; applies only if its rank is at least the highest rank
 *   reached so far, so a late "in transit" never undoes "out for delivery".
 * - `staged-exception`: a problem tied to a step (held at customs, delivery attempt failed); applies
 *   only at or after that step's rank (a customs hold reported after out-for-delivery is history,
 *   not news), and later progress of at least the same rank supersedes it.
 * - `anywhere-exception`: a problem that can strike at any point (exception, damaged, lost); always
 *   applies, and the next progress event supersedes it (unless it is terminal, see `lost`).
 */
export type StatusKind = 'progress' | 'staged-exception' | 'anywhere-exception';

export interface StatusDefinition {
  readonly status: TrackingStatus;
  readonly kind: StatusKind;
  /** Progress rank; for an anywhere-exception, 0 (it has no place on the journey). */
  readonly rank: number;
  /** Final: only left through TERMINAL_EXITS. */
  readonly terminal: boolean;
  /** Raises shipment.exception when the shipment enters it. */
  readonly isException: boolean;
  /** For the stall sweep; an anywhere-exception uses the leg of the last progress step instead. */
  readonly leg: TrackingLeg;
  readonly description: string;
}

const definitions: readonly StatusDefinition[] = [
  {
    status: 'label-created',
    kind: 'progress',
    rank: 10,
    terminal: false,
    isException: false,
    leg: 'first-mile',
    description: 'Label bought, the parcel is not with a carrier yet',
  },
  {
    status: 'picked-up',
    kind: 'progress',
    rank: 20,
    terminal: false,
    isException: false,
    leg: 'first-mile',
    description: 'Collected from the seller in China',
  },
  {
    status: 'in-transit',
    kind: 'progress',
    rank: 30,
    terminal: false,
    isException: false,
    leg: 'first-mile',
    description: 'Moving in the origin network, up to the export hub',
  },
  {
    status: 'export-customs',
    kind: 'progress',
    rank: 40,
    terminal: false,
    isException: false,
    leg: 'export-customs',
    description: 'Export declaration submitted or cleared in China',
  },
  {
    status: 'in-transit-international',
    kind: 'progress',
    rank: 50,
    terminal: false,
    isException: false,
    leg: 'line-haul',
    description: 'Handed to the airline, in flight or at a transit airport',
  },
  {
    status: 'arrived-destination-country',
    kind: 'progress',
    rank: 60,
    terminal: false,
    isException: false,
    leg: 'import-customs',
    description: 'Landed, or received by the destination post, before import clearance',
  },
  {
    status: 'import-customs',
    kind: 'progress',
    rank: 70,
    terminal: false,
    isException: false,
    leg: 'import-customs',
    description: 'Import clearance in progress or released',
  },
  {
    status: 'customs-held',
    kind: 'staged-exception',
    rank: 70,
    terminal: false,
    isException: true,
    leg: 'import-customs',
    description: 'Held by import customs (inspection, documents, prohibited goods)',
  },
  {
    status: 'duties-due',
    kind: 'staged-exception',
    rank: 70,
    terminal: false,
    isException: true,
    leg: 'import-customs',
    description: 'Import duties or taxes must be paid before release',
  },
  {
    status: 'in-transit-destination',
    kind: 'progress',
    rank: 80,
    terminal: false,
    isException: false,
    leg: 'last-mile',
    description: 'With the last-mile carrier, moving in the destination country',
  },
  {
    status: 'out-for-delivery',
    kind: 'progress',
    rank: 90,
    terminal: false,
    isException: false,
    leg: 'last-mile',
    description: 'On the vehicle for delivery today',
  },
  {
    status: 'delivery-attempt-failed',
    kind: 'staged-exception',
    rank: 90,
    terminal: false,
    isException: true,
    leg: 'last-mile',
    description: 'The carrier tried and could not deliver',
  },
  // Same rank as out-for-delivery: a parcel can go from a pickup point back out for delivery.
  {
    status: 'available-for-pickup',
    kind: 'progress',
    rank: 90,
    terminal: false,
    isException: false,
    leg: 'awaiting-recipient',
    description: 'Waiting at a pickup point or post office for the buyer',
  },
  { status: 'delivered', kind: 'progress', rank: 100, terminal: true, isException: false, leg: 'last-mile', description: 'Delivered to the buyer' },
  {
    status: 'returning-to-sender',
    kind: 'progress',
    rank: 110,
    terminal: false,
    isException: true,
    leg: 'return',
    description: 'On its way back (refused, undeliverable, rejected by customs, or returned by the buyer)',
  },
  {
    status: 'returned',
    kind: 'progress',
    rank: 120,
    terminal: true,
    isException: false,
    leg: 'return',
    description: 'Back with the sender or the return warehouse',
  },
  {
    status: 'lost',
    kind: 'anywhere-exception',
    rank: 0,
    terminal: true,
    isException: true,
    leg: 'last-mile',
    description: 'Declared lost (or stolen) by the carrier',
  },
  {
    status: 'damaged',
    kind: 'anywhere-exception',
    rank: 0,
    terminal: false,
    isException: true,
    leg: 'last-mile',
    description: 'Reported damaged; it may still be delivered or returned',
  },
  {
    status: 'exception',
    kind: 'anywhere-exception',
    rank: 0,
    terminal: false,
    isException: true,
    leg: 'last-mile',
    description: 'Any other problem the carrier reports',
  },
];

export const STATUS_DEFINITIONS: Readonly<Record<TrackingStatus, StatusDefinition>> = Object.fromEntries(
  definitions.map((definition) => [definition.status, definition]),
) as Record<TrackingStatus, StatusDefinition>;

export function isTrackingStatus(value: unknown): value is TrackingStatus {
  return typeof value === 'string' && (TRACKING_STATUSES as readonly string[]).includes(value);
}

/**
 * The only ways out of a terminal status (everything else after it stays on the timeline and does
 * not move the status):
 * - delivered → returning-to-sender / returned: the buyer sends it back, or refuses it after the
 *   carrier recorded the delivery. A delivery is still counted once (timeline.ts).
 * - lost → delivered / returning-to-sender / returned: parcels declared lost do turn up. Only these
 *   three reopen it, because they prove where the parcel is; an ordinary scan dated after "lost"
 *   more often is a late, backdated one, so it waits for an operator.
 * - returned: final. A re-shipment is a new shipment.
 */
export const TERMINAL_EXITS: Readonly<Partial<Record<TrackingStatus, readonly TrackingStatus[]>>> = {
  delivered: ['returning-to-sender', 'returned'],
  lost: ['delivered', 'returning-to-sender', 'returned'],
  returned: [],
};

export function canLeaveTerminal(from: TrackingStatus, to: TrackingStatus): boolean {
  return (TERMINAL_EXITS[from] ?? []).includes(to);
}
