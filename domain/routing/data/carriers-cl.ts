import { CL_REMOTE_RANGES } from '../../rating';
import type { CarrierProfile } from '../carriers';
import { approximateFormat } from '../tracking-numbers';
import { REFERENCE, REFUSES_METAL, REFUSES_STANDALONE, sandbox, STANDALONE_NOTE } from './common';

const REMOTE = sandbox('Approximate postal ranges (Aysén, Magallanes, Isla de Pascua); same as the rate cards.');

/** Chile: Chilexpress, Blue Express and Starken. */
export const CL_CARRIERS: readonly CarrierProfile[] = [
  {
    slug: 'chilexpress',
    name: 'Chilexpress',
    country: 'CL',
    services: [
      { serviceId: 'enlace-standard-cl-chilexpress', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-cl', level: 'express', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: CL_REMOTE_RANGES, provenance: REMOTE },
    limits: { maxWeightGrams: 50_000, maxLongestSideMm: 1200, provenance: sandbox(`Chilexpress limits not found (${REFERENCE} §4); 50 kg / 120 cm assumed.`) },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: approximateFormat({
      id: 'chilexpress',
      name: 'Chilexpress OT (12 digits)',
      length: 12,
      note: 'Chilexpress transport-order numbers; length assumed: sandbox approximation.',
    }),
    provenance: sandbox(`Nothing found on Chilexpress (${REFERENCE} §4); every figure assumed.`),
  },
  {
    slug: 'blue-express',
    name: 'Blue Express',
    country: 'CL',
    services: [
      { serviceId: 'enlace-economy-cl-blue-express', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-cl', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-cl-blue-express', level: 'express', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: CL_REMOTE_RANGES, provenance: REMOTE },
    limits: { maxWeightGrams: 50_000, maxLongestSideMm: 1200, provenance: sandbox(`Blue Express limits not found (${REFERENCE} §4); 50 kg / 120 cm assumed.`) },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: approximateFormat({
      id: 'blue-express',
      name: 'Blue Express (10 digits)',
      length: 10,
      note: 'Blue Express tracking format not found: sandbox approximation.',
    }),
    provenance: sandbox(`Blue Express status names are in ${REFERENCE} §4; limits and coverage assumed.`),
  },
  {
    slug: 'starken',
    name: 'Starken',
    country: 'CL',
    services: [
      { serviceId: 'enlace-economy-cl', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-cl-starken', level: 'standard', tracked: true },
    ],
    coverage: {
      served: 'nationwide',
      notServed: CL_REMOTE_RANGES.slice(1),
      remote: CL_REMOTE_RANGES.slice(0, 1),
      provenance: sandbox('Assumed: Starken does not deliver to Isla de Pascua (as on the economy rate card).'),
    },
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1000,
      provenance: sandbox(`Starken parcel limits not found (${REFERENCE} §4 gives only its envelope format); 30 kg / 100 cm assumed.`),
    },
    refused: { batteries: REFUSES_METAL, categories: [], provenance: sandbox('Assumed: lithium metal refused.') },
    tracking: approximateFormat({
      id: 'starken',
      name: 'Starken orden de flete (10 digits)',
      length: 10,
      note: 'Starken freight-order numbers; length assumed: sandbox approximation.',
    }),
    provenance: sandbox('Coverage and limits assumed.'),
  },
];
