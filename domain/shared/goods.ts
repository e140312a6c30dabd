/** Goods families that carriers accept, refuse or surcharge differently ("sensitive goods"). */
export const GOODS_CATEGORIES = [
  'general',
  'apparel',
  'footwear',
  'accessories',
  'electronics',
  'toys',
  'home',
  'jewelry',
  'cosmetics',
  'liquid',
  'powder',
  'magnetic',
  'food',
] as const;
export type GoodsCategory = (typeof GOODS_CATEGORIES)[number];
