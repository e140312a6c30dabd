/**
 * Shipping labels in ZPL II for 4 × 6 in thermal printers at 203 dpi (812 × 1218 dots): carrier,
 * service, ship-to, order, parcel n of N, and the tracking number as a Code 128 barcode (^BC, the
 * printer picks subsets automatically) with its human-readable line. One ^XA…^XZ format per
 * parcel. Deterministic: the same input always gives the same bytes (no date is printed unless
 * the caller passes one).
 */
import type { ServiceLevel } from '../shared/shipping-terms';

export const LABEL_SIZE = { widthInches: 4, heightInches: 6, dotsPerInch: 203, widthDots: 812, heightDots: 1218 } as const;

export interface LabelAddress {
  readonly name: string;
  readonly streetLines: readonly string[];
  readonly neighborhood?: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly country: string;
  readonly phone?: string;
}

export interface ShipFromAddress {
  readonly name: string;
  readonly streetLines?: readonly string[];
  readonly city: string;
  readonly state?: string;
  readonly postalCode?: string;
  readonly country: string;
}

export interface LabelInput {
  readonly carrierName: string;
  readonly serviceName: string;
  readonly serviceLevel: ServiceLevel;
  readonly trackingNumber: string;
  readonly orderId: string;
  readonly shipTo: LabelAddress;
  /** The sender; a domestic parcel's is its warehouse, with the street address. */
  readonly shipFrom?: ShipFromAddress;
  readonly parcels: readonly { readonly weightGrams: number }[];
  /** Prints a SANDBOX banner: the number was never issued by the carrier. */
  readonly sandbox: boolean;
  /** "2026-11-22", printed when given. */
  readonly shipDate?: string;
}

const MARGIN = 40;
const CONTENT_WIDTH = LABEL_SIZE.widthDots - 2 * MARGIN;

/** Field data without ZPL's command prefixes (^ and ~) or line breaks, trimmed to `max` characters. */
export function zplText(value: string, max = 60): string {
  const clean = value
    .replace(/[\^~\r\n\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Code 128 modules for a value: start (11) + data symbols (11 each) + check (11) + stop (13). */
export function code128Modules(value: string): number {
  const symbols = /^\d+$/.test(value) && value.length % 2 === 0 ? value.length / 2 : value.length;
  return 11 * (symbols + 2) + 13;
}

function text(x: number, y: number, size: number, value: string, max?: number): string {
  return `^FO${x},${y}^A0N,${size},${size}^FD${zplText(value, max)}^FS`;
}

function line(y: number): string {
  return `^FO${MARGIN},${y}^GB${CONTENT_WIDTH},3,3^FS`;
}

function oneLabel(input: LabelInput, index: number): string {
  const parcel = input.parcels[index];
  const to = input.shipTo;
  const out: string[] = ['^XA', '^CI28', `^PW${LABEL_SIZE.widthDots}`, `^LL${LABEL_SIZE.heightDots}`, '^LH0,0'];
  out.push(text(MARGIN, 30, 50, input.carrierName.toUpperCase(), 22));
  out.push(text(MARGIN, 90, 26, input.serviceName, 44));
  out.push(`^FO560,28^GB212,80,3^FS`, text(575, 50, 40, input.serviceLevel.toUpperCase(), 9));
  out.push(line(128));
  let y = 145;
  out.push(text(MARGIN, y, 24, 'SHIP TO'));
  y += 32;
  out.push(text(MARGIN, y, 38, to.name, 36));
  y += 46;
  for (const street of to.streetLines.slice(0, 3)) {
    out.push(text(MARGIN, y, 30, street, 46));
    y += 36;
  }
  if (to.neighborhood !== undefined) {
    out.push(text(MARGIN, y, 30, to.neighborhood, 46));
    y += 36;
  }
  out.push(text(MARGIN, y, 36, `${to.city}, ${to.state}`, 40));
  y += 44;
  out.push(text(MARGIN, y, 44, `${to.postalCode}  ${to.country}`, 30));
  y += 52;
  if (to.phone !== undefined) out.push(text(MARGIN, y, 26, `Tel ${to.phone}`, 40));
  out.push(line(590));
  out.push(text(MARGIN, 606, 28, `ORDER ${input.orderId}`, 44));
  const weight = parcel ? `  ${(parcel.weightGrams / 1000).toFixed(2)} KG` : '';
  out.push(text(MARGIN, 644, 28, `PARCEL ${index + 1} OF ${input.parcels.length}${weight}`, 44));
  const from = input.shipFrom;
  if (from) {
    const street = from.streetLines?.[0];
    const place = [from.postalCode, from.city, from.state].filter((part) => part !== undefined).join(' ');
    // One line (the name and city) as before; two when the street address is known (a warehouse).
    if (street === undefined) out.push(text(MARGIN, 682, 24, `FROM ${from.name}, ${from.city} ${from.country}`, 56));
    else out.push(text(MARGIN, 674, 20, `FROM ${from.name}`, 70), text(MARGIN, 698, 20, `${street}, ${place} ${from.country}`, 70));
  }
  if (input.shipDate !== undefined) out.push(text(560, 606, 24, input.shipDate, 12));
  out.push(line(720));
  // The widest module (2–4 dots) that fits, centred.
  const modules = code128Modules(input.trackingNumber);
  const moduleWidth = Math.max(2, Math.min(4, Math.floor(CONTENT_WIDTH / modules)));
  const x = MARGIN + Math.max(0, Math.floor((CONTENT_WIDTH - modules * moduleWidth) / 2));
  out.push(`^FO${x},750^BY${moduleWidth},3,220^BCN,220,Y,N,N,A^FD${zplText(input.trackingNumber, 40)}^FS`);
  out.push(text(MARGIN, 1040, 30, `TRACKING ${input.trackingNumber}`, 44));
  if (input.sandbox) out.push(`^FO${MARGIN},1110^GB${CONTENT_WIDTH},70,70^FS`, `^FO${MARGIN + 20},1128^A0N,36,36^FR^FDSANDBOX - NOT A CARRIER LABEL^FS`);
  out.push('^XZ');
  return out.join('\n');
}

/** One 4 × 6 in ZPL label per parcel, concatenated. */
export function renderLabelZpl(input: LabelInput): string {
  const count = Math.max(1, input.parcels.length);
  return Array.from({ length: count }, (_, index) => oneLabel(input, index)).join('\n');
}
