/**
 * Domestic services of the US warehouses (US-CA-01, US-NJ-01); see domestic.ts for what a domestic
 * card is. Research: FACTS §1.3; every price and transit table is SANDBOX.
 */
import type { DecimalString } from '../../shared/fx';
import type { DomesticRateCard, PriceTable } from '../rate-card';
import { chargeableRule, flat, LITHIUM_STANDALONE, money, perKg, REFERENCE, sandbox, sourced } from './common';
import { card, FACTS, NO_FUEL, SANDBOX_ZONES, STANDALONE_REFUSED, table, zone } from './domestic-common';
import { US_REMOTE_RANGES } from './us';

// ------------------------------------------------------------------ United States, from US-CA-01 (Ontario, CA) and US-NJ-01 (Carteret, NJ)

const LB = 453.59237;
/**
 * A USPS Ground Advantage zone table (FACTS §1.3 SANDBOX price table, USD): ≤ 1, 2, 5 and 10 lb,
 * then each extra lb to 70 lb, written as per-kg above 10 lb (price10 + extra lb × perLb).
 */
function uspsTable(p1: DecimalString, p2: DecimalString, p5: DecimalString, p10: DecimalString, perLb: DecimalString): PriceTable {
  const perKgRate = Number(perLb) / (LB / 1000);
  const base = Number(p10) - perKgRate * ((10 * LB) / 1000);
  return table(
    'USD',
    [
      flat(Math.floor(LB), p1),
      flat(Math.floor(2 * LB), p2),
      flat(Math.floor(5 * LB), p5),
      flat(Math.floor(10 * LB), p10),
      perKg(Math.floor(70 * LB), perKgRate.toFixed(2) as DecimalString, base.toFixed(2) as DecimalString),
    ],
    sandbox('SANDBOX APPROXIMATION: the invented 2026 Ground Advantage table of FACTS §1.3 (USPS 2026 prices were not found).'),
  );
}
const USPS_ZONE = {
  z2: uspsTable('5.40', '6.20', '8.10', '11.20', '0.55'),
  z3: uspsTable('5.55', '6.45', '8.90', '12.90', '0.70'),
  z4: uspsTable('5.75', '6.90', '10.10', '15.40', '0.95'),
  z5: uspsTable('6.10', '7.80', '12.40', '20.10', '1.45'),
  z6: uspsTable('6.45', '8.60', '14.60', '24.30', '1.90'),
  z7: uspsTable('6.80', '9.40', '16.30', '27.50', '2.25'),
  z8: uspsTable('7.20', '10.20', '18.20', '31.00', '2.60'),
};
const UPS_LIMITS = sourced(`${FACTS} §1.3 (UPS Ground: 150 lb, 108 in length, 165 in length + girth)`, 'Converted to metric and rounded down.');
const US_INSURANCE = {
  percentOfDeclaredValue: '1',
  minimum: money('1.00', 'USD'),
  provenance: sandbox('Invented declared-value coverage above the carriers’ included US$100.'),
} as const;

