/**
 * The region of a postal code: the coarsest postal prefix that still separates carrier networks,
 * where carrier performance (lanes) and state taxes (Brazil's ICMS) are decided.
 * - BR: the state (UF), from the CEP (Correios ranges)
 * - MX: the state, from the first two digits of the código postal (reference §5)
 * - CO and PE: the department, the first two digits (reference §5; Peru's follow the ubigeo order)
 * - CL: the first two digits of the 7-digit code; US: the ZIP national area (first digit)
 */
import type { DestinationCountry } from './shipping-terms';

export interface PostalRegion {
  /** "SP", "CMX", "11": the key lanes are stored under. */
  readonly code: string;
  /** "São Paulo", "Ciudad de México", "Bogotá". */
  readonly name: string;
}

export const BRAZIL_STATES = [
  'AC',
  'AL',
  'AM',
  'AP',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MG',
  'MS',
  'MT',
  'PA',
  'PB',
  'PE',
  'PI',
  'PR',
  'RJ',
  'RN',
  'RO',
  'RR',
  'RS',
  'SC',
  'SE',
  'SP',
  'TO',
] as const;
export type BrazilState = (typeof BRAZIL_STATES)[number];

/**
 * CEP ranges by state (first five digits), as published by Correios and reproduced by geobr's
 * cep_to_state (https://ipeagit.github.io/geobr/reference/cep_to_state.html).
 */
const CEP_STATES: readonly (readonly [from: number, to: number, state: BrazilState])[] = [
  [1000, 19999, 'SP'],
  [20000, 28999, 'RJ'],
  [29000, 29999, 'ES'],
  [30000, 39999, 'MG'],
  [40000, 48999, 'BA'],
  [49000, 49999, 'SE'],
  [50000, 56999, 'PE'],
  [57000, 57999, 'AL'],
  [58000, 58999, 'PB'],
  [59000, 59999, 'RN'],
  [60000, 63999, 'CE'],
  [64000, 64999, 'PI'],
  [65000, 65999, 'MA'],
  [66000, 68899, 'PA'],
  [68900, 68999, 'AP'],
  [69000, 69299, 'AM'],
  [69300, 69399, 'RR'],
  [69400, 69899, 'AM'],
  [69900, 69999, 'AC'],
  [70000, 72799, 'DF'],
  [72800, 72999, 'GO'],
  [73000, 73699, 'DF'],
  [73700, 76799, 'GO'],
  [76800, 76999, 'RO'],
  [77000, 77999, 'TO'],
  [78000, 78899, 'MT'],
  [79000, 79999, 'MS'],
  [80000, 87999, 'PR'],
  [88000, 89999, 'SC'],
  [90000, 99999, 'RS'],
];

export function isBrazilState(value: string): value is BrazilState {
  return (BRAZIL_STATES as readonly string[]).includes(value);
}

/** The UF of a CEP given as its 8-digit number, or undefined for an unassigned range. */
export function brazilStateOf(cep: number): BrazilState | undefined {
  const prefix = Math.floor(cep / 1000);
  for (const [from, to, state] of CEP_STATES) if (prefix >= from && prefix <= to) return state;
  return undefined;
}

/**
 * Mexican states by the first two digits of the postal code (SEPOMEX assignment, ISO 3166-2:MX
 * codes). The reference (§5) gives the rule "first two digits = state"; this table is the
 * commonly published assignment, not re-checked against SEPOMEX's file — verify before relying
 * on a state boundary.
 */
const MX_STATES: readonly (readonly [from: number, to: number, code: string, name: string])[] = [
  [1, 16, 'CMX', 'Ciudad de México'],
  [20, 20, 'AGU', 'Aguascalientes'],
  [21, 22, 'BCN', 'Baja California'],
  [23, 23, 'BCS', 'Baja California Sur'],
  [24, 24, 'CAM', 'Campeche'],
  [25, 27, 'COA', 'Coahuila'],
  [28, 28, 'COL', 'Colima'],
  [29, 30, 'CHP', 'Chiapas'],
  [31, 33, 'CHH', 'Chihuahua'],
  [34, 35, 'DUR', 'Durango'],
  [36, 38, 'GUA', 'Guanajuato'],
  [39, 41, 'GRO', 'Guerrero'],
  [42, 43, 'HID', 'Hidalgo'],
  [44, 49, 'JAL', 'Jalisco'],
  [50, 57, 'MEX', 'Estado de México'],
  [58, 61, 'MIC', 'Michoacán'],
  [62, 62, 'MOR', 'Morelos'],
  [63, 63, 'NAY', 'Nayarit'],
  [64, 67, 'NLE', 'Nuevo León'],
  [68, 71, 'OAX', 'Oaxaca'],
  [72, 75, 'PUE', 'Puebla'],
  [76, 76, 'QUE', 'Querétaro'],
  [77, 77, 'ROO', 'Quintana Roo'],
  [78, 79, 'SLP', 'San Luis Potosí'],
  [80, 82, 'SIN', 'Sinaloa'],
  [83, 85, 'SON', 'Sonora'],
  [86, 86, 'TAB', 'Tabasco'],
  [87, 89, 'TAM', 'Tamaulipas'],
  [90, 90, 'TLA', 'Tlaxcala'],
  [91, 96, 'VER', 'Veracruz'],
  [97, 97, 'YUC', 'Yucatán'],
  [98, 99, 'ZAC', 'Zacatecas'],
];

