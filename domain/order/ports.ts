import type { Order } from './order';

/** Port: reads an order by id. */
export type GetOrder = (orderId: string) => Promise<Order | undefined>;
