import { BR_REMOTE_RANGES } from '../../rating';
import type { CarrierProfile } from '../carriers';
import { approximateFormat, s10Format } from '../tracking-numbers';
import { REFERENCE, REFUSES_ALL_LITHIUM, REFUSES_METAL, REFUSES_STANDALONE, sandbox, sourced, STANDALONE_NOTE } from './common';

const REMOTE = sandbox(
  'CEP ranges by state are public (geobr); treating the North region and Fernando de Noronha as remote is assumed. Same ranges as the rate cards.',
);
const NORTH = BR_REMOTE_RANGES.slice(0, 2);
const NORONHA = BR_REMOTE_RANGES.slice(2);
const ASSUMED = (name: string, sideMm: number) =>
  ({
    maxWeightGrams: 30_000,
    maxLongestSideMm: sideMm,
    provenance: sandbox(`${name} limits not found (${REFERENCE} §4); 30 kg / ${sideMm / 10} cm assumed.`),
  }) as const;

/** Brazil: Correios, Jadlog, Loggi and Total Express. */
export const BR_CARRIERS: readonly CarrierProfile[] = [
  {
    slug: 'correios',
    name: 'Correios',
    country: 'BR',
    services: [
      // Registered: every parcel Correios delivers for Enlace carries an S10 number scanned to the door.
      {
        serviceId: 'enlace-economy-br',
        level: 'economy',
        tracked: true,
        tracking: s10Format('PB', 'BR', 'economy (PAC-like), domestic range: sandbox choice'),
      },
      { serviceId: 'enlace-standard-br-correios', level: 'standard', tracked: true, tracking: s10Format('DB', 'BR', 'SEDEX, domestic range: sandbox choice') },
      // Domestic, from the São Paulo warehouse (PAC contract 03298, SEDEX contract 03220).
      {
        serviceId: 'domestic-br-correios-pac',
        level: 'economy',
        tracked: true,
        tracking: s10Format('PB', 'BR', 'PAC contract, domestic range: sandbox choice'),
      },
      {
        serviceId: 'domestic-br-correios-sedex',
        level: 'express',
        tracked: true,
        tracking: s10Format('AB', 'BR', 'SEDEX logical label (AA/AB), sandbox choice'),
      },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: BR_REMOTE_RANGES, provenance: REMOTE },
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1050,
      maxSumOfSidesMm: 2000,
      provenance: sourced(`${REFERENCE} §4 (Correios SEDEX/PAC: 30 kg, each side ≤ 105 cm, sum ≤ 200 cm)`, '2019 source.'),
    },
    refused: {
      batteries: REFUSES_ALL_LITHIUM,
      categories: [],
      provenance: sandbox(
        'Assumed: Correios moves SEDEX by air and its prohibited list is read here as refusing lithium batteries; not in the team reference — verify.',
      ),
    },
    tracking: s10Format('PB', 'BR', 'domestic range: sandbox choice'),
    provenance: sourced(`${REFERENCE} §4`, 'Limits and divisor sourced; battery policy and the S10 service indicators sandbox.'),
  },
  {
    slug: 'jadlog',
    name: 'Jadlog',
    country: 'BR',
    services: [
      { serviceId: 'enlace-standard-br', level: 'standard', tracked: true },
      { serviceId: 'domestic-br-jadlog-package', level: 'standard', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: BR_REMOTE_RANGES, provenance: REMOTE },
    limits: ASSUMED('Jadlog', 1000),
    refused: {
      batteries: REFUSES_METAL,
      categories: [],
      provenance: sandbox('Assumed: road network; lithium-ion in or with equipment accepted, lithium metal refused.'),
    },
    tracking: approximateFormat({
      id: 'jadlog-14',
      name: 'Jadlog (14 digits)',
      length: 14,
      note: 'Jadlog shipment numbers are 14 digits in public examples; no check digit known: sandbox approximation.',
    }),
    provenance: sourced(`${REFERENCE} §4 (Jadlog /6000)`, 'Divisor sourced; everything else assumed.'),
  },
  {
    slug: 'loggi',
    name: 'Loggi',
    country: 'BR',
    services: [
      { serviceId: 'enlace-standard-br-loggi', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-br', level: 'express', tracked: true },
      { serviceId: 'domestic-br-loggi', level: 'standard', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: BR_REMOTE_RANGES, provenance: REMOTE },
    limits: ASSUMED('Loggi', 1200),
    refused: { batteries: REFUSES_METAL, categories: [], provenance: sandbox('Assumed: lithium metal refused.') },
    tracking: approximateFormat({
      id: 'loggi',
      name: 'Loggi (12 characters)',
      length: 12,
      alphanumeric: true,
      note: 'Loggi tracking format not found: sandbox approximation.',
    }),
    provenance: sandbox(`Nothing found on Loggi (${REFERENCE} §4); every figure assumed.`),
  },
  {
    slug: 'total-express',
    name: 'Total Express',
    country: 'BR',
    services: [
      { serviceId: 'enlace-economy-br-total-express', level: 'economy', tracked: true },
      { serviceId: 'enlace-express-br-total-express', level: 'express', tracked: true },
    ],
    coverage: {
      served: 'nationwide',
      notServed: NORONHA,
      remote: NORTH,
      provenance: sandbox('Assumed: no delivery to Fernando de Noronha; the North region is remote.'),
    },
    limits: ASSUMED('Total Express', 1200),
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: approximateFormat({
      id: 'total-express',
      name: 'Total Express (TE + 11 digits)',
      prefix: 'TE',
      length: 13,
      note: 'Total Express tracking format not found: sandbox approximation.',
    }),
    provenance: sandbox(`Nothing found on Total Express (${REFERENCE} §4); every figure assumed.`),
  },
];
