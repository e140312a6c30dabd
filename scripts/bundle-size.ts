/**
 * `npm run bundle-size`: bundles every Lambda handler exactly as the CDK does (esbuild, minified,
 * node22 target) and prints its size, raw and gzipped — the figure that drives cold starts.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLING, handlerEntry } from '../infra/constructs/bundling';

const root = join(__dirname, '..');

async function main(): Promise<void> {
  const names = readdirSync(join(root, 'functions')).filter((name) => existsSync(join(root, handlerEntry(name))));
  const rows: [string, number, number][] = [];
  for (const name of names) {
    const result = await build({
      entryPoints: [join(root, handlerEntry(name))],
      bundle: true,
      platform: 'node',
      target: BUNDLING.target,
      format: BUNDLING.format,
      minify: BUNDLING.minify,
      mainFields: [...BUNDLING.mainFields],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    rows.push([name, code.length, gzipSync(code).length]);
  }
  console.log('function                     bundle (KiB)   gzipped (KiB)');
  for (const [name, raw, gzipped] of rows) {
    console.log(`${name.padEnd(28)} ${(raw / 1024).toFixed(1).padStart(12)} ${(gzipped / 1024).toFixed(1).padStart(15)}`);
  }
}

void main();
