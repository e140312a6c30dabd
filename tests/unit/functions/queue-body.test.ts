import fc from 'fast-check';
import { queueMessageBody, sqsAcceptsBody } from '../../../functions/shared/queue-body';
import { expectEvery } from '../../setup/assertions';

describe('queue message bodies (functions/shared/queue-body.ts)', () => {
  it('writes every JSON value as a body real SQS accepts, with no character above U+FFFF (which fauxqs refuses), and the same value back', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: 'binary', maxLength: 30 }), (value, text) => {
        const message = { value, text };
        const body = queueMessageBody(message);
        expect(sqsAcceptsBody(body)).toBe(true);
        expectEvery([...body], (character) => character.codePointAt(0)! <= 0xffff);
        expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(message)));
      }),
      { numRuns: 150 },
    );
  });

  it('escapes exactly what SQS or fauxqs would refuse, and leaves the rest of the text as it is', () => {
    const body = queueMessageBody({ name: 'José 📦 \uFFFE\uFFFF \u0000 \uD800' });
    expect(body).toBe('{"name":"José \\ud83d\\udce6 \\ufffe\\uffff \\u0000 \\ud800"}');
    expect(JSON.parse(body)).toEqual({ name: 'José 📦 \uFFFE\uFFFF \u0000 \uD800' });
  });

  it("holds plain JSON.stringify to SQS's documented character set: U+FFFE is refused, an emoji is not", () => {
    expect(sqsAcceptsBody(JSON.stringify({ name: 'a\uFFFEb' }))).toBe(false);
    expect(sqsAcceptsBody(JSON.stringify({ name: '📦' }))).toBe(true);
    expect(sqsAcceptsBody('\u0000')).toBe(false);
  });
});
