import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

export type IsFromEnlace = (signatureHeader: string, rawBody: string, secret: string, toleranceSeconds?: number) => boolean;

/**
 * The signature check exactly as the README shows sellers (the `verify-enlace-signature.js` block),
 * run as is: if the README's snippet stops working, the tests that use this fail.
 */
export function readmeVerifier(): IsFromEnlace {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const snippet = /```js\n\/\/ verify-enlace-signature\.js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (snippet === undefined) {
    throw new Error('README.md has no ```js block starting with // verify-enlace-signature.js');
  }
  return runInNewContext(`${snippet}\n;isFromEnlace`, { require, Buffer }) as IsFromEnlace;
}
