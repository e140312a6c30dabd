/**
 * Customs documents as plain JSON-serialisable data: commercial invoice, packing list and the UPU
 * postal declaration (CN 22 up to 300 SDR, CN 23 above). Built from the order and the booked
 * shipment only — the issue time is passed in (the order's version time, never "now") — so the
 * same order version always yields byte-identical JSON and the same content hash.
 */
import { createHash } from 'node:crypto';
import type { Order, OrderItem } from '../order';
import { canonicalJson } from '../shared/canonical-json';
import { type Currency, type Money, decimalRatio, roundHalfAwayFromZero, toMajorString } from '../shared/money';
import type { DestinationCountry, Incoterm, Marketplace } from '../shared/shipping-terms';
import { validateRecipientTaxId } from '../shared/tax-ids';
import { type BatteryDeclaration, type CertificateOnFile, type CustomsShipment, declareBatteries } from './check-order';
import { containsPhrase, formatHsCode, normalizeText, phraseIndex } from './goods-matching';
import { type Agreement, type DocumentLanguage, CATEGORY_TERMS, CN22_LIMIT, customsRulesFor, MODIFIER_TERMS, NOUN_TERMS, SDR_RATE } from './rules';

export const DOCUMENT_SCHEMA = 'enlace.customs-document/v1';

/** The exporter printed as shipper; comes from the seller's profile. */
export interface Shipper {
  readonly name: string;
  readonly contactName?: string;
  readonly streetLines: readonly string[];
  readonly city: string;
  readonly province?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2, "CN" for Enlace's sellers. */
  readonly country: string;
  readonly phone?: string;
  readonly email?: string;
  /** The exporter's tax registration (e.g. a Unified Social Credit Code), when it is printed. */
  readonly taxId?: string;
}

export interface DocumentsContext {
  /** ISO-8601 instant the documents are dated: the order version's time (receivedAt or updatedAt), never the current time. */
  readonly issuedAt: string;
  readonly shipper: Shipper;
  /** Converts an amount to US cents, for the CN 22 / CN 23 threshold in SDR. */
  readonly toUsd: (value: Money) => number;
  /** Certificates on file for the order's goods, printed on the invoice and the CN form. */
  readonly certificates?: readonly CertificateOnFile[];
}

export interface Party {
  readonly name: string;
  readonly streetLines: readonly string[];
  readonly neighborhood: string | null;
  readonly city: string;
  readonly state: string | null;
  readonly postalCode: string | null;
  readonly country: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly taxId: { readonly type: string; readonly value: string } | null;
}

/** An amount both exactly (minor units) and as printed ("24.90"). */
export interface Amount {
  readonly amount: number;
  readonly currency: Currency;
  readonly text: string;
}

export interface LocalDescription {
  readonly language: DocumentLanguage;
  readonly text: string;
  /** glossary: noun and modifiers recognised; category: only the category is translated; untranslated: English reused. */
  readonly method: 'glossary' | 'category' | 'untranslated';
}

export interface DocumentLine {
  readonly lineNumber: number;
  readonly sku: string;
  readonly description: string;
  readonly localDescription: LocalDescription | null;
  readonly hsCode: string;
  readonly originCountry: string;
  readonly quantity: number;
  readonly unitValue: Amount;
  readonly totalValue: Amount;
  readonly unitNetWeightGrams: number;
  readonly netWeightGrams: number;
  readonly batteryType: OrderItem['batteryType'];
}

export interface DocumentTitle {
  readonly en: string;
  readonly local: string | null;
}

interface DocumentHeader {
  readonly schema: typeof DOCUMENT_SCHEMA;
  readonly documentNumber: string;
  readonly title: DocumentTitle;
  readonly issuedAt: string;
  readonly orderId: string;
  readonly orderVersion: number;
  readonly externalOrderId: string;
  readonly marketplace: Marketplace;
  readonly sellerId: string;
  readonly destinationCountry: DestinationCountry;
  readonly language: DocumentLanguage | null;
  readonly carrier: string;
  readonly serviceId: string;
  readonly trackingNumber: string;
  /** "sha256:<hex>" of the canonical JSON of every other field. */
  readonly contentHash: string;
}

export interface CertificateLine {
  readonly agency: string;
  readonly reference: string;
  readonly skus: readonly string[] | null;
}

