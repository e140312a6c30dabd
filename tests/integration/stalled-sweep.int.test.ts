import { DEFAULT_STALL_POLICY } from '../../domain/tracking';
import { buildSaveShipment } from '../../functions/shared/store/shipment-store';
import { buildFindShipmentForUpdate, buildFindStallCandidates, buildGetShipmentTracking } from '../../functions/shared/store/tracking-lookups';
import { buildRaiseStall, buildSaveTracking } from '../../functions/shared/store/tracking-writes';
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
 * the decision refuses (here: the policy was lengthened after the index was written), must be left
 * exactly as it is: no stall recorded, no event in the outbox, still in the index for later.
 */
describe('stalled sweep against DynamoDB Local: the skip guard', () => {
  it('raises nothing and writes nothing for a due candidate the decision does not stall, and raises it once it is', async () => {
    const { tableName, streamArn } = await createTestTable(client);
    await buildSaveShipment(documents, tableName)(saoPauloShipment());
    await buildTrackingIngestion({
      findShipment: buildFindShipmentForUpdate(documents, tableName),
      getTracking: buildGetShipmentTracking(documents, tableName),
      saveTracking: buildSaveTracking(documents, tableName),
      keepUnmatched: buildKeepUnmatched(documents, tableName),
      now: () => new Date(receivedAt),
    })(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));
    const findCandidates = buildFindStallCandidates(documents, tableName);
    const raiseStall = buildRaiseStall(documents, tableName);
    const getTracking = buildGetShipmentTracking(documents, tableName);
    const before = await getTracking('shp_SP0001');

    const longer = { ...DEFAULT_STALL_POLICY, byLeg: { ...DEFAULT_STALL_POLICY.byLeg, 'first-mile': 96 } };
    const skipped = await buildStalledSweep({ findCandidates, raiseStall, policy: longer })(scheduled(hoursAfter(49)));

    expect(skipped).toMatchObject({ examined: 1, raised: [], skipped: { 'within-threshold': 1 } });
    expect(await getTracking('shp_SP0001')).toEqual(before);
    expect(await findCandidates(hoursAfter(49))).toHaveLength(1);
    expect(await relayedEvents(streamArn!, 'shipment.stalled')).toEqual([]);

    const raised = await buildStalledSweep({ findCandidates, raiseStall })(scheduled(hoursAfter(49)));
    expect(raised.raised).toEqual(['shp_SP0001']);
    expect(await relayedEvents(streamArn!, 'shipment.stalled')).toHaveLength(1);
  });
});
