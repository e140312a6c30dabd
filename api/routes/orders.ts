import * as z from 'zod';
import { orderCorrectionSchema, orderInputSchema } from '../../domain/order';
import orderBr from '../../examples/order-br.json';
import orderCl from '../../examples/order-cl.json';
import orderCo from '../../examples/order-co.json';
import orderMx from '../../examples/order-mx.json';
import orderPe from '../../examples/order-pe.json';
import orderUs from '../../examples/order-us.json';
import { MAX_CORRECTION_BYTES } from '../../functions/correct-order/correct-order';
import { MAX_ORDER_BYTES } from '../../functions/order-intake/order-intake';
import type { ApiRoute } from '../registry';
import {
  correctedOrderSchema,
  customsDocumentBodySchema,
  documentLinksSchema,
  orderDocumentsSchema,
  orderQuotesSchema,
  orderSchema,
  routingDecisionSchema,
} from '../schemas';
import { forbiddenSeller, notFound, problem } from './common';

const id = { id: 'The order id (`ord_…`).' };
const notYet = (what: string) => problem(`No such order, or ${what} (then with Retry-After: ask again shortly).`, ['Retry-After']);

export const ORDER_ROUTES: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/orders',
    operationId: 'createOrder',
    tag: 'Orders',
    summary: 'Accept a marketplace order',
    description:
      'Idempotent by (marketplace, externalOrderId): a retry returns the same order and status code with `Idempotent-Replayed: true`; the same key with a different body is 409. An order Enlace can take but that will be stopped later is accepted with `warnings`.',
    security: 'apiKey',
    body: {
      schema: orderInputSchema,
      maxBytes: MAX_ORDER_BYTES,
      examples: {
        br: { summary: 'To São Paulo (examples/order-br.json)', value: orderBr },
        mx: { summary: 'To Mexico (examples/order-mx.json)', value: orderMx },
        cl: { summary: 'To Chile (examples/order-cl.json)', value: orderCl },
        co: { summary: 'To Colombia (examples/order-co.json)', value: orderCo },
        pe: { summary: 'To Peru (examples/order-pe.json)', value: orderPe },
        us: { summary: 'To the US (examples/order-us.json)', value: orderUs },
      },
    },
    responses: {
      201: { description: 'The order, status `received` (or the original, replayed).', body: orderSchema, headers: ['Location', 'Idempotent-Replayed'] },
      403: forbiddenSeller,
      400: problem('Invalid order: every problem named (a warehouse order shipping from a warehouse of another country names `shipFrom.warehouseCode`).'),
      409: problem(
        'This (marketplace, externalOrderId) was already received with a different body; or, for a warehouse order whose seller refuses backorders, not enough stock (one problem per SKU: requested, available).',
      ),
      422: problem('A warehouse order names a SKU that is not one of the seller’s products.'),
    },
  },
  {
    method: 'GET',
    path: '/v1/orders/{id}',
    operationId: 'getOrder',
    tag: 'Orders',
    summary: 'An order and its status',
    description: 'Once a shipment is booked it also carries `tracking`, and `status` follows the parcel.',
    security: 'apiKey',
    pathParams: id,
    responses: { 200: { description: 'The order.', body: orderSchema }, 404: notFound('No such order') },
  },
  {
    method: 'PATCH',
    path: '/v1/orders/{id}',
    operationId: 'correctOrder',
    tag: 'Customs',
    summary: 'Correct what customs needs (JSON merge patch)',
    description:
      'Makes a new order version and, once a carrier is booked, re-runs the customs checks in the same request. A retried identical PATCH changes nothing. `If-Match` takes the version (also the ETag).',
    security: 'apiKey',
    pathParams: id,
    requestHeaders: ['If-Match'],
    body: {
      schema: orderCorrectionSchema,
      contentType: 'application/merge-patch+json',
      maxBytes: MAX_CORRECTION_BYTES,
      examples: {
        taxId: {
          summary: 'Add the recipient’s CPF and a certificate',
          value: {
            shipTo: { taxId: { type: 'CPF', value: '390.533.447-05' } },
            certificates: [{ agency: 'ANATEL', reference: '12345-20-01234', skus: ['BT-EARBUDS-X2'] }],
          },
        },
      },
    },
    responses: {
      200: { description: 'The new version, its status and every remaining customs problem.', body: correctedOrderSchema, headers: ['ETag'] },
      404: notFound('No such order'),
      409: problem('The parcel is past customs, or the order changed meanwhile.'),
      412: problem('`If-Match` names a version that is no longer current.', ['ETag']),
    },
  },
  {
    method: 'GET',
    path: '/v1/orders/{id}/quotes',
    operationId: 'getOrderQuotes',
    tag: 'Rating',
    summary: 'The order’s itemised quotes',
    security: 'apiKey',
    pathParams: id,
    responses: {
      200: { description: 'Every service’s quote, and why the others cannot carry it.', body: orderQuotesSchema },
      404: notYet('it is not rated yet'),
    },
  },
  {
    method: 'GET',
    path: '/v1/orders/{id}/routing',
    operationId: 'getOrderRouting',
    tag: 'Routing',
    summary: 'Why this carrier',
    description:
      'Every candidate, why each excluded one could not take the order, each remaining one’s score broken down, booking attempts and the explanation.',
    security: 'apiKey',
    pathParams: id,
    responses: { 200: { description: 'The routing decision.', body: routingDecisionSchema }, 404: notYet('it is not routed yet') },
  },
  {
    method: 'GET',
    path: '/v1/orders/{id}/label',
    operationId: 'getOrderLabel',
    tag: 'Routing',
    summary: 'The 4×6 in label (ZPL II)',
    security: 'apiKey',
    pathParams: id,
    responses: {
      200: {
        description: 'The label, with a Code 128 barcode of the tracking number.',
        media: { 'application/zpl': { schema: z.string() } },
        headers: ['Content-Disposition'],
      },
      404: notYet('no shipment is booked yet'),
    },
  },
  {
    method: 'GET',
    path: '/v1/orders/{id}/documents',
    operationId: 'listOrderDocuments',
    tag: 'Customs',
    summary: 'The customs documents of the current version',
    security: 'apiKey',
    pathParams: id,
    responses: {
      200: { description: 'Type, form, number, content hash, sizes and SHA-256 of the JSON and the PDF, links.', body: orderDocumentsSchema },
      404: problem('No such order; or customs has not run yet (with Retry-After); or the order is held (every problem listed).', ['Retry-After']),
    },
  },
  {
    method: 'GET',
    path: '/v1/orders/{id}/documents/{type}',
    operationId: 'getOrderDocument',
    tag: 'Customs',
    summary: 'One document, as PDF or JSON',
    description:
      '`Accept: application/pdf` for the PDF, JSON otherwise, byte for byte as stored; `?link=true` answers presigned URLs of both files (5 minutes).',
    security: 'apiKey',
    pathParams: { ...id, type: '`commercial-invoice`, `packing-list` or `customs-declaration` (also `cn22` / `cn23`).' },
    query: z.object({ link: z.enum(['true', 'false']).optional().meta({ description: '`true` for presigned URLs instead of the file.' }) }),
    requestHeaders: ['Accept'],
    responses: {
      200: {
        description: 'The document (or, with `?link=true`, links to it).',
        body: z.union([customsDocumentBodySchema, documentLinksSchema]),
        media: { 'application/pdf': { binary: true } },
        headers: ['ETag', 'Content-Disposition'],
      },
      404: problem('No such order or document type; or no documents yet (with Retry-After).', ['Retry-After']),
      406: problem('Neither JSON nor PDF is acceptable.'),
    },
  },
];