export interface CommercialInvoice extends DocumentHeader {
  readonly documentType: 'commercial-invoice';
  readonly shipper: Party;
  readonly consignee: Party;
  readonly incoterm: Incoterm;
  readonly incotermNote: string;
  readonly currency: Currency;
  readonly reasonForExport: string;
  readonly lines: readonly DocumentLine[];
  readonly totals: {
    readonly declaredValue: Amount;
    readonly declaredValueUsd: Amount;
    readonly unitCount: number;
    readonly netWeightGrams: number;
    readonly grossWeightGrams: number;
    readonly parcelCount: number;
  };
  readonly batteryDeclarations: readonly BatteryDeclaration[];
  readonly certificates: readonly CertificateLine[];
  readonly notes: readonly string[];
  readonly declaration: DocumentTitle;
}

export interface PackingListParcel {
  readonly parcelNumber: number;
  readonly reference: string | null;
  readonly grossWeightGrams: number;
  readonly netWeightGrams: number;
  readonly dimensionsMm: { readonly length: number; readonly width: number; readonly height: number } | null;
  readonly contents: readonly {
    readonly lineNumber: number;
    readonly sku: string;
    readonly description: string;
    readonly localDescription: LocalDescription | null;
    readonly quantity: number;
    readonly netWeightGrams: number;
  }[];
  /** Battery statements this parcel must carry (its package marks). */
  readonly batteryStatements: readonly string[];
}

export interface PackingList extends DocumentHeader {
  readonly documentType: 'packing-list';
  readonly invoiceNumber: string;
  readonly shipper: Party;
  readonly consignee: Party;
  readonly parcels: readonly PackingListParcel[];
  readonly totals: { readonly parcelCount: number; readonly unitCount: number; readonly netWeightGrams: number; readonly grossWeightGrams: number };
  readonly notes: readonly string[];
}

export interface PostalDeclaration extends DocumentHeader {
  readonly documentType: 'CN22' | 'CN23';
  readonly invoiceNumber: string;
  readonly sender: Party;
  readonly addressee: Party;
  /** The addressee's tax id ("importer's reference" on the form), if any. */
  readonly importerReference: string | null;
  readonly categoryOfItem: 'sale-of-goods';
  readonly items: readonly {
    readonly lineNumber: number;
    readonly description: string;
    readonly localDescription: LocalDescription | null;
    readonly quantity: number;
    readonly netWeightGrams: number;
    readonly value: Amount;
    readonly hsCode: string;
    readonly originCountry: string;
  }[];
  readonly totalGrossWeightGrams: number;
  readonly totalValue: Amount;
  /** Why this form: the value in SDR and the rate and limit used. */
  readonly formChoice: {
    readonly valueUsd: Amount;
    readonly valueSdr: string;
    readonly maxSdrForCn22: number;
    readonly usdPerSdr: string;
    readonly usdPerSdrAsOf: string;
    readonly usdPerSdrIsSandbox: boolean;
    readonly source: string | null;
  };
  readonly comments: readonly string[];
  readonly certificates: readonly CertificateLine[];
  readonly declaration: DocumentTitle;
}

export type CustomsDocument = CommercialInvoice | PackingList | PostalDeclaration;

export interface CustomsDocuments {
  readonly commercialInvoice: CommercialInvoice;
  readonly packingList: PackingList;
  /** CN 22 up to 300 SDR, CN 23 above. */
  readonly customsDeclaration: PostalDeclaration;
}

// ---------------------------------------------------------------------------------------------
// Content hash (over canonical JSON)

/** SHA-256 of bytes, as "sha256:<hex>". Pure computation. */
export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function withContentHash<T extends { contentHash: string }>(body: Omit<T, 'contentHash'>): T {
  return { ...body, contentHash: sha256(canonicalJson(body)) } as T;
}

/** The document's bytes as stored and sent: canonical JSON, UTF-8. */
export function serializeCustomsDocument(document: CustomsDocument): string {
  return canonicalJson(document);
}

/** True when `contentHash` matches the document's other fields. */
export function verifyContentHash(document: CustomsDocument): boolean {
  const { contentHash, ...body } = document;
  return sha256(canonicalJson(body)) === contentHash;
}

// ---------------------------------------------------------------------------------------------
// Translations

const NOUN_KEYWORDS = NOUN_TERMS.flatMap((term) => term.en.map((keyword) => ({ keyword, term })))
  // Longest keyword first so "phone case" wins over "case" and "smart watch" over "watch"; stable otherwise.
  .sort((a, b) => b.keyword.length - a.keyword.length);

/**
 * The description in the destination's language: a recognised product noun with its modifiers,
 * else the category name before the English text, else the English text itself.
 */
