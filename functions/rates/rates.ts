import { InvalidRatingRequestError, rateShipment, ratesInputSchema, ratingRequestFromRatesInput } from '../../domain/rating';
import type { HttpRoute } from '../shared/http/http-handler';
import { badRequest, jsonResponse, validationError } from '../shared/http/problem';

/** Quote requests are small; 64 KB is generous. */
export const MAX_RATES_BYTES = 64 * 1024;

/** POST /v1/rates: every service's quote for a proposed shipment, cheapest first, and why the others cannot take it. */
export function buildRatesRoute(deps: { readonly now?: () => Date } = {}): HttpRoute {
  const now = deps.now ?? (() => new Date());
  return ({ body }) => {
    const parsed = ratesInputSchema.safeParse(body);
    if (!parsed.success) {
      throw validationError(parsed.error.issues);
    }
    try {
      return jsonResponse(200, rateShipment(ratingRequestFromRatesInput(parsed.data), { at: now() }));
    } catch (error) {
      if (error instanceof InvalidRatingRequestError) {
        throw badRequest(
          'The shipment cannot be rated.',
          error.issues.map((issue) => ({ path: '(body)', code: 'invalid_shipment', message: issue })),
        );
      }
      throw error;
    }
  };
}
