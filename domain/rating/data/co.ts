import type { CrossBorderRateCard, RateCard } from '../rate-card';
import { flat, lastMile, LEVEL_DEFAULTS, lineHaul, money, onLine, perKg, REFERENCE, sandbox, SMALL_PACKET_LIMITS, sourced, VERSION_2026_07 } from './common';

/** China → Colombia: air into BOG, last mile by Inter Rapidísimo, Servientrega or Coordinadora. */

const REMOTE_RANGES = [
  { from: '910000', to: '919999', label: 'Amazonas' },
  { from: '940000', to: '999999', label: 'Guainía, Guaviare, Vaupés, Vichada' },
  { from: '880000', to: '889999', label: 'San Andrés y Providencia' },
] as const;
const REMOTE_NOTE = sandbox('Department prefixes follow the DANE-based postal code (reference §5); which count as remote and the fees are invented.');
const CLEARANCE_NOTE = sandbox('Invented per-shipment clearance fee.');
const TRANSIT = sandbox('Invented, consistent with China→South America air lines.');

const ECONOMY: CrossBorderRateCard = {
  serviceId: 'enlace-economy-co',
  name: 'Enlace Economy Colombia (Inter Rapidísimo)',
  ...VERSION_2026_07,
  destination: 'CO',
  serviceLevel: 'economy',
  carriers: { lineHaul: 'Enlace consolidated air, SZX→BOG', lastMile: 'Inter Rapidísimo' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.economy,
  limits: SMALL_PACKET_LIMITS,
  lineHaul: lineHaul([perKg(500, '105.00', '22.00'), perKg(2000, '99.00', '22.00'), perKg(5000, '93.00', '22.00')]),
  lastMile: lastMile('COP', [flat(1000, '9900'), flat(5000, '13900')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('9000', 'COP'), extraTransitDays: { min: 3, max: 8 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('8000', 'COP'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 15, max: 28, provenance: TRANSIT },
};

const STANDARD: CrossBorderRateCard = {
  serviceId: 'enlace-standard-co',
  name: 'Enlace Standard Colombia (Servientrega)',
  ...VERSION_2026_07,
  destination: 'CO',
  serviceLevel: 'standard',
  carriers: { lineHaul: 'Enlace direct air line, PVG→BOG', lastMile: 'Servientrega' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.standard,
  limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1000, provenance: sandbox('Servientrega limits not found (reference §4); 30 kg / 100 cm assumed.') },
  lineHaul: lineHaul([perKg(500, '120.00', '24.00'), perKg(2000, '113.00', '24.00'), perKg(50_000, '105.00', '24.00')]),
  lastMile: lastMile('COP', [flat(1000, '12500'), flat(5000, '17900'), perKg(50_000, '2100', '8000')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('12000', 'COP'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('10000', 'COP'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 10, max: 18, provenance: TRANSIT },
};

const EXPRESS: CrossBorderRateCard = {
  serviceId: 'enlace-express-co',
  name: 'Enlace Express Colombia (Coordinadora)',
  ...VERSION_2026_07,
  destination: 'CO',
  serviceLevel: 'express',
  carriers: { lineHaul: 'Express air, PVG→BOG', lastMile: 'Coordinadora' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.express,
  limits: {
    maxWeightGrams: 50_000,
    maxLongestSideMm: 1500,
    provenance: sourced(
      `${REFERENCE} §4 (Coordinadora: over 50 kg or any side over 150 cm is "Mercancía XL")`,
      'XL freight is a different product, so it is the limit here.',
    ),
  },
  lineHaul: lineHaul([perKg(2000, '165.00', '220.00'), perKg(20_000, '143.00', '240.00'), perKg(100_000, '131.00', '240.00')]),
  lastMile: lastMile('COP', [flat(1000, '14900'), flat(5000, '19900'), perKg(100_000, '2400', '9000')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('18000', 'COP'), extraTransitDays: { min: 1, max: 4 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('16000', 'COP'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 5, max: 9, provenance: TRANSIT },
};

const CO_BASE_CARDS: readonly RateCard[] = [ECONOMY, STANDARD, EXPRESS];

// ------------------------------------------------------------------ more last-mile carriers (routing)

const VARIANTS: readonly RateCard[] = [
  onLine(ECONOMY, {
    serviceId: 'enlace-economy-co-servientrega',
    name: 'Enlace Economy Colombia (Servientrega)',
    lastMileCarrier: 'Servientrega',
    note: 'Second economy carrier.',
    limits: SMALL_PACKET_LIMITS,
    lastMile: lastMile('COP', [flat(1000, '10900'), flat(5000, '14900')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('10000', 'COP'), extraTransitDays: { min: 3, max: 8 }, provenance: REMOTE_NOTE },
    transitDays: { min: 14, max: 26, provenance: TRANSIT },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-co-coordinadora',
    name: 'Enlace Standard Colombia (Coordinadora)',
    lastMileCarrier: 'Coordinadora',
    note: 'Coordinadora on the standard line.',
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1000,
      provenance: sandbox('The standard air line: 30 kg / 100 cm assumed; Coordinadora itself takes up to 50 kg and 150 cm per side (reference §4).'),
    },
    lastMile: lastMile('COP', [flat(1000, '12900'), flat(5000, '18500'), perKg(50_000, '2200', '8500')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('14000', 'COP'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
    transitDays: { min: 9, max: 16, provenance: TRANSIT },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-co-inter-rapidisimo',
    name: 'Enlace Standard Colombia (Inter Rapidísimo)',
    lastMileCarrier: 'Inter Rapidísimo',
    note: 'Inter Rapidísimo on the standard line.',
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1000,
      provenance: sandbox('Inter Rapidísimo limits not found (reference §4); 30 kg / 100 cm assumed.'),
    },
    lastMile: lastMile('COP', [flat(1000, '11500'), flat(5000, '16500'), perKg(50_000, '1900', '7500')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('11000', 'COP'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
    transitDays: { min: 11, max: 20, provenance: TRANSIT },
  }),
  onLine(EXPRESS, {
    serviceId: 'enlace-express-co-servientrega',
    name: 'Enlace Express Colombia (Servientrega)',
    lastMileCarrier: 'Servientrega',
    note: 'Second express carrier.',
    limits: { maxWeightGrams: 50_000, maxLongestSideMm: 1200, provenance: sandbox('Servientrega limits not found (reference §4); 50 kg / 120 cm assumed.') },
    lastMile: lastMile('COP', [flat(1000, '15900'), flat(5000, '21500'), perKg(100_000, '2500', '9500')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('17000', 'COP'), extraTransitDays: { min: 1, max: 4 }, provenance: REMOTE_NOTE },
    transitDays: { min: 5, max: 10, provenance: TRANSIT },
  }),
];

export const CO_CARDS: readonly RateCard[] = [...CO_BASE_CARDS, ...VARIANTS];

/** Colombia's remote ranges, shared with the carrier profiles of routing. */
export { REMOTE_RANGES as CO_REMOTE_RANGES };
