import { randomUUID } from 'node:crypto';
import { sampleOrderBody } from '../fixtures/orders';
import { eventually, localCloud } from './local-cloud-client';
import { TEST_KEYS } from './test-keys';

/**
 * A positive signal that the outbox relay has published everything written to the table before
 * this call: writes a marker order, then waits until its order.received is on the bus. The local
 * cloud reads the table's stream shard by shard, in order, and hands the outbox relay its records in
 * that order, so once the marker's event is out, any event written before it (a duplicate, a second
 * stall) is out too. Tests use it instead of sleeping and then finding nothing.
 */
export async function relayBarrier(timeoutMs = 30_000): Promise<void> {
  const marker = sampleOrderBody({ sellerId: 'seller-a', externalOrderId: `BARRIER-${randomUUID()}` });
  const response = await fetch(`${localCloud().api}/v1/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEYS.integration.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(marker),
  });
  if (response.status !== 201) {
    throw new Error(`the barrier's marker order was refused: ${response.status} ${await response.text()}`);
  }
  const { orderId } = (await response.json()) as { orderId: string };
  await eventually(
    async () => {
      const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as {
        'detail-type': string;
        detail: { metadata?: { correlationId?: string } };
      }[];
      return events.some((event) => event['detail-type'] === 'order.received' && event.detail.metadata?.correlationId === orderId) ? true : undefined;
    },
    timeoutMs,
    `the barrier's order.received (${orderId}) on the bus`,
  );
}