export function translateDescription(description: string, category: string | undefined, language: DocumentLanguage): LocalDescription {
  const normalized = normalizeText(description);
  const noun = NOUN_KEYWORDS.find(({ keyword }) => containsPhrase(normalized, keyword));
  if (noun !== undefined) {
    const [base, agreement] = noun.term[language];
    const modifiers = MODIFIER_TERMS.map((modifier) => {
      const positions = modifier.en.map((keyword) => phraseIndex(normalized, keyword)).filter((index) => index >= 0);
      const forms = modifier[language];
      const text = formOf(forms, agreement);
      return { text, rank: modifierRank(forms, text), position: positions.length > 0 ? Math.min(...positions) : -1 };
    })
      .filter(({ position }) => position >= 0)
      .sort((a, b) => a.rank - b.rank || a.position - b.position)
      .map(({ text }) => text);
    return { language, text: [base, ...modifiers].join(' '), method: 'glossary' };
  }
  const categoryTerm = category === undefined ? undefined : CATEGORY_TERMS[category.trim().toLowerCase()];
  if (categoryTerm !== undefined) {
    return { language, text: `${categoryTerm[language]}: ${description}`, method: 'category' };
  }
  return { language, text: description, method: 'untranslated' };
}

function formOf(forms: string | Readonly<Record<Agreement, string>>, agreement: Agreement): string {
  return typeof forms === 'string' ? forms : forms[agreement];
}

/**
 * Word order after the noun: agreeing adjectives ("inalámbricos", "feminina"), then invariant words
 * ("Bluetooth", "sem fio"), then material ("de algodón"), then purpose or company ("para mujer", "com estojo").
 */
function modifierRank(forms: string | Readonly<Record<Agreement, string>>, text: string): number {
  if (typeof forms !== 'string') return 0;
  if (text.startsWith('de ')) return 2;
  if (/^(con|com|para) /.test(text)) return 3;
  return 1;
}

const LANGUAGE_NAMES: Readonly<Record<DocumentLanguage, string>> = { es: 'Spanish', pt: 'Portuguese' };

const TITLES = {
  invoice: { en: 'Commercial invoice', es: 'Factura comercial', pt: 'Fatura comercial' },
  packingList: { en: 'Packing list', es: 'Lista de empaque', pt: 'Romaneio (lista de embalagem)' },
  CN22: { en: 'CN 22 customs declaration', es: 'Declaración de aduana CN 22', pt: 'Declaração para alfândega CN 22' },
  CN23: { en: 'CN 23 customs declaration', es: 'Declaración de aduana CN 23', pt: 'Declaração para alfândega CN 23' },
  invoiceDeclaration: {
    en: 'I declare that the information in this invoice is true and correct and that the contents of this shipment are as stated above.',
    es: 'Declaro que la información de esta factura es verdadera y correcta y que el contenido de este envío es el indicado arriba.',
    pt: 'Declaro que as informações desta fatura são verdadeiras e corretas e que o conteúdo desta remessa é o indicado acima.',
  },
  postalDeclaration: {
    en: 'I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article prohibited by legislation or by postal or customs regulations.',
    es: 'Certifico que los datos de esta declaración de aduana son correctos y que este envío no contiene ningún artículo peligroso prohibido por la legislación o por la reglamentación postal o aduanera.',
    pt: 'Certifico que os dados desta declaração para alfândega estão corretos e que este objeto não contém nenhum artigo perigoso proibido pela legislação ou pela regulamentação postal ou aduaneira.',
  },
} as const;

function title(texts: { readonly en: string; readonly es: string; readonly pt: string }, language: DocumentLanguage | null): DocumentTitle {
  return { en: texts.en, local: language === null ? null : texts[language] };
}

// ---------------------------------------------------------------------------------------------
// Building

function amount(value: Money): Amount {
  return { amount: value.amount, currency: value.currency, text: toMajorString(value) };
}

function normalizedInstant(issuedAt: string): string {
  const date = new Date(issuedAt);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(issuedAt)) {
    throw new RangeError(`issuedAt must be an ISO-8601 instant, got "${issuedAt}"`);
  }
  return date.toISOString();
}

function shipperParty(shipper: Shipper): Party {
  return {
    name: shipper.contactName === undefined ? shipper.name : `${shipper.name} (attn. ${shipper.contactName})`,
    streetLines: [...shipper.streetLines],
    neighborhood: null,
    city: shipper.city,
    state: shipper.province ?? null,
    postalCode: shipper.postalCode ?? null,
    country: shipper.country,
    phone: shipper.phone ?? null,
    email: shipper.email ?? null,
    taxId: shipper.taxId === undefined ? null : { type: 'Exporter tax id', value: shipper.taxId },
  };
}

