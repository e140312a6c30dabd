/**
 * The body of every SQS message Enlace sends: JSON whose every character any SQS accepts.
 *
 * SQS takes only XML 1.0 characters in a message body: #x9 | #xA | #xD | #x20–#xD7FF |
 * #xE000–#xFFFD | #x10000–#x10FFFF. JSON.stringify already escapes the control characters and lone
 * surrogates (`\u0000`, `\ud800`), but writes U+FFFE, U+FFFF and astral characters (emoji) as they
 * are: real SQS refuses the first two, and fauxqs (the local SQS) also refuses everything above
 * U+FFFF, which real SQS accepts. Escaping exactly those as `\uXXXX` (a surrogate pair for an astral
 * character) keeps the JSON value identical: every consumer's JSON.parse sees the same strings. So
 * one encoding serves AWS and the local cloud, and no message is refused for its characters.
 */
export function queueMessageBody(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new TypeError('a queue message must be a JSON value');
  }
  return json.replace(NOT_CARRIED, (match) => escapeUnits(match));
}

/** A surrogate pair (an astral character), U+FFFE or U+FFFF: written raw by JSON.stringify. */
const NOT_CARRIED = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

const escapeUnits = (text: string): string =>
  Array.from({ length: text.length }, (_, index) => `\\u${text.charCodeAt(index).toString(16).padStart(4, '0')}`).join('');

/** Whether real SQS accepts a body (its documented character set); what tests hold every sent body to. */
export function sqsAcceptsBody(body: string): boolean {
  for (const character of body) {
    const point = character.codePointAt(0)!;
    const allowed =
      point === 0x9 ||
      point === 0xa ||
      point === 0xd ||
      (point >= 0x20 && point <= 0xd7ff) ||
      (point >= 0xe000 && point <= 0xfffd) ||
      (point >= 0x10000 && point <= 0x10ffff);
    if (!allowed) {
      return false;
    }
  }
  return true;
}
