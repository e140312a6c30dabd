import * as z from 'zod';
import { productInputSchema, productPatchSchema } from '../../domain/catalog';
import { enlaceForwarderPayloadSchema, FORWARDERS, inboundInputSchema, milestoneSchema, receiptSchema } from '../../domain/inbound';
import { MAX_FORWARDER_WEBHOOK_BYTES } from '../../functions/forwarder-webhook/forwarder-webhook';
import { cancelSchema, MAX_INBOUND_BYTES, resolutionSchema } from '../../functions/inbound-shipments/inbound-shipments';
import { MAX_PRODUCT_BYTES } from '../../functions/products/products';
import { adjustmentSchema, MAX_OPERATION_BYTES } from '../../functions/warehouse-operations/warehouse-operations';
import type { ApiRoute } from '../registry';
import {
  forwarderReceiptSchema,
  inboundPageSchema,
  inboundShipmentSchema,
  inboundShipmentViewSchema,
  productPageSchema,
  productSchema,
  stockAdjustmentResultSchema,
  stockListSchema,
  stockLotsSchema,
  stockMovementPageSchema,
  warehouseInboundPageSchema,
} from '../schemas';
import { forbiddenSeller, pageQuery, problem, sellerIdQuery } from './common';

const sku = { sku: 'The SKU.' };
const inbound = { id: 'The inbound shipment id (`inb_…`).' };
const warehouse = { code: 'The warehouse code, e.g. `MX-CTT-01` (the operator key’s own).' };
const noProduct = problem('No such product for the seller.');
const noInbound = problem('No such inbound shipment (another seller’s answers the same).');
const noWarehouseShipment = problem('Not this key’s warehouse, or no such inbound shipment there.');
const journey = problem('The shipment’s journey does not allow it now (e.g. already received).');
const warehouseQuery = z.string().optional().meta({ description: 'A warehouse code, e.g. `MX-CTT-01`.' });
const sellerOnly = problem('A warehouse operator key cannot act for a seller, or the key may not act for the seller named.');

const PRODUCTS: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/products',
    operationId: 'createProduct',
    tag: 'Products',
    summary: 'Add a SKU to the seller’s catalogue',
    security: 'apiKey',
    body: { schema: productInputSchema, maxBytes: MAX_PRODUCT_BYTES },
    responses: {
      201: { description: 'The product (version 1).', body: productSchema, headers: ['Location', 'ETag'] },
      403: forbiddenSeller,
      409: problem('The seller already has this SKU; change it with PATCH.'),
    },
  },
  {
    method: 'GET',
    path: '/v1/products',
    operationId: 'listProducts',
    tag: 'Products',
    summary: 'The seller’s catalogue',
    security: 'apiKey',
    query: z.object({ sellerId: sellerIdQuery, ...pageQuery }),
    responses: { 200: { description: 'A page of products.', body: productPageSchema }, 403: sellerOnly },
  },
  {
    method: 'GET',
    path: '/v1/products/{sku}',
    operationId: 'getProduct',
    tag: 'Products',
    summary: 'One product',
    security: 'apiKey',
    pathParams: sku,
    query: z.object({ sellerId: sellerIdQuery }),
    responses: { 200: { description: 'The product; its version is the ETag.', body: productSchema, headers: ['ETag'] }, 403: sellerOnly, 404: noProduct },
  },
  {
    method: 'PATCH',
    path: '/v1/products/{sku}',
    operationId: 'updateProduct',
    tag: 'Products',
    summary: 'Change a product (JSON merge patch)',
    description: 'Conditional on `If-Match` when sent; a concurrent change is a 409.',
    security: 'apiKey',
    pathParams: sku,
    query: z.object({ sellerId: sellerIdQuery }),
    requestHeaders: ['If-Match'],
    body: { schema: productPatchSchema, contentType: 'application/merge-patch+json', maxBytes: MAX_PRODUCT_BYTES },
    responses: {
      200: { description: 'The product’s new version.', body: productSchema, headers: ['ETag'] },
      403: sellerOnly,
      404: noProduct,
      409: problem('Changed meanwhile.'),
      412: problem('`If-Match` names a version that is no longer current.', ['ETag']),
    },
  },
];

