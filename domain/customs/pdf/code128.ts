/** Code 128 barcodes (code set B, with code set C for runs of digits), as the customs PDFs and labels print them. */
// ---------------------------------------------------------------------------------------------
// Code 128

/**
 * Bar/space widths (in modules) of the 107 Code 128 symbols, values 0–106 (ISO/IEC 15417 table 1):
 * six elements of 11 modules each, starting with a bar; 103–105 are the start codes A/B/C and 106
 * the stop pattern, which has a seventh element (a final 2-module bar) for 13 modules.
 */
export const CODE128_WIDTHS: readonly string[] = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
  '2331112',
];

export const CODE128_START_B = 104;
export const CODE128_START_C = 105;
export const CODE128_STOP = 106;
/** In code set B, switch to C; in code set C, switch to B. */
const CODE_C = 99;
const CODE_B = 100;

export class Code128Error extends Error {
  override readonly name = 'Code128Error';
}

export interface Code128Encoding {
  /** Symbol values: a start code, the data (with any code-set switches), the checksum, stop. */
  readonly values: readonly number[];
  readonly checksum: number;
  /** Element widths in modules, alternating bar, space, bar…, starting and ending with a bar. */
  readonly widths: readonly number[];
  /** The same as a module string: "1" for bar, "0" for space. */
  readonly modules: string;
}

/** Printable ASCII only (space to "~"): what code sets B and C can carry between them. */
function assertPrintable(text: string): void {
  if (text.length === 0) throw new Code128Error('nothing to encode');
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (character.length !== 1 || code < 0x20 || code > 0x7e) {
      throw new Code128Error(`"${character}" cannot be encoded in Code 128 code sets B and C`);
    }
  }
}

/**
 * Adds the checksum and stop to start + data values: the checksum is the start value plus each
 * following value times its position (1-based), modulo 103.
 */
function finishSymbol(startAndData: readonly number[]): Code128Encoding {
  const checksum = startAndData.reduce((sum, value, index) => sum + value * Math.max(index, 1), 0) % 103;
  const values = [...startAndData, checksum, CODE128_STOP];
  const widths = values.flatMap((value) => Array.from(CODE128_WIDTHS[value] ?? '', Number));
  const modules = widths.map((width, index) => (index % 2 === 0 ? '1' : '0').repeat(width)).join('');
  return { values, checksum, widths, modules };
}

/** Encodes printable ASCII in Code 128 code set B only: one symbol per character. */
export function encodeCode128B(text: string): Code128Encoding {
  assertPrintable(text);
  return finishSymbol([CODE128_START_B, ...Array.from(text, (character) => character.charCodeAt(0) - 32)]);
}

function digitsAt(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end - from;
}

/**
 * Encodes printable ASCII in Code 128 using code set B, switching to code set C (two digits per
 * symbol) for runs of digits long enough to gain from it — at least 4 at the start or end, 6 in the
 * middle, after the rules of ISO/IEC 15417 Annex E — so numeric tracking numbers print about half
 * as wide, with wider, easier-to-scan bars.
 */
export function encodeCode128(text: string): Code128Encoding {
  assertPrintable(text);
  const leading = digitsAt(text, 0);
  let set: 'B' | 'C' = leading >= 4 || (leading === text.length && leading % 2 === 0) ? 'C' : 'B';
  const values = [set === 'C' ? CODE128_START_C : CODE128_START_B];
  let i = 0;
  while (i < text.length) {
    const run = digitsAt(text, i);
    if (set === 'C') {
      if (run >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
      } else {
        values.push(CODE_B);
        set = 'B';
      }
      continue;
    }
    if (run >= (i + run === text.length ? 4 : 6)) {
      // An odd run leaves its first digit in code set B, so set C gets whole pairs.
      if (run % 2 === 1) values.push(text.charCodeAt(i++) - 32);
      values.push(CODE_C);
      set = 'C';
      continue;
    }
    values.push(text.charCodeAt(i++) - 32);
  }
  return finishSymbol(values);
}
