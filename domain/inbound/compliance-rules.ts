import type { CertificateRule } from '../customs';
import type { BatteryType } from '../shared/shipping-terms';
import type { InboundMode } from './lifecycle';

/**
 * What a formal import into a warehouse country needs beyond the parcel rules customs already
 * checks (domain/customs/rules, reused as they are): labelling and homologation that a customs
 * broker must show at the pedimento, the DI/DUIMP or the US entry. Sources: docs/inbound.md,
 * "Compliance".
 */
export const INBOUND_CERTIFICATE_RULES: readonly (CertificateRule & { readonly country: 'MX' | 'BR' | 'US' })[] = [
  {
    id: 'MX-NOM-050-LABELLING',
    country: 'MX',
    agency: 'NOM',
    certificate: 'NOM-050-SCFI-2004 commercial labelling (Spanish label with importer, origin and contents)',
    reason: 'goods for sale in Mexico need the NOM-050 Spanish commercial label before they cross customs',
    appliesTo: { categories: ['home', 'accessories', 'general', 'footwear', 'jewelry'] },
    severity: 'error',
    source: 'https://organismoimec.com/servicios/alcance',
    effectiveFrom: '2004-01-01',
    uncertain: true,
    note: 'Applies to consumer goods not covered by a specific labelling NOM; scope matched by category (Enlace approximation of Anexo 2.4.1).',
  },
  {
    id: 'MX-NOM-208-IFT-RADIO',
    country: 'MX',
    agency: 'NOM',
    certificate: 'NOM-208-SCFI-2016 certificate and IFT homologation',
    reason: 'Bluetooth and Wi-Fi devices need NOM-208 and IFT homologation to be imported into Mexico',
    appliesTo: {
      categories: ['electronics'],
      hsPrefixes: ['8517', '851830'],
      keywords: ['bluetooth', 'wireless', 'wifi', 'wi fi', 'inalambrico', 'inalambricos'],
    },
    severity: 'error',
    source: 'https://gtggroup.com/resources/mexico-nom-standards-compliance-and-implementation-for-radio-telecom-devices/',
    effectiveFrom: '2021-02-25',
    uncertain: true,
    note: 'IFT homologation is a separate certificate; Enlace records both under the NOM agency until certificates carry sub-types.',
  },
  {
    id: 'BR-ANATEL-BATTERIES',
    country: 'BR',
    agency: 'ANATEL',
    certificate: 'ANATEL homologation',
    reason: 'phone batteries, power banks and chargers need ANATEL homologation in Brazil',
    appliesTo: { hsPrefixes: ['850760', '850440'] },
    severity: 'error',
    source: 'https://pt.scribd.com/document/553779523/Anatel-Manual-Sobre-Certificacao-de-Telecomunicacoes-Para-Aduanas-Marco-2021-v2-003',
    effectiveFrom: '2021-03-01',
    uncertain: true,
    note: 'Whether INMETRO certification is also compulsory for power banks was not found.',
  },
  {
    id: 'BR-INMETRO-LED',
    country: 'BR',
    agency: 'INMETRO',
    certificate: 'INMETRO certification and registration (Portaria 69/2022)',
    reason: 'LED lamps with an integrated driver need INMETRO certification in Brazil',
    appliesTo: { hsPrefixes: ['853952'] },
    severity: 'error',
    source: 'https://certconsult.com.br/produtos-2/lampadas-led-com-dispositivo-integrado',
    effectiveFrom: '2022-02-16',
    uncertain: false,
  },
  {
    id: 'US-FCC-INTENTIONAL-RADIATOR',
    country: 'US',
    agency: 'FCC',
    certificate: 'an FCC ID (Part 15 certification by a TCB)',
    reason: 'Bluetooth and Wi-Fi devices are intentional radiators that need FCC certification before they are marketed',
    appliesTo: { categories: ['electronics'], hsPrefixes: ['8517', '851830'], keywords: ['bluetooth', 'wireless', 'wifi', 'wi fi'] },
    severity: 'error',
    source: 'https://www.conformery.com/regulations/us-fcc-part15-intentional',
    effectiveFrom: '2017-11-02',
    uncertain: false,
    note: '47 CFR 2.907 / 15.201.',
  },
];

/**
 * Lithium batteries by transport mode (docs/inbound.md, "Batteries"): standalone batteries (UN3480 /
 * UN3090) may not fly on passenger aircraft and need a cargo-aircraft booking at 30% state of charge;
 * express networks refuse them; by sea they travel as class 9 (small ones under SP 188).
 */
export interface BatteryModeRule {
  readonly batteryTypes: readonly BatteryType[];
  readonly mode: InboundMode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly source: string;
}

const IATA = 'http://www.iata.org/publications/tracker/feb-2016/Pages/lithium-batteries-update.aspx';
const STANDALONE: readonly BatteryType[] = ['lithium-ion-standalone', 'lithium-metal-standalone'];

export const BATTERY_MODE_RULES: readonly BatteryModeRule[] = [
  {
    batteryTypes: STANDALONE,
    mode: 'express',
    severity: 'error',
    message: 'express networks do not carry standalone lithium batteries (UN3480/UN3090); ship them by sea or as air cargo',
    source: 'https://vdocuments.site/operator-variations.html',
  },
  {
    batteryTypes: STANDALONE,
    mode: 'air',
    severity: 'warning',
    message: 'standalone lithium batteries fly only on cargo aircraft (CAO label), at no more than 30% state of charge: book a freighter',
    source: IATA,
  },
  {
    batteryTypes: ['lithium-ion-with-equipment'],
    mode: 'air',
    severity: 'warning',
    message: 'from 1 Jan 2026 lithium-ion batteries packed with equipment (over 2.7 Wh) must be at no more than 30% state of charge (IATA DGR 67th edition)',
    source: 'https://www.un383mcm.com/blog/the-66th-edition-of-iata-dgr',
  },
  {
    batteryTypes: STANDALONE,
    mode: 'sea-fcl',
    severity: 'warning',
    message: 'standalone lithium batteries travel as class 9 dangerous goods: declare them to the forwarder (small ones under IMDG SP 188)',
    source: 'https://lithiumusa.batteriestransport.org/122',
  },
  {
    batteryTypes: STANDALONE,
    mode: 'sea-lcl',
    severity: 'warning',
    message: 'standalone lithium batteries travel as class 9 dangerous goods: declare them to the forwarder (small ones under IMDG SP 188)',
    source: 'https://lithiumusa.batteriestransport.org/122',
  },
];