const INBOUND: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/inbound-shipments',
    operationId: 'bookInboundShipment',
    tag: 'Inbound',
    summary: 'Book an inbound shipment (advance shipping notice)',
    description:
      'Checked against the destination’s compliance rules first (a shipment that cannot clear is refused with every problem). Idempotent by the seller’s `reference`: a retry answers the same shipment with `Idempotent-Replayed: true`.',
    security: 'apiKey',
    body: { schema: inboundInputSchema, maxBytes: MAX_INBOUND_BYTES },
    responses: {
      201: { description: 'The booked shipment.', body: inboundShipmentViewSchema, headers: ['Location', 'Idempotent-Replayed'] },
      403: sellerOnly,
      409: problem('This reference was booked with a different body.'),
      422: problem('The shipment cannot clear customs as booked: every problem named.'),
      503: problem('Booked but not readable yet; retry shortly.', ['Retry-After']),
    },
  },
  {
    method: 'GET',
    path: '/v1/inbound-shipments',
    operationId: 'listInboundShipments',
    tag: 'Inbound',
    summary: 'The seller’s inbound shipments, open or closed',
    security: 'apiKey',
    query: z.object({ sellerId: sellerIdQuery, state: z.enum(['open', 'closed']).optional().meta({ description: 'Default `open`.' }), ...pageQuery }),
    responses: { 200: { description: 'A page of shipments.', body: inboundPageSchema }, 403: sellerOnly },
  },
  {
    method: 'GET',
    path: '/v1/inbound-shipments/{id}',
    operationId: 'getInboundShipment',
    tag: 'Inbound',
    summary: 'One inbound shipment: status, history, landed cost, discrepancies',
    security: 'apiKey',
    pathParams: inbound,
    responses: { 200: { description: 'The shipment.', body: inboundShipmentViewSchema }, 403: sellerOnly, 404: noInbound },
  },
  {
    method: 'POST',
    path: '/v1/inbound-shipments/{id}/cancel',
    operationId: 'cancelInboundShipment',
    tag: 'Inbound',
    summary: 'Cancel before it leaves',
    security: 'apiKey',
    pathParams: inbound,
    body: { schema: cancelSchema, maxBytes: MAX_INBOUND_BYTES },
    responses: {
      200: { description: 'The cancelled shipment (again, if it already was).', body: inboundShipmentViewSchema },
      403: sellerOnly,
      404: noInbound,
      409: journey,
    },
  },
  {
    method: 'POST',
    path: '/v1/inbound-shipments/{id}/discrepancies',
    operationId: 'resolveInboundDiscrepancy',
    tag: 'Inbound',
    summary: 'Accept or dispute a receiving discrepancy',
    security: 'apiKey',
    pathParams: inbound,
    body: { schema: resolutionSchema, maxBytes: MAX_INBOUND_BYTES },
    responses: {
      200: { description: 'The shipment with the discrepancy resolved.', body: inboundShipmentViewSchema },
      403: sellerOnly,
      404: noInbound,
      409: journey,
    },
  },
];

const STOCK: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/stock',
    operationId: 'listStock',
    tag: 'Stock',
    summary: 'What the seller has where',
    description:
      'Each SKU’s buckets per warehouse (receiving, available, allocated, picked, quarantined), what is on its way by stage, and whether it is at or below its reorder point.',
    security: 'apiKey',
    query: z.object({
      sellerId: sellerIdQuery,
      warehouse: warehouseQuery,
      sku: z.string().optional().meta({ description: 'One SKU.' }),
      low: z.enum(['true', 'false']).optional().meta({ description: '`true` for SKUs at or below their reorder point only.' }),
    }),
    responses: { 200: { description: 'The balances.', body: stockListSchema }, 403: sellerOnly },
  },
  {
    method: 'GET',
    path: '/v1/stock/{sku}/movements',
    operationId: 'listStockMovements',
    tag: 'Stock',
    summary: 'A SKU’s ledger in a warehouse',
    security: 'apiKey',
    pathParams: sku,
    query: z.object({ sellerId: sellerIdQuery, warehouse: z.string().meta({ description: 'A warehouse code, e.g. `MX-CTT-01`.' }), ...pageQuery }),
    responses: { 200: { description: 'A page of movements, newest first.', body: stockMovementPageSchema }, 403: sellerOnly },
  },
  {
    method: 'GET',
    path: '/v1/stock/{sku}/lots',
    operationId: 'listStockLots',
    tag: 'Stock',
    summary: 'A SKU’s lots in a warehouse (receipt day, landed cost)',
    security: 'apiKey',
    pathParams: sku,
    query: z.object({ sellerId: sellerIdQuery, warehouse: z.string().meta({ description: 'A warehouse code, e.g. `MX-CTT-01`.' }) }),
    responses: { 200: { description: 'The lots.', body: stockLotsSchema }, 403: sellerOnly },
  },
];

