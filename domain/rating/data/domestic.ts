/**
 * Domestic services: a carrier picks the parcel up at one of Enlace's destination warehouses
 * (domain/warehouses) and delivers it in the same country. No line-haul, no clearance, no import
 * duties (paid at inbound). Research: /work/notes/fulfilment-facts.md §1.1–1.3 (2026-12-05), cited
 * below as FACTS; every price and every transit table is SANDBOX (no published table was found).
 * Transit is in business days from hand-over at the warehouse, by zone: the destination's postal
 * region (MX state, BR state, US ZIP national area) seen from the warehouse's.
 */
import type { DecimalString } from '../../shared/fx';
import type { DomesticRateCard, DomesticZone, RateCard } from '../rate-card';
import { BR_REMOTE_RANGES } from './br';
import { ALL_LITHIUM, chargeableRule, flat, LITHIUM_STANDALONE, money, perKg, REFERENCE, sandbox, sourced } from './common';
import { MX_REMOTE_RANGES } from './mx';
import { card, FACTS, NO_FUEL, SANDBOX_ZONES, STANDALONE_REFUSED, table, zone } from './domestic-common';
import { US_CARDS } from './domestic-us';

export { DOMESTIC_VERSION, FACTS } from './domestic-common';

// ------------------------------------------------------------------ Mexico, from MX-CTT-01 (Tepotzotlán, Estado de México)

const VALLE_DE_MEXICO = ['CMX', 'MEX'];
const CENTRE = ['HID', 'MOR', 'PUE', 'TLA', 'QUE', 'GUA', 'MIC'];

const ESTAFETA_LIMITS = sourced(
  `${FACTS} §1.1 (Estafeta: 70 kg, 2.70 m length, 5 m circumference; estafetamembers.com, undated)`,
  'Circumference not checked by rating (routing checks it as girth).',
);
const ESTAFETA_DIVISOR = sourced(`${FACTS} §1.1 (Estafeta L×W×H cm / 5000)`, 'Increment and minimum are sandbox.');
const ESTAFETA_REMOTE = {
  ranges: MX_REMOTE_RANGES,
  perParcel: money('249.00', 'MXN'),
  extraTransitDays: { min: 2, max: 5 },
  provenance: sourced(
    `${FACTS} §1.1 (Estafeta "cobertura extendida" MXN 249, globalpaq.com.mx, undated)`,
    'Which postal codes are extended coverage is sandbox (same ranges as cross-border).',
  ),
};
const ESTAFETA_INSURANCE = {
  percentOfDeclaredValue: '1.5',
  minimum: money('25.00', 'MXN'),
  provenance: sourced(`${FACTS} §1.1 (Estafeta insurance 1.5 % of declared value, minimum MXN 25; globalpaq.com.mx, undated)`, 'Reseller price.'),
} as const;
const ESTAFETA_FUEL = (percent: '5.3' | '7.8', family: string): DomesticRateCard['fuelSurcharge'] => ({
  schedule: [{ effectiveFrom: '2026-11-01', percent }],
  provenance: sandbox(
    `SANDBOX APPROXIMATION: Estafeta bills fuel as its own line, a percentage per product family (${family}); the level is from a c. 2014 public quote (ivansabik/estafeta-api), FACTS §1.1 — shape sourced, level dated.`,
  ),
});
const MX_INSURANCE_SANDBOX = {
  percentOfDeclaredValue: '1.5',
  minimum: money('25.00', 'MXN'),
  provenance: sandbox('Invented: Estafeta’s published 1.5 % / MXN 25 applied to this carrier.'),
} as const;

