import { orderReceivedV1 } from './order-received';

/** Every event Enlace publishes, at every version still supported. */
export const EVENT_CATALOG = [orderReceivedV1] as const;
