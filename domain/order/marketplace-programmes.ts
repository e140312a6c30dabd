import type { Marketplace } from '../shared/shipping-terms';

/**
 * Tax programmes a marketplace belongs to, which change what the buyer pays:
 * - Brazil's Remessa Conforme (certified platforms pay 20% II up to US$50 instead of 60%);
 * - Chile's SII registration (registered platforms collect 19% IVA at checkout).
 * Membership is per platform, not per seller. The lists below are NOT confirmed by a source in
 * shared/reference (the reference gives the rules, not the member lists); they reflect the
 * platforms widely reported as certified, and are kept as data so operations can correct them.
 */
export interface MarketplaceProgrammes {
  readonly remessaConforme: boolean;
  readonly chileVatRegistered: boolean;
}

export const MARKETPLACE_PROGRAMMES: Readonly<Record<Marketplace, MarketplaceProgrammes>> = {
  'mercado-libre': { remessaConforme: true, chileVatRegistered: true },
  shopee: { remessaConforme: true, chileVatRegistered: false },
  amazon: { remessaConforme: true, chileVatRegistered: true },
  'tiktok-shop': { remessaConforme: false, chileVatRegistered: false },
  temu: { remessaConforme: true, chileVatRegistered: true },
  shein: { remessaConforme: true, chileVatRegistered: true },
  'own-store': { remessaConforme: false, chileVatRegistered: false },
};

export const MARKETPLACE_PROGRAMMES_NOTE = {
  uncertain: true,
  effectiveFrom: '2024-08-01',
  source: 'Portaria MF 1.086/2024 (Remessa Conforme rules); Ley 21.713 (Chile); member lists unconfirmed',
} as const;
