import type { z } from 'zod';
import type { EventContract } from './envelope';
import { orderRatedV1, orderUnrateableV1 } from './order-rated';
import { orderReceivedV1 } from './order-received';

/** Every event Enlace publishes, at every version still supported. */
export const EVENT_CATALOG: readonly EventContract<string, z.ZodType>[] = [orderReceivedV1, orderRatedV1, orderUnrateableV1];
