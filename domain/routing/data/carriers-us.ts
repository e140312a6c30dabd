import { US_REMOTE_RANGES } from '../../rating';
import type { CarrierProfile } from '../carriers';
import { FEDEX_EXPRESS_12, impbFormat, upsFormat } from '../tracking-numbers';
import { INCH, LB, REFERENCE, REFUSES_STANDALONE, sandbox, sourced, STANDALONE_NOTE } from './common';

const UPS_LIMITS = sourced(`${REFERENCE} §4 (UPS: ≤150 lb, ≤108 in length, ≤165 in length + girth)`, 'Converted to metric and rounded down.');
const UPS_SHIPPER = 'E2N0X7';

/** United States: USPS, UPS and FedEx. */
export const US_CARRIERS: readonly CarrierProfile[] = [
  {
    slug: 'usps',
    name: 'USPS',
    country: 'US',
    services: [
      { serviceId: 'enlace-economy-us', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-us-usps', level: 'standard', tracked: true },
      { serviceId: 'domestic-us-usps-ground-advantage', level: 'economy', tracked: true },
    ],
    // USPS charges no delivery-area surcharge, so Alaska and Hawaii are simply served.
    coverage: { served: 'nationwide', notServed: [], remote: [], provenance: sandbox('USPS delivers to every ZIP; no remote ranges.') },
    limits: {
      maxWeightGrams: Math.floor(70 * LB),
      maxLengthPlusGirthMm: Math.floor(130 * INCH),
      provenance: sourced(
        `${REFERENCE} §4 (USPS 70 lb; Ground Advantage 130 in length + girth)`,
        'Priority Mail allows 108 in; its rate card applies that limit.',
      ),
    },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: impbFormat('94', '001', '912345678'),
    provenance: sourced(`${REFERENCE} §4`, 'Limits sourced; the IMpb service type code and Mailer ID are sandbox.'),
  },
  {
    slug: 'ups',
    name: 'UPS',
    country: 'US',
    services: [
      { serviceId: 'enlace-economy-us-ups', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-us', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-us-ups', level: 'express', tracked: true, tracking: upsFormat(UPS_SHIPPER, '02') },
      { serviceId: 'domestic-us-ups-ground', level: 'standard', tracked: true },
    ],
    coverage: {
      served: 'nationwide',
      notServed: [],
      remote: US_REMOTE_RANGES,
      provenance: sourced(`${REFERENCE} §5 (UPS publishes remote ZIP lists quarterly)`, 'Alaska and Hawaii ZIP ranges stand in for the lists (sandbox).'),
    },
    limits: {
      maxWeightGrams: Math.floor(150 * LB),
      maxLongestSideMm: Math.floor(108 * INCH),
      maxLengthPlusGirthMm: Math.floor(165 * INCH),
      provenance: UPS_LIMITS,
    },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: upsFormat(UPS_SHIPPER, '03'),
    provenance: sourced(`${REFERENCE} §4`, 'Limits sourced; the shipper number in tracking numbers is sandbox.'),
  },
  {
    slug: 'fedex',
    name: 'FedEx',
    country: 'US',
    services: [
      { serviceId: 'enlace-standard-us-fedex', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-us', level: 'express', tracked: true },
      { serviceId: 'domestic-us-fedex-2day', level: 'express', tracked: true },
    ],
    coverage: {
      served: 'nationwide',
      notServed: [],
      remote: US_REMOTE_RANGES,
      provenance: sourced(`${REFERENCE} §5 (FedEx publishes remote ZIP lists)`, 'Alaska and Hawaii stand in for the lists (sandbox).'),
    },
    limits: {
      maxWeightGrams: Math.floor(150 * LB),
      maxLongestSideMm: Math.floor(108 * INCH),
      maxLengthPlusGirthMm: Math.floor(165 * INCH),
      provenance: sandbox('FedEx limits not in the reference; the UPS ones are assumed.'),
    },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: FEDEX_EXPRESS_12,
    provenance: sandbox('Limits assumed; tracking format real.'),
  },
];
