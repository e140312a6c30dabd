/**
 * What rating says about a domestic shipment (a parcel leaving one of Enlace's destination
 * warehouses for a buyer in the same country): no import duties, because they were paid when the
 * stock came in at inbound (the landed cost of the units carries them). The quote shows that as a
 * zero duties block with a note and no payer, rather than leaving it out, so every quote reads alike.
 */
import { type Currency, zero } from '../shared/money';
import type { DomesticRateCard } from './rate-card';
import type { DutiesAndTaxes } from './types';

export const DOMESTIC_DUTY_RULE_ID = 'domestic-no-import';

export function domesticDuties(card: DomesticRateCard, warehouseCode: string, currency: Currency): DutiesAndTaxes {
  return {
    payer: 'none',
    estimate: false,
    collectedAtCheckout: false,
    ruleId: DOMESTIC_DUTY_RULE_ID,
    ruleName: `Domestic shipment within ${card.destination}: no import duties or taxes`,
    ruleEffectiveFrom: card.effectiveFrom,
    sources: [],
    lines: [],
    total: zero(currency),
    customsValue: { fob: zero('USD'), freight: zero('USD'), insurance: zero('USD'), cif: zero('USD') },
    uncertainties: [],
    note:
      `Ships from warehouse ${warehouseCode}, inside ${card.destination}: import duties and taxes were paid when the stock was imported ` +
      '(inbound), so nothing is due on this parcel and nobody pays at the door.',
  };
}
