/**
 * Words that cannot describe goods on their own. Customs (US CBP in particular) rejects
 * descriptions such as "gift", "samples", "parts" or "accessories" by themselves: an officer must
 * be able to tell what the item is, what it is made of and what it is for.
 */
import type { RuleProvenance } from './types';

export const VAGUE_DESCRIPTION_RULE: RuleProvenance = {
  source: 'https://www.docinvo.com/help/how-to-describe-goods-on-commercial-invoice',
  effectiveFrom: null,
  uncertain: false,
  note:
    'Vague words by themselves ("parts", "samples", "gifts", "accessories", "merchandise") are rejected; also ' +
    'https://support.shippit.com/en/articles/10136197-writing-effective-product-descriptions (CBP rejects vague descriptions) and ' +
    'https://urshipper.help.center/article/1032-Goods-Description ("clothes"). Spanish and Portuguese equivalents are Enlace’s translations.',
};

/**
 * Generic nouns and qualifiers, already in the normalized form the check compares against
 * (lower case, no accents). A description made only of these (and filler words) is too vague.
 */
export const VAGUE_WORDS: readonly string[] = [
  // English
  'gift', 'gifts', 'present', 'presents', 'sample', 'samples', 'part', 'parts', 'spare', 'spares', 'accessory', 'accessories',
  'goods', 'item', 'items', 'product', 'products', 'merchandise', 'stuff', 'thing', 'things', 'misc', 'miscellaneous',
  'various', 'assorted', 'other', 'others', 'general', 'personal', 'effects', 'clothes', 'clothing', 'garments',
  'electronic', 'electronics', 'textile', 'textiles', 'supplies', 'commodity', 'commodities', 'article', 'articles',
  // Spanish
  'regalo', 'regalos', 'obsequio', 'obsequios', 'muestra', 'muestras', 'pieza', 'piezas', 'parte', 'partes', 'repuesto',
  'repuestos', 'accesorio', 'accesorios', 'articulo', 'articulos', 'producto', 'productos', 'mercancia', 'mercancias',
  'mercaderia', 'mercaderias', 'cosas', 'varios', 'varias', 'ropa', 'electronico', 'electronicos', 'bienes',
  // Portuguese
  'presente', 'presentes', 'brinde', 'brindes', 'amostra', 'amostras', 'peca', 'pecas', 'acessorio', 'acessorios', 'artigo',
  'artigos', 'produto', 'produtos', 'mercadoria', 'mercadorias', 'itens', 'coisas', 'diversos', 'diversas', 'roupa',
  'roupas', 'eletronico', 'eletronicos',
];

/** Words that add nothing to a description (articles, prepositions, "new", counts). */
export const FILLER_WORDS: readonly string[] = [
  'a', 'an', 'the', 'of', 'for', 'and', 'or', 'with', 'in', 'to', 'new', 'free', 'use', 'set', 'pcs', 'pc', 'x', 'lot', 'mixed',
  'de', 'del', 'do', 'da', 'dos', 'das', 'para', 'con', 'com', 'e', 'y', 'o', 'ou', 'en', 'em', 'el', 'la', 'los', 'las',
  'un', 'una', 'um', 'uma', 'nuevo', 'nueva', 'novo', 'nova', 'gratis', 'uso', 'pessoal',
];
