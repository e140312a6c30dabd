import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { operations, paths } from './openapi-types';

export type { components, operations, paths } from './openapi-types';

/** A typed Enlace client: every path, parameter, body and answer typed from openapi.json (regenerate with `npm run openapi`). */
export type EnlaceClient = Client<paths>;

export interface EnlaceClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the API is, e.g. `http://127.0.0.1:3000` (npm start) or the deployed ApiUrl. */
  readonly baseUrl: string;
  /** An Enlace API key (seller, integration or warehouse operator), sent as `Authorization: Bearer <key>`. */
  readonly apiKey?: string;
}

/**
 * ```ts
 * const enlace = createEnlaceClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: process.env.ENLACE_API_KEY });
 * const { data, error, response } = await enlace.POST('/v1/orders', { body: order });
 * ```
 * `data` is the typed answer of a 2xx, `error` the problem details of anything else.
 */
export function createEnlaceClient({ baseUrl, apiKey, headers, ...options }: EnlaceClientOptions): EnlaceClient {
  return createClient<paths>({
    baseUrl,
    ...options,
    headers: { ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }), ...(headers as Record<string, string> | undefined) },
  });
}

/** A JSON request body of an operation: `RequestBody<'createOrder'>` is an order as POST /v1/orders takes it. */
export type RequestBody<Id extends keyof operations> = operations[Id] extends { requestBody?: { content: infer C } } ? C[keyof C] : never;
