import * as z from 'zod';
import type { FxTable } from '../shared/fx';
import { InboundTransitionError, moved, type InboundShipment } from './inbound';
import { calculateLandedCost } from './landed-cost';
import { mayMove, type InboundStatus } from './lifecycle';
import { checkAirWaybill, checkBillOfLading, checkContainerNumber, checkCustomsEntry, checkLocode, type ReferenceCheck } from './references';

/**
 * Milestones move an inbound shipment: the forwarder's (consolidation, departure, arrival,
 * customs) arrive as signed webhooks, the warehouse's (appointment, arrival at the dock) through
 * its operator key. Each carries an id, so a redelivered milestone changes nothing.
 */
const at = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as "2026-11-20T14:00:00Z"' });
const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'must be 1 to 80 letters, digits or _ . : -');
const reason = z.strictObject({
  code: z.enum(['documents', 'valuation', 'classification', 'permits', 'duties-unpaid', 'labelling', 'random', 'other']),
  description: z.string().trim().min(1).max(500),
});

export const milestoneSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('consolidated'), milestoneId: id, at, note: z.string().max(500).optional() }),
  z.strictObject({
    type: z.literal('departed'),
    milestoneId: id,
    at,
    port: z.string(),
    vessel: z.string().trim().min(1).max(80).optional(),
    voyage: z.string().trim().min(1).max(40).optional(),
    containers: z.array(z.string()).min(1).max(50).optional(),
    billOfLading: z.string().optional(),
    flight: z
      .string()
      .regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, 'must be a flight number such as "CX096"')
      .optional(),
    airWaybill: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('arrived-port'), milestoneId: id, at, port: z.string() }),
  z.strictObject({ type: z.literal('customs-entry-filed'), milestoneId: id, at, entryNumber: z.string().min(1).max(40) }),
  z.strictObject({ type: z.literal('customs-held'), milestoneId: id, at, reason }),
  z.strictObject({ type: z.literal('customs-inspection'), milestoneId: id, at, reason }),
  z.strictObject({ type: z.literal('customs-released'), milestoneId: id, at }),
  z.strictObject({ type: z.literal('appointment-scheduled'), milestoneId: id, at, appointmentAt: at }),
  z.strictObject({ type: z.literal('arrived-warehouse'), milestoneId: id, at }),
]);
export type Milestone = z.output<typeof milestoneSchema>;

/** Who may report each milestone: the forwarder's are refused from the warehouse and the reverse. */
export const WAREHOUSE_MILESTONES: ReadonlySet<Milestone['type']> = new Set(['appointment-scheduled', 'arrived-warehouse']);

const TARGET: Readonly<Record<Milestone['type'], InboundStatus>> = {
  consolidated: 'consolidated',
  departed: 'departed',
  'arrived-port': 'arrived-port',
  'customs-entry-filed': 'in-customs',
  'customs-held': 'customs-held',
  'customs-inspection': 'customs-inspection',
  'customs-released': 'released',
  'appointment-scheduled': 'appointment-scheduled',
  'arrived-warehouse': 'arrived-warehouse',
};

