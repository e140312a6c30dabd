import { CO_REMOTE_RANGES } from '../../rating';
import type { CarrierProfile } from '../carriers';
import { approximateFormat } from '../tracking-numbers';
import { REFERENCE, REFUSES_METAL, REFUSES_STANDALONE, sandbox, sourced, STANDALONE_NOTE } from './common';

const REMOTE = sandbox('Department prefixes of the postal code (reference §5); which count as remote is assumed. Same ranges as the rate cards.');

/** Colombia: Servientrega, Coordinadora and Inter Rapidísimo. */
export const CO_CARRIERS: readonly CarrierProfile[] = [
  {
    slug: 'servientrega',
    name: 'Servientrega',
    country: 'CO',
    services: [
      { serviceId: 'enlace-economy-co-servientrega', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-co', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-co-servientrega', level: 'express', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: CO_REMOTE_RANGES, provenance: REMOTE },
    limits: { maxWeightGrams: 50_000, maxLongestSideMm: 1200, provenance: sandbox(`Servientrega limits not found (${REFERENCE} §4); 50 kg / 120 cm assumed.`) },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: approximateFormat({
      id: 'servientrega',
      name: 'Servientrega guía (10 digits)',
      length: 10,
      note: 'Servientrega guía numbers; length assumed: sandbox approximation.',
    }),
    provenance: sandbox(`Nothing found on Servientrega (${REFERENCE} §4); every figure assumed.`),
  },
  {
    slug: 'coordinadora',
    name: 'Coordinadora',
    country: 'CO',
    services: [
      { serviceId: 'enlace-standard-co-coordinadora', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-co', level: 'express', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: CO_REMOTE_RANGES, provenance: REMOTE },
    limits: {
      maxWeightGrams: 50_000,
      maxLongestSideMm: 1500,
      provenance: sourced(
        `${REFERENCE} §4 (Coordinadora: over 50 kg actual or any side over 150 cm is "Mercancía XL")`,
        'XL freight is another product, so these are the parcel limits.',
      ),
    },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: approximateFormat({
      id: 'coordinadora',
      name: 'Coordinadora guía (11 digits)',
      length: 11,
      note: 'Coordinadora guía numbers; length assumed: sandbox approximation.',
    }),
    provenance: sourced(`${REFERENCE} §4`, 'Limits sourced; coverage assumed.'),
  },
  {
    slug: 'inter-rapidisimo',
    name: 'Inter Rapidísimo',
    country: 'CO',
    services: [
      { serviceId: 'enlace-economy-co', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-co-inter-rapidisimo', level: 'standard', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: CO_REMOTE_RANGES, provenance: REMOTE },
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1000,
      provenance: sandbox(`Inter Rapidísimo limits not found (${REFERENCE} §4); 30 kg / 100 cm assumed.`),
    },
    refused: { batteries: REFUSES_METAL, categories: [], provenance: sandbox('Assumed: lithium metal refused.') },
    tracking: approximateFormat({
      id: 'inter-rapidisimo',
      name: 'Inter Rapidísimo (12 digits)',
      length: 12,
      note: 'Inter Rapidísimo tracking format not found: sandbox approximation.',
    }),
    provenance: sandbox(`Nothing found on Inter Rapidísimo (${REFERENCE} §4); every figure assumed.`),
  },
];
