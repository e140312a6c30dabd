import type { RateCard } from '../rate-card';
import { LEVEL_DEFAULTS, REFERENCE, VERSION_2026_07, chargeableRule, flat, lastMile, lineHaul, money, perKg, sandbox, sourced } from './common';

/** China → Mexico: air into MEX, last mile by J&T, Estafeta or DHL. */

const REMOTE_RANGES = [
  { from: '29000', to: '30999', label: 'Chiapas' },
  { from: '68000', to: '71999', label: 'Oaxaca' },
  { from: '23000', to: '23999', label: 'Baja California Sur' },
] as const;
const REMOTE_NOTE = sandbox('State postal prefixes are public; which areas count as extended coverage is assumed (carriers publish per-postcode lists).');
const CLEARANCE_NOTE = sandbox('Invented per-shipment clearance fee under the courier procedure.');
const LINE_SOURCE = `${REFERENCE} §4 (China→Mexico line: 0–30 kg, 10 kg with batteries, 60×45×45 cm, /6000)`;

export const MX_CARDS: readonly RateCard[] = [
  {
    serviceId: 'enlace-economy-mx',
    name: 'Enlace Economy Mexico (J&T)',
    ...VERSION_2026_07,
    destination: 'MX',
    serviceLevel: 'economy',
    carriers: { lineHaul: 'Enlace consolidated air, SZX→MEX', lastMile: 'J&T Express' },
    provenance: sandbox('Sandbox service built from the reference facts; prices invented.'),
    ...LEVEL_DEFAULTS.economy,
    limits: {
      maxWeightGrams: 30_000,
      maxWeightWithBatteryGrams: 10_000,
      maxLongestSideMm: 600,
      maxSumOfSidesMm: 1500,
      provenance: sourced(LINE_SOURCE, 'Line limits; 60×45×45 cm expressed as longest side 60 cm and sum of sides 150 cm.'),
    },
    // This line carries lithium-ion built into equipment (up to 10 kg), unlike the other economy lines.
    refused: {
      batteries: ['lithium-ion-with-equipment', 'lithium-ion-standalone', 'lithium-metal-in-equipment', 'lithium-metal-with-equipment', 'lithium-metal-standalone'],
      categories: ['liquid', 'powder', 'magnetic', 'food'],
      provenance: sourced(LINE_SOURCE, 'The line takes batteries in equipment up to 10 kg; standalone lithium is forbidden on passenger aircraft.'),
    },
    batterySurcharge: { perParcel: money('6.00', 'CNY'), provenance: sandbox('Invented battery handling fee per parcel.') },
    lineHaul: lineHaul([perKg(500, '62.00', '16.00'), perKg(2000, '58.00', '16.00'), perKg(50_000, '54.00', '16.00')]),
    lastMile: lastMile('MXN', [flat(1000, '75.00'), flat(5000, '95.00'), perKg(50_000, '12.00', '45.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('150.00', 'MXN'), extraTransitDays: { min: 2, max: 5 }, provenance: REMOTE_NOTE },
    customsClearance: { perShipment: money('35.00', 'MXN'), provenance: CLEARANCE_NOTE },
    transitDays: { min: 12, max: 20, provenance: sandbox('Invented; slower than the 8–12 day line (reference §7).') },
  },
  {
    serviceId: 'enlace-standard-mx',
    name: 'Enlace Standard Mexico (Estafeta)',
    ...VERSION_2026_07,
    destination: 'MX',
    serviceLevel: 'standard',
    carriers: { lineHaul: 'Enlace direct air line, PVG→MEX', lastMile: 'Estafeta' },
    provenance: sandbox('Sandbox service built from the reference facts; prices invented.'),
    ...LEVEL_DEFAULTS.standard,
    chargeableWeight: chargeableRule(5000, 100, 100, sourced(`${REFERENCE} §4 (Estafeta /5000)`, 'The last mile bills /5000, so the service does; increment and minimum sandbox.')),
    limits: {
      maxWeightGrams: 30_000,
      maxWeightWithBatteryGrams: 10_000,
      maxLongestSideMm: 1200,
      provenance: sandbox('Line 30 kg / 10 kg with batteries (reference §4); Estafeta takes 70 kg and 2.70 m, the air line less: 120 cm assumed.'),
    },
    lineHaul: lineHaul([perKg(500, '75.00', '18.00'), perKg(2000, '70.00', '18.00'), perKg(50_000, '65.00', '18.00')]),
    lastMile: lastMile('MXN', [flat(1000, '118.00'), flat(5000, '149.00'), perKg(50_000, '15.00', '90.00')]),
    remoteArea: {
      ranges: REMOTE_RANGES,
      perParcel: money('249.00', 'MXN'),
      extraTransitDays: { min: 2, max: 5 },
      provenance: sourced(`${REFERENCE} §4 (Estafeta "cobertura extendida" MXN 249, reseller price, undated)`, 'Postal ranges are sandbox (see REMOTE_NOTE).'),
    },
    customsClearance: { perShipment: money('45.00', 'MXN'), provenance: CLEARANCE_NOTE },
    transitDays: { min: 8, max: 12, provenance: sourced(`${REFERENCE} §7 (e-commerce line 8–12 calendar days)`, 'Door to door.') },
  },
  {
    serviceId: 'enlace-express-mx',
    name: 'Enlace Express Mexico (DHL)',
    ...VERSION_2026_07,
    destination: 'MX',
    serviceLevel: 'express',
    carriers: { lineHaul: 'DHL Express, HKG→MEX', lastMile: 'DHL Express' },
    provenance: sandbox('Sandbox service built from the reference facts; prices invented.'),
    ...LEVEL_DEFAULTS.express,
    limits: { maxWeightGrams: 70_000, maxLongestSideMm: 1200, provenance: sandbox('Express piece limits assumed: 70 kg, 120 cm.') },
    lineHaul: lineHaul([perKg(2000, '125.00', '150.00'), perKg(20_000, '105.00', '170.00'), perKg(100_000, '96.00', '170.00')]),
    lastMile: lastMile('MXN', [flat(1000, '160.00'), flat(5000, '210.00'), perKg(100_000, '20.00', '120.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('320.00', 'MXN'), extraTransitDays: { min: 1, max: 3 }, provenance: REMOTE_NOTE },
    customsClearance: { perShipment: money('80.00', 'MXN'), provenance: CLEARANCE_NOTE },
    transitDays: { min: 3, max: 6, provenance: sourced(`${REFERENCE} §7 (express 1–3 business days)`, 'Calendar days door to door incl. pickup and clearance (sandbox widening).') },
  },
];
