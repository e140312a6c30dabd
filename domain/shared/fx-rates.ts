import type { FxTable } from './fx';

/**
 * SANDBOX FX tables. These are illustrative round figures in the range of recent market rates,
 * NOT sourced quotations: nobody has published late-2026 rates we could cite. Replace them with a
 * daily feed of official reference rates before quoting real money; the usual ones are the CFETS
 * central parity (CNY), Banxico FIX (MXN), BCB PTAX (BRL), Banco Central de Chile dólar observado
 * (CLP), Banco de la República TRM (COP) and SBS/BCRP (PEN). Customs authorities convert with their
 * own official rate of the day, so a DDP estimate can differ from the assessed amount by that spread.
 */
export const FX_TABLES: readonly FxTable[] = [
  {
    id: 'sandbox-2026-10-01',
    effectiveFrom: '2026-10-01',
    perUsd: { USD: '1', CNY: '7.12', MXN: '18.70', BRL: '5.45', CLP: '945', COP: '3950', PEN: '3.62' },
    source: 'sandbox: illustrative figures, not a market quotation',
    note: 'Round figures near 2025–2026 market levels; for development and tests only.',
    sandbox: true,
  },
  {
    id: 'sandbox-2026-11-02',
    effectiveFrom: '2026-11-02',
    perUsd: { USD: '1', CNY: '7.10', MXN: '18.50', BRL: '5.40', CLP: '940', COP: '3900', PEN: '3.60' },
    source: 'sandbox: illustrative figures, not a market quotation',
    note: 'Round figures near 2025–2026 market levels; for development and tests only.',
    sandbox: true,
  },
];
