import fc from 'fast-check';
import { humanText, textProblem } from '../../../../domain/shared/text';

describe('text fields: what a field may hold (domain/shared/text.ts)', () => {
  it.each([
    ['Loja São João', 'accents'],
    ['深圳市南山区', 'CJK'],
    ['مرحبا بالعالم', 'RTL (Arabic)'],
    ['שלום', 'RTL (Hebrew)'],
    ['Caja 📦 grande 😀', 'emoji (astral characters)'],
    ['𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'mathematical letters (astral)'],
    ['\uFFFD', 'the replacement character'],
  ])('accepts %j (%s)', (value) => {
    expect(textProblem(value)).toBeUndefined();
  });

  it.each([
    ['a\uFFFEb', 'U+FFFE at character 2 is a Unicode noncharacter'],
    ['a\uFFFF', 'U+FFFF at character 2 is a Unicode noncharacter'],
    ['\uFDD0', 'U+FDD0 at character 1 is a Unicode noncharacter'],
    [String.fromCodePoint(0x1fffe), 'U+1FFFE at character 1 is a Unicode noncharacter'],
    [`ok ${String.fromCodePoint(0x10ffff)}`, 'U+10FFFF at character 4 is a Unicode noncharacter'],
    ['nul\u0000', 'U+0000 at character 4 is a control character'],
    ['bell\u0007', 'U+0007 at character 5 is a control character'],
    ['del\u007f', 'U+007F at character 4 is a control character'],
    ['two\nlines', 'U+000A at character 4 is a control character (this field is one line)'],
    ['lone \uD83D', 'U+D83D at character 6 is a lone surrogate'],
    ['\uDE00 low first', 'U+DE00 at character 1 is a lone surrogate'],
    ['📦\uDE00', 'U+DE00 at character 2 is a lone surrogate'],
  ])('refuses %j, naming the character and where it is', (value, message) => {
    expect(textProblem(value)).toContain(message);
  });

  it('allows line breaks and tabs only in a multi-line field', () => {
    expect(textProblem('first\nsecond\tthird\r\n', { multiLine: true })).toBeUndefined();
    expect(textProblem('first\u0000', { multiLine: true })).toContain('U+0000');
  });

  it('accepts every string of scalar values outside the refused classes, and refuses every string holding one of them', () => {
    const refused = (point: number) =>
      point < 0x20 || point === 0x7f || (point >= 0xd800 && point <= 0xdfff) || (point >= 0xfdd0 && point <= 0xfdef) || (point & 0xfffe) === 0xfffe;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const points = [...value].map((character) => character.codePointAt(0)!);
        expect(textProblem(value) === undefined).toBe(!points.some(refused));
      }),
      { numRuns: 500 },
    );
  });

  it('as a schema: trims, counts, and names the problem on the field', () => {
    const schema = humanText(5);
    expect(schema.parse('  abc  ')).toBe('abc');
    expect(schema.safeParse('').error?.issues[0]?.message).toBe('must not be empty');
    expect(schema.safeParse('abcdef').error?.issues[0]?.message).toBe('must be at most 5 characters');
    expect(schema.safeParse('a\uFFFEb').error?.issues[0]?.message).toMatch(/^must be readable text: U\+FFFE/);
    expect(humanText(5, { allowEmpty: true }).parse('')).toBe('');
  });
});
