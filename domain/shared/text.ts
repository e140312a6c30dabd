import * as z from 'zod';

/**
 * What a text field may hold. Enlace's text travels further than the request: into DynamoDB (valid
 * UTF-8 only), onto SQS queues (XML 1.0 characters only: #x9 | #xA | #xD | #x20–#xD7FF |
 * #xE000–#xFFFD | #x10000–#x10FFFF), onto labels and customs forms. So, field by field:
 *
 * - **Human text** (names, street lines, city, descriptions, references): any assigned character of
 *   any script (accents, CJK, RTL, emoji), but never
 *   - NUL and the other C0 control characters (U+0000–U+001F; a line break or tab only where the
 *     field is multi-line) and DEL (U+007F): no printer, label or form shows them;
 *   - a lone surrogate (U+D800–U+DFFF not in a pair): not a character at all, and not valid UTF-8;
 *   - a noncharacter (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF,
 *     U+1FFFE…U+10FFFF): reserved for internal use by the Unicode Standard, and refused by SQS.
 * - **Identifiers** (seller ids, external order ids, warehouse codes) keep their own ASCII patterns.
 *
 * A refused character is named by its code point and position, so the integrator can find it.
 */

/** One thing wrong with a text: the first offending character and why. */
export function textProblem(value: string, options: { readonly multiLine?: boolean } = {}): string | undefined {
  let position = 0;
  for (let index = 0; index < value.length; index += 1) {
    position += 1;
    const unit = value.charCodeAt(index);
    const isPair = unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(value.charCodeAt(index + 1));
    const point = isPair ? (unit - 0xd800) * 0x400 + (value.charCodeAt(index + 1) - 0xdc00) + 0x10000 : unit;
    const why = isPair ? (isNoncharacter(point) ? 'is a Unicode noncharacter' : undefined) : bmpProblem(unit, options.multiLine === true);
    if (why !== undefined) {
      return `${codePoint(point)} at character ${position} ${why}; ${why.startsWith('is a lone') ? 'send valid UTF-8' : 'remove it'}`;
    }
    index += isPair ? 1 : 0;
  }
  return undefined;
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** U+FDD0–U+FDEF, and U+xFFFE / U+xFFFF in every plane. */
const isNoncharacter = (point: number): boolean => (point >= 0xfdd0 && point <= 0xfdef) || (point & 0xfffe) === 0xfffe;

/** Why one UTF-16 code unit that is not part of a surrogate pair is refused. */
function bmpProblem(unit: number, multiLine: boolean): string | undefined {
  if (unit >= 0xd800 && unit <= 0xdfff) {
    return 'is a lone surrogate (not a character)';
  }
  if (isNoncharacter(unit)) {
    return 'is a Unicode noncharacter';
  }
  const lineBreakOrTab = unit === 0x09 || unit === 0x0a || unit === 0x0d;
  if ((unit < 0x20 || unit === 0x7f) && !(multiLine && lineBreakOrTab)) {
    return `is a control character${lineBreakOrTab ? ' (this field is one line)' : ''}`;
  }
  return undefined;
}

const codePoint = (value: number): string => `U+${value.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A human text field: trimmed, 1 to `max` characters (UTF-16 code units, as JavaScript and the
 * limits in the API reference count them), and only characters `textProblem` accepts.
 */
export function humanText(max: number, options: { readonly multiLine?: boolean; readonly allowEmpty?: boolean } = {}) {
  const base = z.string().trim();
  return (options.allowEmpty === true ? base : base.min(1, 'must not be empty')).max(max, `must be at most ${max} characters`).superRefine((value, context) => {
    const problem = textProblem(value, options);
    if (problem !== undefined) {
      context.addIssue({ code: 'custom', message: `must be readable text: ${problem}` });
    }
  });
}
