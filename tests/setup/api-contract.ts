import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEnlaceClient, type EnlaceClient } from '../../api/client';
import { localCloud } from './local-cloud-client';

/**
 * The contract check every end-to-end test runs on every answer of the API: the status code must be
 * one the operation documents, the media type one it lists, a JSON body must match its schema
 * (JSON Schema 2020-12, with ajv), and the headers the document describes (Location, ETag,
 * Idempotent-Replayed, Retry-After…) may only appear where it says so. The document is the
 * committed openapi.json, so the code cannot drift from what integrators read.
 */

type Json = Record<string, unknown>;
interface Operation {
  readonly responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly headers: Record<string, { schema: Json }> };
}

export const OPENAPI_DOCUMENT = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as OpenApi;

export interface ObservedResponse {
  readonly method: string;
  /** The path (and query) called: `/v1/orders/ord_…?x=1`. */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const mediaTypeOf = (headers: Headers) => (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
const isJson = (mediaType: string) => /^application\/([a-z0-9.+-]*\+)?json$/.test(mediaType);

export function buildContractChecker(document: OpenApi = OPENAPI_DOCUMENT) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi');
  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (path: string) => {
    let validate = compiled.get(path);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: `openapi#${path}` });
      compiled.set(path, validate);
    }
    return validate;
  };
  // Literal paths before templated ones, so /v1/docs/redoc.standalone.js is not read as a template.
  const templates = Object.keys(document.paths)
    .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  const described = Object.keys(document.components.headers);

  /** Every way the answer breaks the contract; empty when it keeps it. */
  return function problemsWith(observed: ObservedResponse): string[] {
    const pathname = new URL(observed.url, 'http://enlace').pathname;
    const template = templates.find(({ pattern }) => pattern.test(pathname))?.template;
    const method = observed.method.toLowerCase();
    const operation = template === undefined ? undefined : document.paths[template]?.[method];
    if (template === undefined || operation === undefined) return [`${observed.method} ${pathname} is not in openapi.json`];
    const where = `${observed.method} ${template} → ${observed.status}`;
    const response = operation.responses[String(observed.status)];
    if (response === undefined) return [`${where}: status ${observed.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`];
    const problems: string[] = [];
    const mediaType = mediaTypeOf(observed.headers);
    if (response.content === undefined) {
      if (observed.body.length > 0) problems.push(`${where}: documented without a body, but one came (${mediaType})`);
    } else if (response.content[mediaType] === undefined) {
      problems.push(`${where}: media type "${mediaType}" is not documented (documented: ${Object.keys(response.content).join(', ')})`);
    } else if (isJson(mediaType)) {
      let body: unknown;
      try {
        body = JSON.parse(observed.body);
      } catch {
        return [...problems, `${where}: the body is not JSON`];
      }
      const validate = validatorAt(`/paths/${pointer(template)}/${method}/responses/${observed.status}/content/${pointer(mediaType)}/schema`);
      if (!validate(body)) problems.push(`${where}: the body does not match its schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
    }
    for (const name of described) {
      const value = observed.headers.get(name);
      if (value === null) continue;
      if (response.headers?.[name] === undefined) {
        problems.push(`${where}: sends header ${name}, which the document does not list for this response`);
      } else if (!ajv.validate(document.components.headers[name]!.schema, value)) {
        problems.push(`${where}: header ${name}: "${String(value)}" does not match its schema`);
      }
    }
    return problems;
  };
}

let shared: ReturnType<typeof buildContractChecker> | undefined;

/** Fails with every problem when an answer breaks the contract. */
export function assertKeepsContract(observed: ObservedResponse): void {
  const problems = (shared ??= buildContractChecker())(observed);
  if (problems.length > 0) throw new Error(`The API answered outside openapi.json:\n- ${problems.join('\n- ')}`);
}

/**
 * `fetch`, checking every answer from `apiBase` against openapi.json before the test sees it.
 * Other URLs (the local cloud's admin endpoint, a receiver) pass through unchecked.
 */
export function contractFetch(apiBase: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    if (request.url.startsWith(apiBase)) {
      const body = Buffer.from(await response.clone().arrayBuffer()).toString('utf8');
      assertKeepsContract({ method: request.method, url: request.url.slice(apiBase.length), status: response.status, headers: response.headers, body });
    }
    return response;
  };
}

/** The typed client over the local cloud, every answer checked against the contract. */
export function checkedClient(apiBase: string, apiKey?: string): EnlaceClient {
  return createEnlaceClient({ baseUrl: apiBase, ...(apiKey === undefined ? {} : { apiKey }), fetch: contractFetch(apiBase) });
}

/** `fetch` for the shared local cloud's API (started by global-setup.ts), every answer checked against openapi.json. */
export const apiFetch: typeof fetch = (input, init) => contractFetch(localCloud().api)(input, init);

/** The typed client over the shared local cloud's API, acting with `apiKey`, every answer checked against openapi.json. */
export const apiClient = (apiKey?: string): EnlaceClient => checkedClient(localCloud().api, apiKey);
