import type { z } from 'zod';
import { customsDocumentsReadyV1, customsHeldV1 } from './customs';
import type { EventContract } from './envelope';
import { orderRatedV1, orderUnrateableV1 } from './order-rated';
import { orderReceivedV1 } from './order-received';
import {
  inboundBookedV1,
  inboundCancelledV1,
  inboundDiscrepancyResolvedV1,
  inboundHeldV1,
  inboundReceivedV1,
  inboundStalledV1,
  inboundStatusChangedV1,
} from './inbound';
import { orderUnroutableV1, shipmentRoutedV1 } from './shipment-routed';
import { shipmentDeliveredV1, shipmentExceptionV1, shipmentStalledV1, shipmentStatusChangedV1 } from './shipment-tracking';
import { stockAdjustedV1, stockLowV1, stockReceivedV1 } from './stock';

/** Every event Enlace publishes, at every version still supported. */
export const EVENT_CATALOG: readonly EventContract<string, z.ZodType>[] = [
  orderReceivedV1,
  orderRatedV1,
  orderUnrateableV1,
  shipmentRoutedV1,
  orderUnroutableV1,
  customsDocumentsReadyV1,
  customsHeldV1,
  shipmentStatusChangedV1,
  shipmentDeliveredV1,
  shipmentExceptionV1,
  shipmentStalledV1,
  inboundBookedV1,
  inboundStatusChangedV1,
  inboundHeldV1,
  inboundReceivedV1,
  inboundDiscrepancyResolvedV1,
  inboundStalledV1,
  inboundCancelledV1,
  stockReceivedV1,
  stockAdjustedV1,
  stockLowV1,
];
