/**
 * Vocabulary shared by intake, rating, routing and customs: where parcels go, how fast, who pays
 * the import taxes, and what dangerous goods they hold.
 */

/** Destination markets Enlace serves (ISO 3166-1 alpha-2). */
export const DESTINATION_COUNTRIES = ['MX', 'BR', 'CL', 'CO', 'PE', 'US'] as const;
export type DestinationCountry = (typeof DESTINATION_COUNTRIES)[number];

/** What the buyer paid for; each carrier service is sold at one of these levels. */
export const SERVICE_LEVELS = ['economy', 'standard', 'express'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/**
 * DDP: the seller pays duties and taxes (collected by Enlace up front).
 * DDU: the buyer pays them on delivery. (Incoterms 2010 renamed DDU to DAP; marketplaces still say DDU.)
 */
export const INCOTERMS = ['DDP', 'DDU'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

/**
 * Lithium batteries as IATA classifies them for air transport:
 * UN3481 / UN3091 when in or packed with equipment (PI 966/967, 969/970), UN3480 / UN3090 standalone
 * (cargo aircraft only for most parcel services). See shared/reference/domain-facts.md, section 3.
 */
export const BATTERY_TYPES = [
  'none',
  'lithium-ion-in-equipment',
  'lithium-ion-with-equipment',
  'lithium-ion-standalone',
  'lithium-metal-in-equipment',
  'lithium-metal-with-equipment',
  'lithium-metal-standalone',
] as const;
export type BatteryType = (typeof BATTERY_TYPES)[number];

/** Marketplaces that post orders to Enlace; `own-store` covers a seller's own shop or ERP. */
export const MARKETPLACES = ['mercado-libre', 'shopee', 'amazon', 'tiktok-shop', 'temu', 'shein', 'own-store'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];
