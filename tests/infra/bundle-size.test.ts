import { BUNDLE_BUDGET_BYTES, LAZY_MODULES } from '../../infra/constructs/bundling';
import { measureBundles, type BundleSize } from '../../scripts/bundle-size';

/*
 * `npm run bundle-size`'s check, in npm test: every function's bundle, as the CDK deploys it
 * (infra/constructs/bundling.ts), stays within 250 KiB, with no exception (routing's was lifted
 * when the stored quote began to name its refused batteries, so routing carries no rate card).
 */

let sizes: BundleSize[];
beforeAll(async () => {
  sizes = await measureBundles();
}, 120_000);

describe('deployed bundles', () => {
  it('measures every function', () => {
    expect(sizes.length).toBeGreaterThanOrEqual(30);
    expect(sizes.map(({ name }) => name)).toEqual(expect.arrayContaining(['order-intake', 'routing', 'customs-documents', 'tracking-webhook']));
  });

  it(`keeps every bundle within ${BUNDLE_BUDGET_BYTES / 1024} KiB minified`, () => {
    const over = sizes.filter(({ bytes }) => bytes > BUNDLE_BUDGET_BYTES).map(({ name, bytes }) => `${name}: ${bytes} bytes`);
    expect(over).toEqual([]);
  });

  it('deploys pdf-lib as its own file beside the functions that render, and in no bundle', () => {
    for (const { name, lazy } of sizes) {
      expect(lazy.map(({ packageName }) => packageName)).toEqual(LAZY_MODULES[name] ?? []);
      for (const { bytes } of lazy) expect(bytes).toBeGreaterThan(300 * 1024);
    }
    const renderers = sizes.filter(({ name }) => LAZY_MODULES[name] !== undefined);
    expect(renderers.map(({ name }) => name).sort()).toEqual(['correct-order', 'customs-documents']);
    for (const { bytes } of renderers) expect(bytes).toBeLessThan(BUNDLE_BUDGET_BYTES);
  });
});
