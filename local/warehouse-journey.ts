import { warehouseByCode } from '../domain/warehouses';

/**
 * The overseas-warehouse journey `npm run demo` shows and the end-to-end test proves, as the
 * requests each party sends: a Shenzhen seller's two products, an air shipment to the Mexico City
 * warehouse, the forwarder's milestones (with a customs hold), the warehouse's dock milestones and
 * its receipt (one carton short, one carton partly damaged). Times are computed back from a dock
 * appointment inside the warehouse's receiving hours, so every run reads like last week.
 */
export const JOURNEY_WAREHOUSE = 'MX-CTT-01';
export const EARBUDS = 'BT-EARBUDS-X2';
export const TSHIRTS = 'TEE-COTTON-M';

export function journeyProducts(sellerId: string, suffix = ''): { earbuds: Record<string, unknown>; tshirts: Record<string, unknown> } {
  return {
    earbuds: {
      sellerId,
      sku: `${EARBUDS}${suffix}`,
      description: 'Bluetooth wireless earbuds with charging case',
      localDescriptions: { es: 'Audífonos inalámbricos Bluetooth con estuche de carga', pt: 'Fones de ouvido sem fio Bluetooth com estojo de carga' },
      hsCode: '8518.30',
      originCountry: 'CN',
      category: 'electronics',
      batteryType: 'lithium-ion-in-equipment',
      unitWeightGrams: 60,
      unitDimensions: { lengthMm: 90, widthMm: 60, heightMm: 35 },
      carton: { unitsPerCarton: 100, grossWeightGrams: 7_500, dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 } },
      reorderPoint: 40,
    },
    tshirts: {
      sellerId,
      sku: `${TSHIRTS}${suffix}`,
      description: 'Cotton T-shirt, medium',
      localDescriptions: { es: 'Camiseta de algodón, talla M' },
      hsCode: '6109.10',
      originCountry: 'CN',
      category: 'apparel',
      unitWeightGrams: 180,
      unitDimensions: { lengthMm: 280, widthMm: 220, heightMm: 20 },
      carton: { unitsPerCarton: 50, grossWeightGrams: 9_500, dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 } },
      certificates: [{ country: 'MX', agency: 'NOM', reference: 'NOM-004-SE-2021 UVA-0412/26' }],
    },
  };
}

/** What the earbuds lack for Mexico until the seller adds it (the PATCH after the gate's refusal). */
export const EARBUDS_NOM = { country: 'MX', agency: 'NOM', reference: 'NOM-208-SCFI-2016 + IFT RCPHUBT26-0117' } as const;

/** The advance shipping notice: 3 cartons of 100 earbuds and 2 of 50 T-shirts, by air from Shenzhen. */
export function journeyInbound(sellerId: string, reference: string, suffix = ''): Record<string, unknown> {
  return {
    sellerId,
    reference,
    warehouseCode: JOURNEY_WAREHOUSE,
    mode: 'air',
    origin: { city: 'Shenzhen', country: 'CN', port: 'CNSZX' },
    currency: 'USD',
    values: [
      { sku: `${EARBUDS}${suffix}`, unitValue: '4.50' },
      { sku: `${TSHIRTS}${suffix}`, unitValue: '2.10' },
    ],
    freight: '600.00',
    insurance: '45.00',
    cartons: [
      {
        cartonId: 'SZX-BT',
        count: 3,
        contents: [{ sku: `${EARBUDS}${suffix}`, quantity: 100 }],
        grossWeightGrams: 7_500,
        dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 },
      },
      {
        cartonId: 'SZX-TEE',
        count: 2,
        contents: [{ sku: `${TSHIRTS}${suffix}`, quantity: 50 }],
        grossWeightGrams: 9_500,
        dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 },
      },
    ],
  };
}

const HOUR = 3_600_000;

/** The latest weekday 10:00 in the warehouse's time zone at least two days before `now` (a dock slot). */
export function pastDockSlot(now: Date): Date {
  const { timeZone } = warehouseByCode(JOURNEY_WAREHOUSE)!;
  for (let daysBack = 2; ; daysBack += 1) {
    const day = new Date(now.getTime() - daysBack * 24 * HOUR);
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(day);
    const part = (type: string) => parts.find((candidate) => candidate.type === type)!.value;
    if (['Sat', 'Sun'].includes(part('weekday'))) continue;
    // Mexico City has kept UTC-6 all year since 2022.
    return new Date(`${part('year')}-${part('month')}-${part('day')}T10:00:00-06:00`);
  }
}

/** The forwarder's milestones (signed webhooks): consolidation, the flight, arrival, the pedimento, a labelling hold, release. */
export function forwarderMilestones(inboundShipmentId: string, dockSlot: Date, run: string): Record<string, unknown>[] {
  const at = (hoursBeforeSlot: number) => new Date(dockSlot.getTime() - hoursBeforeSlot * HOUR).toISOString();
  const id = (step: string) => `${run}-${step}`;
  return [
    { type: 'consolidated', milestoneId: id('consolidated'), at: at(70), note: 'Consolidated at the Shenzhen (Fuyong) CFS' },
    { type: 'departed', milestoneId: id('departed'), at: at(62), port: 'CNSZX', flight: 'CX096', airWaybill: '160-12345675' },
    { type: 'arrived-port', milestoneId: id('arrived'), at: at(48), port: 'MXMEX' },
    { type: 'customs-entry-filed', milestoneId: id('entry'), at: at(46), entryNumber: '26 47 3063 6000123' },
    {
      type: 'customs-held',
      milestoneId: id('held'),
      at: at(44),
      reason: { code: 'labelling', description: 'Spanish NOM-050 labels missing on 2 T-shirt cartons; relabelled under bond' },
    },
    { type: 'customs-released', milestoneId: id('released'), at: at(26) },
  ];
}

/** The warehouse's dock milestones: the appointment (made the day before, inside receiving hours) and the truck's arrival. */
export function dockMilestones(dockSlot: Date, run: string): Record<string, unknown>[] {
  return [
    {
      type: 'appointment-scheduled',
      milestoneId: `${run}-appointment`,
      at: new Date(dockSlot.getTime() - 24 * HOUR).toISOString(),
      appointmentAt: dockSlot.toISOString(),
    },
    { type: 'arrived-warehouse', milestoneId: `${run}-dock`, at: new Date(dockSlot.getTime() + 0.25 * HOUR).toISOString() },
  ];
}

/**
 * The receipt, counted carton by carton: earbuds carton 2 has 12 crushed units, carton 3 never
 * arrived (100 short); both T-shirt cartons are full. It completes the count.
 */
export function journeyReceipt(inboundShipmentId: string, dockSlot: Date, run: string, suffix = ''): Record<string, unknown> {
  return {
    inboundShipmentId,
    receiptId: `${run}-receipt`,
    countedAt: new Date(dockSlot.getTime() + 2 * HOUR).toISOString(),
    cartons: [
      { cartonId: 'SZX-BT-1', lines: [{ sku: `${EARBUDS}${suffix}`, good: 100 }] },
      { cartonId: 'SZX-BT-2', lines: [{ sku: `${EARBUDS}${suffix}`, good: 88, damaged: 12 }] },
      { cartonId: 'SZX-TEE-1', lines: [{ sku: `${TSHIRTS}${suffix}`, good: 50 }] },
      { cartonId: 'SZX-TEE-2', lines: [{ sku: `${TSHIRTS}${suffix}`, good: 50 }] },
    ],
    complete: true,
  };
}
