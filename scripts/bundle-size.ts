/**
 * `npm run bundle-size`: bundles every Lambda handler with the options the CDK deploys it with
 * (infra/constructs/bundling.ts: esbuild, minified, node22 target, the AWS SDK left to the runtime)
 * and prints its size, raw and gzipped. Exits 1 when a bundle is over BUNDLE_BUDGET_BYTES.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_BUDGET_BYTES, esbuildOptionsFor, handlerEntry, lazyModuleOptions, lazyModulesOf } from '../infra/constructs/bundling';

const root = join(__dirname, '..');

export interface BundleSize {
  readonly name: string;
  /** The handler's bundle: what Lambda loads at start-up. */
  readonly bytes: number;
  readonly gzippedBytes: number;
  /** The packages it loads on first use, each its own file beside the bundle (LAZY_MODULES). */
  readonly lazy: readonly { readonly packageName: string; readonly bytes: number }[];
}

async function bundledBytes(options: Parameters<typeof build>[0]): Promise<Uint8Array> {
  const result = await build({ ...options, write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.contents;
}

/** The deployed bundle of every function under functions/ that has a handler.ts. */
export async function measureBundles(): Promise<BundleSize[]> {
  const names = readdirSync(join(root, 'functions')).filter((name) => existsSync(join(root, handlerEntry(name))));
  return Promise.all(
    names.map(async (name) => {
      const code = await bundledBytes(esbuildOptionsFor(join(root, handlerEntry(name)), lazyModulesOf(name)));
      const lazy = await Promise.all(
        lazyModulesOf(name).map(async (packageName) => ({ packageName, bytes: (await bundledBytes(lazyModuleOptions(packageName, root))).length })),
      );
      return { name, bytes: code.length, gzippedBytes: gzipSync(code).length, lazy };
    }),
  );
}

async function main(): Promise<void> {
  const sizes = await measureBundles();
  console.log(`function                       bundle (KiB)  gzipped (KiB)   budget ${BUNDLE_BUDGET_BYTES / 1024} KiB`);
  for (const { name, bytes, gzippedBytes, lazy } of sizes) {
    const over = bytes > BUNDLE_BUDGET_BYTES ? '  OVER BUDGET' : '';
    const onFirstUse = lazy.map(({ packageName, bytes: lazyBytes }) => `  + ${packageName} ${(lazyBytes / 1024).toFixed(1)} KiB on first use`).join('');
    console.log(`${name.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(14)} ${(gzippedBytes / 1024).toFixed(1).padStart(14)}${over}${onFirstUse}`);
  }
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  console.log(`largest: ${largest.name} ${(largest.bytes / 1024).toFixed(1)} KiB`);
  if (sizes.some(({ bytes }) => bytes > BUNDLE_BUDGET_BYTES)) process.exitCode = 1;
}

if (require.main === module) void main();
