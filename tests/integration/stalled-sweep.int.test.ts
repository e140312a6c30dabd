import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_STALL_POLICY } from '../../domain/tracking';
import { keys } from '../../functions/shared/store/keys';
import { buildSaveShipment } from '../../functions/shared/store/shipment-store';
import { buildFindShipmentForUpdate, buildFindStallCandidates, buildGetShipmentTracking } from '../../functions/shared/store/tracking-lookups';
import { buildRaiseStall, buildRescheduleStallCheck, buildSaveTracking } from '../../functions/shared/store/tracking-writes';
import { buildKeepUnmatched } from '../../functions/shared/store/unmatched-store';
import { buildStalledSweep } from '../../functions/stalled-sweep/stalled-sweep';
import { buildTrackingIngestion } from '../../functions/tracking-ingestion/tracking-ingestion';
import { saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../fakes/tracking';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';
import { relayedEvents } from '../setup/table-stream';
import { webhooks } from '../unit/domain/tracking/helpers';

const { client, documents } = localDynamoDb();
const [labelAndPickup] = webhooks('enlace-linehaul', 'sao-paulo-journey.json');
const receivedAt = '2025-11-04T02:00:00.000Z';
const scheduled = (time: string) => ({ 'detail-type': 'Scheduled Event', source: 'aws.events', time, detail: {} });
const hoursAfter = (hours: number) => new Date(Date.parse(receivedAt) + hours * 3_600_000).toISOString();

/**
 * The sweep's skip guard against DynamoDB Local: a shipment the index holds as due, but whose stall
 * the decision refuses (here: the policy was lengthened after the index was written), gets no stall
 * and no event; its index entry moves to the due time under the decision's own threshold (one
 * UpdateItem that leaves the version and the timeline as they are, and carries no earlier write's
 * events), so it is looked at again then, and raised then.
 */
describe('stalled sweep against DynamoDB Local: the skip guard', () => {
  const longer = { ...DEFAULT_STALL_POLICY, byLeg: { ...DEFAULT_STALL_POLICY.byLeg, 'first-mile': 96 } };

  async function ingested() {
    const { tableName, streamArn } = await createTestTable(client);
    await buildSaveShipment(documents, tableName)(saoPauloShipment());
    await buildTrackingIngestion({
      findShipment: buildFindShipmentForUpdate(documents, tableName),
      getTracking: buildGetShipmentTracking(documents, tableName),
      saveTracking: buildSaveTracking(documents, tableName),
      keepUnmatched: buildKeepUnmatched(documents, tableName),
      now: () => new Date(receivedAt),
    })(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));
    return {
      streamArn: streamArn!,
      findCandidates: buildFindStallCandidates(documents, tableName),
      raiseStall: buildRaiseStall(documents, tableName),
      rescheduleCheck: buildRescheduleStallCheck(documents, tableName),
      getTracking: buildGetShipmentTracking(documents, tableName),
      item: async () => (await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipmentTracking('shp_SP0001'), ConsistentRead: true }))).Item,
    };
  }

  it('raises nothing for a due candidate the decision does not stall, moves its entry to its due time, and raises it then', async () => {
    const { streamArn, findCandidates, raiseStall, rescheduleCheck, getTracking, item } = await ingested();
    const before = await getTracking('shp_SP0001');
    const eventsBefore = await relayedEvents(streamArn);
    expect(eventsBefore.length).toBeGreaterThan(0);

    const sweep = buildStalledSweep({ findCandidates, raiseStall, rescheduleCheck, policy: longer });
    const skipped = await sweep(scheduled(hoursAfter(49)));

    expect(skipped).toMatchObject({ examined: 1, raised: [], skipped: { 'within-threshold': 1 }, rescheduled: 1 });
    expect(await getTracking('shp_SP0001')).toEqual({ ...before, stallCheckAt: hoursAfter(96) });
    expect(await item()).toMatchObject({ version: 1, stallDueAt: hoursAfter(96), gsi3sk: `${hoursAfter(96)}#shp_SP0001` });
    expect((await item())?.outbox).toBeUndefined();
    // The write that moved the entry carried none of the first write's events again.
    expect(await relayedEvents(streamArn)).toEqual(eventsBefore);
    expect(await findCandidates(hoursAfter(95.75))).toEqual([]);

    const raised = await sweep(scheduled(hoursAfter(96.25)));
    expect(raised.raised).toEqual(['shp_SP0001']);
    expect(await relayedEvents(streamArn, 'shipment.stalled')).toHaveLength(1);
  });

  it('moves no entry when the silence it was found in has ended (a carrier event) or its stall was raised', async () => {
    const { findCandidates, raiseStall, rescheduleCheck, item } = await ingested();
    const [candidate] = await findCandidates(hoursAfter(49));
    expect(await rescheduleCheck({ ...candidate!, lastCarrierUpdateAt: hoursAfter(-1) }, hoursAfter(96))).toBe(false);
    expect(await rescheduleCheck({ ...candidate!, current: { ...candidate!.current!, eventKey: 'another-event' } }, hoursAfter(96))).toBe(false);
    expect(await item()).toMatchObject({ stallDueAt: hoursAfter(48) });

    expect((await buildStalledSweep({ findCandidates, raiseStall, rescheduleCheck })(scheduled(hoursAfter(49)))).raised).toEqual(['shp_SP0001']);
    expect(await rescheduleCheck(candidate!, hoursAfter(96))).toBe(false);
    expect((await item())?.gsi3sk).toBeUndefined();
  });
});
