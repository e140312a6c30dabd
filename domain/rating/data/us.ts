import type { CrossBorderRateCard, RateCard } from '../rate-card';
import { chargeableRule, flat, lastMile, LEVEL_DEFAULTS, lineHaul, money, onLine, perKg, REFERENCE, sandbox, sourced, VERSION_2026_07 } from './common';

/** China → United States: air into LAX/JFK, last mile by USPS, UPS or FedEx. */

const REMOTE_RANGES = [
  { from: '99500', to: '99999', label: 'Alaska' },
  { from: '96700', to: '96899', label: 'Hawaii' },
] as const;
const CLEARANCE_NOTE = sandbox('Invented per-shipment informal-entry brokerage fee.');
const TRANSIT = sandbox('Invented, consistent with China→US air e-commerce lines.');
const LB = 453.59237;
const INCH = 25.4;

/** 1 ft³ = 1728 in³ in mm³, rounded down to the mm³. */
const CUBIC_FOOT_MM3 = Math.floor(1728 * INCH ** 3);

const UPS_LIMITS = sourced(`${REFERENCE} §4 (UPS: ≤150 lb, ≤108 in length, ≤165 in length + girth)`, 'Converted to metric and rounded down.');

const ECONOMY: CrossBorderRateCard = {
  serviceId: 'enlace-economy-us',
  name: 'Enlace Economy United States (USPS Ground Advantage)',
  ...VERSION_2026_07,
  destination: 'US',
  serviceLevel: 'economy',
  carriers: { lineHaul: 'Enlace consolidated air, SZX→LAX', lastMile: 'USPS' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.economy,
  chargeableWeight: chargeableRule(
    6000,
    10,
    50,
    sourced(`${REFERENCE} §4 (USPS applies dimensional weight only over 1 ft³; 166 in³/lb ≈ 6000 cm³/kg)`, 'Increment and minimum are sandbox.'),
    { volumeMm3: CUBIC_FOOT_MM3 },
  ),
  limits: {
    maxWeightGrams: Math.floor(70 * LB),
    maxLengthPlusGirthMm: Math.floor(130 * INCH),
    maxLongestSideMm: 1000,
    provenance: sourced(`${REFERENCE} §4 (USPS 70 lb; Ground Advantage 130 in length + girth)`, 'Longest side 100 cm is a sandbox line-haul limit.'),
  },
  lineHaul: lineHaul([perKg(500, '68.00', '18.00'), perKg(2000, '64.00', '18.00'), perKg(50_000, '60.00', '18.00')]),
  // Ounce breaks of a commercial Ground Advantage table: 8 oz, 1 lb, 2 lb, 5 lb.
  lastMile: lastMile('USD', [flat(227, '4.50'), flat(454, '5.60'), flat(907, '7.20'), flat(2268, '9.80'), perKg(50_000, '1.85', '6.50')]),
  // USPS charges no delivery-area surcharge: no remoteArea.
  customsClearance: { perShipment: money('1.50', 'USD'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 8, max: 15, provenance: TRANSIT },
};

const STANDARD: CrossBorderRateCard = {
  serviceId: 'enlace-standard-us',
  name: 'Enlace Standard United States (UPS Ground)',
  ...VERSION_2026_07,
  destination: 'US',
  serviceLevel: 'standard',
  carriers: { lineHaul: 'Enlace direct air line, PVG→JFK', lastMile: 'UPS' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.standard,
  chargeableWeight: chargeableRule(5000, 100, 100, sourced(`${REFERENCE} §4 (UPS metric divisor 5000)`, 'Increment and minimum are sandbox.')),
  limits: {
    maxWeightGrams: Math.floor(150 * LB),
    maxLongestSideMm: Math.floor(108 * INCH),
    maxLengthPlusGirthMm: Math.floor(165 * INCH),
    provenance: UPS_LIMITS,
  },
  oversize: { longestSideOverMm: 1200, perParcel: money('60.00', 'CNY'), provenance: sandbox('Invented: line-haul handling of pieces over 120 cm.') },
  lineHaul: lineHaul([perKg(500, '82.00', '20.00'), perKg(2000, '77.00', '20.00'), perKg(100_000, '72.00', '20.00')]),
  lastMile: lastMile('USD', [flat(454, '10.40'), flat(2268, '13.20'), perKg(100_000, '2.40', '9.00')]),
  remoteArea: {
    ranges: REMOTE_RANGES,
    perParcel: money('14.00', 'USD'),
    extraTransitDays: { min: 1, max: 3 },
    provenance: sourced(
      `${REFERENCE} §5 (UPS remote-area surcharge ≈ US$14.00, 2026, labelled illustrative)`,
      'ZIP ranges are sandbox (UPS publishes quarterly lists).',
    ),
  },
  customsClearance: { perShipment: money('2.50', 'USD'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 6, max: 10, provenance: TRANSIT },
};

const EXPRESS: CrossBorderRateCard = {
  serviceId: 'enlace-express-us',
  name: 'Enlace Express United States (FedEx)',
  ...VERSION_2026_07,
  destination: 'US',
  serviceLevel: 'express',
  carriers: { lineHaul: 'Express air, PVG→MEM', lastMile: 'FedEx' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.express,
  limits: {
    maxWeightGrams: Math.floor(150 * LB),
    maxLongestSideMm: Math.floor(108 * INCH),
    maxLengthPlusGirthMm: Math.floor(165 * INCH),
    provenance: sandbox('FedEx limits not in the reference; the UPS ones are assumed.'),
  },
  lineHaul: lineHaul([perKg(2000, '118.00', '160.00'), perKg(20_000, '100.00', '180.00'), perKg(100_000, '92.00', '180.00')]),
  lastMile: lastMile('USD', [flat(454, '18.50'), flat(2268, '24.00'), perKg(100_000, '4.20', '16.00')]),
  remoteArea: {
    ranges: REMOTE_RANGES,
    perParcel: money('13.95', 'USD'),
    extraTransitDays: { min: 1, max: 2 },
    provenance: sourced(`${REFERENCE} §5 (FedEx remote-area surcharge ≈ US$13.95, 2026, labelled illustrative)`, 'ZIP ranges are sandbox.'),
  },
  customsClearance: { perShipment: money('5.00', 'USD'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 3, max: 6, provenance: TRANSIT },
};

const US_BASE_CARDS: readonly RateCard[] = [ECONOMY, STANDARD, EXPRESS];

// ------------------------------------------------------------------ more last-mile carriers (routing)

const UPS_REMOTE = sourced(
  `${REFERENCE} §5 (UPS remote-area surcharge ≈ US$14.00, 2026, labelled illustrative)`,
  'ZIP ranges are sandbox (UPS publishes quarterly lists).',
);
const FEDEX_REMOTE = sourced(`${REFERENCE} §5 (FedEx remote-area surcharge ≈ US$13.95, 2026, labelled illustrative)`, 'ZIP ranges are sandbox.');
const DOMESTIC_139 = sourced(`${REFERENCE} §4 (UPS/FedEx domestic divisor 139 in³/lb ≈ 5000 cm³/kg)`, 'Increment and minimum are sandbox.');

const VARIANTS: readonly RateCard[] = [
  onLine(ECONOMY, {
    serviceId: 'enlace-economy-us-ups',
    name: 'Enlace Economy United States (UPS Ground Saver)',
    lastMileCarrier: 'UPS',
    note: 'Second economy carrier beside USPS.',
    chargeableWeight: chargeableRule(5000, 10, 50, DOMESTIC_139),
    limits: {
      maxWeightGrams: Math.floor(150 * LB),
      maxLongestSideMm: 1000,
      maxLengthPlusGirthMm: Math.floor(165 * INCH),
      provenance: sourced(`${REFERENCE} §4 (UPS: ≤150 lb, ≤165 in length + girth)`, 'Longest side 100 cm is the sandbox limit of the economy line.'),
    },
    lastMile: lastMile('USD', [flat(454, '6.10'), flat(907, '7.60'), flat(2268, '10.40'), perKg(50_000, '1.95', '7.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('14.00', 'USD'), extraTransitDays: { min: 1, max: 3 }, provenance: UPS_REMOTE },
    transitDays: { min: 9, max: 15, provenance: TRANSIT },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-us-usps',
    name: 'Enlace Standard United States (USPS Priority Mail)',
    lastMileCarrier: 'USPS',
    note: 'USPS Priority Mail as a standard last mile: no delivery-area surcharges.',
    chargeableWeight: chargeableRule(
      6000,
      100,
      100,
      sourced(`${REFERENCE} §4 (USPS applies dimensional weight only over 1 ft³; 166 in³/lb ≈ 6000 cm³/kg)`, 'Increment and minimum are sandbox.'),
      { volumeMm3: CUBIC_FOOT_MM3 },
    ),
    limits: {
      maxWeightGrams: Math.floor(70 * LB),
      maxLengthPlusGirthMm: Math.floor(108 * INCH),
      maxLongestSideMm: 1000,
      provenance: sourced(`${REFERENCE} §4 (USPS 70 lb; Priority 108 in length + girth)`, 'Longest side 100 cm is a sandbox line-haul limit.'),
    },
    lastMile: lastMile('USD', [flat(454, '8.90'), flat(907, '10.50'), flat(2268, '13.90'), perKg(50_000, '2.10', '9.50')]),
    remoteArea: null,
    transitDays: { min: 7, max: 11, provenance: TRANSIT },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-us-fedex',
    name: 'Enlace Standard United States (FedEx Ground)',
    lastMileCarrier: 'FedEx',
    note: 'FedEx Ground as the third standard carrier.',
    chargeableWeight: chargeableRule(5000, 100, 100, DOMESTIC_139),
    limits: { ...STANDARD.limits, provenance: sandbox('FedEx limits not in the reference; the UPS ones are assumed.') },
    lastMile: lastMile('USD', [flat(454, '10.10'), flat(2268, '12.90'), perKg(100_000, '2.35', '8.80')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('13.95', 'USD'), extraTransitDays: { min: 1, max: 3 }, provenance: FEDEX_REMOTE },
    transitDays: { min: 6, max: 10, provenance: TRANSIT },
  }),
  onLine(EXPRESS, {
    serviceId: 'enlace-express-us-ups',
    name: 'Enlace Express United States (UPS 2nd Day Air)',
    lastMileCarrier: 'UPS',
    lineHaulName: 'Express air, PVG→SDF',
    note: 'Second express carrier.',
    limits: {
      maxWeightGrams: Math.floor(150 * LB),
      maxLongestSideMm: Math.floor(108 * INCH),
      maxLengthPlusGirthMm: Math.floor(165 * INCH),
      provenance: UPS_LIMITS,
    },
    lastMile: lastMile('USD', [flat(454, '19.90'), flat(2268, '25.50'), perKg(100_000, '4.40', '17.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('14.00', 'USD'), extraTransitDays: { min: 1, max: 2 }, provenance: UPS_REMOTE },
    transitDays: { min: 3, max: 6, provenance: TRANSIT },
  }),
];

export const US_CARDS: readonly RateCard[] = [...US_BASE_CARDS, ...VARIANTS];

/** Alaska and Hawaii, shared with the carrier profiles of routing. */
export { REMOTE_RANGES as US_REMOTE_RANGES };
