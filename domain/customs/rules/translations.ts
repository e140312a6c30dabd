/**
 * A small glossary for printing Spanish or Portuguese descriptions beside the seller's English one.
 * It recognises the product noun (longest English keyword wins) and a few modifiers (material,
 * wireless, who it is for) and builds "noun + modifiers" with gender and number agreement. Anything
 * it does not recognise stays in the English description printed next to it.
 */
import type { RuleProvenance } from './types';

export const GLOSSARY_PROVENANCE: RuleProvenance = {
  source: null,
  effectiveFrom: null,
  uncertain: true,
  note: 'Enlace’s own glossary, not a customs nomenclature; a translation is a courtesy beside the English description, which stays authoritative.',
};

/** Gender and number of a noun phrase: masculine/feminine, singular/plural. */
export type Agreement = 'ms' | 'fs' | 'mp' | 'fp';

export interface NounTerm {
  /** English keywords, already normalized (lower case, no accents or apostrophes, "-" as space). */
  readonly en: readonly string[];
  readonly es: readonly [text: string, agreement: Agreement];
  readonly pt: readonly [text: string, agreement: Agreement];
}

/** An adjective's forms by agreement, or one invariant phrase ("de algodón"). */
export type ModifierForms = string | Readonly<Record<Agreement, string>>;

export interface ModifierTerm {
  readonly en: readonly string[];
  readonly es: ModifierForms;
  readonly pt: ModifierForms;
}

const noun = (en: string[], es: string, esA: Agreement, pt: string, ptA: Agreement): NounTerm => ({ en, es: [es, esA], pt: [pt, ptA] });

export const NOUN_TERMS: readonly NounTerm[] = [
  noun(['earbuds', 'earbud', 'earphones', 'headphones', 'headset'], 'Audífonos', 'mp', 'Fones de ouvido', 'mp'),
  noun(['phone case', 'phone cover', 'case for iphone', 'iphone case'], 'Funda para teléfono', 'fs', 'Capa para celular', 'fs'),
  noun(['screen protector'], 'Protector de pantalla', 'ms', 'Película protetora de tela', 'fs'),
  noun(['smartphone', 'mobile phone', 'cell phone'], 'Teléfono celular', 'ms', 'Telefone celular', 'ms'),
  noun(['power bank', 'powerbank'], 'Batería externa (power bank)', 'fs', 'Carregador portátil (power bank)', 'ms'),
  noun(['charger', 'charging adapter', 'power adapter'], 'Cargador', 'ms', 'Carregador', 'ms'),
  noun(['usb cable', 'charging cable', 'cable'], 'Cable', 'ms', 'Cabo', 'ms'),
  noun(['smartwatch', 'smart watch'], 'Reloj inteligente', 'ms', 'Relógio inteligente', 'ms'),
  noun(['watch', 'wristwatch'], 'Reloj', 'ms', 'Relógio', 'ms'),
  noun(['speaker', 'speakers'], 'Altavoz', 'ms', 'Caixa de som', 'fs'),
  noun(['keyboard'], 'Teclado', 'ms', 'Teclado', 'ms'),
  noun(['mouse'], 'Ratón (mouse)', 'ms', 'Mouse', 'ms'),
  noun(['laptop', 'notebook computer'], 'Computadora portátil', 'fs', 'Computador portátil', 'ms'),
  noun(['tablet'], 'Tableta', 'fs', 'Tablet', 'ms'),
  noun(['camera'], 'Cámara', 'fs', 'Câmera', 'fs'),
  noun(['lamp', 'led light', 'led strip', 'night light'], 'Lámpara', 'fs', 'Luminária', 'fs'),
  noun(['t shirt', 'tshirt', 'tee'], 'Camiseta', 'fs', 'Camiseta', 'fs'),
  noun(['blouse'], 'Blusa', 'fs', 'Blusa', 'fs'),
  noun(['shirt'], 'Camisa', 'fs', 'Camisa', 'fs'),
  noun(['dress'], 'Vestido', 'ms', 'Vestido', 'ms'),
  noun(['jeans', 'pants', 'trousers'], 'Pantalón', 'ms', 'Calça', 'fs'),
  noun(['shorts'], 'Pantalón corto', 'ms', 'Bermuda', 'fs'),
  noun(['jacket', 'coat'], 'Chaqueta', 'fs', 'Jaqueta', 'fs'),
  noun(['hoodie', 'sweatshirt'], 'Sudadera', 'fs', 'Moletom', 'ms'),
  noun(['sweater'], 'Suéter', 'ms', 'Suéter', 'ms'),
  noun(['socks'], 'Calcetines', 'mp', 'Meias', 'fp'),
  noun(['underwear'], 'Ropa interior', 'fs', 'Roupa íntima', 'fs'),
  noun(['sneakers', 'trainers', 'running shoes'], 'Zapatillas deportivas', 'fp', 'Tênis', 'mp'),
  noun(['shoes'], 'Zapatos', 'mp', 'Sapatos', 'mp'),
  noun(['boots'], 'Botas', 'fp', 'Botas', 'fp'),
  noun(['sandals'], 'Sandalias', 'fp', 'Sandálias', 'fp'),
  noun(['cap', 'baseball cap'], 'Gorra', 'fs', 'Boné', 'ms'),
  noun(['hat'], 'Sombrero', 'ms', 'Chapéu', 'ms'),
  noun(['backpack'], 'Mochila', 'fs', 'Mochila', 'fs'),
  noun(['handbag', 'bag', 'tote bag'], 'Bolso', 'ms', 'Bolsa', 'fs'),
  noun(['wallet'], 'Cartera', 'fs', 'Carteira', 'fs'),
  noun(['belt'], 'Cinturón', 'ms', 'Cinto', 'ms'),
  noun(['sunglasses'], 'Lentes de sol', 'mp', 'Óculos de sol', 'mp'),
  noun(['necklace'], 'Collar', 'ms', 'Colar', 'ms'),
  noun(['earrings'], 'Aretes', 'mp', 'Brincos', 'mp'),
  noun(['bracelet'], 'Pulsera', 'fs', 'Pulseira', 'fs'),
  noun(['ring'], 'Anillo', 'ms', 'Anel', 'ms'),
  noun(['building blocks', 'building block set'], 'Bloques de construcción', 'mp', 'Blocos de montar', 'mp'),
  noun(['doll'], 'Muñeca', 'fs', 'Boneca', 'fs'),
  noun(['puzzle', 'jigsaw puzzle'], 'Rompecabezas', 'ms', 'Quebra-cabeça', 'ms'),
  noun(['toy', 'toys'], 'Juguete', 'ms', 'Brinquedo', 'ms'),
  noun(['lipstick'], 'Lápiz labial', 'ms', 'Batom', 'ms'),
  noun(['perfume', 'eau de parfum'], 'Perfume', 'ms', 'Perfume', 'ms'),
  noun(['nail polish'], 'Esmalte de uñas', 'ms', 'Esmalte de unhas', 'ms'),
  noun(['makeup brushes', 'makeup brush'], 'Brochas de maquillaje', 'fp', 'Pincéis de maquiagem', 'mp'),
  noun(['face cream', 'cream', 'lotion'], 'Crema', 'fs', 'Creme', 'ms'),
  noun(['shampoo'], 'Champú', 'ms', 'Xampu', 'ms'),
  noun(['mug', 'cup'], 'Taza', 'fs', 'Caneca', 'fs'),
  noun(['towel'], 'Toalla', 'fs', 'Toalha', 'fs'),
  noun(['pillow', 'cushion'], 'Cojín', 'ms', 'Almofada', 'fs'),
  noun(['phone stand', 'phone holder', 'stand', 'holder'], 'Soporte', 'ms', 'Suporte', 'ms'),
  noun(['book'], 'Libro', 'ms', 'Livro', 'ms'),
  noun(['tea'], 'Té', 'ms', 'Chá', 'ms'),
];

