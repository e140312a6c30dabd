import { SKU_PATTERN, type GetProducts } from '../../domain/catalog';
import { inboundBySku } from '../../domain/inbound';
import { InvalidCursorError } from '../../domain/shared/page';
import { NO_INBOUND, stockView, type StockBalance } from '../../domain/stock';
import { WAREHOUSES, warehouseByCode } from '../../domain/warehouses';
import { pathParameter, type HttpEvent, type HttpRoute } from '../shared/http/http-handler';
import { badRequest, jsonResponse } from '../shared/http/problem';
import { limitParameter, queryParameter, routeByKey, sellerFor } from '../shared/http/tenancy';
import type { ListSellerInbound } from '../shared/store/inbound-store';
import type { GetStockBalance, ListLots, ListStockBalances, ListStockMovements } from '../shared/store/stock-store';

export interface StockRoutesDeps {
  readonly listBalances: ListStockBalances;
  readonly getBalance: GetStockBalance;
  readonly listMovements: ListStockMovements;
  readonly listLots: ListLots;
  readonly listSellerInbound: ListSellerInbound;
  readonly getProducts: GetProducts;
}

/** Open inbound shipments a seller has in flight: a handful; more than this many pages is refused rather than read forever. */
const MAX_OPEN_INBOUND_PAGES = 10;

function warehouseParameter(event: HttpEvent, required: boolean): string | undefined {
  const code = queryParameter(event, 'warehouse');
  if (code === undefined) {
    if (required)
      throw badRequest('Name the warehouse with the "warehouse" query parameter.', [{ path: 'warehouse', code: 'required', message: 'e.g. MX-CTT-01' }]);
    return undefined;
  }
  if (warehouseByCode(code) === undefined)
    throw badRequest(`No warehouse "${code}".`, [
      { path: 'warehouse', code: 'unknown', message: `known: ${WAREHOUSES.map((warehouse) => warehouse.code).join(', ')}` },
    ]);
  return code;
}

function skuIn(event: HttpEvent): string {
  const sku = pathParameter(event, 'sku');
  if (!SKU_PATTERN.test(sku))
    throw badRequest(`"${sku.slice(0, 80)}" is not a SKU.`, [{ path: 'sku', code: 'invalid_format', message: 'letters, digits, ".", "_" or "-", at most 64' }]);
  return sku;
}

/**
 * What a seller has where: each SKU's buckets per warehouse (on hand, available, allocated,
 * quarantined…), what is on its way by stage (from open inbound shipments), and whether it is at or
 * below its reorder point; a SKU's movements (the ledger) and lots (receipt day, landed cost).
 */
export function buildStockRoutes(deps: StockRoutesDeps): HttpRoute {
  const openInbound = async (sellerId: string) => {
    const shipments = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_OPEN_INBOUND_PAGES; page += 1) {
      const result = await deps.listSellerInbound(sellerId, { open: true, limit: 50, ...(cursor === undefined ? {} : { cursor }) });
      shipments.push(...result.items);
      cursor = result.nextCursor;
      if (cursor === undefined) break;
    }
    return shipments;
  };

  return routeByKey({
    'GET /v1/stock': async ({ event, tenant }) => {
      const sellerId = sellerFor(tenant, queryParameter(event, 'sellerId'));
      const warehouse = warehouseParameter(event, false);
      const sku = queryParameter(event, 'sku');
      const lowOnly = queryParameter(event, 'low') === 'true';
      const warehouses = warehouse === undefined ? WAREHOUSES.map((candidate) => candidate.code) : [warehouse];
      const balances: StockBalance[] =
        sku === undefined
          ? (await Promise.all(warehouses.map((code) => deps.listBalances(sellerId, code)))).flat()
          : await Promise.all(warehouses.map((code) => deps.getBalance(sellerId, code, sku)));
      const shipments = await openInbound(sellerId);
      const inbound = new Map(warehouses.map((code) => [code, inboundBySku(shipments, code)]));
      // SKUs only on their way (nothing received yet) are listed too.
      for (const code of warehouses) {
        for (const inboundSku of inbound.get(code)?.keys() ?? []) {
          if ((sku === undefined || sku === inboundSku) && !balances.some((balance) => balance.warehouseCode === code && balance.sku === inboundSku)) {
            balances.push({
              sellerId,
              warehouseCode: code,
              sku: inboundSku,
              buckets: { receiving: 0, available: 0, allocated: 0, picked: 0, quarantined: 0 },
              updatedAt: null,
            });
          }
        }
      }
      const products = await deps.getProducts(sellerId, [...new Set(balances.map((balance) => balance.sku))]);
      const views = balances
        .filter((balance) => sku !== undefined || balance.updatedAt !== null || inbound.get(balance.warehouseCode)?.has(balance.sku))
        .map((balance) => stockView(balance, inbound.get(balance.warehouseCode)?.get(balance.sku) ?? NO_INBOUND, products.get(balance.sku)?.reorderPoint ?? 0))
        .filter((view) => !lowOnly || view.low)
        .sort((a, b) => (a.warehouseCode === b.warehouseCode ? (a.sku < b.sku ? -1 : 1) : a.warehouseCode < b.warehouseCode ? -1 : 1));
      return jsonResponse(200, { sellerId, items: views });
    },
    'GET /v1/stock/{sku}/movements': async ({ event, tenant }) => {
      const sellerId = sellerFor(tenant, queryParameter(event, 'sellerId'));
      const warehouse = warehouseParameter(event, true)!;
      const sku = skuIn(event);
      const cursor = queryParameter(event, 'cursor');
      try {
        const page = await deps.listMovements(sellerId, warehouse, sku, { limit: limitParameter(event), ...(cursor === undefined ? {} : { cursor }) });
        return jsonResponse(200, {
          sellerId,
          warehouseCode: warehouse,
          sku,
          items: page.items,
          ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
        });
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest(error.message, [{ path: 'cursor', code: 'invalid', message: error.message }]);
        throw error;
      }
    },
    'GET /v1/stock/{sku}/lots': async ({ event, tenant }) => {
      const sellerId = sellerFor(tenant, queryParameter(event, 'sellerId'));
      const warehouse = warehouseParameter(event, true)!;
      const sku = skuIn(event);
      return jsonResponse(200, { sellerId, warehouseCode: warehouse, sku, items: await deps.listLots(sellerId, warehouse, sku) });
    },
  });
}
