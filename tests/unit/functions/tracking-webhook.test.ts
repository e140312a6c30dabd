import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signatureHeader } from '../../../domain/shared/signature';
import { feedAdapter, webhookAuthHeaders } from '../../../domain/tracking';
import { decodeTrackingMessage, encodeTrackingMessage, type TrackingMessage, type TrackingPayloadMessage } from '../../../events/tracking-message';
import { webhookHandler } from '../../../functions/shared/http/http-handler';
import { buildTrackingWebhook, MAX_WEBHOOK_BYTES } from '../../../functions/tracking-webhook/tracking-webhook';
import { lambdaContext } from './http-fixtures';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const nowSeconds = NOW.getTime() / 1000;
const SECRETS = {
  correios: ['correios-current-secret'],
  estafeta: ['estafeta-old', 'estafeta-new'],
  '17track': ['17track-api-key'],
  aftership: ['aftership-webhook-secret'],
  loggi: ['bG9nZ2k6c2VjcmV0'],
} as const;
const body = JSON.stringify({ objetos: [{ codObjeto: 'NX482157365BR', eventos: [] }] });

function webhookEvent(options: { carrier?: string; body?: string; headers?: Record<string, string>; isBase64Encoded?: boolean }): APIGatewayProxyEventV2 {
  const carrier = options.carrier ?? 'correios';
  return {
    version: '2.0',
    routeKey: 'POST /v1/webhooks/tracking/{carrier}',
    rawPath: `/v1/webhooks/tracking/${carrier}`,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    pathParameters: { carrier },
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'POST', path: `/v1/webhooks/tracking/${carrier}`, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'carrier' },
      requestId: 'req-1',
      routeKey: 'POST /v1/webhooks/tracking/{carrier}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

function setup(overrides: { loadSecrets?: () => Promise<Record<string, readonly string[]>>; enqueue?: (message: TrackingMessage) => Promise<void> } = {}) {
  const queued: TrackingPayloadMessage[] = [];
  const handler = webhookHandler(
    buildTrackingWebhook({
      loadSecrets: overrides.loadSecrets ?? (async () => SECRETS),
      enqueue:
        overrides.enqueue ??
        (async (message) => {
          if (message.kind === 'payload') queued.push(message);
        }),
      now: () => NOW,
      newReceiptId: () => 'whk_TEST',
    }),
    { maxBytes: MAX_WEBHOOK_BYTES },
  );
  const post = async (event: APIGatewayProxyEventV2) => {
    const result = await handler(event, lambdaContext);
    return { status: result.statusCode, body: JSON.parse(result.body ?? 'null') as Record<string, unknown>, headers: result.headers ?? {} };
  };
  return { post, queued };
}

const signed = (secret: string | readonly string[], text: string | Buffer = body, at = nowSeconds) => ({
  'Enlace-Carrier-Signature': signatureHeader(secret, at, text),
});

describe('POST /v1/webhooks/tracking/{carrier}', () => {
  it('answers 202 with a receipt and queues the raw body exactly as signed', async () => {
    const { post, queued } = setup();
    const response = await post(webhookEvent({ body, headers: signed('correios-current-secret') }));

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ receiptId: 'whk_TEST', carrier: 'correios', receivedAt: NOW.toISOString(), status: 'queued' });
    expect(queued).toEqual([
      { kind: 'payload', receiptId: 'whk_TEST', source: 'webhook', feed: 'correios', receivedAt: NOW.toISOString(), body: Buffer.from(body) },
    ]);
  });

  it('verifies the bytes API Gateway base64-encoded', async () => {
    const { post, queued } = setup();
    const text = JSON.stringify({ guia: 'São Paulo — ñandú' });
    const response = await post(
      webhookEvent({ body: Buffer.from(text).toString('base64'), isBase64Encoded: true, headers: signed('correios-current-secret', text) }),
    );
    expect(response.status).toBe(202);
    expect(queued[0]?.body.toString('utf8')).toBe(text);
  });

  it('accepts either secret of a carrier during a rotation', async () => {
    const { post, queued } = setup();
    expect((await post(webhookEvent({ carrier: 'estafeta', body, headers: signed('estafeta-old') }))).status).toBe(202);
    expect((await post(webhookEvent({ carrier: 'estafeta', body, headers: signed('estafeta-new') }))).status).toBe(202);
    expect((await post(webhookEvent({ carrier: 'estafeta', body, headers: signed(['estafeta-new', 'estafeta-old']) }))).status).toBe(202);
    expect(queued).toHaveLength(3);
  });

  it.each([
    ['no signature', {}, /Sign the request/],
    ['a signature made with another secret', signed('guessed-secret'), /does not match/],
    ["another carrier's secret", signed('estafeta-new'), /does not match/],
    ['a body changed after signing', signed('correios-current-secret', `${body} `), /does not match/],
    ['a signature six minutes old (a replay)', signed('correios-current-secret', body, nowSeconds - 360), /5 minutes/],
    ['a signature from six minutes in the future', signed('correios-current-secret', body, nowSeconds + 360), /5 minutes/],
    ['a malformed header', { 'Enlace-Carrier-Signature': 'sha256=abc' }, /t=<unix seconds>/],
  ])('answers 401 to %s and queues nothing', async (_, headers, detail) => {
    const { post, queued } = setup();
    const response = await post(webhookEvent({ body, headers }));
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(String(response.body.detail)).toMatch(detail);
    expect(queued).toEqual([]);
  });

  it('answers 401 to a carrier that has no secret yet, exactly as to a wrong secret', async () => {
    const { post, queued } = setup();
    const response = await post(webhookEvent({ carrier: 'olva', body, headers: signed('anything') }));
    expect([response.status, response.body.detail]).toEqual([401, 'The signature does not match the body with any of your current secrets.']);
    expect(queued).toEqual([]);
  });

  it('answers 404 to a carrier Enlace does not integrate, before anything else', async () => {
    const { post, queued } = setup();
    const response = await post(webhookEvent({ carrier: 'pony-express', body, headers: signed('correios-current-secret') }));
    expect(response.status).toBe(404);
    expect(queued).toEqual([]);
  });

  it('answers 413 to a body over the limit', async () => {
    const { post, queued } = setup();
    const big = JSON.stringify({ padding: 'x'.repeat(MAX_WEBHOOK_BYTES) });
    const response = await post(webhookEvent({ body: big, headers: signed('correios-current-secret', big) }));
    expect(response.status).toBe(413);
    expect(queued).toEqual([]);
  });

  it('queues a signed body it cannot read (tracking-ingestion parks it in the DLQ for inspection)', async () => {
    const { post, queued } = setup();
    const response = await post(webhookEvent({ body: 'not json at all', headers: signed('correios-current-secret', 'not json at all') }));
    expect(response.status).toBe(202);
    expect(queued[0]?.body.toString('utf8')).toBe('not json at all');
  });

  it('answers 503 with Retry-After when the secrets or the queue are unavailable, never 500', async () => {
    const noSecrets = setup({ loadSecrets: () => Promise.reject(new Error('throttled')) });
    const first = await noSecrets.post(webhookEvent({ body, headers: signed('correios-current-secret') }));
    expect([first.status, first.headers['Retry-After']]).toEqual([503, '30']);

    const noQueue = setup({ enqueue: () => Promise.reject(new Error('queue down')) });
    const second = await noQueue.post(webhookEvent({ body, headers: signed('correios-current-secret') }));
    expect([second.status, second.headers['Retry-After']]).toEqual([503, '30']);
  });

  describe('bodies a queue cannot carry as text (#17: U+FFFE, U+FFFF, lone surrogates, and emoji locally)', () => {
    /** What SQS accepts in a message body; fauxqs, the local emulator, accepts nothing above U+FFFF. */
    const SQS_CARRIABLE = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
    const FAUXQS_CARRIABLE = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]*$/;
    const awkward = JSON.stringify({ objetos: [{ codObjeto: 'NX482157365BR', nota: 'a\uFFFEb\uFFFFc 📦' }] }).replace('"a', '"\\ud800a');

    it('queues the body as its bytes, in a message any queue carries, and gives them back exactly', async () => {
      const { post, queued } = setup();
      const response = await post(webhookEvent({ body: awkward, headers: signed('correios-current-secret', awkward) }));

      expect(response.status).toBe(202);
      const encoded = encodeTrackingMessage(queued[0]!);
      expect(encoded).toMatch(SQS_CARRIABLE);
      expect(encoded).toMatch(FAUXQS_CARRIABLE);
      const decoded = decodeTrackingMessage(encoded);
      expect(decoded.ok && decoded.message.kind === 'payload' && decoded.message.body.equals(Buffer.from(awkward, 'utf8'))).toBe(true);
    });

    it('keeps bytes that are not UTF-8 at all, as API Gateway hands them over in base64', async () => {
      const { post, queued } = setup();
      const bytes = Buffer.from([0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
      const response = await post(webhookEvent({ body: bytes.toString('base64'), isBase64Encoded: true, headers: signed('correios-current-secret', bytes) }));

      expect(response.status).toBe(202);
      expect(queued[0]?.body.equals(bytes)).toBe(true);
      const decoded = decodeTrackingMessage(encodeTrackingMessage(queued[0]!));
      expect(decoded.ok && decoded.message.kind === 'payload' && decoded.message.body.equals(bytes)).toBe(true);
    });

    it('still reads a version 1 message (queued or parked before version 2) as a webhook', () => {
      const decoded = decodeTrackingMessage(JSON.stringify({ receiptId: 'whk_OLD', carrier: 'correios', receivedAt: NOW.toISOString(), body }));

      expect(decoded).toEqual({
        ok: true,
        message: { kind: 'payload', receiptId: 'whk_OLD', source: 'webhook', feed: 'correios', receivedAt: NOW.toISOString(), body: Buffer.from(body) },
      });
    });
  });

  describe('each feed authenticates as its sender does', () => {
    const headersFor = (feed: string, secret: string, text: string) => webhookAuthHeaders(feedAdapter(feed)!.webhook!.auth, secret, text, nowSeconds);

    it.each([
      ['17track', '17track-api-key', 'sign'],
      ['aftership', 'aftership-webhook-secret', 'aftership-hmac-sha256'],
      ['loggi', 'bG9nZ2k6c2VjcmV0', 'authorization'],
    ])('%s: accepted with its own header, refused with a wrong secret', async (feed, secret, headerName) => {
      const { post, queued } = setup();
      const good = headersFor(feed, secret, body);
      expect(Object.keys(good)).toEqual([headerName]);

      expect((await post(webhookEvent({ carrier: feed, body, headers: good }))).status).toBe(202);
      expect((await post(webhookEvent({ carrier: feed, body, headers: headersFor(feed, 'guessed', body) }))).status).toBe(401);
      expect((await post(webhookEvent({ carrier: feed, body: `${body} `, headers: good }))).status).toBe(feed === 'loggi' ? 202 : 401);
      const missing = await post(webhookEvent({ carrier: feed, body }));
      expect([missing.status, String(missing.body.detail)]).toEqual([401, expect.stringContaining(headerName)]);
      expect(queued.map((message) => [message.feed, message.source])).toEqual(
        feed === 'loggi'
          ? [
              [feed, 'webhook'],
              [feed, 'webhook'],
            ]
          : [[feed, 'aggregator']],
      );
    });

    it('answers 404 to a feed Enlace only polls (Jadlog has no push)', async () => {
      const { post, queued } = setup();
      const response = await post(webhookEvent({ carrier: 'jadlog', body, headers: signed('anything') }));
      expect(response.status).toBe(404);
      expect(queued).toEqual([]);
    });
  });
});
