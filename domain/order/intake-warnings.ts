import { taxIdRequirement, validateRecipientTaxId } from '../shared/tax-ids';
import { type FulfilmentFacts, isDomesticFulfilment } from './fulfilment';
import type { OrderWarning } from './order';
import type { OrderInput } from './order-input';

/**
 * Problems that do not stop Enlace from taking the order but will stop the parcel later, said now
 * so the seller can fix them before it leaves China (a domestic order gets none of these). A marketplace sale cannot be refused for a
 * missing tax id; customs holds it until the seller corrects the order.
 */
export function intakeWarnings(input: Pick<OrderInput, 'shipTo'> & { readonly shipFrom?: FulfilmentFacts['shipFrom'] }): OrderWarning[] {
  // A domestic order (from a warehouse in the buyer's country) never meets customs: nothing to hold it for.
  if (input.shipFrom !== undefined && isDomesticFulfilment({ shipFrom: input.shipFrom, shipTo: input.shipTo })) return [];
  const { country, taxId } = input.shipTo;
  const requirement = taxIdRequirement(country);
  if (taxId === undefined) {
    return requirement.required === true
      ? [
          {
            code: 'RECIPIENT_TAX_ID_MISSING',
            path: 'shipTo.taxId',
            message: `Recipients in ${country} need a tax id (${requirement.acceptedKinds.join(' or ')}); the parcel will be held at customs until it is added.`,
          },
        ]
      : [];
  }
  if (taxId.type === 'PASSPORT') {
    return []; // accepted by Brazilian customs for foreigners; there is nothing to check it against
  }
  const result = validateRecipientTaxId(country, taxId.value, taxId.type);
  if (!result.valid) {
    return [{ code: `RECIPIENT_${result.code}`, path: 'shipTo.taxId', message: `${result.message} The parcel will be held at customs until it is corrected.` }];
  }
  return result.warnings.map((message) => ({ code: 'RECIPIENT_TAX_ID_NOTE', path: 'shipTo.taxId', message }));
}
