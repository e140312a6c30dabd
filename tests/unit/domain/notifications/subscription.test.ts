import {
  createSubscription,
  endpointProblems,
  eventBusArnProblems,
  needsDestinationCountry,
  recordVerification,
  rotateSecret,
  SecretNotOpenError,
  signingSecrets,
  subscriptionInputSchema,
  wantsEvent,
  type Subscription,
  type TargetPolicy,
} from '../../../../domain/notifications/subscription';
import { ssrfCorpus } from '../../../fixtures/ssrf/corpus';

const production: TargetPolicy = { network: {}, reservedBusNames: ['enlace'], ownAccountId: '999999999999' };
const local: TargetPolicy = { network: { loopback: { deniedPorts: [3000, 43577] } }, reservedBusNames: ['enlace'] };
const now = new Date('2026-11-22T12:00:00.000Z');
const SSRF_CORPUS = ssrfCorpus().staticallyRefused;
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    ...createSubscription(
      { sellerId: 'seller-a', target: { kind: 'https', url: 'https://erp.example.com/hooks' }, eventTypes: ['*'], filter: {} },
      { subscriptionId: 'sub_1', secret: 'whsec_1', now },
    ),
    status: 'active',
    ...overrides,
  };
}

const problemsOf = (policy: TargetPolicy, body: unknown) => {
  const result = subscriptionInputSchema(policy).safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('subscription input', () => {
  it('accepts an HTTPS endpoint with types and a filter, normalising "*"', () => {
    const parsed = subscriptionInputSchema(production).parse({
      endpoint: 'https://erp.example.com/enlace/webhooks',
      eventTypes: ['order.rated', '*'],
      filter: { destinationCountries: ['BR', 'BR', 'MX'], exceptionsOnly: true },
      description: '  ERP  ',
    });
    expect(parsed).toEqual({
      target: { kind: 'https', url: 'https://erp.example.com/enlace/webhooks' },
      eventTypes: ['*'],
      filter: { destinationCountries: ['BR', 'MX'], exceptionsOnly: true },
      description: 'ERP',
    });
  });

  it('keeps inventory types beside "*", which covers order types only', () => {
    const parsed = subscriptionInputSchema(production).parse({
      endpoint: 'https://erp.example.com/enlace/webhooks',
      eventTypes: ['stock.low', 'order.rated', '*', 'inbound.held'],
    });
    expect(parsed.eventTypes).toEqual(['stock.low', '*', 'inbound.held']);
  });

  it('accepts an event bus ARN instead of an endpoint', () => {
    expect(
      subscriptionInputSchema(production).parse({ eventBusArn: 'arn:aws:events:sa-east-1:123456789012:event-bus/erp', eventTypes: ['shipment.delivered'] })
        .target,
    ).toEqual({
      kind: 'event-bus',
      arn: 'arn:aws:events:sa-east-1:123456789012:event-bus/erp',
    });
  });

  it('names every problem at once', () => {
    expect(
      problemsOf(production, {
        endpoint: 'http://erp.example.com/hooks',
        eventTypes: ['order.rated', 'order.teleported'],
        filter: { destinationCountries: ['AR'], late: true },
        sellerId: 'x',
        colour: 'blue',
      }),
    ).toEqual(
      expect.arrayContaining([
        'endpoint: must use https',
        expect.stringMatching(/^eventTypes\.1: must be one of order\.received, /),
        expect.stringMatching(/^filter\.destinationCountries\.0: /),
        expect.stringMatching(/^filter: .*late/),
        expect.stringMatching(/^sellerId: /),
        expect.stringMatching(/^: .*colour/),
      ]),
    );
  });

  it('wants exactly one target', () => {
    expect(problemsOf(production, { eventTypes: ['*'] })).toEqual(['endpoint: give exactly one of "endpoint" (an HTTPS URL) and "eventBusArn"']);
    expect(
      problemsOf(production, { eventTypes: ['*'], endpoint: 'https://a.example.com', eventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/b' }),
    ).toEqual(['endpoint: give exactly one of "endpoint" (an HTTPS URL) and "eventBusArn"']);
  });

  it('flags a type listed twice and an empty list', () => {
    expect(problemsOf(production, { endpoint: 'https://a.example.com', eventTypes: ['order.rated', 'order.rated'] })).toEqual([
      'eventTypes.1: "order.rated" is listed twice',
    ]);
    expect(problemsOf(production, { endpoint: 'https://a.example.com', eventTypes: [] })).toEqual([
      'eventTypes: subscribe to at least one event type (or "*")',
    ]);
  });

  it('survives bodies that are not objects', () => {
    expect(problemsOf(production, null)).toHaveLength(1);
    expect(problemsOf(production, ['https://a.example.com'])).toHaveLength(1);
  });
});

describe('endpoints and buses', () => {
  it.each([
    ['https://erp.example.com/hooks', production, []],
    ['http://erp.example.com/hooks', production, ['must use https']],
    ['http://localhost:8080/hooks', production, ['must use https', expect.stringContaining('public host')]],
    ['https://localhost/hooks', production, [expect.stringContaining('public host')]],
    ['https://10.0.0.5/hooks', production, [expect.stringContaining('public host')]],
    ['https://192.168.1.9/hooks', production, [expect.stringContaining('public host')]],
    ['https://169.254.169.254/latest/meta-data', production, [expect.stringContaining('public host')]],
    ['https://[::1]/hooks', production, [expect.stringContaining('public host')]],
    ['https://user:pass@erp.example.com/hooks', production, ['must not carry credentials; every delivery is signed instead']],
    ['ftp://erp.example.com', production, ['must use https']],
    ['not a url', production, [expect.stringContaining('absolute URL')]],
    ['http://127.0.0.1:4000/hooks', local, []],
    ['http://localhost:4000/hooks', local, []],
    ['http://[::1]:4000/hooks', local, []],
    ['http://erp.example.com/hooks', local, ['must use https (http only for localhost)']],
    ['http://127.0.0.1:43577/invoke/stalled-sweep', local, [expect.stringContaining("local cloud's own endpoints")]],
    ['http://localhost:3000/v1/orders', local, [expect.stringContaining("local cloud's own endpoints")]],
    ['http://localhost.:4000/hooks', local, ['must use https (http only for localhost)', expect.stringContaining('public host')]],
    ['http://127.0.0.2:4000/hooks', local, ['must use https (http only for localhost)', expect.stringContaining('public host')]],
  ])('%s', (url, policy, expected) => {
    expect(endpointProblems(url, policy)).toEqual(expected);
  });

  it.each(SSRF_CORPUS)('refuses %s in production (SSRF corpus)', (url) => {
    expect(endpointProblems(url, production)).not.toEqual([]);
  });

  it("takes event bus ARNs of other accounts in any region, never a bus of Enlace's own account nor its bus's name", () => {
    expect(eventBusArnProblems('arn:aws:events:us-east-1:123456789012:event-bus/default', production)).toEqual([]);
    expect(eventBusArnProblems('arn:aws:events:us-east-1:123456789012:event-bus/enlace', production)).toEqual([expect.stringContaining('reserved')]);
    expect(eventBusArnProblems('arn:aws:events:us-east-1:999999999999:event-bus/default', production)).toEqual([expect.stringContaining('own AWS account')]);
    expect(eventBusArnProblems('arn:aws:events:eu-west-1:999999999999:event-bus/anything', production)).toEqual([expect.stringContaining('own AWS account')]);
    expect(eventBusArnProblems('arn:aws:sqs:us-east-1:123456789012:queue', production)).toEqual([expect.stringContaining('event bus ARN')]);
  });
});

describe('which events a subscription wants', () => {
  it('matches its types, or every notifiable type with "*"', () => {
    expect(wantsEvent(subscription({ eventTypes: ['order.rated'] }), { type: 'order.rated' })).toBe(true);
    expect(wantsEvent(subscription({ eventTypes: ['order.rated'] }), { type: 'order.received' })).toBe(false);
    expect(wantsEvent(subscription(), { type: 'shipment.delivered' })).toBe(true);
    expect(wantsEvent(subscription(), { type: 'kpi.recomputed' })).toBe(false);
  });

  it('wants nothing until verified', () => {
    expect(wantsEvent(subscription({ status: 'pending_verification' }), { type: 'order.rated' })).toBe(false);
  });

  it('applies "only exceptions" and "only these countries" together', () => {
    const filtered = subscription({ filter: { exceptionsOnly: true, destinationCountries: ['BR'] } });
    expect(needsDestinationCountry(filtered)).toBe(true);
    expect(needsDestinationCountry(subscription())).toBe(false);
    expect(wantsEvent(filtered, { type: 'customs.held', destinationCountry: 'BR' })).toBe(true);
    expect(wantsEvent(filtered, { type: 'customs.held', destinationCountry: 'MX' })).toBe(false);
    expect(wantsEvent(filtered, { type: 'customs.held' })).toBe(false);
    expect(wantsEvent(filtered, { type: 'shipment.delivered', destinationCountry: 'BR' })).toBe(false);
  });
});

describe('secrets and verification', () => {
  it('keeps the rotated secret signing for 24 h beside the new one, then drops it', () => {
    const rotated = rotateSecret(subscription(), 'whsec_2', now);
    expect(rotated.revision).toBe(2);
    expect(signingSecrets(rotated, hours(23))).toEqual(['whsec_2', 'whsec_1']);
    expect(signingSecrets(rotated, hours(24))).toEqual(['whsec_2']);
    expect(rotated.secrets[1]).toEqual({ secret: 'whsec_1', hint: 'whsec_…ec_1', createdAt: now.toISOString(), expiresAt: hours(24).toISOString() });
  });

  it('never extends an overlap by rotating again, and forgets expired secrets', () => {
    const twice = rotateSecret(rotateSecret(subscription(), 'whsec_2', now), 'whsec_3', hours(1));
    expect(twice.secrets.map((secret) => [secret.secret, secret.expiresAt])).toEqual([
      ['whsec_3', undefined],
      ['whsec_2', hours(25).toISOString()],
      ['whsec_1', hours(24).toISOString()],
    ]);
    const later = rotateSecret(twice, 'whsec_4', hours(30));
    expect(later.secrets.map((secret) => secret.secret)).toEqual(['whsec_4', 'whsec_3']);
  });

  it('drops the old secret at once with no overlap (a leaked secret)', () => {
    expect(signingSecrets(rotateSecret(subscription(), 'whsec_2', now, 0), now)).toEqual(['whsec_2']);
  });

  it('activates on a passed handshake and stays active when a later one fails', () => {
    const pending = subscription({ status: 'pending_verification' });
    expect(recordVerification(pending, { ok: false, reason: 'HTTP 404' }, now)).toMatchObject({
      status: 'pending_verification',
      lastVerification: { ok: false, reason: 'HTTP 404' },
    });
    const active = recordVerification(pending, { ok: true }, now);
    expect(active).toMatchObject({ status: 'active', revision: pending.revision + 1 });
    expect(recordVerification(active, { ok: false, reason: 'timeout' }, hours(1)).status).toBe('active');
  });
});

describe('sealed secrets', () => {
  it('refuses to sign with a secret that is still sealed (only the delivery path opens them)', () => {
    const sealed = subscription({ secrets: [{ sealed: { scheme: 'kms-envelope-aes256gcm-v1' }, hint: 'whsec_…abcd', createdAt: now.toISOString() }] });
    expect(() => signingSecrets(sealed, now)).toThrow(SecretNotOpenError);
  });

  it('rotates without reading the sealed secrets it keeps', () => {
    const sealed = subscription({ secrets: [{ sealed: { scheme: 'kms-envelope-aes256gcm-v1' }, hint: 'whsec_…abcd', createdAt: now.toISOString() }] });
    const rotated = rotateSecret(sealed, 'whsec_new', hours(1));
    expect(rotated.secrets).toEqual([
      { secret: 'whsec_new', hint: 'whsec_…_new', createdAt: hours(1).toISOString() },
      { sealed: { scheme: 'kms-envelope-aes256gcm-v1' }, hint: 'whsec_…abcd', createdAt: now.toISOString(), expiresAt: hours(25).toISOString() },
    ]);
  });
});
