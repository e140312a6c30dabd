import type { BatteryType, DestinationCountry } from '../shared/shipping-terms';

/**
 * Enlace's destination warehouses (海外仓): where sellers' stock waits for local orders. Sites,
 * hours and acceptance rules are SANDBOX figures in real logistics clusters (docs/inbound.md gives
 * the clusters' sources); receiving is by dock appointment.
 */
export interface ReceivingWindow {
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  readonly days: readonly number[];
  /** Local wall-clock times, HH:MM, in the warehouse's time zone. */
  readonly opens: string;
  readonly closes: string;
}

export interface WarehouseAcceptance {
  /** Battery types the warehouse stores (lithium needs a fire-rated zone). */
  readonly batteries: readonly BatteryType[];
  readonly liquids: boolean;
  /** Cartons over the standard limits below (a forklift zone). */
  readonly oversize: boolean;
  /** Standard carton limits: heavier or longer cartons are oversize. */
  readonly maxCartonWeightGrams: number;
  readonly maxCartonSideMm: number;
}

export interface Warehouse {
  /** "MX-CTT-01": the code in URLs, API keys and stock. */
  readonly code: string;
  readonly name: string;
  readonly country: DestinationCountry;
  readonly address: { readonly streetLines: readonly string[]; readonly city: string; readonly state: string; readonly postalCode: string };
  /** IANA time zone, for receiving hours, appointments and storage days. */
  readonly timeZone: string;
  readonly receivingHours: readonly ReceivingWindow[];
  /** Days' notice a dock appointment needs. */
  readonly appointmentLeadHours: number;
  readonly accepts: WarehouseAcceptance;
  readonly provenance: { readonly source: string | null; readonly sandbox: boolean; readonly note: string };
}

const LITHIUM_IN_DEVICES: readonly BatteryType[] = [
  'none',
  'lithium-ion-in-equipment',
  'lithium-ion-with-equipment',
  'lithium-metal-in-equipment',
  'lithium-metal-with-equipment',
];
const ALL_LITHIUM: readonly BatteryType[] = [...LITHIUM_IN_DEVICES, 'lithium-ion-standalone', 'lithium-metal-standalone'];

const CLUSTERS_NOTE =
  'SANDBOX site: a fictional warehouse in a real logistics cluster (docs/inbound.md, "Warehouses": the CTT corridor north of Mexico City is ' +
  'sourced; the São Paulo and US clusters, hours and acceptance rules are sandbox figures).';

export const WAREHOUSES: readonly Warehouse[] = [
  {
    code: 'MX-CTT-01',
    name: 'Enlace Tepotzotlán (CDMX north)',
    country: 'MX',
    address: { streetLines: ['Carretera Tepotzotlán–Teoloyucan km 2.5', 'Nave 4'], city: 'Tepotzotlán', state: 'MEX', postalCode: '54600' },
    timeZone: 'America/Mexico_City',
    receivingHours: [
      { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' },
      { days: [6], opens: '08:00', closes: '13:00' },
    ],
    appointmentLeadHours: 24,
    accepts: { batteries: ALL_LITHIUM, liquids: true, oversize: true, maxCartonWeightGrams: 30_000, maxCartonSideMm: 1_200 },
    provenance: {
      source: 'https://thelogisticsworld.com/almacenes-e-inventarios/ctt-nuevo-corazon-logistico-entre-la-gran-escala-y-la-ultima-milla',
      sandbox: true,
      note: CLUSTERS_NOTE,
    },
  },
  {
    code: 'BR-SP-01',
    name: 'Enlace Cajamar (São Paulo)',
    country: 'BR',
    address: { streetLines: ['Avenida Doutor Antônio João Abdalla, 3333', 'Galpão 7'], city: 'Cajamar', state: 'SP', postalCode: '07783-000' },
    timeZone: 'America/Sao_Paulo',
    receivingHours: [{ days: [1, 2, 3, 4, 5], opens: '07:00', closes: '17:00' }],
    appointmentLeadHours: 48,
    // No fire-rated zone for standalone batteries (sandbox rule): power banks go to a partner site.
    accepts: { batteries: LITHIUM_IN_DEVICES, liquids: false, oversize: true, maxCartonWeightGrams: 30_000, maxCartonSideMm: 1_200 },
    provenance: { source: null, sandbox: true, note: CLUSTERS_NOTE },
  },
  {
    code: 'US-CA-01',
    name: 'Enlace Ontario (Inland Empire, CA)',
    country: 'US',
    address: { streetLines: ['4200 East Airport Drive', 'Dock 12'], city: 'Ontario', state: 'CA', postalCode: '91761' },
    timeZone: 'America/Los_Angeles',
    receivingHours: [{ days: [1, 2, 3, 4, 5], opens: '07:00', closes: '15:30' }],
    appointmentLeadHours: 24,
    accepts: { batteries: ALL_LITHIUM, liquids: true, oversize: true, maxCartonWeightGrams: 31_750, maxCartonSideMm: 1_500 },
    provenance: { source: null, sandbox: true, note: CLUSTERS_NOTE },
  },
  {
    code: 'US-NJ-01',
    name: 'Enlace Carteret (New Jersey)',
    country: 'US',
    address: { streetLines: ['800 Federal Boulevard', 'Door 30'], city: 'Carteret', state: 'NJ', postalCode: '07008' },
    timeZone: 'America/New_York',
    receivingHours: [{ days: [1, 2, 3, 4, 5], opens: '07:00', closes: '15:30' }],
    appointmentLeadHours: 24,
    accepts: { batteries: LITHIUM_IN_DEVICES, liquids: false, oversize: false, maxCartonWeightGrams: 23_000, maxCartonSideMm: 1_000 },
    provenance: { source: null, sandbox: true, note: CLUSTERS_NOTE },
  },
];

const BY_CODE = new Map(WAREHOUSES.map((warehouse) => [warehouse.code, warehouse]));

export function warehouseByCode(code: string): Warehouse | undefined {
  return BY_CODE.get(code);
}

/** The warehouse's local weekday (1–7) and HH:MM at an instant. */
export function localTime(warehouse: Warehouse, at: Date): { readonly weekday: number; readonly time: string; readonly date: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: warehouse.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return { weekday, time: `${part('hour')}:${part('minute')}`, date: `${part('year')}-${part('month')}-${part('day')}` };
}

/** Whether the dock receives at this instant (appointments must fall inside these windows). */
export function isReceivingAt(warehouse: Warehouse, at: Date): boolean {
  const { weekday, time } = localTime(warehouse, at);
  return warehouse.receivingHours.some((window) => window.days.includes(weekday) && time >= window.opens && time < window.closes);
}