const MX_CARDS: readonly DomesticRateCard[] = [
  card({
    serviceId: 'domestic-mx-estafeta-dia-siguiente',
    name: 'Estafeta Día Siguiente (from the Mexico warehouse)',
    carrier: 'Estafeta',
    destination: 'MX',
    serviceLevel: 'express',
    provenance: sourced(`${FACTS} §1.1`, 'Limits, divisor, extended-coverage fee and insurance sourced; prices and zones sandbox.'),
    chargeableWeight: chargeableRule(5000, 100, 100, ESTAFETA_DIVISOR),
    limits: { maxWeightGrams: 70_000, maxLongestSideMm: 2700, provenance: ESTAFETA_LIMITS },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('MXN', [flat(1000, '129.00'), flat(5000, '169.00'), perKg(70_000, '14.00', '105.00')]),
    fuelSurcharge: ESTAFETA_FUEL('5.3', 'Día Siguiente, air-based'),
    remoteArea: ESTAFETA_REMOTE,
    insurance: ESTAFETA_INSURANCE,
    zones: { byWarehouse: { 'MX-CTT-01': [zone('metro', VALLE_DE_MEXICO, 1, 1), zone('national', '*', 1, 2)] }, provenance: SANDBOX_ZONES },
  }),
  card({
    serviceId: 'domestic-mx-estafeta-terrestre',
    name: 'Estafeta Terrestre (from the Mexico warehouse)',
    carrier: 'Estafeta',
    destination: 'MX',
    serviceLevel: 'economy',
    provenance: sourced(`${FACTS} §1.1`, 'Limits, divisor, extended-coverage fee and insurance sourced; prices and zones sandbox.'),
    chargeableWeight: chargeableRule(5000, 100, 100, ESTAFETA_DIVISOR),
    limits: { maxWeightGrams: 70_000, maxLongestSideMm: 2700, provenance: ESTAFETA_LIMITS },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('MXN', [flat(1000, '89.00'), flat(5000, '115.00'), perKg(70_000, '9.50', '70.00')]),
    fuelSurcharge: ESTAFETA_FUEL('7.8', 'Terrestre, ground'),
    remoteArea: ESTAFETA_REMOTE,
    insurance: ESTAFETA_INSURANCE,
    zones: {
      byWarehouse: { 'MX-CTT-01': [zone('metro', VALLE_DE_MEXICO, 2, 3), zone('centre', CENTRE, 2, 4), zone('national', '*', 3, 5)] },
      provenance: SANDBOX_ZONES,
    },
  }),
  card({
    serviceId: 'domestic-mx-jt',
    name: 'J&T Express (from the Mexico warehouse)',
    carrier: 'J&T Express',
    destination: 'MX',
    serviceLevel: 'standard',
    provenance: sandbox('SANDBOX APPROXIMATION: nothing was found on J&T Mexico (FACTS §1.1, §6); every figure assumed.'),
    chargeableWeight: chargeableRule(5000, 100, 100, sandbox('Assumed: the Mexican parcel carriers’ /5000 (FACTS §1.1, skydropx rule of thumb).')),
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1200,
      provenance: sandbox('J&T Mexico limits not found; 30 kg / 120 cm assumed (FACTS §1.1 proposal).'),
    },
    refused: {
      batteries: [...LITHIUM_STANDALONE, 'lithium-metal-in-equipment', 'lithium-metal-with-equipment'],
      categories: [],
      provenance: sandbox('Assumed: lithium metal and loose lithium refused.'),
    },
    lastMile: table('MXN', [flat(1000, '79.00'), flat(5000, '99.00'), perKg(30_000, '9.00', '60.00')]),
    fuelSurcharge: NO_FUEL('Proposal (FACTS §1.1): J&T quotes fuel included, no separate line [sandbox assumption].'),
    remoteArea: {
      ...ESTAFETA_REMOTE,
      perParcel: money('180.00', 'MXN'),
      extraTransitDays: { min: 2, max: 6 },
      provenance: sandbox('Invented extended-coverage fee; ranges as Estafeta’s.'),
    },
    insurance: MX_INSURANCE_SANDBOX,
    zones: { byWarehouse: { 'MX-CTT-01': [zone('metro', VALLE_DE_MEXICO, 1, 2), zone('national', '*', 2, 6)] }, provenance: SANDBOX_ZONES },
  }),
  ...(['same-day', 'next-day'] as const).map((kind) =>
    card({
      serviceId: `domestic-mx-99minutos-${kind}`,
      name: `99minutos ${kind === 'same-day' ? 'Same Day' : 'Next Day'} (Mexico City metro, from the Mexico warehouse)`,
      carrier: '99minutos',
      destination: 'MX',
      serviceLevel: kind === 'same-day' ? 'express' : 'standard',
      provenance: sandbox('SANDBOX APPROXIMATION: 99minutos’ service definitions were not found (FACTS §1.1); same day = ordered before 12:00, metro only.'),
      chargeableWeight: chargeableRule(5000, 100, 100, sandbox('Assumed /5000 like the other Mexican parcel carriers.')),
      limits: {
        maxWeightGrams: 25_000,
        maxLongestSideMm: 500,
        maxSumOfSidesMm: 1500,
        provenance: sourced(
          `${FACTS} §1.1 (99minutos drop-off "Punto 99": 50×50×50 cm, zohodesk KB, undated)`,
          '25 kg and the 150 cm sum of sides are sandbox.',
        ),
      },
      refused: {
        batteries: ALL_LITHIUM,
        categories: ['food'],
        provenance: sandbox('Assumed: motorbike couriers, no lithium and no perishables (as the carrier profile).'),
      },
      lastMile:
        kind === 'same-day'
          ? table('MXN', [flat(1000, '119.00'), flat(5000, '145.00'), perKg(25_000, '12.00', '95.00')])
          : table('MXN', [flat(1000, '85.00'), flat(5000, '105.00'), perKg(25_000, '10.00', '65.00')]),
      fuelSurcharge: NO_FUEL('No fuel line assumed for 99minutos (FACTS §1.1 proposal) [sandbox assumption].'),
      insurance: MX_INSURANCE_SANDBOX,
      // Only the Valle de México around the warehouse: no zone elsewhere means not served from here.
      zones: { byWarehouse: { 'MX-CTT-01': [zone('metro', VALLE_DE_MEXICO, kind === 'same-day' ? 0 : 1, 1)] }, provenance: SANDBOX_ZONES },
    }),
  ),
  card({
    serviceId: 'domestic-mx-dhl-express',
    name: 'DHL Express Domestic (from the Mexico warehouse)',
    carrier: 'DHL Express',
    destination: 'MX',
    serviceLevel: 'express',
    provenance: sandbox('SANDBOX APPROXIMATION: DHL Express domestic Mexico products and limits not found (FACTS §1.1, §6).'),
    chargeableWeight: chargeableRule(
      5000,
      500,
      500,
      sourced(`${REFERENCE} §4 (express integrators /5000)`, '0.5 kg steps are the usual express practice (sandbox).'),
    ),
    limits: { maxWeightGrams: 70_000, maxLongestSideMm: 1200, provenance: sandbox('DHL Express piece limits assumed: 70 kg, 120 cm (FACTS §1.1 proposal).') },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('MXN', [flat(500, '165.00'), flat(1000, '185.00'), flat(5000, '240.00'), perKg(70_000, '22.00', '140.00')]),
    fuelSurcharge: {
      schedule: [{ effectiveFrom: '2026-11-01', percent: '18.5' }],
      provenance: sandbox('Invented level; DHL publishes a monthly fuel index (FACTS §1.1 proposal).'),
    },
    remoteArea: {
      ...ESTAFETA_REMOTE,
      perParcel: money('320.00', 'MXN'),
      extraTransitDays: { min: 1, max: 3 },
      provenance: sandbox('Invented remote-area fee; ranges as Estafeta’s.'),
    },
    insurance: { percentOfDeclaredValue: '1.5', minimum: money('2.00', 'USD'), provenance: sandbox('Invented: as the cross-border express service.') },
    zones: { byWarehouse: { 'MX-CTT-01': [zone('metro', VALLE_DE_MEXICO, 1, 1), zone('national', '*', 1, 2)] }, provenance: SANDBOX_ZONES },
  }),
];

