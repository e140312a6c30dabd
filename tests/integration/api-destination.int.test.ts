import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callApiDestination } from '../../local/api-destination';
import { EventBusServer, type BusEvent } from '../../local/eventbridge/event-bus-server';
import type { RuleSpec } from '../../local/wiring';

/** A real HTTP receiver on loopback that answers with the statuses it is given, in order. */
async function receiver(statuses: number[]): Promise<{ url: string; calls: { headers: IncomingMessage['headers']; body: string }[]; server: Server }> {
  const calls: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      calls.push({ headers: request.headers, body });
      response.writeHead(statuses[calls.length - 1] ?? statuses.at(-1) ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, calls, server };
}

const rule: RuleSpec = {
  logicalId: 'SellerRule',
  busName: 'enlace',
  eventPattern: { source: ['enlace.orders'] },
  enabled: true,
  targets: [{ id: 'seller', kind: 'api-destination', resourceId: 'Destination', deadLetterQueueId: 'Dlq', maximumRetryAttempts: 2 }],
};

function bus(url: string, parked: BusEvent[]) {
  const destination = { logicalId: 'Destination', endpoint: url, httpMethod: 'POST', authHeader: { name: 'x-api-key', value: 'secret-123' } };
  return new EventBusServer({
    busNames: ['enlace'],
    rules: [rule],
    deliver: (_target, event) => callApiDestination(destination, (value) => value, event),
    deadLetter: async (_queue, event) => {
      parked.push(event);
    },
    log: () => undefined,
    retryDelayMs: () => 10,
  });
}

const entry = { EventBusName: 'enlace', Source: 'enlace.orders', DetailType: 'order.received', Detail: JSON.stringify({ orderId: 'ord_1' }) };

/** Publishes one event to a bus whose rule targets a receiver answering `statuses`; reports what happened. */
async function deliverTo(statuses: number[]) {
  const target = await receiver(statuses);
  const parked: BusEvent[] = [];
  const server = bus(target.url, parked);
  server.putEvents([entry]);
  await server.drain();
  target.server.close();
  return { calls: target.calls, parked };
}

describe('API destination targets of the local EventBridge', () => {
  it("delivers the event with the connection's auth header", async () => {
    const { calls, parked } = await deliverTo([200]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['x-api-key']).toBe('secret-123');
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ 'detail-type': 'order.received', detail: { orderId: 'ord_1' } });
    expect(parked).toEqual([]);
  });

  it('retries a receiver that fails with 5xx, and succeeds when it recovers', async () => {
    const { calls, parked } = await deliverTo([503, 500, 200]);
    expect(calls).toHaveLength(3);
    expect(parked).toEqual([]);
  });

  it('does not retry a 4xx answer and parks the event in the DLQ', async () => {
    const { calls, parked } = await deliverTo([400]);
    expect(calls).toHaveLength(1);
    expect(parked).toHaveLength(1);
  });

  it('parks the event after the retry limit when the receiver never recovers', async () => {
    const { calls, parked } = await deliverTo([502]);
    expect(calls).toHaveLength(3); // the first attempt and maximumRetryAttempts = 2
    expect(parked.map((event) => event['detail-type'])).toEqual(['order.received']);
  });
});
