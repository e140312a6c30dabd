/**
 * The inbound shipment's journey, China → destination warehouse, as a state machine that none of
 * the fulfilment APIs (ShipBob, ShipHero, FBA) models: consolidation in China, the sea or air leg,
 * the destination port, customs with holds and inspections, release, a dock appointment, receiving.
 */
export const INBOUND_MODES = ['sea-fcl', 'sea-lcl', 'air', 'express'] as const;
export type InboundMode = (typeof INBOUND_MODES)[number];

export const INBOUND_STATUSES = [
  'booked',
  'consolidated',
  'departed',
  'arrived-port',
  'in-customs',
  'customs-held',
  'customs-inspection',
  'released',
  'appointment-scheduled',
  'arrived-warehouse',
  'receiving',
  'received',
  'closed',
  'cancelled',
] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/** Where a shipment may go next from each status. A milestone that is not listed is refused (409). */
export const TRANSITIONS: Readonly<Record<InboundStatus, readonly InboundStatus[]>> = {
  booked: ['consolidated', 'cancelled'],
  consolidated: ['departed', 'cancelled'],
  departed: ['arrived-port'],
  'arrived-port': ['in-customs'],
  'in-customs': ['customs-held', 'customs-inspection', 'released'],
  'customs-held': ['in-customs', 'customs-inspection', 'released'],
  'customs-inspection': ['customs-held', 'released'],
  released: ['appointment-scheduled', 'arrived-warehouse'],
  'appointment-scheduled': ['appointment-scheduled', 'arrived-warehouse'],
  'arrived-warehouse': ['receiving'],
  receiving: ['receiving', 'received'],
  received: ['closed'],
  closed: [],
  cancelled: [],
};

export function mayMove(from: InboundStatus, to: InboundStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses whose units count as "inbound" in the stock view, by stage. */
export const INBOUND_STAGE: Readonly<Record<InboundStatus, 'booked' | 'inTransit' | 'inCustoms' | 'atWarehouse' | null>> = {
  booked: 'booked',
  consolidated: 'booked',
  departed: 'inTransit',
  'arrived-port': 'inTransit',
  'in-customs': 'inCustoms',
  'customs-held': 'inCustoms',
  'customs-inspection': 'inCustoms',
  released: 'inTransit',
  'appointment-scheduled': 'inTransit',
  'arrived-warehouse': 'atWarehouse',
  receiving: 'atWarehouse',
  received: null,
  closed: null,
  cancelled: null,
};

export function isOpen(status: InboundStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}

/**
 * How long a leg may stay silent before Enlace raises `inbound.stalled`, in hours, by mode. SANDBOX
 * figures: the upper end of each leg's published range plus a margin (docs/inbound.md, "Lead
 * times": CN→MX air 3–7 days, sea 22–35; CN→BR sea to Santos 30–60; customs buffers 5–7 days).
 */
export const STALL_THRESHOLD_HOURS: Readonly<Record<Exclude<InboundStatus, 'received' | 'closed' | 'cancelled'>, Readonly<Record<InboundMode, number>>>> = {
  booked: { 'sea-fcl': 168, 'sea-lcl': 240, air: 120, express: 72 },
  consolidated: { 'sea-fcl': 240, 'sea-lcl': 336, air: 120, express: 72 },
  departed: { 'sea-fcl': 1_200, 'sea-lcl': 1_440, air: 240, express: 168 },
  'arrived-port': { 'sea-fcl': 120, 'sea-lcl': 168, air: 72, express: 48 },
  'in-customs': { 'sea-fcl': 168, 'sea-lcl': 168, air: 120, express: 72 },
  'customs-held': { 'sea-fcl': 120, 'sea-lcl': 120, air: 120, express: 72 },
  'customs-inspection': { 'sea-fcl': 240, 'sea-lcl': 240, air: 168, express: 120 },
  released: { 'sea-fcl': 120, 'sea-lcl': 120, air: 72, express: 48 },
  'appointment-scheduled': { 'sea-fcl': 72, 'sea-lcl': 72, air: 72, express: 48 },
  'arrived-warehouse': { 'sea-fcl': 48, 'sea-lcl': 48, air: 48, express: 24 },
  receiving: { 'sea-fcl': 72, 'sea-lcl': 72, air: 48, express: 24 },
};

/** When a shipment in `status` since `since` counts as stalled; null for statuses that are not watched. */
export function stallDueAt(status: InboundStatus, mode: InboundMode, since: string): string | null {
  if (status === 'received' || status === 'closed' || status === 'cancelled') {
    return null;
  }
  return new Date(Date.parse(since) + STALL_THRESHOLD_HOURS[status][mode] * 3_600_000).toISOString();
}