const adjective = (ms: string, fs: string, mp: string, fp: string): Readonly<Record<Agreement, string>> => ({ ms, fs, mp, fp });

export const MODIFIER_TERMS: readonly ModifierTerm[] = [
  { en: ['wireless'], es: adjective('inalámbrico', 'inalámbrica', 'inalámbricos', 'inalámbricas'), pt: 'sem fio' },
  { en: ['bluetooth'], es: 'Bluetooth', pt: 'Bluetooth' },
  {
    en: ['rechargeable'],
    es: adjective('recargable', 'recargable', 'recargables', 'recargables'),
    pt: adjective('recarregável', 'recarregável', 'recarregáveis', 'recarregáveis'),
  },
  { en: ['with charging case'], es: 'con estuche de carga', pt: 'com estojo de carregamento' },
  { en: ['silicone'], es: 'de silicona', pt: 'de silicone' },
  { en: ['cotton'], es: 'de algodón', pt: 'de algodão' },
  { en: ['polyester'], es: 'de poliéster', pt: 'de poliéster' },
  { en: ['leather'], es: 'de cuero', pt: 'de couro' },
  { en: ['stainless steel'], es: 'de acero inoxidable', pt: 'de aço inoxidável' },
  { en: ['plastic'], es: 'de plástico', pt: 'de plástico' },
  { en: ['wooden', 'wood'], es: 'de madera', pt: 'de madeira' },
  { en: ['glass'], es: 'de vidrio', pt: 'de vidro' },
  { en: ['ceramic'], es: 'de cerámica', pt: 'de cerâmica' },
  { en: ['womens', 'women', 'ladies'], es: 'para mujer', pt: adjective('feminino', 'feminina', 'femininos', 'femininas') },
  { en: ['mens', 'men'], es: 'para hombre', pt: adjective('masculino', 'masculina', 'masculinos', 'masculinas') },
  { en: ['childrens', 'children', 'kids', 'kid', 'baby'], es: 'para niños', pt: adjective('infantil', 'infantil', 'infantis', 'infantis') },
];

/** Category names used when no product noun is recognised: printed before the English description. */
export const CATEGORY_TERMS: Readonly<Record<string, { readonly es: string; readonly pt: string }>> = {
  electronics: { es: 'Artículo electrónico', pt: 'Artigo eletrônico' },
  apparel: { es: 'Prenda de vestir', pt: 'Peça de vestuário' },
  footwear: { es: 'Calzado', pt: 'Calçado' },
  accessories: { es: 'Accesorio', pt: 'Acessório' },
  toys: { es: 'Juguete', pt: 'Brinquedo' },
  home: { es: 'Artículo para el hogar', pt: 'Artigo para o lar' },
  jewelry: { es: 'Bisutería', pt: 'Bijuteria' },
  cosmetics: { es: 'Cosmético', pt: 'Cosmético' },
  food: { es: 'Alimento', pt: 'Alimento' },
};
