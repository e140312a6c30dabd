import type { ShipmentMatch, TrackingAlias, TrackingUpdate } from '../../../domain/tracking';
import type { ParsedDelivery } from './parse-delivery';
import type { Contribution, ShipmentGroup } from './write-shipment';

/** A record's updates that no shipment claims (yet). */
export interface UnmatchedUpdates {
  readonly record: ParsedDelivery;
  readonly updates: TrackingUpdate[];
}

type FindShipment = (update: TrackingUpdate) => Promise<ShipmentMatch | undefined>;

/**
 * A batch's updates, grouped by the shipment each belongs to (one write per shipment per batch).
 * Each (carrier, number) is looked up once for the whole batch, all lookups at once; a lookup that
 * fails fails only the records that need it (`onLookupFailed`).
 */
export async function groupByShipment(
  parsed: readonly ParsedDelivery[],
  findShipment: FindShipment,
  onLookupFailed: (item: ParsedDelivery, error: Error) => void,
): Promise<{ groups: Map<string, ShipmentGroup>; unmatched: UnmatchedUpdates[] }> {
  const matches = new Map<string, Promise<ShipmentMatch | undefined>>();
  for (const update of parsed.flatMap((item) => item.updates)) {
    const key = `${update.carrier}#${update.trackingNumber}`;
    if (!matches.has(key)) {
      matches.set(key, findShipment(update));
    }
  }
  await Promise.allSettled(matches.values());

  const groups = new Map<string, ShipmentGroup>();
  const unmatched: UnmatchedUpdates[] = [];
  for (const item of parsed) {
    const resolved: { update: TrackingUpdate; match: ShipmentMatch | undefined }[] = [];
    try {
      for (const update of item.updates) {
        resolved.push({ update, match: await matches.get(`${update.carrier}#${update.trackingNumber}`) });
      }
    } catch (error) {
      onLookupFailed(item, error as Error);
      continue;
    }
    const orphans = resolved.filter(({ match }) => match === undefined).map(({ update }) => update);
    for (const { update, match } of resolved) {
      if (match !== undefined) addToGroup(groups, item, update, match);
    }
    if (orphans.length > 0) {
      unmatched.push({ record: item, updates: orphans });
    }
  }
  return { groups, unmatched };
}

function addToGroup(groups: Map<string, ShipmentGroup>, item: ParsedDelivery, update: TrackingUpdate, match: ShipmentMatch): void {
  const group: ShipmentGroup = groups.get(match.shipment.shipmentId) ?? {
    shipment: match.shipment,
    contributions: new Map<string, Contribution>(),
    aliases: new Map<string, TrackingAlias>(),
  };
  groups.set(match.shipment.shipmentId, group);
  const contribution: Contribution = group.contributions.get(item.delivery.id) ?? {
    deliveryId: item.delivery.id,
    receivedAt: item.message.receivedAt,
    updates: [],
  };
  contribution.updates.push(update);
  group.contributions.set(item.delivery.id, contribution);
  if (match.newAlias !== undefined) {
    group.aliases.set(`${match.newAlias.carrier}#${match.newAlias.trackingNumber}`, match.newAlias);
  }
}
