import { ratesInputSchema } from '../../domain/rating';
import { querySchema as kpisQuerySchema } from '../../functions/get-kpis/get-kpis';
import { MAX_RATES_BYTES } from '../../functions/rates/rates';
import type { ApiRoute } from '../registry';
import { laneKpisSchema, ratingResultSchema } from '../schemas';

export const RATING_ROUTES: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/rates',
    operationId: 'quoteRates',
    tag: 'Rating',
    summary: 'Quotes for a proposed shipment',
    description:
      'Every eligible service, cheapest first, each fee a line, chargeable weight per parcel, duties and taxes with the rule and its sources, landed cost, who pays, transit days; every ineligible service with its reasons.',
    security: 'apiKey',
    body: {
      schema: ratesInputSchema,
      maxBytes: MAX_RATES_BYTES,
      examples: {
        saoPaulo: {
          summary: 'A 1.2 kg parcel to São Paulo',
          value: {
            destination: { country: 'BR', postalCode: '01310-200', state: 'SP' },
            parcels: [{ weightGrams: 1200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 } }],
            items: [{ quantity: 2, unitDeclaredValue: '19.90', hsCode: '6109.10', category: 'apparel' }],
            currency: 'USD',
            incoterm: 'DDP',
            marketplace: 'mercado-libre',
          },
        },
      },
    },
    responses: { 200: { description: 'The quotes.', body: ratingResultSchema } },
  },
  {
    method: 'GET',
    path: '/v1/kpis',
    operationId: 'getLaneKpis',
    tag: 'Routing',
    summary: 'Carrier performance on a lane',
    description: 'Weekly counters and the window’s rates and transit percentiles, as routing scores them. Platform data: no seller’s orders.',
    security: 'apiKey',
    query: kpisQuerySchema,
    responses: { 200: { description: 'The lane’s KPIs.', body: laneKpisSchema } },
  },
];
