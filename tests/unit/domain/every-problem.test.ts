import { orderInputSchema } from '../../../domain/order';
import { sampleOrderBody } from '../../fixtures/orders';
import { productInputSchema } from '../../../domain/catalog';
import { inboundInputSchema, receiptSchema } from '../../../domain/inbound';
import { journeyInbound, journeyProducts } from '../../../local/warehouse-journey';

// Regression: zod skips refinements once any field fails, so a 400 named the bad mode and hid the
// SKU priced twice until the mode was fixed. Cross-field checks now run whenever their own fields parsed.
const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path.join('.')).sort();

describe('a 400 names every problem at once', () => {
  it('an inbound shipment: a bad field and cartons and prices that do not add up', () => {
    const body = journeyInbound('seller-a', 'PO-1');
    const values = [
      { sku: 'TEE-COTTON-M', unitValue: '2.10' },
      { sku: 'TEE-COTTON-M', unitValue: '2.20' },
    ];
    expect(paths(inboundInputSchema.safeParse({ ...body, mode: 'rowboat', values }))).toEqual(['mode', 'values', 'values.1.sku']);
  });

  it('but a cross-field check stays quiet when a field it reads is itself wrong', () => {
    const body = journeyInbound('seller-a', 'PO-1');
    expect(paths(inboundInputSchema.safeParse({ ...body, cartons: 'five' }))).toEqual(['cartons']);
  });

  it('a product: a bad SKU and a carton lighter than its units', () => {
    const { tshirts } = journeyProducts('seller-a');
    expect(paths(productInputSchema.safeParse({ ...tshirts, sku: 'bad sku!', unitWeightGrams: 500 }))).toEqual(['carton.grossWeightGrams', 'sku']);
  });

  it('a receipt: a bad id and a carton counted twice', () => {
    const carton = { cartonId: 'C-1', lines: [{ sku: 'TEE-COTTON-M', good: 1 }] };
    expect(paths(receiptSchema.safeParse({ inboundShipmentId: 'x', receiptId: 'r-1', cartons: [carton, carton] }))).toEqual([
      'cartons.1.cartonId',
      'inboundShipmentId',
    ]);
  });
});

describe('the same for an order (found while building the warehouse side)', () => {
  it('a bad service level and a SKU listed twice', () => {
    const body = sampleOrderBody();
    const items = body.items as Record<string, unknown>[];
    expect(paths(orderInputSchema.safeParse({ ...body, serviceLevel: 'teleport', items: [items[0], items[0]] }))).toEqual(['items.1.sku', 'serviceLevel']);
  });
});
