import { PE_REMOTE_RANGES } from '../../rating';
import type { CarrierProfile } from '../carriers';
import { approximateFormat, s10Format } from '../tracking-numbers';
import { REFERENCE, REFUSES_ALL_LITHIUM, REFUSES_STANDALONE, sandbox, STANDALONE_NOTE } from './common';

const REMOTE = sandbox('Department prefixes of the 5-digit postal code; which count as remote is assumed. Same ranges as the rate cards.');

/** Peru: Olva Courier and Serpost. */
export const PE_CARRIERS: readonly CarrierProfile[] = [
  {
    slug: 'olva',
    name: 'Olva Courier',
    country: 'PE',
    services: [
      { serviceId: 'enlace-economy-pe-olva', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-pe', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-pe', level: 'express', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: PE_REMOTE_RANGES, provenance: REMOTE },
    limits: {
      maxWeightGrams: 50_000,
      maxLongestSideMm: 1200,
      provenance: sandbox(`Olva limits not in the reference (${REFERENCE} §4); 50 kg / 120 cm assumed.`),
    },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: approximateFormat({
      id: 'olva',
      name: 'Olva (OLV + 9 digits)',
      prefix: 'OLV',
      length: 12,
      note: 'Olva tracking format not found: sandbox approximation.',
    }),
    provenance: sandbox('Every figure assumed.'),
  },
  {
    slug: 'serpost',
    name: 'Serpost',
    country: 'PE',
    services: [
      // Decision: economy is an ordinary small packet. It carries a barcoded S10 "U" number, but
      // scanning stops when Serpost takes it over, so it counts as untracked.
      {
        serviceId: 'enlace-economy-pe',
        level: 'economy',
        tracked: false,
        tracking: s10Format('UA', 'PE', 'letter-post item, not registered: barcoded, not scanned to the door'),
      },
      { serviceId: 'enlace-standard-pe-serpost', level: 'standard', tracked: true, tracking: s10Format('RR', 'PE', 'registered: scanned to the door') },
      { serviceId: 'enlace-express-pe-serpost', level: 'express', tracked: true, tracking: s10Format('EE', 'PE', 'EMS') },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: PE_REMOTE_RANGES, provenance: REMOTE },
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1050,
      provenance: sandbox('Serpost limits not in the reference; 30 kg / 105 cm assumed (common postal parcel limits).'),
    },
    refused: {
      batteries: REFUSES_ALL_LITHIUM,
      categories: ['liquid', 'powder'],
      provenance: sandbox('Assumed: the postal network refuses lithium batteries, liquids and powders.'),
    },
    tracking: s10Format('RR', 'PE', 'registered'),
    provenance: sandbox('S10 structure and check digit are the UPU standard; which service indicator Serpost assigns per product is assumed.'),
  },
];
