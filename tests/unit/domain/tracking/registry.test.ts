import { DESTINATION_COUNTRIES } from '../../../../domain/shared/shipping-terms';
import { carrierAdapter, isTrackedCarrier, lastMileCarriersFor, parseCarrierPayload, TRACKED_CARRIERS } from '../../../../domain/tracking/carriers';
import { TRACKING_STATUSES } from '../../../../domain/tracking/statuses';
import { expectEvery } from '../../../setup/assertions';
import { fixture } from './helpers';

describe('carrier registry', () => {
  it('has one adapter per slug, registered under its own slug', () => {
    expect(TRACKED_CARRIERS.length).toBeGreaterThan(0);
    for (const slug of TRACKED_CARRIERS) expect(carrierAdapter(slug)?.slug).toBe(slug);
    expect(isTrackedCarrier('correios')).toBe(true);
    expect(isTrackedCarrier('pony-express')).toBe(false);
  });

  it('covers every destination market with at least one last-mile carrier', () => {
    for (const country of DESTINATION_COUNTRIES) expect(lastMileCarriersFor(country).length).toBeGreaterThan(0);
    expect(carrierAdapter('enlace-linehaul')?.market).toBe('cross-border');
  });

  it('routes a webhook body to the adapter named in the URL', () => {
    const result = parseCarrierPayload('olva', fixture('olva', 'delivered-arequipa.json'));

    expect(result.ok).toBe(true);
    expectEvery(result.ok ? result.updates : [], (u) => u.carrier === 'olva');
    expect(carrierAdapter('toString')).toBeUndefined();
    expect(parseCarrierPayload('dhl', {})).toEqual({ ok: false, problems: [{ path: '$', message: expect.stringContaining('unknown carrier "dhl"') }] });
  });

  it('reaches every canonical status from some carrier code', () => {
    const reached = new Set(TRACKED_CARRIERS.flatMap((slug) => carrierAdapter(slug)!).flatMap((adapter) => Object.values(adapter.codes).map((m) => m.status)));

    expect(TRACKING_STATUSES.filter((status) => !reached.has(status))).toEqual([]);
  });

  it('writes every sub-status in kebab-case and says how much of each adapter is documented', () => {
    for (const adapter of TRACKED_CARRIERS.map((slug) => carrierAdapter(slug)!)) {
      for (const mapping of Object.values(adapter.codes)) expect(mapping.subStatus).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(adapter.provenance.notes.length).toBeGreaterThan(10);
    }
    expect(carrierAdapter('estafeta')?.provenance.codes).toBe('sandbox-approximation');
    expect(carrierAdapter('enlace-linehaul')?.provenance.codes).toBe('documented');
  });
});
