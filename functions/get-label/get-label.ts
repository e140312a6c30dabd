import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GetOrder } from '../../domain/order/ports';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { readOrderPart } from '../shared/http/owned-order';
import { keys } from '../shared/store/keys';

/** Port: the shipping label (ZPL) of an order's booked shipment. */
export type GetOrderLabel = (orderId: string) => Promise<{ shipmentId: string; trackingNumber: string; zpl: string } | undefined>;

export function buildGetOrderLabel(documents: DynamoDBDocumentClient, tableName: string): GetOrderLabel {
  return async (orderId) => {
    const { Item: pointer } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderShipment(orderId) }));
    if (pointer === undefined) {
      return undefined;
    }
    const shipmentId = String(pointer.shipmentId);
    const { Item: label } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipmentLabel(shipmentId) }));
    return label === undefined ? undefined : { shipmentId, trackingNumber: String(pointer.trackingNumber), zpl: String(label.zpl) };
  };
}

/** GET /v1/orders/{id}/label: the 4×6 in ZPL II label of the booked shipment, ready for a thermal printer. */
export function buildGetLabelRoute(deps: { readonly getOrder: GetOrder; readonly getLabel: GetOrderLabel }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const { part: label } = await readOrderPart(tenant, orderId, deps.getOrder, deps.getLabel, (order) => `Order "${orderId}" is ${order.status} and has no label yet; retry shortly.`);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/zpl; charset=utf-8',
        'content-disposition': `inline; filename="${label.trackingNumber}.zpl"`,
        'x-tracking-number': label.trackingNumber,
      },
      body: label.zpl,
    };
  };
}
