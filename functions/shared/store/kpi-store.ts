import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { KpiIncrement } from '../../../domain/performance';
import { keys } from './keys';

/**
 * Carrier KPI counters, one item per (carrier, lane, ISO week): `KPI#<carrier>#<lane>` /
 * `PERIOD#<week>`, each counter an attribute (shipments, delivered, onTime, exceptions, returned,
 * lost, transit_01…transit_over; see domain/routing/kpis.ts). Counters only ever grow by atomic
 * ADD, so concurrent writers never read-modify-write and never conflict.
 */

/** The UpdateItem that applies one increment: usable alone or inside a transaction. */
export function kpiIncrementUpdate(tableName: string, increment: KpiIncrement, at: string) {
  const counters = Object.entries(increment.add);
  const names: Record<string, string> = { '#carrier': 'carrier', '#lane': 'lane', '#week': 'week', '#updatedAt': 'updatedAt', '#type': 'type' };
  const values: Record<string, unknown> = { ':carrier': increment.carrier, ':lane': increment.lane, ':week': increment.week, ':at': at, ':type': 'KpiWeek' };
  counters.forEach(([name, value], index) => {
    names[`#c${index}`] = name;
    values[`:c${index}`] = value;
  });
  return {
    TableName: tableName,
    Key: keys.kpi(increment.carrier, increment.lane, increment.week),
    UpdateExpression:
      'SET #type = :type, #carrier = :carrier, #lane = :lane, #week = :week, #updatedAt = :at' +
      (counters.length === 0 ? '' : ` ADD ${counters.map((_, index) => `#c${index} :c${index}`).join(', ')}`),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Port: adds KPI increments outside any other write. */
export type IncrementKpis = (increments: readonly KpiIncrement[], at: string) => Promise<void>;

export function buildIncrementKpis(documents: DynamoDBDocumentClient, tableName: string): IncrementKpis {
  return async (increments, at) => {
    for (const increment of increments) {
      await documents.send(new UpdateCommand(kpiIncrementUpdate(tableName, increment, at)));
    }
  };
}

/** Port: the raw counters of one KPI item (attribute → count), empty when nothing was counted. */
export type GetKpiCounters = (carrier: string, lane: string, isoWeek: string) => Promise<Record<string, number>>;

export function buildGetKpiCounters(documents: DynamoDBDocumentClient, tableName: string): GetKpiCounters {
  return async (carrier, lane, isoWeek) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.kpi(carrier, lane, isoWeek), ConsistentRead: true }));
    return Object.fromEntries(Object.entries(Item ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  };
}
