import { DESTINATION_COUNTRIES } from '../../../../domain/shared/shipping-terms';
import { feedAdapter, FEED_ADAPTERS, isWebhookFeed, lastMileCarriersFor, parseFeedPayload, WEBHOOK_FEEDS } from '../../../../domain/tracking/carriers';
import { TRACKING_STATUSES } from '../../../../domain/tracking/statuses';
import { expectEvery } from '../../../setup/assertions';
import { fixture } from './helpers';

const ALL_FEEDS = Object.values(FEED_ADAPTERS).filter((adapter) => adapter !== undefined);

describe('feed registry', () => {
  it('has one adapter per feed, registered under its own slug', () => {
    expect(ALL_FEEDS.length).toBeGreaterThan(0);
    for (const adapter of ALL_FEEDS) expect(feedAdapter(adapter.slug)).toBe(adapter);
    expect(isWebhookFeed('correios')).toBe(true);
    expect(isWebhookFeed('17track')).toBe(true);
    expect(isWebhookFeed('pony-express')).toBe(false);
  });

  it('gives a webhook route only to feeds that push: Jadlog is polled, so it has none', () => {
    expect(WEBHOOK_FEEDS).toContain('aftership');
    expect(WEBHOOK_FEEDS).toContain('fedex');
    expect(WEBHOOK_FEEDS).not.toContain('jadlog');
    expect(isWebhookFeed('jadlog')).toBe(false);
  });

  it('covers every destination market with at least one last-mile carrier', () => {
    for (const country of DESTINATION_COUNTRIES) expect(lastMileCarriersFor(country).length).toBeGreaterThan(0);
    expect(feedAdapter('enlace-linehaul')?.market).toBe('cross-border');
  });

  it('routes a payload to the adapter of the feed named', () => {
    const result = parseFeedPayload('olva', fixture('olva', 'delivered-arequipa.json'));

    expect(result.ok).toBe(true);
    expectEvery(result.ok ? result.updates : [], (u) => u.carrier === 'olva');
    expect(feedAdapter('toString')).toBeUndefined();
    expect(parseFeedPayload('dhl', {})).toEqual({ ok: false, problems: [{ path: '$', message: expect.stringContaining('unknown feed "dhl"') }] });
  });

  it('reaches every canonical status from some carrier code', () => {
    const reached = new Set(ALL_FEEDS.flatMap((adapter) => Object.values(adapter.codes).map((m) => m.status)));

    expect(TRACKING_STATUSES.filter((status) => !reached.has(status))).toEqual([]);
  });

  it('writes every sub-status in kebab-case and says how much of each adapter is documented', () => {
    for (const adapter of ALL_FEEDS) {
      for (const mapping of Object.values(adapter.codes)) expect(mapping.subStatus).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(adapter.provenance.notes.length).toBeGreaterThan(10);
      if (adapter.webhook !== undefined) expect(adapter.webhook.provenance.length).toBeGreaterThan(10);
    }
    expect(feedAdapter('estafeta')?.provenance.codes).toBe('sandbox-approximation');
    expect(feedAdapter('enlace-linehaul')?.provenance.codes).toBe('documented');
  });

  it('replaces every character a queue cannot carry in what an adapter read, and keeps emoji', () => {
    const payload = fixture('olva', 'delivered-arequipa.json') as { detalle: { obs?: string; nombre_sede?: string }[] };
    payload.detalle[0]!.obs = 'puerta \uFFFE cerrada \uFFFF, timbre \u0007 roto, llave \uD800 perdida 🚪';
    payload.detalle[0]!.nombre_sede = 'Sede \uDC00';

    const result = parseFeedPayload('olva', payload);

    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [first] = result.updates;
    expect(first?.carrierDescription).toContain('puerta \uFFFD cerrada \uFFFD, timbre \uFFFD roto, llave \uFFFD perdida 🚪');
    expect(first?.location?.facility).toBe('Sede \uFFFD');
    // Every text of every update is within the set SQS accepts.
    const carriable = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
    for (const update of result.updates) {
      for (const text of [update.carrierDescription, update.carrierCode, update.carrierEventId, update.trackingNumber, update.location?.facility ?? '']) {
        expect(text).toMatch(carriable);
      }
    }
  });
});
