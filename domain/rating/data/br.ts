import type { CrossBorderRateCard, RateCard } from '../rate-card';
import { chargeableRule, flat, lastMile, LEVEL_DEFAULTS, lineHaul, money, onLine, perKg, REFERENCE, sandbox, sourced, VERSION_2026_07 } from './common';

/** China → Brazil: air into GRU (São Paulo), last mile by Correios, Jadlog, Loggi or Total Express. */

const REMOTE_RANGES = [
  { from: '66000-000', to: '69999-999', label: 'North region: PA, AP, AM, RR, AC' },
  { from: '76800-000', to: '77999-999', label: 'North region: RO, TO' },
  { from: '53990-000', to: '53990-999', label: 'Fernando de Noronha' },
] as const;
const REMOTE_NOTE = sandbox('CEP ranges by state are public (geobr); treating the North region as remote and the fee levels are invented.');
const CLEARANCE_NOTE = sandbox('Invented per-shipment clearance fee of the courier / postal operator.');

const CORREIOS_LIMITS = sourced(
  `${REFERENCE} §4 (Correios SEDEX/PAC, 2019; China→BR lines 30 kg)`,
  'Up to 30 kg; each side ≤ 105 cm and the sum of sides ≤ 200 cm.',
);

const ECONOMY: CrossBorderRateCard = {
  serviceId: 'enlace-economy-br',
  name: 'Enlace Economy Brazil (Correios)',
  ...VERSION_2026_07,
  destination: 'BR',
  serviceLevel: 'economy',
  carriers: { lineHaul: 'Enlace consolidated air, SZX→GRU', lastMile: 'Correios' },
  provenance: sandbox('Sandbox service built from the reference facts; prices invented.'),
  ...LEVEL_DEFAULTS.economy,
  chargeableWeight: chargeableRule(
    6000,
    10,
    50,
    sourced(`${REFERENCE} §4 (Correios: cubic weight L·W·H/6000, only above 5 kg)`, 'Increment and minimum are sandbox.'),
    { grams: 5000 },
  ),
  limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1050, maxSumOfSidesMm: 2000, provenance: CORREIOS_LIMITS },
  lineHaul: lineHaul([perKg(500, '88.00', '20.00'), perKg(2000, '82.00', '20.00'), perKg(50_000, '76.00', '20.00')]),
  lastMile: lastMile('BRL', [flat(300, '14.90'), flat(1000, '17.90'), flat(2000, '21.50'), flat(5000, '27.90'), perKg(50_000, '3.80', '9.00')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('12.00', 'BRL'), extraTransitDays: { min: 3, max: 8 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('15.00', 'BRL'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 15, max: 25, provenance: sourced(`${REFERENCE} §7 (China→BR air line typically 15–25 days)`, 'Door to door, calendar days.') },
};

const STANDARD_2026_07: RateCard = {
  serviceId: 'enlace-standard-br',
  name: 'Enlace Standard Brazil (Jadlog)',
  ...VERSION_2026_07,
  effectiveTo: '2026-10-31',
  destination: 'BR',
  serviceLevel: 'standard',
  carriers: { lineHaul: 'Enlace direct air line, PVG→GRU', lastMile: 'Jadlog' },
  provenance: sandbox('Previous version, kept so quotes dated before 2026-11-01 reproduce.'),
  ...LEVEL_DEFAULTS.standard,
  limits: {
    maxWeightGrams: 30_000,
    maxLongestSideMm: 1000,
    provenance: sandbox('Line limit 30 kg (reference §4); Jadlog side limit not found, 100 cm assumed.'),
  },
  lineHaul: lineHaul([perKg(500, '98.00', '22.00'), perKg(2000, '92.00', '22.00'), perKg(50_000, '86.00', '22.00')]),
  lastMile: lastMile('BRL', [flat(1000, '15.90'), flat(3000, '19.50'), perKg(10_000, '2.90', '11.50'), perKg(50_000, '2.60', '14.50')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('15.00', 'BRL'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('18.00', 'BRL'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 10, max: 18, provenance: sourced(`${REFERENCE} §7 (China→BR air line 10–18 days)`, 'Door to door, calendar days.') },
};

const STANDARD: CrossBorderRateCard = {
  serviceId: 'enlace-standard-br',
  name: 'Enlace Standard Brazil (Jadlog)',
  version: '2026.11',
  effectiveFrom: '2026-11-01',
  destination: 'BR',
  serviceLevel: 'standard',
  carriers: { lineHaul: 'Enlace direct air line, PVG→GRU', lastMile: 'Jadlog' },
  provenance: sandbox('Sandbox service built from the reference facts; prices invented.'),
  ...LEVEL_DEFAULTS.standard,
  limits: {
    maxWeightGrams: 30_000,
    maxLongestSideMm: 1000,
    provenance: sandbox('Line limit 30 kg (reference §4); Jadlog side limit not found, 100 cm assumed.'),
  },
  lineHaul: lineHaul([perKg(500, '102.00', '22.00'), perKg(2000, '96.00', '22.00'), perKg(50_000, '89.00', '22.00')]),
  lastMile: lastMile('BRL', [flat(1000, '16.50'), flat(3000, '19.90'), perKg(10_000, '2.90', '12.00'), perKg(50_000, '2.60', '15.00')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('15.00', 'BRL'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('18.00', 'BRL'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 10, max: 18, provenance: sourced(`${REFERENCE} §7 (China→BR air line 10–18 days)`, 'Door to door, calendar days.') },
};

const EXPRESS: CrossBorderRateCard = {
  serviceId: 'enlace-express-br',
  name: 'Enlace Express Brazil (Loggi)',
  ...VERSION_2026_07,
  destination: 'BR',
  serviceLevel: 'express',
  carriers: { lineHaul: 'Express air, PVG→GRU', lastMile: 'Loggi' },
  provenance: sandbox('Sandbox service built from the reference facts; prices invented.'),
  ...LEVEL_DEFAULTS.express,
  limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1200, provenance: sandbox('Loggi limits not found (reference §4); 30 kg / 120 cm assumed.') },
  lineHaul: lineHaul([perKg(2000, '150.00', '190.00'), perKg(20_000, '128.00', '220.00'), perKg(100_000, '118.00', '220.00')]),
  lastMile: lastMile('BRL', [flat(1000, '19.90'), flat(5000, '27.90'), perKg(100_000, '2.50', '17.00')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('25.00', 'BRL'), extraTransitDays: { min: 2, max: 5 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('25.00', 'BRL'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 5, max: 9, provenance: sandbox('Invented for an express product.') },
};

const BR_BASE_CARDS: readonly RateCard[] = [ECONOMY, STANDARD_2026_07, STANDARD, EXPRESS];

// ------------------------------------------------------------------ more last-mile carriers (routing)

const NORTH = REMOTE_RANGES.slice(0, 2);
const NORONHA = REMOTE_RANGES.slice(2);
const ASSUMED_LIMITS = (carrier: string) =>
  ({
    maxWeightGrams: 30_000,
    maxLongestSideMm: 1000,
    provenance: sandbox(`Line limit 30 kg (reference §4); ${carrier} side limit not found, 100 cm assumed.`),
  }) as const;
const CORREIOS_DIVISOR_STANDARD = chargeableRule(
  6000,
  100,
  100,
  sourced(`${REFERENCE} §4 (Correios: cubic weight L·W·H/6000, only above 5 kg)`, 'Increment and minimum of the standard line (sandbox).'),
  { grams: 5000 },
);

const VARIANTS: readonly RateCard[] = [
  onLine(ECONOMY, {
    serviceId: 'enlace-economy-br-total-express',
    name: 'Enlace Economy Brazil (Total Express)',
    lastMileCarrier: 'Total Express',
    note: 'Second economy carrier: Total Express, the e-commerce courier, beside Correios.',
    limits: ASSUMED_LIMITS('Total Express'),
    lastMile: lastMile('BRL', [flat(1000, '16.90'), flat(3000, '21.90'), perKg(30_000, '3.20', '12.00')]),
    remoteArea: { ranges: NORTH, perParcel: money('14.00', 'BRL'), extraTransitDays: { min: 3, max: 8 }, provenance: REMOTE_NOTE },
    unservedPostalRanges: NORONHA,
    transitDays: { min: 14, max: 22, provenance: sandbox('Invented, inside the 15–25 day range of the air line (reference §7).') },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-br-correios',
    name: 'Enlace Standard Brazil (Correios SEDEX)',
    lastMileCarrier: 'Correios',
    note: 'Correios SEDEX as a standard last mile: reaches every CEP.',
    chargeableWeight: CORREIOS_DIVISOR_STANDARD,
    limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1050, maxSumOfSidesMm: 2000, provenance: CORREIOS_LIMITS },
    lastMile: lastMile('BRL', [flat(300, '19.90'), flat(1000, '23.90'), flat(2000, '28.50'), flat(5000, '36.90'), perKg(30_000, '4.90', '12.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('12.00', 'BRL'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
    transitDays: { min: 11, max: 17, provenance: sandbox('Invented, inside the 10–18 day range of the air line (reference §7).') },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-br-loggi',
    name: 'Enlace Standard Brazil (Loggi)',
    lastMileCarrier: 'Loggi',
    note: 'Loggi as a standard last mile (it already carries the express service).',
    limits: ASSUMED_LIMITS('Loggi'),
    lastMile: lastMile('BRL', [flat(1000, '15.50'), flat(3000, '18.90'), perKg(30_000, '2.70', '11.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('18.00', 'BRL'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
    transitDays: { min: 10, max: 16, provenance: sandbox('Invented, inside the 10–18 day range of the air line (reference §7).') },
  }),
  onLine(EXPRESS, {
    serviceId: 'enlace-express-br-total-express',
    name: 'Enlace Express Brazil (Total Express)',
    lastMileCarrier: 'Total Express',
    note: 'Second express carrier.',
    limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1200, provenance: sandbox('Total Express limits not found (reference §4); 30 kg / 120 cm assumed.') },
    lastMile: lastMile('BRL', [flat(1000, '21.90'), flat(5000, '29.90'), perKg(30_000, '2.70', '18.00')]),
    remoteArea: { ranges: NORTH, perParcel: money('25.00', 'BRL'), extraTransitDays: { min: 2, max: 5 }, provenance: REMOTE_NOTE },
    unservedPostalRanges: NORONHA,
    transitDays: { min: 5, max: 10, provenance: sandbox('Invented for an express product.') },
  }),
];

export const BR_CARDS: readonly RateCard[] = [...BR_BASE_CARDS, ...VARIANTS];

/** Brazil's remote ranges, shared with the carrier profiles of routing. */
export { REMOTE_RANGES as BR_REMOTE_RANGES };
