/**
 * UPU postal customs declarations: CN 22 for items up to 300 SDR, CN 23 above. The threshold is in
 * SDR (the IMF's Special Drawing Rights), so converting it needs an SDR rate, kept here as dated data.
 */
import type { RuleProvenance } from './types';

export const CN22_LIMIT: RuleProvenance & { readonly maxSdr: number } = {
  maxSdr: 300,
  source: 'http://eswatinipost.co.sz/parcels.php',
  effectiveFrom: null,
  uncertain: false,
  note:
    'UPU rule as a member post states it: CN 22 for items worth less than 300 SDR, CN 23 for 300 SDR or more; the WCO–UPU ' +
    'Postal Customs Guide (2018, https://scribd.com/document/685532560/wco-upu-postal-customs-guide) describes both forms. ' +
    'Enlace uses CN 22 up to and including 300 SDR; the Convention’s start date is not in the reference.',
};

/** US dollars per SDR, fixed for the sandbox. */
export const SDR_RATE: RuleProvenance & { readonly usdPerSdr: `${number}`; readonly asOf: string } = {
  usdPerSdr: '1.36',
  asOf: '2026-11-22',
  source: null,
  effectiveFrom: '2026-11-22',
  uncertain: true,
  sandbox: true,
  note:
    'Illustrative value close to the late-2025 level, not taken from a source: replace it with the IMF’s daily SDR valuation ' +
    'before relying on the CN 22 / CN 23 choice near the threshold.',
};
