import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { COUNTER_NAMES, emptyCounters, TRANSIT_BUCKET_NAMES, type KpiCounters, type KpiWeek } from '../../../domain/performance';
import { type LastMileCarrier } from '../../../domain/shared/carriers';
import { keys } from './keys';

/** Port: the KPI rows of some carriers on one lane over some ISO weeks (missing rows are simply absent). */
export type GetLaneKpiRows = (lane: string, carriers: readonly string[], weeks: readonly string[]) => Promise<KpiWeek[]>;

/** KPI items are written counter by counter with ADD; this reads them back as domain rows. */
export function kpiWeekFromItem(item: Record<string, unknown>): KpiWeek {
  const number = (name: string): number => (typeof item[name] === 'number' ? item[name] : 0);
  const counters: KpiCounters = {
    ...emptyCounters(),
    ...(Object.fromEntries(COUNTER_NAMES.map((name) => [name, number(name)])) as Record<(typeof COUNTER_NAMES)[number], number>),
    transit: TRANSIT_BUCKET_NAMES.map(number),
  };
  return {
    carrier: String(item.carrier) as LastMileCarrier,
    lane: String(item.lane),
    week: String(item.week),
    counters,
    ...(item.sandbox === true ? { sandbox: true } : {}),
  };
}

export function buildGetLaneKpiRows(documents: DynamoDBDocumentClient, tableName: string): GetLaneKpiRows {
  return async (lane, carriers, weeks) => {
    const wanted = carriers.flatMap((carrier) => weeks.map((week) => keys.kpi(carrier, lane, week)));
    const rows: KpiWeek[] = [];
    // BatchGetItem takes 100 keys per call; unprocessed keys are asked again.
    for (let start = 0; start < wanted.length; start += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [tableName]: { Keys: wanted.slice(start, start + 100).map((key) => ({ ...key })) },
      };
      while (request !== undefined && Object.keys(request).length > 0) {
        const result = await documents.send(new BatchGetCommand({ RequestItems: request }));
        rows.push(...(result.Responses?.[tableName] ?? []).map(kpiWeekFromItem));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return rows;
  };
}

/** The seeded sandbox history as items (counters as attributes, as the ADD writes leave them). */
export function kpiSeedItem(row: KpiWeek, at: string): Record<string, unknown> {
  return {
    ...keys.kpi(row.carrier, row.lane, row.week),
    type: 'KpiWeek',
    carrier: row.carrier,
    lane: row.lane,
    week: row.week,
    updatedAt: at,
    sandbox: row.sandbox === true,
    ...Object.fromEntries(COUNTER_NAMES.map((name) => [name, row.counters[name]])),
    ...Object.fromEntries(TRANSIT_BUCKET_NAMES.map((name, index) => [name, row.counters.transit[index] ?? 0])),
  };
}
