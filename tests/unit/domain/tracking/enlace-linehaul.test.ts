import { enlaceLinehaul, isValidMasterAirWaybill } from '../../../../domain/tracking/carriers/enlace-linehaul';
import { copy, fixture, parseOk, problemsOf, SAO_PAULO, webhooks } from './helpers';

describe('Enlace line-haul adapter (cross-border milestones)', () => {
  const [pickup, export_, flight] = webhooks('enlace-linehaul', 'sao-paulo-journey.json');

  it('fans a bag milestone out to one update per parcel, each with its own event id', () => {
    const updates = parseOk(enlaceLinehaul, export_);
    const cleared = updates.filter((u) => u.carrierCode === 'EXPORT_CUSTOMS_CLEARED');

    expect(updates).toHaveLength(12); // 4 milestones × 3 parcels
    expect(cleared.map((u) => u.trackingNumber)).toEqual(['ENL2511030417BR', 'ENL2511030418BR', 'ENL2511030422BR']);
    expect(cleared.map((u) => u.carrierEventId)).toEqual(['lh-b7e2-0005:ENL2511030417BR', 'lh-b7e2-0005:ENL2511030418BR', 'lh-b7e2-0005:ENL2511030422BR']);
  });

  it('maps every milestone of the São Paulo journey and converts each offset to UTC', () => {
    const ours = [pickup, export_, flight]
      .flatMap((body) => parseOk(enlaceLinehaul, body))
      .filter((u) => u.trackingNumber === SAO_PAULO.linehaulTrackingNumber)
      .map((u) => [u.carrierCode, u.status, u.subStatus, u.occurredAt]);

    expect(ours).toEqual([
      ['LABEL_CREATED', 'label-created', 'label-created', '2025-11-03T02:05:00.000Z'],
      ['PICKED_UP_FROM_SELLER', 'picked-up', 'picked-up-from-seller', '2025-11-03T08:40:00.000Z'],
      ['RECEIVED_AT_ORIGIN_HUB', 'in-transit', 'received-at-origin-hub', '2025-11-04T01:12:00.000Z'],
      ['EXPORT_CUSTOMS_SUBMITTED', 'export-customs', 'declaration-submitted', '2025-11-04T07:30:00.000Z'],
      ['EXPORT_CUSTOMS_CLEARED', 'export-customs', 'cleared', '2025-11-05T03:20:00.000Z'],
      ['HANDED_TO_AIRLINE', 'in-transit-international', 'handed-to-airline', '2025-11-05T12:00:00.000Z'],
      ['DEPARTED_ORIGIN_AIRPORT', 'in-transit-international', 'departed-origin-airport', '2025-11-05T17:35:00.000Z'],
      ['ARRIVED_TRANSIT_AIRPORT', 'in-transit-international', 'at-transit-airport', '2025-11-06T03:10:00.000Z'],
      ['ARRIVED_DESTINATION_AIRPORT', 'arrived-destination-country', 'arrived-destination-airport', '2025-11-07T08:25:00.000Z'],
      ['HANDED_TO_POSTAL_OPERATOR', 'arrived-destination-country', 'handed-to-destination-post', '2025-11-07T17:00:00.000Z'],
    ]);
  });

  it("names each parcel's last-mile number, so a line-haul event finds a shipment booked under it", () => {
    const updates = parseOk(enlaceLinehaul, export_);
    expect(updates.filter((u) => u.carrierCode === 'EXPORT_CUSTOMS_CLEARED').map((u) => [u.trackingNumber, u.lastMileTrackingNumber])).toEqual([
      ['ENL2511030417BR', 'NX482157365BR'],
      ['ENL2511030418BR', 'NX482157351BR'],
      ['ENL2511030422BR', 'NX482157405BR'],
    ]);
  });

  it('uses the remark as the text when there is one, else the standard text', () => {
    const updates = parseOk(enlaceLinehaul, pickup);

    expect(updates.map((u) => u.carrierDescription)).toEqual([
      'Parcel manifested, label issued',
      'Collected 1 carton, 1.240 kg',
      'Weighed 1.260 kg, 32x24x12 cm',
    ]);
    expect(updates[0]?.location).toEqual({ facility: 'Enlace Shenzhen Longhua Hub', city: 'Shenzhen', country: 'CN' });
  });

  it('refines a customs hold by its reason, and flags a milestone code it does not know', () => {
    const updates = parseOk(enlaceLinehaul, fixture('enlace-linehaul', 'customs-held-mx.json'));

    expect(updates.find((u) => u.carrierCode === 'IMPORT_CUSTOMS_HELD')).toMatchObject({
      trackingNumber: 'ENL2511150091MX',
      status: 'customs-held',
      subStatus: 'held-documents-required',
      occurredAt: '2025-11-18T22:40:00.000Z',
    });
    expect(updates.find((u) => u.carrierCode === 'PALLET_RECONSOLIDATED')).toMatchObject({ recognised: false, status: 'in-transit' });
    expect(updates.find((u) => u.carrierCode === 'HANDED_TO_LAST_MILE')?.status).toBe('in-transit-destination');
  });

  it('checks the air waybill check digit (serial mod 7)', () => {
    expect(isValidMasterAirWaybill('157-48302155')).toBe(true);
    expect(isValidMasterAirWaybill('78412345675')).toBe(true);
    expect(isValidMasterAirWaybill('157-48302156')).toBe(false);
    expect(isValidMasterAirWaybill('157-4830215')).toBe(false);
  });

  it('lists every problem of a bad payload with its path', () => {
    const bad = copy(export_) as { schemaVersion: number; milestones: Record<string, unknown>[] };
    bad.schemaVersion = 2;
    const [first, second, third] = bad.milestones;
    if (first === undefined || second === undefined || third === undefined) throw new Error('fixture changed');
    first.occurredAt = '2025-11-04T15:30:00';
    second.masterAirWaybill = '157-48302156';
    third.parcels = [];

    expect(problemsOf(enlaceLinehaul, bad).map((p) => p.path)).toEqual([
      '$.schemaVersion',
      '$.milestones[0].occurredAt',
      '$.milestones[1].masterAirWaybill',
      '$.milestones[2].parcels',
    ]);
  });
});