// ------------------------------------------------------------------ Brazil, from BR-SP-01 (Cajamar, SP)

const SUDESTE = ['RJ', 'MG', 'ES'];
const SUL_CENTRO_OESTE = ['PR', 'SC', 'RS', 'DF', 'GO', 'MS', 'MT'];
const NORDESTE = ['BA', 'SE', 'AL', 'PE', 'PB', 'RN', 'CE', 'PI', 'MA'];

const CORREIOS_LIMITS = sourced(
  `${FACTS} §1.2 (Correios: 30 kg; each side ≤ 100 cm, sum ≤ 200 cm; mandae.com.br, updated 2022-03-16)`,
  'An older source (2019) says 105 cm; the newer 100 cm is kept [uncertain].',
);
const CORREIOS_DIVISOR = sourced(`${REFERENCE} §4 (Correios: L·W·H/6000, only above 5 kg)`, 'Increment and minimum are sandbox.');
const BR_REMOTE = {
  ranges: BR_REMOTE_RANGES,
  perParcel: money('12.00', 'BRL'),
  extraTransitDays: { min: 3, max: 8 },
  provenance: sandbox('CEP ranges by state are public (geobr); treating the North region as remote and the fee are invented (as cross-border).'),
};
const BR_INSURANCE = {
  percentOfDeclaredValue: '0.3',
  minimum: money('1.00', 'BRL'),
  provenance: sandbox('SANDBOX APPROXIMATION: GRIS / ad valorem 0.3 % of declared value (FACTS §1.2 proposal; not researched).'),
} as const;
const CORREIOS_ZONES = (days: readonly (readonly [number, number])[], base: readonly [string, string, string]): readonly DomesticZone[] => {
  // Correios prices by distance: each zone its own table (sandbox), rising with distance.
  const step = (index: number, value: string): DecimalString => (Number(value) * (1 + 0.25 * index)).toFixed(2) as DecimalString;
  const names = ['sp', 'sudeste', 'sul-centro-oeste', 'nordeste', 'norte'] as const;
  const regions = [['SP'], SUDESTE, SUL_CENTRO_OESTE, NORDESTE, '*'] as const;
  return names.map((id, index) => {
    const [min, max] = days[index] ?? [0, 0];
    const priced = table('BRL', [
      flat(1000, step(index, base[0])),
      flat(5000, step(index, base[1])),
      perKg(30_000, step(index, base[2]), step(index, base[0])),
    ]);
    return zone(id, regions[index] ?? '*', min, max, priced);
  });
};

