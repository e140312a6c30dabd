import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSendMessage, type OutgoingMessage } from '../../functions/shared/notifications/sender';
import { eventually, localClientConfig, localCloud } from '../setup/local-cloud-client';

const regions: string[] = [];
const buses = (region: string) => {
  regions.push(region);
  return new EventBridgeClient({ ...localClientConfig(localCloud().eventbridge), region });
};
/** As in the local cloud: this machine's receivers are reachable by loopback. */
const send = buildSendMessage(buses, { policy: { loopback: { deniedPorts: [] } } });
/** As on AWS: public addresses only. */
const sendFromAws = buildSendMessage(buses, { policy: {} });

/** A server that answers every request with `answer`, recording what it got. */
async function server(answer: (url: string) => { status: number; body?: string; delayMs?: number; headers?: Record<string, string> }) {
  const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const { status, body = '', delayMs = 0, headers = {} } = answer(request.url ?? '');
      setTimeout(() => {
        response.writeHead(status, headers);
        response.end(body);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { seen, base, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
}

const message = (target: OutgoingMessage['target']): OutgoingMessage => ({
  target,
  body: '{"type":"order.rated","sequence":1}',
  eventType: 'order.rated',
  deliveryId: `dlv_${'b'.repeat(32)}`,
  signature: `t=1795435200,v1=${'c'.repeat(64)}`,
});

describe('notification sender', () => {
  it('POSTs the body as is with the Enlace headers, and reads the answer', async () => {
    const receiver = await server(() => ({ status: 200, body: 'thanks' }));
    try {
      expect(await send(message({ kind: 'https', url: `${receiver.base}/hooks?source=enlace` }), { timeoutMs: 2_000 })).toEqual({
        ok: true,
        responseBody: 'thanks',
      });
      const [request] = receiver.seen;
      expect(request).toMatchObject({ url: '/hooks?source=enlace', body: '{"type":"order.rated","sequence":1}' });
      expect(request!.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'enlace-signature': `t=1795435200,v1=${'c'.repeat(64)}`,
        'enlace-delivery-id': `dlv_${'b'.repeat(32)}`,
        'enlace-event-type': 'order.rated',
      });
    } finally {
      await receiver.close();
    }
  });

  it('reports non-2xx answers, redirects (not followed), timeouts and refused connections as failures', async () => {
    const receiver = await server((url) =>
      url === '/error'
        ? { status: 500, body: 'boom' }
        : url === '/moved'
          ? { status: 302, headers: { location: '/elsewhere' } }
          : { status: 200, delayMs: 1_000 },
    );
    try {
      // The status only: a receiver's answer is never repeated (it could be anything, from anywhere).
      expect(await send(message({ kind: 'https', url: `${receiver.base}/error` }), { timeoutMs: 2_000 })).toEqual({ ok: false, error: 'HTTP 500' });
      expect(await send(message({ kind: 'https', url: `${receiver.base}/moved` }), { timeoutMs: 2_000 })).toEqual({ ok: false, error: 'HTTP 302' });
      expect(await send(message({ kind: 'https', url: `${receiver.base}/slow` }), { timeoutMs: 200 })).toEqual({ ok: false, error: 'no answer within 0.2 s' });
      expect(receiver.seen.map((request) => request.url)).not.toContain('/elsewhere');
    } finally {
      await receiver.close();
    }
    const refused = await send(message({ kind: 'https', url: `${receiver.base}/gone` }), { timeoutMs: 2_000 });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('ECONNREFUSED') });
  });

  it('reaches no loopback receiver from AWS, by address or by name, and sends it nothing', async () => {
    const receiver = await server(() => ({ status: 200, body: 'internal secrets' }));
    try {
      const port = new URL(receiver.base).port;
      for (const url of [
        `https://127.0.0.1:${port}/hooks`,
        `http://127.0.0.1:${port}/hooks`,
        `https://localhost:${port}/hooks`,
        `https://[::ffff:127.0.0.1]:${port}/`,
      ]) {
        const result = await sendFromAws(message({ kind: 'https', url }), { timeoutMs: 2_000 });
        expect(result).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
      }
      expect(receiver.seen).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it("puts the payload on a seller's bus as the detail, with the type as detail-type", async () => {
    const marker = `sequence-${Date.now()}`;
    const onBus = {
      ...message({ kind: 'event-bus', arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default' }),
      body: JSON.stringify({ type: 'order.rated', marker }),
    };
    expect(await send(onBus, { timeoutMs: 2_000 })).toEqual({ ok: true, responseBody: '' });
    const event = await eventually(async () => {
      const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as { source: string; 'detail-type': string; detail: { marker?: string } }[];
      return events.find((candidate) => candidate.detail.marker === marker);
    });
    expect(event).toMatchObject({ source: 'enlace.notifications', 'detail-type': 'Enlace Notification' });
    expect(regions).toEqual(['us-east-1']);
    const handshake = `challenge-${Date.now()}`;
    await send(
      { ...onBus, eventType: 'enlace.verification', body: JSON.stringify({ type: 'enlace.verification', challenge: handshake }) },
      { timeoutMs: 2_000 },
    );
    const verification = await eventually(async () => {
      const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as { 'detail-type': string; detail: { challenge?: string } }[];
      return events.find((candidate) => candidate.detail.challenge === handshake);
    });
    expect(verification['detail-type']).toBe('Enlace Verification');
    const missing = await send(message({ kind: 'event-bus', arn: 'arn:aws:events:us-east-1:000000000000:event-bus/nobody' }), { timeoutMs: 2_000 });
    expect(missing).toEqual({ ok: false, error: expect.stringContaining('ResourceNotFoundException') });
  });
});
