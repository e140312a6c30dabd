import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProduct, productInputSchema } from '../../../domain/catalog';
import { checkCompliance, inboundInputSchema } from '../../../domain/inbound';
import { warehouseByCode } from '../../../domain/warehouses';
import { EARBUDS_NOM, journeyInbound, journeyProducts } from '../../../local/warehouse-journey';

const example = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', file), 'utf8')) as Record<string, unknown>;

/** The warehouse examples the README's curl commands post must stay valid, pass the gate together, and match the demo's journey. */
describe('examples/ for the overseas warehouse', () => {
  const products = ['product-earbuds.json', 'product-tshirts.json'].map((file) =>
    createProduct(productInputSchema.parse(example(file)), '2026-11-10T00:00:00.000Z'),
  );
  const inbound = inboundInputSchema.parse(example('inbound-mx.json'));

  it('the inbound shipment passes the compliance gate with the two example products, and only with the earbuds certificate', () => {
    const warehouse = warehouseByCode(inbound.warehouseCode)!;
    const gate = (catalogue: typeof products) =>
      checkCompliance({
        cartons: inbound.cartons,
        mode: inbound.mode,
        warehouse,
        products: new Map(catalogue.map((product) => [product.sku, product])),
        day: '2026-11-10',
      })
        .filter((problem) => problem.severity === 'error')
        .map((problem) => problem.code);

    expect(gate(products)).toEqual([]);
    const withoutCertificate = products.map((product) => (product.sku === 'BT-EARBUDS-X2' ? { ...product, certificates: [] } : product));
    expect(gate(withoutCertificate).length).toBeGreaterThan(0);
  });

  it('are the bodies the demo and the end-to-end journey post', () => {
    const { earbuds, tshirts } = journeyProducts('seller-sz-001');
    expect(example('product-earbuds.json')).toEqual({ ...earbuds, certificates: [EARBUDS_NOM] });
    expect(example('product-tshirts.json')).toEqual(tshirts);
    expect(example('inbound-mx.json')).toEqual(journeyInbound('seller-sz-001', 'PO-2026-BUENFIN-001'));
  });
});