function consigneeParty(order: Order): Party {
  const shipTo = order.shipTo;
  let taxId: Party['taxId'] = null;
  if (shipTo.taxId !== undefined && shipTo.taxId.value.trim() !== '') {
    const given = shipTo.taxId;
    const checked = given.type === 'PASSPORT' ? undefined : validateRecipientTaxId(shipTo.country, given.value, given.type);
    taxId =
      checked?.valid === true && checked.kind !== undefined
        ? { type: checked.kind, value: checked.normalized }
        : { type: given.type ?? 'Tax id', value: given.value.trim() };
  }
  return {
    name: shipTo.name,
    streetLines: [...shipTo.streetLines],
    neighborhood: shipTo.neighborhood ?? null,
    city: shipTo.city,
    state: shipTo.state,
    postalCode: shipTo.postalCode,
    country: shipTo.country,
    phone: shipTo.phone,
    email: shipTo.email ?? null,
    taxId,
  };
}

function certificateLines(certificates: readonly CertificateOnFile[] | undefined): CertificateLine[] {
  return (certificates ?? []).map((certificate) => ({
    agency: certificate.agency,
    reference: certificate.reference,
    skus: certificate.skus === undefined ? null : [...certificate.skus],
  }));
}

const INCOTERM_NOTES: Readonly<Record<Incoterm, string>> = {
  DDP: 'DDP (Delivered Duty Paid): the seller pays import duties and taxes.',
  DDU: 'DDU (Delivered Duty Unpaid; DAP since Incoterms 2010): the buyer pays import duties and taxes.',
};

