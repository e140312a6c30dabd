/**
 * The demo's parcel week: every booked parcel is followed to the door through its own last-mile
 * carrier's tracking source. The line-haul reports its milestones (Enlace's own webhook); then each
 * carrier's scripted last mile (domain/tracking/sandbox.ts) arrives the way that carrier reports:
 * its own signed webhook, an aggregator's push (17TRACK, AfterShip, signed as they sign), or Enlace's
 * poll of its tracking API (the tracking-poller, run through the admin endpoint as of the days the
 * script needs, so nobody waits a week).
 */
import { isCarrierSlug } from '../domain/shared/carriers';
import { feedAdapter, SANDBOX_HANDOVER_AFTER_HOURS, scriptedLastMile, trackingOf, webhookAuthHeaders } from '../domain/tracking';

export interface DemoCloud {
  readonly api: string;
  readonly admin: string;
}

export interface BookedParcel {
  readonly orderId: string;
  readonly carrier: string;
  readonly carrierName: string;
  readonly trackingNumber: string;
  readonly bookedAt: string;
  readonly country: string;
}

const HOUR = 3_600_000;
const at = (bookedAt: string, hours: number) => new Date(Date.parse(bookedAt) + hours * HOUR).toISOString();

/** The line-haul's milestones for a parcel, from pickup in Shenzhen to the hand-over to its last-mile carrier. */
const MILESTONES: readonly (readonly [code: string, hours: number, where: 'origin' | 'destination'])[] = [
  ['LABEL_CREATED', 1, 'origin'],
  ['PICKED_UP_FROM_SELLER', 6, 'origin'],
  ['RECEIVED_AT_ORIGIN_HUB', 12, 'origin'],
  ['EXPORT_CUSTOMS_CLEARED', 20, 'origin'],
  ['DEPARTED_ORIGIN_AIRPORT', 30, 'origin'],
  ['ARRIVED_DESTINATION_AIRPORT', 52, 'destination'],
  ['IMPORT_CUSTOMS_RELEASED', 76, 'destination'],
  ['HANDED_TO_LAST_MILE', SANDBOX_HANDOVER_AFTER_HOURS, 'destination'],
];

async function secrets(cloud: DemoCloud): Promise<Record<string, string>> {
  const all = (await (await fetch(`${cloud.admin}/secrets`)).json()) as { logicalId: string; value: Record<string, string[] | string> }[];
  const stored = all.find((candidate) => candidate.logicalId.startsWith('TrackingWebhookSecrets'))?.value ?? {};
  return Object.fromEntries(
    Object.entries(stored).flatMap(([feed, value]) => (typeof value === 'string' ? [[feed, value]] : value[0] === undefined ? [] : [[feed, value[0]]])),
  );
}

async function postWebhook(cloud: DemoCloud, feed: string, secret: string, body: string): Promise<number> {
  const auth = feedAdapter(feed)?.webhook?.auth;
  if (auth === undefined) throw new Error(`${feed} takes no webhooks`);
  const headers = { 'content-type': 'application/json', ...webhookAuthHeaders(auth, secret, body, Math.floor(Date.now() / 1000)) };
  const response = await fetch(`${cloud.api}/v1/webhooks/tracking/${feed}`, { method: 'POST', headers, body });
  return response.status;
}

async function invokePoller(cloud: DemoCloud, time: string): Promise<void> {
  await fetch(`${cloud.admin}/invoke/tracking-poller`, {
    method: 'POST',
    body: JSON.stringify({ version: '0', id: `demo-poll-${time}`, 'detail-type': 'Scheduled Event', source: 'aws.events', time, resources: [], detail: {} }),
  });
}

function lineHaulBody(parcel: BookedParcel, run: string): string {
  return JSON.stringify({
    schemaVersion: 1,
    milestones: MILESTONES.map(([code, hours, where], index) => ({
      milestoneId: `demo-${run}-${parcel.orderId}-${index}`,
      code,
      occurredAt: at(parcel.bookedAt, hours),
      location: where === 'origin' ? { city: 'Shenzhen', country: 'CN' } : { country: parcel.country },
      parcels: [{ trackingNumber: `ENL${parcel.orderId.slice(-10)}`, lastMileTrackingNumber: parcel.trackingNumber }],
    })),
  });
}

