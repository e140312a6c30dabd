/** The packing list, on A4. */
import { type PDFDocument } from 'pdf-lib';
import { type PackingList } from '../documents';
import { type Code128Encoding } from './code128';
import { A4, a4Header, day, describe, facts, finish, heading, kg, newPdf, parties, Sheet, table } from './layout';

export async function renderPackingList(document: PackingList, barcode: Code128Encoding): Promise<PDFDocument> {
  const { pdf, fonts } = await newPdf(document, document.shipper.name);
  const sheet = new Sheet(pdf, fonts, A4, 36, 14, a4Header(document, barcode));
  facts(sheet, [
    ['Packing list', document.documentNumber],
    ['Invoice no.', document.invoiceNumber],
    ['Date', day(document.issuedAt)],
    ['Order', `${document.orderId} (version ${document.orderVersion})`],
    ['Carrier', `${document.carrier} / ${document.serviceId}`],
    ['Tracking no.', document.trackingNumber],
  ]);
  sheet.down(4);
  parties(sheet, 'Shipper', document.shipper, 'Consignee', document.consignee);
  const x = sheet.left;
  for (const parcel of document.parcels) {
    const size =
      parcel.dimensionsMm === null ? 'size to be measured' : `${parcel.dimensionsMm.length} x ${parcel.dimensionsMm.width} x ${parcel.dimensionsMm.height} mm`;
    heading(sheet, `Parcel ${parcel.parcelNumber} of ${document.parcels.length}${parcel.reference === null ? '' : ` (ref. ${parcel.reference})`}`);
    sheet.paragraph(`Gross weight ${kg(parcel.grossWeightGrams)} kg, net weight ${kg(parcel.netWeightGrams)} kg, ${size}`, { size: 8.5 });
    for (const statement of parcel.batteryStatements) sheet.paragraph(`Battery mark: ${statement}`, { size: 8.5, bold: true });
    table(
      sheet,
      [
        { title: 'Line', x, width: 24 },
        { title: 'Description', x: x + 26, width: 290 },
        { title: 'SKU', x: x + 320, width: 110 },
        { title: 'Qty', x: x + 432, width: 30, align: 'right' },
        { title: 'Net kg', x: x + 466, width: 57, align: 'right' },
      ],
      parcel.contents.map((content) => [
        String(content.lineNumber),
        describe(content.description, content.localDescription),
        content.sku,
        String(content.quantity),
        kg(content.netWeightGrams),
      ]),
    );
  }
  heading(sheet, 'Totals');
  sheet.paragraph(
    `${document.totals.parcelCount} parcel(s), ${document.totals.unitCount} unit(s), net weight ${kg(document.totals.netWeightGrams)} kg, gross weight ${kg(document.totals.grossWeightGrams)} kg`,
    { size: 9 },
  );
  for (const note of document.notes) sheet.paragraph(note, { size: 8, grey: true });
  finish(sheet, document);
  return pdf;
}
