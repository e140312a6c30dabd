/** Text as the standard PDF fonts can draw it (WinAnsi). */
// ---------------------------------------------------------------------------------------------
// WinAnsi text

/** The characters the standard fonts can draw (WinAnsiEncoding): ASCII, Latin-1 and 27 more. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '≤': '<=',
  '≥': '>=',
  '→': '->',
  '←': '<-',
  '≈': '~',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

const LINE_BREAK = /[\t\n\r\v\f]/;
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;
const COMBINING_MARKS = /\p{M}/gu;

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(character);
}

/**
 * Text the standard Helvetica font can draw: accented Latin letters in WinAnsi (ã, ñ, é, ç…) are
 * kept, others lose their accents (ă → a) or are transliterated (ł → l), line breaks become spaces,
 * and anything else (CJK, emoji) becomes "?" so the loss stays visible.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const character of text.normalize('NFC')) {
    if (isWinAnsi(character)) {
      out += character;
      continue;
    }
    if (LINE_BREAK.test(character)) {
      out += ' ';
      continue;
    }
    if (INVISIBLE.test(character)) continue;
    const mapped = TRANSLITERATIONS[character];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const stripped = character.normalize('NFD').replace(COMBINING_MARKS, '');
    out += stripped !== '' && Array.from(stripped).every(isWinAnsi) ? stripped : '?';
  }
  return out;
}