/** How a carrier's events reach Enlace, in words. */
export function sourceWords(carrier: string): string {
  const primary = trackingOf(carrier)?.primary;
  switch (primary?.kind) {
    case 'webhook':
      return 'its own webhook';
    case 'poll':
      return 'Enlace polling its tracking API';
    case 'aggregator':
      return `${primary.feed === '17track' ? '17TRACK' : 'AfterShip'} (aggregator)`;
    default:
      return 'no tracking source';
  }
}

/** Plays the week after booking for every parcel: line-haul milestones, then each last mile by its own source. */
export async function playParcelWeek(cloud: DemoCloud, parcels: readonly BookedParcel[], run: string, say: (line: string) => void): Promise<void> {
  const secretOf = await secrets(cloud);
  for (const parcel of parcels) {
    const status = await postWebhook(cloud, 'enlace-linehaul', secretOf['enlace-linehaul'] ?? '', lineHaulBody(parcel, run));
    say(`  ${parcel.orderId}: line-haul milestones, Shenzhen → hand-over to ${parcel.carrierName} (${status})`);
  }
  await playLastMiles(cloud, parcels, say, secretOf);
}

/**
 * Plays each parcel's last mile through its carrier's own source: pushes (its webhook or an
 * aggregator's) or polls. The script starts SANDBOX_HANDOVER_AFTER_HOURS after `bookedAt`; a parcel
 * handed over at a destination warehouse (no line-haul) passes a `bookedAt` that much earlier.
 */
export async function playLastMiles(
  cloud: DemoCloud,
  parcels: readonly BookedParcel[],
  say: (line: string) => void,
  secretOf?: Record<string, string>,
): Promise<void> {
  secretOf ??= await secrets(cloud);
  const polled: BookedParcel[] = [];
  for (const parcel of parcels) {
    const primary = trackingOf(parcel.carrier)?.primary;
    if (primary === undefined || !isCarrierSlug(parcel.carrier)) {
      say(`  ${parcel.orderId}: ${parcel.carrierName} has no tracking source (routing should never have booked it)`);
    } else if (primary.kind === 'poll') {
      polled.push(parcel);
    } else {
      // The carrier (or the aggregator) pushes as the parcel moves: one request per step, each with the history so far.
      const events = scriptedLastMile(parcel.bookedAt, parcel.country);
      const adapter = feedAdapter(primary.feed)!;
      const statuses: number[] = [];
      for (let step = 1; step <= events.length; step++) {
        const body = JSON.stringify(adapter.sample([{ carrier: parcel.carrier, trackingNumber: parcel.trackingNumber, events: events.slice(0, step) }]));
        statuses.push(await postWebhook(cloud, primary.feed, secretOf[primary.feed] ?? '', body));
      }
      say(`  ${parcel.orderId}: ${parcel.carrierName}'s last mile through ${sourceWords(parcel.carrier)}: ${events.length} pushes (${statuses.join(', ')})`);
    }
  }
  if (polled.length > 0) {
    const latest = polled
      .map((parcel) => parcel.bookedAt)
      .sort()
      .at(-1)!;
    // As of the days the script needs: moving (accepted, in transit), out for delivery, delivered.
    for (const hours of [SANDBOX_HANDOVER_AFTER_HOURS + 16, SANDBOX_HANDOVER_AFTER_HOURS + 24, SANDBOX_HANDOVER_AFTER_HOURS + 28]) {
      await invokePoller(cloud, at(latest, hours));
    }
    say(
      `  ${polled.map((parcel) => `${parcel.orderId} (${parcel.carrierName})`).join(', ')}: polled three times as of days 4–5 (admin POST /invoke/tracking-poller)`,
    );
  }
}
