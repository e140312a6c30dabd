import * as z from 'zod';
import { fulfilmentSettingsSchema, packInputSchema } from '../../domain/fulfilment';
import { MAX_FULFILMENT_BYTES } from '../../functions/fulfilment/fulfilment';
import type { ApiRoute } from '../registry';
import { orderSchema } from '../schemas';
import { problem } from './common';

const tag = 'Fulfilment';
const seller = { sellerId: 'The seller.' };
const task = { code: 'The warehouse code, e.g. `MX-CTT-01` (the operator key’s own).', orderId: 'The warehouse order (`ord_…`).' };
const settingsSchema = z
  .looseObject({ sellerId: z.string(), backorders: z.enum(['accept', 'refuse']), updatedAt: z.string().nullable() })
  .meta({ id: 'FulfilmentSettings', description: 'What happens to a warehouse order the stock cannot cover.' });
const taskPageSchema = z
  .object({
    warehouseCode: z.string(),
    items: z.array(
      z.looseObject({
        orderId: z.string(),
        sellerId: z.string(),
        stage: z.string(),
        receivedAt: z.string(),
        lines: z.array(z.looseObject({ sku: z.string(), quantity: z.number().int() })),
      }),
    ),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'WarehouseTaskPage', description: 'Open warehouse orders, oldest first (the pick list).' });
const notYours = problem('Not this key’s warehouse, or no such warehouse order there.');
const outOfOrder = problem('The order is not at the stage this step needs (it says where it is), or has no label yet (hand-over).');
const cancelBody = z.strictObject({ reason: z.string().max(500).optional() });

const step = (name: 'pick' | 'pack' | 'ship', summary: string): ApiRoute => ({
  method: 'POST',
  path: `/v1/warehouses/{code}/tasks/{orderId}/${name}`,
  operationId: `${name}WarehouseOrder`,
  tag,
  summary,
  description: 'Repeating a confirmation answers 200 with the order as it is and writes nothing.',
  security: 'warehouseKey',
  pathParams: task,
  ...(name === 'pack'
    ? { body: { schema: packInputSchema, maxBytes: MAX_FULFILMENT_BYTES } }
    : { body: { schema: z.strictObject({}), maxBytes: MAX_FULFILMENT_BYTES, required: false } }),
  responses: {
    200: { description: 'The order at its new stage.', body: orderSchema },
    400: problem(name === 'pack' ? 'Invalid boxes, every problem named.' : 'Invalid body.'),
    404: notYours,
    409: outOfOrder,
  },
});

/** Local fulfilment: sellers' backorder setting and cancellations; warehouse operators' pick list and steps (docs/fulfilment.md). */
export const FULFILMENT_API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/fulfilment-settings/{sellerId}',
    operationId: 'getFulfilmentSettings',
    tag,
    summary: 'The seller’s backorder setting',
    security: 'apiKey',
    pathParams: seller,
    responses: { 200: { description: 'The setting (refuse until set).', body: settingsSchema }, 403: problem('The key may not act for this seller.') },
  },
  {
    method: 'PUT',
    path: '/v1/fulfilment-settings/{sellerId}',
    operationId: 'putFulfilmentSettings',
    tag,
    summary: 'Accept or refuse backorders',
    security: 'apiKey',
    pathParams: seller,
    body: { schema: fulfilmentSettingsSchema, maxBytes: MAX_FULFILMENT_BYTES },
    responses: {
      200: { description: 'The setting as stored.', body: settingsSchema },
      400: problem('Invalid setting, every problem named.'),
      403: problem('The key may not act for this seller.'),
    },
  },
  {
    method: 'POST',
    path: '/v1/orders/{id}/cancel',
    operationId: 'cancelOrder',
    tag,
    summary: 'Cancel a warehouse order before pick',
    description: 'Its allocated units are available again; repeating it changes nothing. After pick: 409 (a return handles it).',
    security: 'apiKey',
    pathParams: { id: 'The order id (`ord_…`).' },
    body: { schema: cancelBody, maxBytes: MAX_FULFILMENT_BYTES, required: false },
    responses: {
      200: { description: 'The order, `cancelled`.', body: orderSchema },
      400: problem('Invalid body, every problem named.'),
      404: problem('No such order (another seller’s answers the same).'),
      409: problem('Too late (picked or later), or a cross-border order.'),
    },
  },
  {
    method: 'GET',
    path: '/v1/warehouses/{code}/tasks',
    operationId: 'listWarehouseTasks',
    tag,
    summary: 'The pick list',
    security: 'warehouseKey',
    pathParams: { code: task.code },
    query: z.object({
      stage: z.enum(['allocated', 'picked', 'packed']).optional().meta({ description: 'Only tasks at this stage.' }),
      limit: z.string().regex(/^\d+$/).optional().meta({ description: 'Page size, 1 to 100 (default 50).' }),
      cursor: z.string().optional().meta({ description: 'The `nextCursor` of the previous page, unchanged.' }),
    }),
    responses: { 200: { description: 'A page of open tasks.', body: taskPageSchema }, 400: problem('Invalid stage, limit or cursor.'), 404: notYours },
  },
  step('pick', 'Confirm the pick'),
  step('pack', 'Confirm the packing (boxes as weighed)'),
  step('ship', 'Hand the parcel to its carrier'),
];
