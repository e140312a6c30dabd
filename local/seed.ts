import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isoWeek, KPI_SEED, SEED_WEEKS, weeksEndingWith } from '../domain/performance';
import { kpiSeedItem } from '../functions/shared/store/kpi-reader';

/**
 * Writes the sandbox carrier history (domain/routing/data/kpi-seed.ts, marked sandbox) so routing
 * has measured performance to score before tracking has produced any. The seed's weeks are moved
 * to end with the current week, so the history is always inside routing's 4-week window.
 */
export async function seedSandboxKpis(documents: DynamoDBDocumentClient, tableName: string, now: Date): Promise<number> {
  const target = weeksEndingWith(isoWeek(now), SEED_WEEKS.length);
  const moved = new Map(SEED_WEEKS.map((week, index) => [week, target[index]!]));
  const items = KPI_SEED.map((row) => kpiSeedItem({ ...row, week: moved.get(row.week) ?? row.week }, now.toISOString()));
  for (let start = 0; start < items.length; start += 25) {
    await documents.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: items.slice(start, start + 25).map((item) => ({ PutRequest: { Item: item } })) } }),
    );
  }
  return items.length;
}