export const US_CARDS: readonly DomesticRateCard[] = [
  card({
    serviceId: 'domestic-us-usps-ground-advantage',
    name: 'USPS Ground Advantage (from the US warehouses)',
    carrier: 'USPS',
    destination: 'US',
    serviceLevel: 'economy',
    provenance: sourced(`${FACTS} §1.3`, 'Limits and divisor rule sourced; prices and zones sandbox.'),
    chargeableWeight: chargeableRule(
      5000,
      10,
      10,
      sourced(
        `${FACTS} §1.3 (third-party tools: USPS 139 in³/lb ≈ 5000 cm³/kg above 1,728 in³ from 2026-07-12; before, 166)`,
        'UNCERTAIN: not confirmed in an official USPS text; stored as this dated version (2026-11-01), so a correction is a new version.',
      ),
      { volumeMm3: 28_316_847 },
    ),
    limits: {
      maxWeightGrams: 31_751,
      maxLongestSideMm: 1000,
      maxLengthPlusGirthMm: 3302,
      provenance: sourced(`${FACTS} §1.3 (USPS Ground Advantage: 70 lb, 130 in length + girth)`, 'Longest side 100 cm is a sandbox handling limit.'),
    },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: USPS_ZONE.z8,
    fuelSurcharge: NO_FUEL('USPS has no fuel surcharge; it uses temporary peak-season prices instead (FACTS §1.3).'),
    insurance: US_INSURANCE,
    zones: {
      byWarehouse: {
        'US-CA-01': [
          zone('zone-4', ['9'], 2, 3, USPS_ZONE.z4),
          zone('zone-5', ['8'], 2, 4, USPS_ZONE.z5),
          zone('zone-7', ['5', '6', '7'], 3, 5, USPS_ZONE.z7),
          zone('zone-8', '*', 4, 5, USPS_ZONE.z8),
        ],
        'US-NJ-01': [
          zone('zone-3', ['0', '1'], 2, 3, USPS_ZONE.z3),
          zone('zone-5', ['2', '3', '4'], 2, 4, USPS_ZONE.z5),
          zone('zone-6', ['5', '6', '7'], 3, 5, USPS_ZONE.z6),
          zone('zone-8', '*', 4, 5, USPS_ZONE.z8),
        ],
      },
      provenance: SANDBOX_ZONES,
    },
  }),
  card({
    serviceId: 'domestic-us-ups-ground',
    name: 'UPS Ground (from the US warehouses)',
    carrier: 'UPS',
    destination: 'US',
    serviceLevel: 'standard',
    provenance: sourced(`${FACTS} §1.3`, 'Limits, divisor and the weekly fuel index sourced; prices, fuel level and zones sandbox.'),
    chargeableWeight: chargeableRule(
      5000,
      500,
      500,
      sourced(`${FACTS} §1.3 (UPS Ground 139 in³/lb ≈ 5000 cm³/kg)`, '1 lb steps approximated by 0.5 kg (sandbox).'),
    ),
    limits: { maxWeightGrams: 68_038, maxLongestSideMm: 2743, maxLengthPlusGirthMm: 4191, provenance: UPS_LIMITS },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('USD', [flat(1000, '10.90'), flat(5000, '15.40'), perKg(68_038, '2.10', '9.00')]),
    fuelSurcharge: {
      schedule: [{ effectiveFrom: '2026-11-01', percent: '16' }],
      provenance: sandbox('SANDBOX level; UPS sets it weekly (Monday) from the EIA diesel index two weeks earlier (FACTS §1.3).'),
    },
    remoteArea: {
      ranges: US_REMOTE_RANGES,
      perParcel: money('14.00', 'USD'),
      extraTransitDays: { min: 1, max: 2 },
      provenance: sourced(`${REFERENCE} §5 (UPS remote-area surcharge ≈ US$14, 2026)`, 'ZIP ranges are sandbox.'),
    },
    insurance: US_INSURANCE,
    zones: {
      byWarehouse: {
        'US-CA-01': [zone('zone-2-4', ['9'], 1, 2), zone('zone-5', ['8'], 2, 3), zone('zone-6-7', ['5', '6', '7'], 3, 4), zone('zone-8', '*', 4, 5)],
        'US-NJ-01': [
          zone('zone-2-3', ['0', '1'], 1, 2),
          zone('zone-5', ['2', '3', '4'], 2, 3),
          zone('zone-6-7', ['5', '6', '7'], 3, 4),
          zone('zone-8', '*', 4, 5),
        ],
      },
      provenance: SANDBOX_ZONES,
    },
  }),
  card({
    serviceId: 'domestic-us-fedex-2day',
    name: 'FedEx 2Day (from the US warehouses)',
    carrier: 'FedEx',
    destination: 'US',
    serviceLevel: 'express',
    provenance: sandbox(
      'SANDBOX APPROXIMATION: the US warehouses’ express service. FedEx 2Day was not researched (FACTS §1.3 covers FedEx Ground only); divisor and limits as FedEx Ground, prices and transit invented.',
    ),
    chargeableWeight: chargeableRule(
      5000,
      500,
      500,
      sourced(`${FACTS} §1.3 (FedEx 139 in³/lb ≈ 5000 cm³/kg, as FedEx Ground)`, 'Assumed the same for 2Day; 1 lb steps approximated by 0.5 kg (sandbox).'),
    ),
    limits: {
      maxWeightGrams: 68_038,
      maxLongestSideMm: 2743,
      maxLengthPlusGirthMm: 4191,
      provenance: sourced(`${FACTS} §1.3 (FedEx Ground: 150 lb, 108 in length, 165 in length + girth)`, 'Assumed the same for 2Day.'),
    },
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: STANDALONE_REFUSED },
    lastMile: table('USD', [flat(1000, '24.50'), flat(5000, '36.80'), perKg(68_038, '4.60', '22.00')]),
    fuelSurcharge: {
      schedule: [{ effectiveFrom: '2026-11-01', percent: '18' }],
      provenance: sandbox('SANDBOX level; FedEx sets it weekly from a diesel index (FACTS §1.3, FedEx Ground).'),
    },
    remoteArea: {
      ranges: US_REMOTE_RANGES,
      perParcel: money('14.00', 'USD'),
      extraTransitDays: { min: 1, max: 2 },
      provenance: sandbox('The UPS remote-area fee and ranges (REFERENCE §5) assumed for FedEx.'),
    },
    insurance: US_INSURANCE,
    zones: {
      byWarehouse: {
        'US-CA-01': [zone('contiguous', '*', 2, 2)],
        'US-NJ-01': [zone('contiguous', '*', 2, 2)],
      },
      provenance: SANDBOX_ZONES,
    },
  }),
];