/** "18.31" from hundredths. */
function hundredths(value: number): string {
  const digits = String(value).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * Builds the commercial invoice, the packing list and the CN 22 / CN 23 for an order booked on a
 * shipment. Does not check the order (run `checkCustoms` first); throws on an invalid `issuedAt`.
 */
export function buildCustomsDocuments(order: Order, shipment: CustomsShipment, context: DocumentsContext): CustomsDocuments {
  const issuedAt = normalizedInstant(context.issuedAt);
  const language = customsRulesFor(order.shipTo.country).documentLanguage.language;
  const currency = order.currency;
  const shipper = shipperParty(context.shipper);
  const consignee = consigneeParty(order);
  const batteryDeclarations = declareBatteries(order);
  const certificates = certificateLines(context.certificates);
  const suffix = `${order.orderId}-V${order.version}`;
  const invoiceNumber = `CI-${suffix}`;

  const header = (documentNumber: string, titleTexts: { en: string; es: string; pt: string }): Omit<DocumentHeader, 'contentHash'> => ({
    schema: DOCUMENT_SCHEMA,
    documentNumber,
    title: title(titleTexts, language),
    issuedAt,
    orderId: order.orderId,
    orderVersion: order.version,
    externalOrderId: order.externalOrderId,
    marketplace: order.marketplace,
    sellerId: order.sellerId,
    destinationCountry: order.shipTo.country,
    language,
    carrier: shipment.carrier,
    serviceId: shipment.serviceId,
    trackingNumber: shipment.trackingNumber,
  });

  const notes: string[] = [];
  const lines: DocumentLine[] = order.items.map((item, index) => {
    const local = language === null ? null : translateDescription(item.description, item.category, language);
    if (local !== null && local.method !== 'glossary') {
      notes.push(
        local.method === 'category'
          ? `Line ${index + 1}: only the category is given in ${LANGUAGE_NAMES[local.language]}; the English description is authoritative.`
          : `Line ${index + 1}: no ${LANGUAGE_NAMES[local.language]} translation found; the English description is used.`,
      );
    }
    return {
      lineNumber: index + 1,
      sku: item.sku,
      description: item.description,
      localDescription: local,
      hsCode: formatHsCode(item.hsCode),
      originCountry: item.originCountry,
      quantity: item.quantity,
      unitValue: amount(item.unitDeclaredValue),
      totalValue: amount({ amount: item.unitDeclaredValue.amount * item.quantity, currency: item.unitDeclaredValue.currency }),
      unitNetWeightGrams: item.unitWeightGrams,
      netWeightGrams: item.unitWeightGrams * item.quantity,
      batteryType: item.batteryType,
    };
  });
  const unitCount = lines.reduce((sum, line) => sum + line.quantity, 0);
  const netWeightGrams = lines.reduce((sum, line) => sum + line.netWeightGrams, 0);
  const grossWeightGrams = order.parcels.reduce((sum, parcel) => sum + parcel.weightGrams, 0);
  const declaredValue = amount(order.declaredValue);
  const valueUsdCents = context.toUsd(order.declaredValue);
  const valueUsd = amount({ amount: valueUsdCents, currency: 'USD' });

  const commercialInvoice = withContentHash<CommercialInvoice>({
    ...header(invoiceNumber, TITLES.invoice),
    documentType: 'commercial-invoice',
    shipper,
    consignee,
    incoterm: order.incoterm,
    incotermNote: INCOTERM_NOTES[order.incoterm],
    currency,
    reasonForExport: 'Sale of goods',
    lines,
    totals: {
      declaredValue,
      declaredValueUsd: valueUsd,
      unitCount,
      netWeightGrams,
      grossWeightGrams,
      parcelCount: order.parcels.length,
    },
    batteryDeclarations,
    certificates,
    notes,
    declaration: title(TITLES.invoiceDeclaration, language),
  });

  const lineBySku = new Map(lines.map((line) => [line.sku, line]));
  const parcels: PackingListParcel[] = order.parcels.map((parcel) => {
    const contents = parcel.items.map((content) => {
      const line = lineBySku.get(content.sku);
      return {
        lineNumber: line?.lineNumber ?? 0,
        sku: content.sku,
        description: line?.description ?? '',
        localDescription: line?.localDescription ?? null,
        quantity: content.quantity,
        netWeightGrams: (line?.unitNetWeightGrams ?? 0) * content.quantity,
      };
    });
    const skus = new Set(parcel.items.map((content) => content.sku));
    const statements = [...new Set(batteryDeclarations.filter((declaration) => skus.has(declaration.sku)).map((declaration) => declaration.statement))];
    return {
      parcelNumber: parcel.parcelNumber,
      reference: parcel.reference ?? null,
      grossWeightGrams: parcel.weightGrams,
      netWeightGrams: contents.reduce((sum, content) => sum + content.netWeightGrams, 0),
      dimensionsMm:
        parcel.dimensions === undefined ? null : { length: parcel.dimensions.lengthMm, width: parcel.dimensions.widthMm, height: parcel.dimensions.heightMm },
      contents,
      batteryStatements: statements,
    };
  });
  const packingList = withContentHash<PackingList>({
    ...header(`PL-${suffix}`, TITLES.packingList),
    documentType: 'packing-list',
    invoiceNumber,
    shipper,
    consignee,
    parcels,
    totals: { parcelCount: parcels.length, unitCount, netWeightGrams, grossWeightGrams },
    notes: order.parcelsDerived ? ['Parcels were derived from the items by Enlace; weights and sizes are to be confirmed at the warehouse.'] : [],
  });

  // CN 22 up to 300 SDR: compare US cents × den ≤ 300 SDR in cents × num exactly (usdPerSdr = num/den).
  const rate = decimalRatio(SDR_RATE.usdPerSdr);
  const form = valueUsdCents * rate.den <= CN22_LIMIT.maxSdr * 100 * rate.num ? 'CN22' : 'CN23';
  const valueSdrHundredths = roundHalfAwayFromZero(valueUsdCents * rate.den, rate.num);
  const customsDeclaration = withContentHash<PostalDeclaration>({
    ...header(`${form}-${suffix}`, TITLES[form]),
    documentType: form,
    invoiceNumber,
    sender: shipper,
    addressee: consignee,
    importerReference: consignee.taxId === null ? null : `${consignee.taxId.type} ${consignee.taxId.value}`,
    categoryOfItem: 'sale-of-goods',
    items: lines.map((line) => ({
      lineNumber: line.lineNumber,
      description: line.description,
      localDescription: line.localDescription,
      quantity: line.quantity,
      netWeightGrams: line.netWeightGrams,
      value: line.totalValue,
      hsCode: line.hsCode,
      originCountry: line.originCountry,
    })),
    totalGrossWeightGrams: grossWeightGrams,
    totalValue: declaredValue,
    formChoice: {
      valueUsd,
      valueSdr: hundredths(valueSdrHundredths),
      maxSdrForCn22: CN22_LIMIT.maxSdr,
      usdPerSdr: SDR_RATE.usdPerSdr,
      usdPerSdrAsOf: SDR_RATE.asOf,
      usdPerSdrIsSandbox: SDR_RATE.sandbox === true,
      source: CN22_LIMIT.source,
    },
    comments: [...new Set(batteryDeclarations.map((declaration) => declaration.statement))],
    certificates,
    declaration: title(TITLES.postalDeclaration, language),
  });

  return { commercialInvoice, packingList, customsDeclaration };
}
