import type { CrossBorderRateCard, PostalRange, RateCard } from '../rate-card';
import {
  chargeableRule,
  complementRanges,
  flat,
  lastMile,
  LEVEL_DEFAULTS,
  lineHaul,
  money,
  onLine,
  perKg,
  REFERENCE,
  sandbox,
  sourced,
  VERSION_2026_07,
} from './common';

/** China → Mexico: air into MEX, last mile by J&T, Estafeta, 99minutos or DHL. */

const REMOTE_RANGES = [
  { from: '29000', to: '30999', label: 'Chiapas' },
  { from: '68000', to: '71999', label: 'Oaxaca' },
  { from: '23000', to: '23999', label: 'Baja California Sur' },
] as const;
const REMOTE_NOTE = sandbox('State postal prefixes are public; which areas count as extended coverage is assumed (carriers publish per-postcode lists).');
const CLEARANCE_NOTE = sandbox('Invented per-shipment clearance fee under the courier procedure.');
const LINE_SOURCE = `${REFERENCE} §4 (China→Mexico line: 0–30 kg, 10 kg with batteries, 60×45×45 cm, /6000)`;

const ECONOMY: CrossBorderRateCard = {
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
    batteries: [
      'lithium-ion-with-equipment',
      'lithium-ion-standalone',
      'lithium-metal-in-equipment',
      'lithium-metal-with-equipment',
      'lithium-metal-standalone',
    ],
    categories: ['liquid', 'powder', 'magnetic', 'food'],
    provenance: sourced(LINE_SOURCE, 'The line takes batteries in equipment up to 10 kg; standalone lithium is forbidden on passenger aircraft.'),
  },
  batterySurcharge: { perParcel: money('6.00', 'CNY'), provenance: sandbox('Invented battery handling fee per parcel.') },
  lineHaul: lineHaul([perKg(500, '62.00', '16.00'), perKg(2000, '58.00', '16.00'), perKg(50_000, '54.00', '16.00')]),
  lastMile: lastMile('MXN', [flat(1000, '75.00'), flat(5000, '95.00'), perKg(50_000, '12.00', '45.00')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('150.00', 'MXN'), extraTransitDays: { min: 2, max: 5 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('35.00', 'MXN'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 12, max: 20, provenance: sandbox('Invented; slower than the 8–12 day line (reference §7).') },
};

const STANDARD: CrossBorderRateCard = {
  serviceId: 'enlace-standard-mx',
  name: 'Enlace Standard Mexico (Estafeta)',
  ...VERSION_2026_07,
  destination: 'MX',
  serviceLevel: 'standard',
  carriers: { lineHaul: 'Enlace direct air line, PVG→MEX', lastMile: 'Estafeta' },
  provenance: sandbox('Sandbox service built from the reference facts; prices invented.'),
  ...LEVEL_DEFAULTS.standard,
  chargeableWeight: chargeableRule(
    5000,
    100,
    100,
    sourced(`${REFERENCE} §4 (Estafeta /5000)`, 'The last mile bills /5000, so the service does; increment and minimum sandbox.'),
  ),
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
};

const EXPRESS: CrossBorderRateCard = {
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
  transitDays: {
    min: 3,
    max: 6,
    provenance: sourced(`${REFERENCE} §7 (express 1–3 business days)`, 'Calendar days door to door incl. pickup and clearance (sandbox widening).'),
  },
};

const MX_BASE_CARDS: readonly RateCard[] = [ECONOMY, STANDARD, EXPRESS];

// ------------------------------------------------------------------ more last-mile carriers (routing)

/**
 * Where 99minutos delivers: metro areas only. Sandbox approximation by postal prefix (99minutos
 * publishes coverage per postcode); the metro areas themselves are its advertised markets.
 */
export const NINETY_NINE_MINUTOS_METROS: readonly PostalRange[] = [
  { from: '01000', to: '16999', label: 'Mexico City' },
  { from: '44100', to: '45699', label: 'Guadalajara metro area' },
  { from: '52000', to: '57999', label: 'Valle de México (Estado de México)' },
  { from: '64000', to: '64999', label: 'Monterrey metro area' },
  { from: '66000', to: '66699', label: 'Monterrey metro area' },
  { from: '67100', to: '67199', label: 'Monterrey metro area' },
  { from: '72000', to: '72999', label: 'Puebla city' },
  { from: '76000', to: '76249', label: 'Querétaro city' },
];
const OUTSIDE_99MINUTOS = complementRanges('01000', '99999', NINETY_NINE_MINUTOS_METROS, 'outside the 99minutos metro areas');

const ESTAFETA_REMOTE = sourced(
  `${REFERENCE} §4 (Estafeta "cobertura extendida" MXN 249, reseller price, undated)`,
  'Postal ranges are sandbox (see REMOTE_NOTE).',
);
const ESTAFETA_DIVISOR = chargeableRule(
  5000,
  100,
  100,
  sourced(`${REFERENCE} §4 (Estafeta /5000)`, 'The last mile bills /5000, so the service does; increment and minimum sandbox.'),
);

const VARIANTS: readonly RateCard[] = [
  onLine(ECONOMY, {
    serviceId: 'enlace-economy-mx-estafeta',
    name: 'Enlace Economy Mexico (Estafeta Terrestre)',
    lastMileCarrier: 'Estafeta',
    note: 'Second economy carrier: Estafeta ground, nationwide, where J&T is slow or fails.',
    limits: ECONOMY.limits,
    lastMile: lastMile('MXN', [flat(1000, '85.00'), flat(5000, '110.00'), perKg(50_000, '13.00', '55.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('249.00', 'MXN'), extraTransitDays: { min: 2, max: 5 }, provenance: ESTAFETA_REMOTE },
    transitDays: { min: 12, max: 19, provenance: sandbox('Invented; like the J&T economy service.') },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-mx-99minutos',
    name: 'Enlace Standard Mexico (99minutos)',
    lastMileCarrier: '99minutos',
    note: 'Metro-area carrier: next-day delivery after clearance, only in the metro areas it serves.',
    limits: {
      maxWeightGrams: 25_000,
      maxLongestSideMm: 500,
      provenance: sourced(
        `${REFERENCE} §4 (99minutos drop-off points accept up to 50×50×50 cm)`,
        'Longest side 50 cm from the drop-off limit; 25 kg is sandbox.',
      ),
    },
    lastMile: lastMile('MXN', [flat(1000, '89.00'), flat(5000, '119.00'), perKg(25_000, '14.00', '70.00')]),
    remoteArea: null,
    unservedPostalRanges: OUTSIDE_99MINUTOS,
    transitDays: { min: 7, max: 10, provenance: sandbox('Invented: the line plus next-day metro delivery.') },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-mx-jt',
    name: 'Enlace Standard Mexico (J&T)',
    lastMileCarrier: 'J&T Express',
    note: 'Second nationwide standard carrier.',
    limits: STANDARD.limits,
    lastMile: lastMile('MXN', [flat(1000, '95.00'), flat(5000, '125.00'), perKg(50_000, '13.00', '65.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('180.00', 'MXN'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
    transitDays: { min: 9, max: 14, provenance: sandbox('Invented; a little slower than the Estafeta service.') },
  }),
  onLine(EXPRESS, {
    serviceId: 'enlace-express-mx-estafeta',
    name: 'Enlace Express Mexico (Estafeta Día Siguiente)',
    lastMileCarrier: 'Estafeta',
    lineHaulName: 'Enlace express air, HKG→MEX',
    note: 'Second express carrier: express air into MEX, Estafeta next-day delivery.',
    chargeableWeight: ESTAFETA_DIVISOR,
    limits: {
      maxWeightGrams: 70_000,
      maxLongestSideMm: 1200,
      provenance: sandbox('Estafeta takes 70 kg and 2.70 m (reference §4); the express air line less: 120 cm assumed.'),
    },
    lastMile: lastMile('MXN', [flat(1000, '140.00'), flat(5000, '185.00'), perKg(70_000, '18.00', '110.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('249.00', 'MXN'), extraTransitDays: { min: 2, max: 5 }, provenance: ESTAFETA_REMOTE },
    transitDays: { min: 4, max: 7, provenance: sandbox('Invented: a day slower than DHL end to end.') },
  }),
];

export const MX_CARDS: readonly RateCard[] = [...MX_BASE_CARDS, ...VARIANTS];

/** Mexico's remote (extended-coverage) ranges, shared with the carrier profiles of routing. */
export { REMOTE_RANGES as MX_REMOTE_RANGES };
