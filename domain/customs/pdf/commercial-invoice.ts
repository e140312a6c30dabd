/** The commercial invoice, on A4. */
import { type PDFDocument } from 'pdf-lib';
import { type CommercialInvoice } from '../documents';
import { type Code128Encoding } from './code128';
import { A4, a4Header, day, describe, facts, finish, heading, kg, money, newPdf, parties, Sheet, signature, table } from './layout';

export async function renderInvoice(document: CommercialInvoice, barcode: Code128Encoding): Promise<PDFDocument> {
  const { pdf, fonts } = await newPdf(document, document.shipper.name);
  const sheet = new Sheet(pdf, fonts, A4, 36, 14, a4Header(document, barcode));
  facts(sheet, [
    ['Invoice no.', document.documentNumber],
    ['Date', day(document.issuedAt)],
    ['Order', `${document.orderId} (version ${document.orderVersion})`],
    ['Marketplace', `${document.marketplace} ${document.externalOrderId}`],
    ['Carrier', `${document.carrier} / ${document.serviceId}`],
    ['Tracking no.', document.trackingNumber],
    ['Incoterm', document.incoterm],
    ['Currency', document.currency],
    ['Reason', document.reasonForExport],
    ['Destination', document.destinationCountry],
  ]);
  sheet.down(4);
  parties(sheet, 'Shipper / exporter', document.shipper, 'Consignee / importer', document.consignee);

  const x = sheet.left;
  table(
    sheet,
    [
      { title: '#', x, width: 16 },
      { title: 'Description', x: x + 18, width: 206 },
      { title: 'HS code', x: x + 228, width: 56 },
      { title: 'Origin', x: x + 288, width: 30 },
      { title: 'Qty', x: x + 318, width: 28, align: 'right' },
      { title: 'Unit value', x: x + 348, width: 58, align: 'right' },
      { title: 'Total', x: x + 408, width: 62, align: 'right' },
      { title: 'Net kg', x: x + 472, width: 51, align: 'right' },
    ],
    document.lines.map((line) => {
      return [
        String(line.lineNumber),
        describe(`${line.description} (SKU ${line.sku})`, line.localDescription),
        line.hsCode,
        line.originCountry,
        String(line.quantity),
        line.unitValue.text,
        line.totalValue.text,
        kg(line.netWeightGrams),
      ];
    }),
  );

  const totals: [string, string][] = [
    ['Total declared value', money(document.totals.declaredValue)],
    ...(document.currency === 'USD' ? [] : ([['Equivalent in USD', money(document.totals.declaredValueUsd)]] as [string, string][])),
    ['Units', String(document.totals.unitCount)],
    ['Net weight', `${kg(document.totals.netWeightGrams)} kg`],
    ['Gross weight', `${kg(document.totals.grossWeightGrams)} kg`],
    ['Parcels', String(document.totals.parcelCount)],
  ];
  sheet.ensure(totals.length * 12 + 4);
  for (const [label, value] of totals) {
    sheet.textRight(`${label}:`, sheet.right - 110, { size: 9, bold: true });
    sheet.textRight(value, sheet.right, { size: 9 });
    sheet.down(12);
  }
  sheet.paragraph(`Terms of sale: ${document.incotermNote}`, { size: 8 });

  if (document.batteryDeclarations.length > 0) {
    heading(sheet, 'Lithium batteries');
    for (const battery of document.batteryDeclarations) {
      const section = battery.section === null ? '' : ` Section ${battery.section}`;
      sheet.paragraph(
        `Line ${battery.itemIndex + 1} (SKU ${battery.sku}, ${battery.quantity} unit(s)): ${battery.unNumber} ${battery.properShippingName}, ${battery.packingInstruction}${section}${battery.cargoAircraftOnly ? ', cargo aircraft only' : ''}. "${battery.statement}".`,
        { size: 8 },
      );
    }
  }
  if (document.certificates.length > 0) {
    heading(sheet, 'Certificates');
    for (const certificate of document.certificates) {
      sheet.paragraph(`${certificate.agency} ${certificate.reference}${certificate.skus === null ? '' : ` (SKU ${certificate.skus.join(', ')})`}`, { size: 8 });
    }
  }
  if (document.notes.length > 0) {
    heading(sheet, 'Notes');
    for (const note of document.notes) sheet.paragraph(note, { size: 8 });
  }
  heading(sheet, 'Declaration');
  signature(sheet, document.declaration, document.shipper.name, document.issuedAt);
  finish(sheet, document);
  return pdf;
}
