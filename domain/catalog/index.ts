/** Public surface of the catalogue: a seller's products (SKUs) with what customs and the warehouse need. */
export type { GetProduct, GetProducts, ListProducts } from './ports';
export {
  certificateFor,
  createProduct,
  patchProduct,
  productInputSchema,
  productPatchSchema,
  SKU_PATTERN,
  skuSchema,
  type Dimensions,
  type PatchResult,
  type Product,
  type ProductCertificate,
  type ProductInput,
  type ProductPatch,
} from './product';
