/**
 * Lanes: where carrier performance is measured and compared. A lane is China → one region of a
 * destination, because a carrier that is good in São Paulo can be poor in Manaus. The region is
 * the coarsest postal prefix that still separates carrier networks:
 * - BR: the state (UF), from the CEP (Correios ranges, as in rating)
 * - MX: the state, from the first two digits of the código postal (reference §5)
 * - CO and PE: the department, the first two digits (reference §5; Peru's follow the ubigeo order)
 * - CL: the first two digits of the 7-digit code; US: the ZIP national area (first digit)
 */
import { brazilStateFromCep, postalNumber } from '../shared/postal-ranges';
import type { DestinationCountry } from '../shared/shipping-terms';

export interface Lane {
  /** "CN-BR-SP": the key KPI counters are stored under. */
  readonly id: string;
  /** "CN→BR-SP": how explanations write it. */
  readonly label: string;
  readonly origin: 'CN';
  readonly country: DestinationCountry;
  readonly region: string;
  /** "São Paulo", "Chiapas"; the region code when no name is known. */
  readonly regionName: string;
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
  AC: 'Acre', AL: 'Alagoas', AM: 'Amazonas', AP: 'Amapá', BA: 'Bahia', CE: 'Ceará', DF: 'Distrito Federal',
  ES: 'Espírito Santo', GO: 'Goiás', MA: 'Maranhão', MG: 'Minas Gerais', MS: 'Mato Grosso do Sul', MT: 'Mato Grosso',
  PA: 'Pará', PB: 'Paraíba', PE: 'Pernambuco', PI: 'Piauí', PR: 'Paraná', RJ: 'Rio de Janeiro', RN: 'Rio Grande do Norte',
  RO: 'Rondônia', RR: 'Roraima', RS: 'Rio Grande do Sul', SC: 'Santa Catarina', SE: 'Sergipe', SP: 'São Paulo', TO: 'Tocantins',
};

/** Colombian departments by DANE code, the first two digits of the postal code (reference §5). */
const CO_DEPARTMENTS: Readonly<Record<string, string>> = {
  '05': 'Antioquia', '08': 'Atlántico', '11': 'Bogotá', '13': 'Bolívar', '15': 'Boyacá', '17': 'Caldas', '18': 'Caquetá',
  '19': 'Cauca', '20': 'Cesar', '23': 'Córdoba', '25': 'Cundinamarca', '27': 'Chocó', '41': 'Huila', '44': 'La Guajira',
  '47': 'Magdalena', '50': 'Meta', '52': 'Nariño', '54': 'Norte de Santander', '63': 'Quindío', '66': 'Risaralda',
  '68': 'Santander', '70': 'Sucre', '73': 'Tolima', '76': 'Valle del Cauca', '81': 'Arauca', '85': 'Casanare',
  '86': 'Putumayo', '88': 'San Andrés y Providencia', '91': 'Amazonas', '94': 'Guainía', '95': 'Guaviare', '97': 'Vaupés', '99': 'Vichada',
};

/**
 * Peruvian departments by the first two digits of the postal code, which follow the INEI ubigeo
 * department numbers (Lima 15, Callao 07); matches the ranges the rate cards use (Loreto 16,
 * Ucayali 25, Amazonas 01). Not re-checked against Serpost's file.
 */
const PE_DEPARTMENTS: readonly string[] = [
  'Amazonas', 'Áncash', 'Apurímac', 'Arequipa', 'Ayacucho', 'Cajamarca', 'Callao', 'Cusco', 'Huancavelica', 'Huánuco', 'Ica', 'Junín',
  'La Libertad', 'Lambayeque', 'Lima', 'Loreto', 'Madre de Dios', 'Moquegua', 'Pasco', 'Piura', 'Puno', 'San Martín', 'Tacna', 'Tumbes', 'Ucayali',
];

export class InvalidLaneError extends Error {
  override readonly name = 'InvalidLaneError';
}

function region(country: DestinationCountry, postalCode: string): { code: string; name?: string } {
  const code = postalNumber(country, postalCode);
  if (code === undefined) throw new InvalidLaneError(`"${postalCode}" is not a valid ${country} postal code`);
  switch (country) {
    case 'BR': {
      const uf = brazilStateFromCep(postalCode);
      return uf ? { code: uf, name: BR_STATE_NAMES[uf] ?? uf } : { code: 'unassigned' };
    }
    case 'MX': {
      const prefix = Math.floor(code / 1000);
      const state = MX_STATES.find(([from, to]) => prefix >= from && prefix <= to);
      return state ? { code: state[2], name: state[3] } : { code: `P${String(prefix).padStart(2, '0')}` };
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

/** The lane of a destination; throws InvalidLaneError for a malformed postal code. */
export function laneOf(country: DestinationCountry, postalCode: string): Lane {
  const { code, name } = region(country, postalCode);
  return {
    id: `CN-${country}-${code}`,
    label: `CN→${country}-${code}`,
    origin: 'CN',
    country,
    region: code,
    regionName: name ?? code,
  };
}