const WAREHOUSE: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/warehouses/{code}/inbound-shipments',
    operationId: 'listExpectedArrivals',
    tag: 'Warehouse operations',
    summary: 'Expected arrivals at the warehouse',
    security: 'warehouseKey',
    pathParams: warehouse,
    query: z.object(pageQuery),
    responses: { 200: { description: 'A page of open inbound shipments.', body: warehouseInboundPageSchema }, 404: problem('Not this key’s warehouse.') },
  },
  {
    method: 'POST',
    path: '/v1/warehouses/{code}/inbound-shipments/{id}/milestones',
    operationId: 'recordDockMilestone',
    tag: 'Warehouse operations',
    summary: 'A dock milestone (appointment, arrival)',
    description: 'Each milestone carries an id, so a redelivered one changes nothing.',
    security: 'warehouseKey',
    pathParams: { ...warehouse, ...inbound },
    body: { schema: milestoneSchema, maxBytes: MAX_OPERATION_BYTES },
    responses: {
      200: { description: 'The shipment after the milestone.', body: inboundShipmentSchema },
      404: noWarehouseShipment,
      409: journey,
      503: problem('Other writers kept changing the shipment; the same request again is safe.', ['Retry-After']),
    },
  },
  {
    method: 'POST',
    path: '/v1/warehouses/{code}/receipts',
    operationId: 'recordReceipt',
    tag: 'Warehouse operations',
    summary: 'Cartons counted at the dock',
    description: 'Good and damaged units per SKU; stock moves into the ledger and discrepancies are raised for the seller.',
    security: 'warehouseKey',
    pathParams: warehouse,
    body: { schema: receiptSchema, maxBytes: MAX_OPERATION_BYTES },
    responses: {
      200: { description: 'The shipment after the receipt.', body: inboundShipmentSchema },
      404: noWarehouseShipment,
      409: journey,
      503: problem('Other writers kept changing the shipment; the same request again is safe.', ['Retry-After']),
    },
  },
  {
    method: 'POST',
    path: '/v1/warehouses/{code}/stock-adjustments',
    operationId: 'adjustStock',
    tag: 'Warehouse operations',
    summary: 'Correct stock (found, missing, damaged, disposed, restocked)',
    description: 'Idempotent by `adjustmentId`: a retry answers 200 with `Idempotent-Replayed: true`.',
    security: 'warehouseKey',
    pathParams: warehouse,
    body: { schema: adjustmentSchema, maxBytes: MAX_OPERATION_BYTES },
    responses: {
      200: { description: 'Already applied (a retry).', body: stockAdjustmentResultSchema, headers: ['Idempotent-Replayed'] },
      201: { description: 'Applied.', body: stockAdjustmentResultSchema },
      404: problem('Not this key’s warehouse.'),
      409: problem('Not enough stock in the bucket the adjustment takes from.'),
    },
  },
];

const FORWARDER_WEBHOOK: ApiRoute = {
  method: 'POST',
  path: '/v1/webhooks/forwarders/{forwarder}',
  operationId: 'receiveForwarderWebhook',
  tag: 'Webhooks',
  summary: 'A forwarder’s inbound milestones',
  description:
    'Signed as `Enlace-Forwarder-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (5-minute replay window; either secret during a rotation). Checked, queued, and applied behind the queue; a milestone twice changes nothing.',
  security: 'forwarderSignature',
  pathParams: { forwarder: `The forwarder: ${FORWARDERS.join(', ')}.` },
  body: { schema: enlaceForwarderPayloadSchema, maxBytes: MAX_FORWARDER_WEBHOOK_BYTES },
  responses: {
    202: { description: 'Queued.', body: forwarderReceiptSchema },
    400: problem('Not JSON, or not milestones Enlace can read: every problem named.'),
    401: problem('Missing, stale or wrong signature; nothing is queued.', ['WWW-Authenticate']),
    404: problem('Enlace takes no milestones from this forwarder.'),
    503: problem('Enlace cannot queue it now; retry after Retry-After.', ['Retry-After']),
  },
};

export const INVENTORY_ROUTES: readonly ApiRoute[] = [...PRODUCTS, ...INBOUND, ...STOCK, ...WAREHOUSE, FORWARDER_WEBHOOK];
