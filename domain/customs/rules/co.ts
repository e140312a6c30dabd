import { taxIdRequirement } from '../../shared/tax-ids';
import { localLanguage } from './common';
import { type CountryCustomsRules, REFERENCE, usd } from './types';

const SOURCE = 'http://www.excelsio.net/2017/11/si-va-realizar-compras-en-linea-en-el.html';
const NOTE =
  `${REFERENCE} §1: eligibility for tráfico postal / envíos urgentes is up to US$2,000, 50 kg and 6 units of the same item. ` +
  'The source dates from Nov 2017 and the decree’s own start date is not in the reference, so effectiveFrom is the source’s month.';
const REGIME = 'tráfico postal y envíos urgentes';

/** Colombia: postal traffic and urgent shipments (courier) regime. */
export const CO_CUSTOMS: CountryCustomsRules = {
  country: 'CO',
  taxId: taxIdRequirement('CO'),
  documentLanguage: localLanguage('es'),
  regimeLimits: [
    {
      id: 'CO-POSTAL-VALUE',
      regime: REGIME,
      measure: 'declared-value-usd',
      max: usd(2000),
      severity: 'error',
      advice: 'split it into shipments of at most US$2,000 each, or import it formally',
      source: SOURCE,
      effectiveFrom: '2017-11-01',
      uncertain: false,
      note: NOTE,
    },
    {
      id: 'CO-POSTAL-WEIGHT',
      regime: REGIME,
      measure: 'gross-weight-grams',
      max: 50_000,
      severity: 'error',
      advice: 'split it into shipments of at most 50 kg each',
      source: SOURCE,
      effectiveFrom: '2017-11-01',
      uncertain: false,
      note: NOTE,
    },
    {
      id: 'CO-POSTAL-UNITS',
      regime: REGIME,
      measure: 'units-per-item',
      max: 6,
      severity: 'error',
      advice: 'send at most 6 units of the same item per shipment (larger quantities count as a commercial import)',
      source: SOURCE,
      effectiveFrom: '2017-11-01',
      uncertain: false,
      note: NOTE,
    },
  ],
  certificates: [],
  prohibitions: [],
};
