/** The four renderers, and pdf-lib with them: loaded by `renderCustomsPdf` on its first call. */
export { renderInvoice } from './commercial-invoice';
export { renderPackingList } from './packing-list';
export { renderCn22, renderCn23 } from './postal-declaration';