export class InvalidMilestoneError extends Error {
  override readonly name = 'InvalidMilestoneError';
  constructor(readonly problems: readonly { readonly path: string; readonly message: string }[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
  }
}

export type MilestoneOutcome =
  | { readonly kind: 'applied'; readonly shipment: InboundShipment; readonly from: InboundStatus }
  | { readonly kind: 'duplicate'; readonly shipment: InboundShipment };

function require(check: ReferenceCheck, path: string, problems: { path: string; message: string }[]): string | undefined {
  if (check.valid) return check.normalized;
  problems.push({ path, message: check.message });
  return undefined;
}

/** The transport documents of a departure, checked against the mode: sea needs a vessel and a bill of lading, air a flight and an air waybill. */
function departure(shipment: InboundShipment, milestone: Extract<Milestone, { type: 'departed' }>): InboundShipment['transport'] {
  const problems: { path: string; message: string }[] = [];
  const port = require(checkLocode(milestone.port), 'port', problems);
  const sea = shipment.mode === 'sea-fcl' || shipment.mode === 'sea-lcl';
  if (sea) {
    if (milestone.vessel === undefined) problems.push({ path: 'vessel', message: 'a sea departure names its vessel' });
    if (milestone.billOfLading === undefined) problems.push({ path: 'billOfLading', message: 'a sea departure carries its bill of lading' });
    if (shipment.mode === 'sea-fcl' && milestone.containers === undefined)
      problems.push({ path: 'containers', message: 'a full-container-load departure lists its containers' });
  } else {
    if (milestone.flight === undefined) problems.push({ path: 'flight', message: 'an air departure names its flight' });
    if (milestone.airWaybill === undefined) problems.push({ path: 'airWaybill', message: 'an air departure carries its air waybill' });
  }
  const containers = milestone.containers?.map((container, index) => require(checkContainerNumber(container), `containers.${index}`, problems));
  const billOfLading = milestone.billOfLading === undefined ? undefined : require(checkBillOfLading(milestone.billOfLading), 'billOfLading', problems);
  const airWaybill = milestone.airWaybill === undefined ? undefined : require(checkAirWaybill(milestone.airWaybill), 'airWaybill', problems);
  if (problems.length > 0) throw new InvalidMilestoneError(problems);
  return {
    ...shipment.transport,
    ...(port === undefined ? {} : { departurePort: port }),
    ...(milestone.vessel === undefined ? {} : { vessel: milestone.vessel }),
    ...(milestone.voyage === undefined ? {} : { voyage: milestone.voyage }),
    ...(milestone.flight === undefined ? {} : { flight: milestone.flight }),
    ...(containers === undefined ? {} : { containers: containers.filter((container): container is string => container !== undefined) }),
    ...(billOfLading === undefined ? {} : { billOfLading }),
    ...(airWaybill === undefined ? {} : { airWaybill }),
  };
}

/** The milestone's instant in UTC ("…Z"); its local calendar day (the customs date) is read from the raw value. */
const utc = (at: string): string => new Date(at).toISOString();

function withDetails(shipment: InboundShipment, milestone: Milestone, fxTables: readonly FxTable[]): InboundShipment {
  switch (milestone.type) {
    case 'departed':
      return { ...shipment, transport: departure(shipment, milestone) };
    case 'arrived-port': {
      const problems: { path: string; message: string }[] = [];
      const port = require(checkLocode(milestone.port), 'port', problems);
      if (problems.length > 0) throw new InvalidMilestoneError(problems);
      return { ...shipment, transport: { ...shipment.transport, ...(port === undefined ? {} : { arrivalPort: port }) } };
    }
    case 'customs-entry-filed': {
      const problems: { path: string; message: string }[] = [];
      const entryNumber = require(checkCustomsEntry(shipment.country, milestone.entryNumber), 'entryNumber', problems);
      if (problems.length > 0 || entryNumber === undefined) throw new InvalidMilestoneError(problems);
      return { ...shipment, customs: { ...shipment.customs, entryNumber, entryDay: milestone.at.slice(0, 10) } };
    }
    case 'customs-held':
    case 'customs-inspection':
      return {
        ...shipment,
        customs: {
          ...shipment.customs,
          holds: [...shipment.customs.holds, { kind: milestone.type === 'customs-held' ? 'hold' : 'inspection', reason: milestone.reason, at: milestone.at }],
        },
      };
    case 'customs-released':
      return released(shipment, milestone.at, fxTables);
    case 'appointment-scheduled':
      return { ...shipment, appointment: { at: utc(milestone.appointmentAt) } };
    default:
      return shipment;
  }
}

/** Release closes the holds and fixes the landed cost, at the FX and rates of the customs date. */
function released(shipment: InboundShipment, rawAt: string, fxTables: readonly FxTable[]): InboundShipment {
  const at = utc(rawAt);
  const holds = shipment.customs.holds.map((hold) => (hold.resolvedAt === undefined ? { ...hold, resolvedAt: at } : hold));
  const landedCost = calculateLandedCost({
    country: shipment.country,
    mode: shipment.mode,
    lines: shipment.lines.map((line) => ({
      sku: line.sku,
      quantity: line.expected,
      unitValue: line.unitValue,
      hsCode: line.hsCode,
      volumeCm3: line.unitVolumeCm3 * line.expected,
      weightGrams: line.unitWeightGrams * line.expected,
    })),
    freight: shipment.freight,
    ...(shipment.insurance === undefined ? {} : { insurance: shipment.insurance }),
    customsDay: shipment.customs.entryDay ?? rawAt.slice(0, 10),
    fxTables,
  });
  return { ...shipment, customs: { ...shipment.customs, holds, releasedAt: at }, landedCost };
}

/**
 * Applies a milestone: refuses one the journey does not allow from the current status
 * (InboundTransitionError, a 409) or one whose documents do not check out (InvalidMilestoneError, a
 * 400); a milestone already applied changes nothing.
 */
export function applyMilestone(
  shipment: InboundShipment,
  milestone: Milestone,
  context: { readonly by: string; readonly fxTables: readonly FxTable[] },
): MilestoneOutcome {
  if (shipment.milestoneIds.includes(milestone.milestoneId)) {
    return { kind: 'duplicate', shipment };
  }
  const to = TARGET[milestone.type];
  if (!mayMove(shipment.status, to)) {
    throw new InboundTransitionError(
      shipment.status,
      to,
      `inbound shipment ${shipment.inboundShipmentId} is ${shipment.status}; "${milestone.type}" cannot come next`,
    );
  }
  const at = utc(milestone.at);
  const detailed = withDetails(shipment, milestone, context.fxTables);
  const next = moved(detailed, to, at, context.by, 'reason' in milestone ? milestone.reason.description : undefined);
  return {
    kind: 'applied',
    from: shipment.status,
    shipment: { ...next, milestoneIds: [...shipment.milestoneIds, milestone.milestoneId], version: shipment.version + 1 },
  };
}