const BR_CARDS: readonly DomesticRateCard[] = [
  card({
    serviceId: 'domestic-br-correios-pac',
    name: 'Correios PAC (from the São Paulo warehouse)',
    carrier: 'Correios',
    destination: 'BR',
    serviceLevel: 'economy',
    provenance: sourced(
      `${FACTS} §1.2 (PAC contract code 03298)`,
      'Limits and divisor sourced; prices, zones and transit sandbox (Correios gives deadlines per CEP pair only through its API).',
    ),
    chargeableWeight: chargeableRule(6000, 100, 100, CORREIOS_DIVISOR, { grams: 5000 }),
    limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1000, maxSumOfSidesMm: 2000, provenance: CORREIOS_LIMITS },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('BRL', [flat(1000, '22.00'), flat(5000, '32.00'), perKg(30_000, '5.50', '22.00')]),
    fuelSurcharge: NO_FUEL('Correios bills from tariff tables with no fuel line (FACTS §1.2).'),
    remoteArea: BR_REMOTE,
    insurance: BR_INSURANCE,
    zones: {
      byWarehouse: {
        'BR-SP-01': CORREIOS_ZONES(
          [
            [2, 4],
            [4, 7],
            [5, 8],
            [7, 12],
            [9, 15],
          ],
          ['22.00', '32.00', '5.50'],
        ),
      },
      provenance: SANDBOX_ZONES,
    },
  }),
  card({
    serviceId: 'domestic-br-correios-sedex',
    name: 'Correios SEDEX (from the São Paulo warehouse)',
    carrier: 'Correios',
    destination: 'BR',
    serviceLevel: 'express',
    provenance: sourced(`${FACTS} §1.2 (SEDEX contract code 03220)`, 'Limits and divisor sourced; prices, zones and transit sandbox.'),
    chargeableWeight: chargeableRule(6000, 100, 100, CORREIOS_DIVISOR, { grams: 5000 }),
    limits: { maxWeightGrams: 30_000, maxLongestSideMm: 1000, maxSumOfSidesMm: 2000, provenance: CORREIOS_LIMITS },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('BRL', [flat(1000, '35.00'), flat(5000, '52.00'), perKg(30_000, '8.50', '35.00')]),
    fuelSurcharge: NO_FUEL('Correios bills from tariff tables with no fuel line (FACTS §1.2).'),
    remoteArea: BR_REMOTE,
    insurance: BR_INSURANCE,
    zones: {
      byWarehouse: {
        'BR-SP-01': CORREIOS_ZONES(
          [
            [1, 2],
            [2, 3],
            [2, 4],
            [3, 5],
            [4, 7],
          ],
          ['35.00', '52.00', '8.50'],
        ),
      },
      provenance: SANDBOX_ZONES,
    },
  }),
  card({
    serviceId: 'domestic-br-jadlog-package',
    name: 'Jadlog .Package (from the São Paulo warehouse)',
    carrier: 'Jadlog',
    destination: 'BR',
    serviceLevel: 'standard',
    provenance: sourced(
      `${FACTS} §1.2 (Jadlog via Frenet: 30 kg at pickup points, 80×80×80 cm)`,
      'Product roles [uncertain]; prices and transit sandbox (≈ PAC + 1 day, FACTS proposal).',
    ),
    chargeableWeight: chargeableRule(6000, 100, 100, sourced(`${REFERENCE} §4 (Jadlog /6000)`, 'Increment and minimum are sandbox.')),
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 800,
      provenance: sourced(`${FACTS} §1.2 (ajuda.frenet.com.br, undated: 80×80×80 cm, 30 kg at pickup points)`, 'Reseller contract.'),
    },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('BRL', [flat(1000, '24.00'), flat(5000, '30.00'), perKg(30_000, '5.00', '20.00')]),
    fuelSurcharge: NO_FUEL('No fuel line found for Jadlog (FACTS §1.2) [sandbox assumption].'),
    remoteArea: BR_REMOTE,
    insurance: BR_INSURANCE,
    zones: {
      byWarehouse: {
        'BR-SP-01': [
          zone('sp', ['SP'], 3, 5),
          zone('sudeste', SUDESTE, 5, 8),
          zone('sul-centro-oeste', SUL_CENTRO_OESTE, 6, 9),
          zone('nordeste', NORDESTE, 8, 13),
          zone('norte', '*', 10, 16),
        ],
      },
      provenance: SANDBOX_ZONES,
    },
  }),
  card({
    serviceId: 'domestic-br-loggi',
    name: 'Loggi (São Paulo state, from the São Paulo warehouse)',
    carrier: 'Loggi',
    destination: 'BR',
    serviceLevel: 'standard',
    provenance: sourced(
      `${FACTS} §1.2 (Loggi via Melhor Envio: 30 kg; sides ≤ 100 cm; sum ≤ 200 cm; single volume)`,
      'Prices and zones sandbox (1–3 days in São Paulo, FACTS proposal).',
    ),
    chargeableWeight: chargeableRule(6000, 100, 100, sandbox('Loggi’s divisor not found; /6000 assumed like the other Brazilian carriers.')),
    limits: {
      maxWeightGrams: 30_000,
      maxLongestSideMm: 1000,
      maxSumOfSidesMm: 2000,
      provenance: sourced(`${FACTS} §1.2 (centraldeajuda.melhorenvio.com.br 31220412483476, undated)`, 'Minimum sizes (15×10×1 cm) not checked.'),
    },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('BRL', [flat(1000, '19.90'), flat(5000, '27.90'), perKg(30_000, '4.50', '18.00')]),
    fuelSurcharge: NO_FUEL('No fuel line found for Loggi (FACTS §1.2) [sandbox assumption].'),
    insurance: BR_INSURANCE,
    zones: { byWarehouse: { 'BR-SP-01': [zone('sp', ['SP'], 1, 3)] }, provenance: SANDBOX_ZONES },
  }),
];

/** Every domestic card, all warehouses. */
export const DOMESTIC_CARDS: readonly RateCard[] = [...MX_CARDS, ...BR_CARDS, ...US_CARDS];
