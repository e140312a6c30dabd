/**
 * Agencies whose certificate, registration, homologation or permit some goods need to be imported
 * or sold in a destination: Mexico's NOM labelling and COFEPRIS sanitary permits, Brazil's ANVISA,
 * INMETRO and ANATEL, the US FDA, FCC and CPSC. Orders and products carry the ones a seller holds;
 * customs (parcels) and the inbound compliance gate (stock) check them.
 */
export const CERTIFICATE_AGENCIES = ['NOM', 'COFEPRIS', 'ANVISA', 'INMETRO', 'ANATEL', 'FDA', 'FCC', 'CPSC'] as const;
export type CertificateAgency = (typeof CERTIFICATE_AGENCIES)[number];
