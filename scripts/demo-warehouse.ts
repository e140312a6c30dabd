/**
 * The overseas-warehouse half of `npm run demo`: a Shenzhen seller's stock flown to the Mexico City
 * warehouse, refused by the compliance gate until the earbuds' NOM is on file, held by customs for
 * labels, released, and received one carton short and one carton partly crushed. Every request is
 * one the seller, the forwarder or the warehouse would send (local/warehouse-journey.ts).
 */
import { createEnlaceClient, type RequestBody } from '../api/client';
import { signatureHeader } from '../domain/shared/signature';
import {
  dockMilestones,
  EARBUDS,
  EARBUDS_NOM,
  forwarderMilestones,
  JOURNEY_WAREHOUSE,
  journeyInbound,
  journeyProducts,
  journeyReceipt,
  pastDockSlot,
} from '../local/warehouse-journey';

interface Cloud {
  readonly api: string;
  readonly admin: string;
  readonly apiKey: string;
  readonly warehouseKey: string;
}

type Json = Record<string, unknown>;

const mxn = (money: unknown) => {
  const { amount, currency } = money as { amount: number; currency: string };
  return `${currency} ${(amount / 100).toFixed(2)}`;
};

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

export async function warehouseDemo(cloud: Cloud, sellerId: string, run: string): Promise<void> {
  console.log(`\n── Overseas warehouse: ${sellerId}'s stock from Shenzhen to ${JOURNEY_WAREHOUSE} (Tepotzotlán, Mexico City) ──`);
  const suffix = `-${run.toUpperCase()}`;
  // The seller's and the warehouse operator's calls go through the client generated from openapi.json.
  const seller = createEnlaceClient({ baseUrl: cloud.api, apiKey: cloud.apiKey });
  const operator = createEnlaceClient({ baseUrl: cloud.api, apiKey: cloud.warehouseKey });
  const forSeller = { query: { sellerId } };
  const atWarehouse = { path: { code: JOURNEY_WAREHOUSE } };
  const earbuds = `${EARBUDS}${suffix}`;

  const products = journeyProducts(sellerId, suffix);
  for (const product of [products.earbuds, products.tshirts]) {
    const created = await seller.POST('/v1/products', { body: product as RequestBody<'createProduct'> });
    console.log(`  product ${String(product.sku)}: ${created.response.status}`);
  }

  const asn = journeyInbound(sellerId, `PO-${run}`, suffix) as RequestBody<'bookInboundShipment'>;
  const refused = await seller.POST('/v1/inbound-shipments', { body: asn });
  console.log(`  booking (3 cartons of earbuds, 2 of T-shirts, by air): ${refused.response.status}`);
  const problems = refused.error !== undefined && 'errors' in refused.error ? (refused.error.errors ?? []) : [];
  for (const problem of problems) console.log(`    ✗ ${problem.message}`);

  const patched = await seller.PATCH('/v1/products/{sku}', {
    params: { path: { sku: earbuds }, ...forSeller },
    body: { certificates: [EARBUDS_NOM] },
    headers: { 'content-type': 'application/merge-patch+json' },
  });
  console.log(`  the seller adds the NOM-208/IFT certificate to ${earbuds}: ${patched.response.status}`);
  const booked = await seller.POST('/v1/inbound-shipments', { body: asn });
  if (booked.data === undefined) return;
  const id = booked.data.inboundShipmentId;
  console.log(`  booking again: ${booked.response.status}, ${id} ${booked.data.status}`);
  const inbound = { path: { id } };

  const secrets = (await (await fetch(`${cloud.admin}/secrets`)).json()) as { logicalId: string; value: Record<string, string[] | string> }[];
  const stored = secrets.find((candidate) => candidate.logicalId.includes('ForwarderWebhookSecrets'))?.value['enlace-forwarder'];
  const secret = typeof stored === 'string' ? stored : stored?.[0];
  const slot = pastDockSlot(new Date());
  if (secret !== undefined) {
    const body = JSON.stringify({ inboundShipmentId: id, milestones: forwarderMilestones(id, slot, run) });
    const response = await fetch(`${cloud.api}/v1/webhooks/forwarders/enlace-forwarder`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'enlace-forwarder-signature': signatureHeader(secret, Math.floor(Date.now() / 1000), body) },
      body,
    });
    console.log(`  forwarder webhook (6 milestones, signed): ${response.status}`);
    await waitFor(async () => (await seller.GET('/v1/inbound-shipments/{id}', { params: inbound })).data?.status === 'released', 15_000);
  }

  for (const milestone of dockMilestones(slot, run)) {
    const answer = await operator.POST('/v1/warehouses/{code}/inbound-shipments/{id}/milestones', {
      params: { path: { code: JOURNEY_WAREHOUSE, id } },
      body: milestone as RequestBody<'recordDockMilestone'>,
    });
    console.log(`  warehouse: ${String(milestone.type)}: ${answer.response.status}`);
  }
  const receipt = await operator.POST('/v1/warehouses/{code}/receipts', {
    params: atWarehouse,
    body: journeyReceipt(id, slot, run, suffix) as RequestBody<'recordReceipt'>,
  });
  console.log(`  warehouse receipt (4 cartons counted, SZX-BT-2 with 12 crushed units, SZX-BT-3 missing): ${receipt.response.status}`);
  for (const discrepancy of (receipt.data?.discrepancies as { sku: string; kind: string; quantity: number }[] | undefined) ?? []) {
    console.log(`    discrepancy: ${discrepancy.kind} of ${discrepancy.quantity} × ${discrepancy.sku}`);
  }
  await seller.POST('/v1/inbound-shipments/{id}/discrepancies', {
    params: inbound,
    body: { sku: earbuds, kind: 'shortage', decision: 'disputed', note: 'claim with the forwarder' },
  });
  const closed = await seller.POST('/v1/inbound-shipments/{id}/discrepancies', {
    params: inbound,
    body: { sku: earbuds, kind: 'damaged', decision: 'accepted' },
  });
  console.log(`  the seller disputes the shortage and accepts the damage: ${closed.data?.status ?? closed.response.status}`);

  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const events = (await (await fetch(`${cloud.admin}/events`)).json()) as { 'detail-type': string; time: string; detail: { data?: Json } }[];
  console.log(`\n  ${id}, on the bus (what the seller's subscriptions forward):`);
  for (const event of events.filter((candidate) => JSON.stringify(candidate.detail.data ?? {}).includes(id))) {
    const data = event.detail.data ?? {};
    const detail =
      event['detail-type'] === 'inbound.status-changed'
        ? `${String(data.from)} → ${String(data.to)}`
        : event['detail-type'] === 'inbound.held'
          ? `customs hold: ${(data.hold as { reason: { description: string } }).reason.description}`
          : event['detail-type'] === 'stock.received'
            ? `${String(data.sku)}: ${String(data.good)} good, ${String(data.damaged)} quarantined, landed ${data.landedUnitCost === null ? '?' : mxn(data.landedUnitCost)}/unit`
            : '';
    console.log(`    ${event['detail-type'].padEnd(30)} ${detail}`);
  }

  const stock = (await seller.GET('/v1/stock', { params: { query: { sellerId, warehouse: JOURNEY_WAREHOUSE } } })).data?.items ?? [];
  console.log(`\n  stock at ${JOURNEY_WAREHOUSE}:`);
  console.log(`    ${'sku'.padEnd(28)} ${'on hand'.padStart(8)} ${'available'.padStart(10)} ${'quarantined'.padStart(12)}`);
  for (const item of stock.filter((candidate) => String(candidate.sku).endsWith(suffix))) {
    console.log(
      `    ${String(item.sku).padEnd(28)} ${String(item.onHand).padStart(8)} ${String(item.available).padStart(10)} ${String(item.quarantined).padStart(12)}`,
    );
  }
  const lots =
    (await seller.GET('/v1/stock/{sku}/lots', { params: { path: { sku: earbuds }, query: { sellerId, warehouse: JOURNEY_WAREHOUSE } } })).data?.items ?? [];
  for (const lot of lots) console.log(`    lot ${String(lot.lotId)}: ${String(lot.remaining)} units at ${mxn(lot.landedUnitCost)} landed`);
}
