import type { CrossBorderRateCard, RateCard } from '../rate-card';
import { flat, lastMile, LEVEL_DEFAULTS, lineHaul, money, onLine, perKg, sandbox, SMALL_PACKET_LIMITS, VERSION_2026_07 } from './common';

/** China → Chile: air into SCL, last mile by Starken, Blue Express or Chilexpress. */

const REMOTE_RANGES = [
  { from: '5950000', to: '6399999', label: 'Aysén and Magallanes (approximate)' },
  { from: '2770000', to: '2779999', label: 'Isla de Pascua' },
] as const;
const REMOTE_NOTE = sandbox('Postal ranges approximate and fee levels invented; carriers publish their own coverage.');
const CLEARANCE_NOTE = sandbox('Invented per-shipment clearance fee.');
const TRANSIT = sandbox('Invented, consistent with China→South America air lines.');

const ECONOMY: CrossBorderRateCard = {
  serviceId: 'enlace-economy-cl',
  name: 'Enlace Economy Chile (Starken)',
  ...VERSION_2026_07,
  destination: 'CL',
  serviceLevel: 'economy',
  carriers: { lineHaul: 'Enlace consolidated air, SZX→SCL', lastMile: 'Starken' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.economy,
  limits: SMALL_PACKET_LIMITS,
  lineHaul: lineHaul([perKg(500, '110.00', '22.00'), perKg(2000, '104.00', '22.00'), perKg(5000, '98.00', '22.00')]),
  lastMile: lastMile('CLP', [flat(1000, '3490'), flat(5000, '4990')]),
  remoteArea: { ranges: REMOTE_RANGES.slice(0, 1), perParcel: money('2500', 'CLP'), extraTransitDays: { min: 3, max: 7 }, provenance: REMOTE_NOTE },
  unservedPostalRanges: REMOTE_RANGES.slice(1),
  customsClearance: { perShipment: money('1500', 'CLP'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 15, max: 28, provenance: TRANSIT },
};

const STANDARD: CrossBorderRateCard = {
  serviceId: 'enlace-standard-cl',
  name: 'Enlace Standard Chile (Blue Express)',
  ...VERSION_2026_07,
  destination: 'CL',
  serviceLevel: 'standard',
  carriers: { lineHaul: 'Enlace direct air line, PVG→SCL', lastMile: 'Blue Express' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.standard,
  limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1000, provenance: sandbox('Assumed line limits: 30 kg, 100 cm.') },
  lineHaul: lineHaul([perKg(500, '125.00', '24.00'), perKg(2000, '118.00', '24.00'), perKg(50_000, '110.00', '24.00')]),
  lastMile: lastMile('CLP', [flat(1000, '3990'), flat(5000, '5490'), perKg(50_000, '650', '2500')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('3000', 'CLP'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('2000', 'CLP'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 10, max: 18, provenance: TRANSIT },
};

const EXPRESS: CrossBorderRateCard = {
  serviceId: 'enlace-express-cl',
  name: 'Enlace Express Chile (Chilexpress)',
  ...VERSION_2026_07,
  destination: 'CL',
  serviceLevel: 'express',
  carriers: { lineHaul: 'Express air, PVG→SCL', lastMile: 'Chilexpress' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.express,
  limits: { maxWeightGrams: 50_000, maxLongestSideMm: 1200, provenance: sandbox('Chilexpress limits not found (reference §4); 50 kg / 120 cm assumed.') },
  lineHaul: lineHaul([perKg(2000, '170.00', '220.00'), perKg(20_000, '148.00', '240.00'), perKg(100_000, '136.00', '240.00')]),
  lastMile: lastMile('CLP', [flat(1000, '4990'), flat(5000, '6990'), perKg(100_000, '790', '3500')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('4500', 'CLP'), extraTransitDays: { min: 1, max: 4 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('3500', 'CLP'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 5, max: 9, provenance: TRANSIT },
};

const CL_BASE_CARDS: readonly RateCard[] = [ECONOMY, STANDARD, EXPRESS];

// ------------------------------------------------------------------ more last-mile carriers (routing)

const VARIANTS: readonly RateCard[] = [
  onLine(ECONOMY, {
    serviceId: 'enlace-economy-cl-blue-express',
    name: 'Enlace Economy Chile (Blue Express)',
    lastMileCarrier: 'Blue Express',
    note: 'Second economy carrier; unlike Starken it reaches Isla de Pascua.',
    limits: SMALL_PACKET_LIMITS,
    lastMile: lastMile('CLP', [flat(1000, '3690'), flat(5000, '5190')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('2800', 'CLP'), extraTransitDays: { min: 3, max: 7 }, provenance: REMOTE_NOTE },
    transitDays: { min: 14, max: 26, provenance: TRANSIT },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-cl-starken',
    name: 'Enlace Standard Chile (Starken)',
    lastMileCarrier: 'Starken',
    note: 'Starken on the standard line; it does not reach Isla de Pascua.',
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1000,
      provenance: sandbox('Starken parcel limits not found (reference §4 gives only its envelope format); 30 kg / 100 cm assumed.'),
    },
    lastMile: lastMile('CLP', [flat(1000, '3790'), flat(5000, '5290'), perKg(50_000, '620', '2400')]),
    remoteArea: { ranges: REMOTE_RANGES.slice(0, 1), perParcel: money('2500', 'CLP'), extraTransitDays: { min: 3, max: 7 }, provenance: REMOTE_NOTE },
    unservedPostalRanges: REMOTE_RANGES.slice(1),
    transitDays: { min: 11, max: 19, provenance: TRANSIT },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-cl-chilexpress',
    name: 'Enlace Standard Chile (Chilexpress)',
    lastMileCarrier: 'Chilexpress',
    note: 'Chilexpress on the standard line.',
    limits: STANDARD.limits,
    lastMile: lastMile('CLP', [flat(1000, '4290'), flat(5000, '5890'), perKg(50_000, '690', '2700')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('3500', 'CLP'), extraTransitDays: { min: 2, max: 5 }, provenance: REMOTE_NOTE },
    transitDays: { min: 9, max: 16, provenance: TRANSIT },
  }),
  onLine(EXPRESS, {
    serviceId: 'enlace-express-cl-blue-express',
    name: 'Enlace Express Chile (Blue Express)',
    lastMileCarrier: 'Blue Express',
    note: 'Second express carrier.',
    limits: { maxWeightGrams: 50_000, maxLongestSideMm: 1200, provenance: sandbox('Blue Express limits not found (reference §4); 50 kg / 120 cm assumed.') },
    lastMile: lastMile('CLP', [flat(1000, '4790'), flat(5000, '6690'), perKg(100_000, '760', '3300')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('4000', 'CLP'), extraTransitDays: { min: 1, max: 4 }, provenance: REMOTE_NOTE },
    transitDays: { min: 5, max: 10, provenance: TRANSIT },
  }),
];

export const CL_CARDS: readonly RateCard[] = [...CL_BASE_CARDS, ...VARIANTS];

/** Chile's remote ranges, shared with the carrier profiles of routing. */
export { REMOTE_RANGES as CL_REMOTE_RANGES };
