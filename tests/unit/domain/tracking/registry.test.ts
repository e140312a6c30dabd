import { CARRIER_ADAPTERS, carrierAdapter, lastMileCarriersFor, parseCarrierPayload } from '../../../../domain/tracking/carriers';
import { DESTINATION_COUNTRIES } from '../../../../domain/shipping-terms';
import { TRACKING_STATUSES } from '../../../../domain/tracking/statuses';
import { CARRIER_SLUGS } from '../../../../domain/tracking/update';
import { fixture } from './helpers';

describe('carrier registry', () => {
  it('has one adapter per slug, registered under its own slug', () => {
    expect(Object.keys(CARRIER_ADAPTERS).sort()).toEqual([...CARRIER_SLUGS].sort());
    for (const [slug, adapter] of Object.entries(CARRIER_ADAPTERS)) expect(adapter.slug).toBe(slug);
  });

  it('covers every destination market with at least one last-mile carrier', () => {
    for (const country of DESTINATION_COUNTRIES) expect(lastMileCarriersFor(country).length).toBeGreaterThan(0);
    expect(CARRIER_ADAPTERS['enlace-linehaul'].market).toBe('cross-border');
  });

  it('routes a webhook body to the adapter named in the URL', () => {
    const result = parseCarrierPayload('olva', fixture('olva', 'delivered-arequipa.json'));

    expect(result.ok && result.updates.every((u) => u.carrier === 'olva')).toBe(true);
    expect(carrierAdapter('toString')).toBeUndefined();
    expect(parseCarrierPayload('dhl', {})).toEqual({ ok: false, problems: [{ path: '$', message: expect.stringContaining('unknown carrier "dhl"') }] });
  });

  it('reaches every canonical status from some carrier code', () => {
    const reached = new Set(Object.values(CARRIER_ADAPTERS).flatMap((adapter) => Object.values(adapter.codes).map((m) => m.status)));

    expect(TRACKING_STATUSES.filter((status) => !reached.has(status))).toEqual([]);
  });

  it('writes every sub-status in kebab-case and says how much of each adapter is documented', () => {
    for (const adapter of Object.values(CARRIER_ADAPTERS)) {
      for (const mapping of Object.values(adapter.codes)) expect(mapping.subStatus).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(adapter.provenance.notes.length).toBeGreaterThan(10);
    }
    expect(CARRIER_ADAPTERS.estafeta.provenance.codes).toBe('sandbox-approximation');
    expect(CARRIER_ADAPTERS['enlace-linehaul'].provenance.codes).toBe('documented');
  });
});
