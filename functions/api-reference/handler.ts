import document from '../../openapi.json';
import { webhookHandler } from '../shared/http/http-handler';
import { buildApiReferenceRoute, readRedocBundle } from './api-reference';

let redoc: string | undefined;

/** Public routes with no body: the webhook edge (no API key, raw body unused) with a zero-byte limit. */
export const handler = webhookHandler(
  buildApiReferenceRoute({
    document,
    redocBundle: () => (redoc ??= readRedocBundle(__dirname)),
  }),
  { maxBytes: 0 },
);
