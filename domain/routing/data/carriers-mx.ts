import { MX_REMOTE_RANGES, NINETY_NINE_MINUTOS_METROS } from '../../rating';
import type { CarrierProfile } from '../carriers';
import { approximateFormat, DHL_EXPRESS_10 } from '../tracking-numbers';
import { REFERENCE, REFUSES_ALL_LITHIUM, REFUSES_METAL, REFUSES_STANDALONE, sandbox, sourced, STANDALONE_NOTE } from './common';

const REMOTE = sandbox(
  'State prefixes are public; which areas each carrier treats as extended coverage is assumed (carriers publish per-postcode lists). Same ranges as the rate cards.',
);

/** Mexico: Estafeta, J&T Express, 99minutos and DHL Express. */
export const MX_CARRIERS: readonly CarrierProfile[] = [
  {
    slug: 'estafeta',
    name: 'Estafeta',
    country: 'MX',
    services: [
      { serviceId: 'enlace-economy-mx-estafeta', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-mx', level: 'standard', tracked: true },
      { serviceId: 'enlace-express-mx-estafeta', level: 'express', tracked: true },
      // Domestic, from the Mexico warehouse.
      { serviceId: 'domestic-mx-estafeta-terrestre', level: 'economy', tracked: true },
      { serviceId: 'domestic-mx-estafeta-dia-siguiente', level: 'express', tracked: true },
    ],
    coverage: {
      served: 'nationwide',
      notServed: [],
      remote: MX_REMOTE_RANGES,
      provenance: sourced(
        `${REFERENCE} §4 (Estafeta serves hard-to-reach towns on fixed days: "cobertura extendida")`,
        'The remote postal ranges are sandbox.',
      ),
    },
    limits: {
      maxWeightGrams: 70_000,
      maxLongestSideMm: 2700,
      maxGirthMm: 5000,
      provenance: sourced(`${REFERENCE} §4 (Estafeta: up to 70 kg, 2.70 m length, 5 m girth)`, 'Undated reseller page.'),
    },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: approximateFormat({
      id: 'estafeta-22',
      name: 'Estafeta guía (22 characters)',
      length: 22,
      alphanumeric: true,
      note: 'Estafeta guías are 22 alphanumeric characters; the structure and any check character are not published: sandbox approximation.',
    }),
    provenance: sourced(`${REFERENCE} §4`, 'Limits, divisor /5000 and the remote surcharge are sourced; coverage ranges sandbox.'),
  },
  {
    slug: 'jt-express',
    name: 'J&T Express',
    country: 'MX',
    services: [
      { serviceId: 'enlace-economy-mx', level: 'economy', tracked: true },
      { serviceId: 'enlace-standard-mx-jt', level: 'standard', tracked: true },
      { serviceId: 'domestic-mx-jt', level: 'standard', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: MX_REMOTE_RANGES, provenance: REMOTE },
    limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1200, provenance: sandbox(`J&T Mexico limits not found (${REFERENCE} §4); 30 kg / 120 cm assumed.`) },
    refused: { batteries: REFUSES_METAL, categories: [], provenance: sandbox('Assumed: lithium-ion in or with equipment accepted, lithium metal refused.') },
    tracking: approximateFormat({
      id: 'jt-mx',
      name: 'J&T Mexico (JMX + 12 digits)',
      prefix: 'JMX',
      length: 15,
      note: 'J&T Mexico numbers seen as JMX + digits; length assumed: sandbox approximation.',
    }),
    provenance: sandbox(`Nothing found on J&T Mexico (${REFERENCE} §4); every figure assumed.`),
  },
  {
    slug: '99minutos',
    name: '99minutos',
    country: 'MX',
    services: [
      { serviceId: 'enlace-standard-mx-99minutos', level: 'standard', tracked: true },
      { serviceId: 'domestic-mx-99minutos-next-day', level: 'standard', tracked: true },
      { serviceId: 'domestic-mx-99minutos-same-day', level: 'express', tracked: true },
    ],
    coverage: {
      served: NINETY_NINE_MINUTOS_METROS,
      servedDescription: 'the Mexico City, Guadalajara, Monterrey, Puebla and Querétaro metro areas',
      notServed: [],
      remote: [],
      provenance: sandbox('99minutos serves metro areas only; these postal prefixes approximate its coverage (it publishes coverage per postcode).'),
    },
    limits: {
      maxWeightGrams: 25_000,
      maxLongestSideMm: 500,
      provenance: sourced(`${REFERENCE} §4 (99minutos drop-off points accept up to 50×50×50 cm)`, 'Longest side 50 cm; 25 kg is sandbox.'),
    },
    refused: {
      batteries: REFUSES_ALL_LITHIUM,
      categories: ['food'],
      provenance: sandbox('Assumed: motorbike couriers, no dangerous goods and no perishables.'),
    },
    tracking: approximateFormat({
      id: '99minutos',
      name: '99minutos (12 digits)',
      length: 12,
      note: '99minutos tracking format not found: sandbox approximation.',
    }),
    provenance: sandbox('Coverage and refusals assumed; the size limit is sourced.'),
  },
  {
    slug: 'dhl-express',
    name: 'DHL Express',
    country: 'MX',
    services: [
      { serviceId: 'enlace-express-mx', level: 'express', tracked: true },
      { serviceId: 'domestic-mx-dhl-express', level: 'express', tracked: true },
    ],
    coverage: { served: 'nationwide', notServed: [], remote: MX_REMOTE_RANGES, provenance: REMOTE },
    limits: {
      maxWeightGrams: 70_000,
      maxLongestSideMm: 1200,
      provenance: sandbox('DHL Express piece limits (commonly 70 kg, 120 cm) are not in the team reference: verify.'),
    },
    refused: { batteries: REFUSES_STANDALONE, categories: [], provenance: STANDALONE_NOTE },
    tracking: DHL_EXPRESS_10,
    provenance: sandbox('Limits assumed; the tracking format is the real one.'),
  },
];