const BR_STATE_NAMES: Readonly<Record<string, string>> = {
  AC: 'Acre',
  AL: 'Alagoas',
  AM: 'Amazonas',
  AP: 'Amapá',
  BA: 'Bahia',
  CE: 'Ceará',
  DF: 'Distrito Federal',
  ES: 'Espírito Santo',
  GO: 'Goiás',
  MA: 'Maranhão',
  MG: 'Minas Gerais',
  MS: 'Mato Grosso do Sul',
  MT: 'Mato Grosso',
  PA: 'Pará',
  PB: 'Paraíba',
  PE: 'Pernambuco',
  PI: 'Piauí',
  PR: 'Paraná',
  RJ: 'Rio de Janeiro',
  RN: 'Rio Grande do Norte',
  RO: 'Rondônia',
  RR: 'Roraima',
  RS: 'Rio Grande do Sul',
  SC: 'Santa Catarina',
  SE: 'Sergipe',
  SP: 'São Paulo',
  TO: 'Tocantins',
};

/** Colombian departments by DANE code, the first two digits of the postal code (reference §5). */
const CO_DEPARTMENTS: Readonly<Record<string, string>> = {
  '05': 'Antioquia',
  '08': 'Atlántico',
  '11': 'Bogotá',
  '13': 'Bolívar',
  '15': 'Boyacá',
  '17': 'Caldas',
  '18': 'Caquetá',
  '19': 'Cauca',
  '20': 'Cesar',
  '23': 'Córdoba',
  '25': 'Cundinamarca',
  '27': 'Chocó',
  '41': 'Huila',
  '44': 'La Guajira',
  '47': 'Magdalena',
  '50': 'Meta',
  '52': 'Nariño',
  '54': 'Norte de Santander',
  '63': 'Quindío',
  '66': 'Risaralda',
  '68': 'Santander',
  '70': 'Sucre',
  '73': 'Tolima',
  '76': 'Valle del Cauca',
  '81': 'Arauca',
  '85': 'Casanare',
  '86': 'Putumayo',
  '88': 'San Andrés y Providencia',
  '91': 'Amazonas',
  '94': 'Guainía',
  '95': 'Guaviare',
  '97': 'Vaupés',
  '99': 'Vichada',
};

/**
 * Peruvian departments by the first two digits of the postal code, which follow the INEI ubigeo
 * department numbers (Lima 15, Callao 07); matches the ranges the rate cards use (Loreto 16,
 * Ucayali 25, Amazonas 01). Not re-checked against Serpost's file.
 */
const PE_DEPARTMENTS: readonly string[] = [
  'Amazonas',
  'Áncash',
  'Apurímac',
  'Arequipa',
  'Ayacucho',
  'Cajamarca',
  'Callao',
  'Cusco',
  'Huancavelica',
  'Huánuco',
  'Ica',
  'Junín',
  'La Libertad',
  'Lambayeque',
  'Lima',
  'Loreto',
  'Madre de Dios',
  'Moquegua',
  'Pasco',
  'Piura',
  'Puno',
  'San Martín',
  'Tacna',
  'Tumbes',
  'Ucayali',
];

/** The region of a postal code given as its significant digits (see postal-codes.ts). */
export function regionOf(country: DestinationCountry, code: number): PostalRegion {
  switch (country) {
    case 'BR': {
      const uf = brazilStateOf(code);
      return uf === undefined ? { code: 'unassigned', name: 'unassigned' } : { code: uf, name: BR_STATE_NAMES[uf] ?? uf };
    }
    case 'MX': {
      const prefix = Math.floor(code / 1000);
      const state = MX_STATES.find(([from, to]) => prefix >= from && prefix <= to);
      if (state !== undefined) return { code: state[2], name: state[3] };
      const unassigned = `P${String(prefix).padStart(2, '0')}`;
      return { code: unassigned, name: unassigned };
    }
    case 'CO': {
      const department = String(Math.floor(code / 10_000)).padStart(2, '0');
      return { code: department, name: CO_DEPARTMENTS[department] ?? `department ${department}` };
    }
    case 'PE': {
      const number = Math.floor(code / 1000);
      return { code: String(number).padStart(2, '0'), name: PE_DEPARTMENTS[number - 1] ?? `department ${number}` };
    }
    case 'CL': {
      const zone = String(Math.floor(code / 100_000)).padStart(2, '0');
      return { code: zone, name: `postal zone ${zone}` };
    }
    case 'US': {
      const area = String(Math.floor(code / 10_000));
      return { code: area, name: `ZIP area ${area}` };
    }
  }
}
