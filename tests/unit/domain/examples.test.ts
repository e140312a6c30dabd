import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOrder } from '../../../domain/order/order';
import { orderInputSchema } from '../../../domain/order/order-input';
import { rateOrder } from '../../../domain/rating/rate-order';

const folder = join(__dirname, '..', '..', '..', 'examples');
const files = readdirSync(folder).filter((name) => /^order-.*\.json$/.test(name));

/** The sample orders the README and `npm run demo` use must stay valid and priceable. */
describe('examples/', () => {
  it('has a sample order for every destination', () => {
    expect(files.map((file) => file.slice(6, 8).toUpperCase()).sort()).toEqual(['BR', 'CL', 'CO', 'MX', 'PE', 'US']);
  });

  it.each(files)('%s is a valid order that at least one service can carry', (file) => {
    const body = JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
    const input = orderInputSchema.parse(body);
    const order = createOrder(input, { orderId: 'ord_example', receivedAt: '2026-11-22T12:00:00.000Z' });
    const rating = rateOrder(order);
    expect(rating.outcome).toBe('rated');
  });
});
