import * as z from 'zod';
import type { ApiRoute } from '../registry';
import { openApiDocumentSchema } from '../schemas';

/** The API describing itself: the document and the reference page rendered from it (no key needed). */
export const META_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Reference',
    summary: 'This document (OpenAPI 3.1)',
    security: 'public',
    responses: { 200: { description: 'The OpenAPI document.', body: openApiDocumentSchema, headers: ['Cache-Control'] } },
  },
  {
    method: 'GET',
    path: '/v1/docs',
    operationId: 'getApiReference',
    tag: 'Reference',
    summary: 'The API reference, rendered (Redoc)',
    security: 'public',
    responses: { 200: { description: 'An HTML page rendering /v1/openapi.json.', media: { 'text/html': { schema: z.string() } }, headers: ['Cache-Control'] } },
  },
  {
    method: 'GET',
    path: '/v1/docs/redoc.standalone.js',
    operationId: 'getApiReferenceScript',
    tag: 'Reference',
    summary: 'The renderer the reference page loads (Redoc, served by Enlace: no CDN)',
    security: 'public',
    responses: { 200: { description: 'Redoc’s standalone bundle.', media: { 'application/javascript': { schema: z.string() } }, headers: ['Cache-Control'] } },
  },
];
