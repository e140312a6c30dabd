import type { CrossBorderRateCard, RateCard } from '../rate-card';
import { flat, lastMile, LEVEL_DEFAULTS, lineHaul, money, onLine, perKg, sandbox, SMALL_PACKET_LIMITS, VERSION_2026_07 } from './common';

/** China → Peru: air into LIM, last mile by Serpost or Olva. */

const REMOTE_RANGES = [
  { from: '16000', to: '17999', label: 'Loreto, Madre de Dios' },
  { from: '25000', to: '25999', label: 'Ucayali' },
  { from: '01000', to: '01999', label: 'Amazonas' },
] as const;
const REMOTE_NOTE = sandbox('Department prefixes of the 5-digit postal code; which count as remote and the fees are invented.');
const CLEARANCE_NOTE = sandbox('Invented per-shipment clearance fee.');
const TRANSIT = sandbox('Invented, consistent with China→South America air lines.');

const ECONOMY: CrossBorderRateCard = {
  serviceId: 'enlace-economy-pe',
  name: 'Enlace Economy Peru (Serpost)',
  ...VERSION_2026_07,
  destination: 'PE',
  serviceLevel: 'economy',
  carriers: { lineHaul: 'Enlace consolidated air, SZX→LIM', lastMile: 'Serpost' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.economy,
  limits: SMALL_PACKET_LIMITS,
  lineHaul: lineHaul([perKg(500, '108.00', '22.00'), perKg(2000, '102.00', '22.00'), perKg(5000, '96.00', '22.00')]),
  lastMile: lastMile('PEN', [flat(1000, '8.00'), flat(5000, '12.00')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('8.00', 'PEN'), extraTransitDays: { min: 3, max: 8 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('10.00', 'PEN'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 15, max: 28, provenance: TRANSIT },
};

const STANDARD: CrossBorderRateCard = {
  serviceId: 'enlace-standard-pe',
  name: 'Enlace Standard Peru (Olva)',
  ...VERSION_2026_07,
  destination: 'PE',
  serviceLevel: 'standard',
  carriers: { lineHaul: 'Enlace direct air line, PVG→LIM', lastMile: 'Olva Courier' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.standard,
  limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1000, provenance: sandbox('Olva limits not in the reference; 30 kg / 100 cm assumed.') },
  lineHaul: lineHaul([perKg(500, '122.00', '24.00'), perKg(2000, '115.00', '24.00'), perKg(50_000, '108.00', '24.00')]),
  lastMile: lastMile('PEN', [flat(1000, '12.00'), flat(5000, '16.00'), perKg(50_000, '1.80', '8.00')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('10.00', 'PEN'), extraTransitDays: { min: 2, max: 6 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('12.00', 'PEN'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 10, max: 18, provenance: TRANSIT },
};

const EXPRESS: CrossBorderRateCard = {
  serviceId: 'enlace-express-pe',
  name: 'Enlace Express Peru (Olva Express)',
  ...VERSION_2026_07,
  destination: 'PE',
  serviceLevel: 'express',
  carriers: { lineHaul: 'Express air, PVG→LIM', lastMile: 'Olva Courier (express)' },
  provenance: sandbox('Sandbox service; prices invented.'),
  ...LEVEL_DEFAULTS.express,
  limits: { maxWeightGrams: 50_000, maxLongestSideMm: 1200, provenance: sandbox('Assumed: 50 kg, 120 cm.') },
  lineHaul: lineHaul([perKg(2000, '168.00', '220.00'), perKg(20_000, '146.00', '240.00'), perKg(100_000, '134.00', '240.00')]),
  lastMile: lastMile('PEN', [flat(1000, '18.00'), flat(5000, '24.00'), perKg(100_000, '2.50', '12.00')]),
  remoteArea: { ranges: REMOTE_RANGES, perParcel: money('15.00', 'PEN'), extraTransitDays: { min: 1, max: 4 }, provenance: REMOTE_NOTE },
  customsClearance: { perShipment: money('20.00', 'PEN'), provenance: CLEARANCE_NOTE },
  transitDays: { min: 5, max: 9, provenance: TRANSIT },
};

const PE_BASE_CARDS: readonly RateCard[] = [ECONOMY, STANDARD, EXPRESS];

// ------------------------------------------------------------------ more last-mile carriers (routing)

const VARIANTS: readonly RateCard[] = [
  onLine(ECONOMY, {
    serviceId: 'enlace-economy-pe-olva',
    name: 'Enlace Economy Peru (Olva)',
    lastMileCarrier: 'Olva Courier',
    note: 'Second economy carrier, tracked to the door (Serpost economy is untracked).',
    limits: SMALL_PACKET_LIMITS,
    lastMile: lastMile('PEN', [flat(1000, '9.50'), flat(5000, '13.50')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('9.00', 'PEN'), extraTransitDays: { min: 3, max: 8 }, provenance: REMOTE_NOTE },
    transitDays: { min: 13, max: 24, provenance: TRANSIT },
  }),
  onLine(STANDARD, {
    serviceId: 'enlace-standard-pe-serpost',
    name: 'Enlace Standard Peru (Serpost registered)',
    lastMileCarrier: 'Serpost',
    note: 'Serpost registered (tracked) parcels on the standard line.',
    limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1000, provenance: sandbox('Serpost limits not in the reference; 30 kg / 100 cm assumed.') },
    lastMile: lastMile('PEN', [flat(1000, '10.00'), flat(5000, '14.00'), perKg(30_000, '1.50', '7.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('8.00', 'PEN'), extraTransitDays: { min: 3, max: 8 }, provenance: REMOTE_NOTE },
    transitDays: { min: 12, max: 22, provenance: TRANSIT },
  }),
  onLine(EXPRESS, {
    serviceId: 'enlace-express-pe-serpost',
    name: 'Enlace Express Peru (Serpost EMS)',
    lastMileCarrier: 'Serpost (EMS)',
    note: 'Serpost EMS as the second express carrier.',
    limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1050, provenance: sandbox('EMS limits vary by country; 30 kg / 105 cm assumed.') },
    lastMile: lastMile('PEN', [flat(1000, '16.00'), flat(5000, '22.00'), perKg(30_000, '2.30', '11.00')]),
    remoteArea: { ranges: REMOTE_RANGES, perParcel: money('12.00', 'PEN'), extraTransitDays: { min: 2, max: 5 }, provenance: REMOTE_NOTE },
    transitDays: { min: 6, max: 11, provenance: TRANSIT },
  }),
];

export const PE_CARDS: readonly RateCard[] = [...PE_BASE_CARDS, ...VARIANTS];

/** Peru's remote ranges, shared with the carrier profiles of routing. */
export { REMOTE_RANGES as PE_REMOTE_RANGES };
