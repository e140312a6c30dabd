import { httpHandler } from '../shared/http/http-handler';
import { buildRatesRoute, MAX_RATES_BYTES } from './rates';

/** POST /v1/rates (pure computation: no table, no bus). */
export const handler = httpHandler(buildRatesRoute(), { jsonBody: { maxBytes: MAX_RATES_BYTES } });
