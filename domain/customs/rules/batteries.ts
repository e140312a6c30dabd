/**
 * Lithium batteries by air, as IATA/ICAO classify them: the UN number, proper shipping name and
 * packing instruction each battery type is declared under, and whether passenger aircraft (and so
 * most parcel services) may carry it at all.
 */
import type { BatteryType } from '../../shared/shipping-terms';
import { REFERENCE, type RuleProvenance } from './types';

export type LithiumBatteryType = Exclude<BatteryType, 'none'>;

export interface BatteryRule extends RuleProvenance {
  readonly batteryType: LithiumBatteryType;
  readonly unNumber: 'UN3480' | 'UN3481' | 'UN3090' | 'UN3091';
  readonly properShippingName: string;
  readonly packingInstruction: 'PI 965' | 'PI 966' | 'PI 967' | 'PI 968' | 'PI 969' | 'PI 970';
  /** 'II' for the small batteries parcels carry; null when it depends on a rating the order does not give. */
  readonly section: 'II' | null;
  /** Forbidden on passenger aircraft: only a service flying cargo aircraft can take it. */
  readonly cargoAircraftOnly: boolean;
  /** The limits the declaration relies on, in words. */
  readonly limits: string;
  /** The statement printed on the documents (and the air waybill). */
  readonly statement: string;
}

const AFKL = 'https://afklcargo.com/WW/es/common/cg_content/lithium_batteries.jsp';
const SECTION_II_DATE_NOTE =
  `${REFERENCE} §3: UN numbers, packing instructions and Section II limits; effectiveFrom is the IATA DGR 66th edition (2025) the reference cites. ` +
  'From 2026 a 30% state of charge may be binding for some of these instructions [uncertain in the reference].';

export const BATTERY_RULES: Readonly<Record<LithiumBatteryType, BatteryRule>> = {
  'lithium-ion-in-equipment': {
    batteryType: 'lithium-ion-in-equipment',
    unNumber: 'UN3481',
    properShippingName: 'Lithium ion batteries contained in equipment',
    packingInstruction: 'PI 967',
    section: 'II',
    cargoAircraftOnly: false,
    limits: 'Section II: each cell at most 20 Wh, each battery at most 100 Wh',
    statement: 'Lithium ion batteries in compliance with Section II of PI967',
    source: AFKL,
    effectiveFrom: '2025-01-01',
    uncertain: false,
    note: SECTION_II_DATE_NOTE,
  },
  'lithium-ion-with-equipment': {
    batteryType: 'lithium-ion-with-equipment',
    unNumber: 'UN3481',
    properShippingName: 'Lithium ion batteries packed with equipment',
    packingInstruction: 'PI 966',
    section: 'II',
    cargoAircraftOnly: false,
    limits: 'Section II: each cell at most 20 Wh, each battery at most 100 Wh; at most 5 kg of batteries per package, only those needed plus 2 spare sets',
    statement: 'Lithium ion batteries in compliance with Section II of PI966',
    source: 'http://lithium.batteriestransport.org/122/',
    effectiveFrom: '2025-01-01',
    uncertain: false,
    note: SECTION_II_DATE_NOTE,
  },
  'lithium-metal-in-equipment': {
    batteryType: 'lithium-metal-in-equipment',
    unNumber: 'UN3091',
    properShippingName: 'Lithium metal batteries contained in equipment',
    packingInstruction: 'PI 970',
    section: 'II',
    cargoAircraftOnly: false,
    limits: 'Section II: at most 1 g of lithium per cell and 2 g per battery',
    statement: 'Lithium metal batteries in compliance with Section II of PI970',
    source: AFKL,
    effectiveFrom: '2025-01-01',
    uncertain: false,
    note: SECTION_II_DATE_NOTE,
  },
  'lithium-metal-with-equipment': {
    batteryType: 'lithium-metal-with-equipment',
    unNumber: 'UN3091',
    properShippingName: 'Lithium metal batteries packed with equipment',
    packingInstruction: 'PI 969',
    section: 'II',
    cargoAircraftOnly: false,
    limits: 'Section II: at most 1 g of lithium per cell and 2 g per battery; at most 5 kg of batteries per package, only those needed plus 2 spare sets',
    statement: 'Lithium metal batteries in compliance with Section II of PI969',
    source: 'http://lithium.batteriestransport.org/122/',
    effectiveFrom: '2025-01-01',
    uncertain: false,
    note: SECTION_II_DATE_NOTE,
  },
  'lithium-ion-standalone': {
    batteryType: 'lithium-ion-standalone',
    unNumber: 'UN3480',
    properShippingName: 'Lithium ion batteries',
    packingInstruction: 'PI 965',
    section: null,
    cargoAircraftOnly: true,
    limits: 'Forbidden on passenger aircraft; at most 30% state of charge (PI 965 Section IB)',
    statement: 'Lithium ion batteries, UN3480, PI965 - Cargo Aircraft Only',
    source: AFKL,
    effectiveFrom: '2016-04-01',
    uncertain: false,
    note:
      `Not in ${REFERENCE}: AF-KLM Cargo's table lists UN3480 (PI 965) as cargo aircraft only, and https://dg-packaging.nl/lithium-tool/un3480-pi965-ib ` +
      'gives "passenger airplanes: forbidden" and the 30% state of charge; effectiveFrom is ICAO’s 2016 ban on passenger aircraft.',
  },
  'lithium-metal-standalone': {
    batteryType: 'lithium-metal-standalone',
    unNumber: 'UN3090',
    properShippingName: 'Lithium metal batteries',
    packingInstruction: 'PI 968',
    section: null,
    cargoAircraftOnly: true,
    limits: 'Forbidden on passenger aircraft',
    statement: 'Lithium metal batteries, UN3090, PI968 - Cargo Aircraft Only',
    source: 'https://dcmcompliance.com/lithium-metal-batteries/',
    effectiveFrom: '2015-01-01',
    uncertain: false,
    note: `${REFERENCE} §3 (source from 2015, so effectiveFrom is its year); PI 968 from AF-KLM Cargo's table (${AFKL}).`,
  },
};

/**
 * Words suggesting a battery the seller did not declare (normalized: lower case, no accents). A
 * power bank is itself a standalone lithium-ion battery.
 */
export const BATTERY_KEYWORDS: readonly string[] = [
  'battery',
  'batteries',
  'lithium',
  'li-ion',
  'li-po',
  'lipo',
  'power bank',
  'powerbank',
  'rechargeable',
  'bateria',
  'baterias',
  'litio',
  'pila',
  'pilas',
  'recargable',
  'recarregavel',
];
