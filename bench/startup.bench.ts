/**
 * `npm run startup` (also part of `npm run bench`): each function's init time against a bare handler
 * that imports one SDK client (bench/startup/bare-handler.ts), as a paired ratio measured in one run.
 *
 * Every handler is bundled with the options the CDK deploys it with (infra/constructs/bundling.ts:
 * minified, the AWS SDK external, source map beside it) and loaded in a fresh Node process with
 * the NODE_OPTIONS the stack gives the functions, the SDK resolved from node_modules as Lambda
 * resolves it from the runtime. Rounds alternate the bare handler and the function; a function's
 * ratio is the median of its per-round ratios (function / bare of the same round), so load on the
 * machine moves both sides of a pair. "init" is the process's CPU time from its start to the handler
 * loaded (what Lambda's Init Duration counts, bar the runtime's own bootstrap); CPU time rather than
 * wall time, because on a shared machine wall time mostly measures the neighbours (the wall-time
 * ratio is printed beside it). "require" is the load of the bundle alone.
 *
 * Run: npm run startup [-- <rounds> [function…]]   (ENLACE_STARTUP_NODE_OPTIONS overrides NODE_OPTIONS)
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUNDLING,
  esbuildOptionsFor,
  handlerEntry,
  INIT_RATIO_BUDGET,
  LAMBDA_NODE_OPTIONS,
  lazyModuleOptions,
  lazyModulesOf,
} from '../infra/constructs/bundling';
import { ENTRY_METADATA_KEY } from '../infra/constructs/enlace-function';
import { synthesizeTemplate } from '../local/template';

const root = join(__dirname, '..');
const BARE = 'bare handler';

interface Sample {
  /** CPU time of the whole process when the handler is loaded (Node's start included), ms. */
  readonly cpu: number;
  /** Wall time since the process started, ms. */
  readonly wall: number;
  /** CPU and wall time of the require alone, ms. */
  readonly requireCpu: number;
  readonly requireWall: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The handler's bundle and its lazy modules' files, laid out as in the deployed asset. */
async function bundle(entry: string, outdir: string, lazyModules: readonly string[] = []): Promise<string> {
  const outfile = join(outdir, 'index.js');
  await build({ ...esbuildOptionsFor(entry, lazyModules), sourcemap: BUNDLING.sourceMap, outfile, logLevel: 'silent' });
  for (const packageName of lazyModules) await build({ ...lazyModuleOptions(packageName, outdir), logLevel: 'silent' });
  return outfile;
}

/** Each function's environment as the template gives it (references to resources become placeholders). */
function environments(): Map<string, Record<string, string>> {
  const byFunction = new Map<string, Record<string, string>>();
  for (const resource of Object.values(synthesizeTemplate().Resources)) {
    const entry = resource.Metadata?.[ENTRY_METADATA_KEY];
    if (resource.Type !== 'AWS::Lambda::Function' || typeof entry !== 'string') continue;
    const variables = (resource.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
    const environment = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, typeof value === 'string' ? value : `startup-${key}`]));
    byFunction.set(entry.split('/')[1]!, environment);
  }
  return byFunction;
}

function load(bundleFile: string, environment: Record<string, string>, nodeOptions: string): Sample {
  const output = execFileSync(process.execPath, [join(__dirname, 'startup', 'measure-init.cjs'), bundleFile], {
    env: {
      ...environment,
      PATH: process.env.PATH,
      NODE_OPTIONS: nodeOptions,
      NODE_PATH: join(root, 'node_modules'),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'startup',
      AWS_SECRET_ACCESS_KEY: 'startup',
    },
    encoding: 'utf8',
  });
  return JSON.parse(output) as Sample;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 9);
  const only = process.argv.slice(3);
  const nodeOptions = process.env.ENLACE_STARTUP_NODE_OPTIONS ?? LAMBDA_NODE_OPTIONS;
  const names = readdirSync(join(root, 'functions')).filter((name) => existsSync(join(root, handlerEntry(name))) && (only.length === 0 || only.includes(name)));
  const environment = environments();
  const workdir = mkdtempSync(join(tmpdir(), 'enlace-startup-'));
  try {
    const bundles = new Map<string, string>([[BARE, await bundle(join(__dirname, 'startup', 'bare-handler.ts'), join(workdir, 'bare'))]]);
    for (const name of names) bundles.set(name, await bundle(join(root, handlerEntry(name)), join(workdir, name), lazyModulesOf(name)));
    const envOf = (name: string): Record<string, string> => environment.get(name) ?? {};
    for (const [name, file] of bundles) load(file, envOf(name), nodeOptions); // warm the file cache once

    const samples = new Map<string, { bare: Sample; fn: Sample }[]>(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round += 1) {
      for (const name of names) {
        const bare = load(bundles.get(BARE)!, envOf(name), nodeOptions);
        const fn = load(bundles.get(name)!, envOf(name), nodeOptions);
        samples.get(name)!.push({ bare, fn });
      }
    }

    console.log(`init per function against the bare handler, ${rounds} paired rounds, NODE_OPTIONS="${nodeOptions}", Node ${process.version}`);
    console.log(`budget: init ratio (CPU) <= ${INIT_RATIO_BUDGET}; medians in ms`);
    console.log('function                     init CPU   bare CPU   ratio (CPU)   ratio (wall)   require CPU   bare require   ratio');
    const figure = (value: number, width: number, digits = 1): string => value.toFixed(digits).padStart(width);
    let over = 0;
    for (const [name, pairs] of samples) {
      const of = (pick: (pair: { bare: Sample; fn: Sample }) => number): number => median(pairs.map(pick));
      const ratio = of(({ bare, fn }) => fn.cpu / bare.cpu);
      if (ratio > INIT_RATIO_BUDGET) over += 1;
      console.log(
        [
          name.padEnd(26),
          figure(
            of(({ fn }) => fn.cpu),
            11,
          ),
          figure(
            of(({ bare }) => bare.cpu),
            11,
          ),
          figure(ratio, 14, 2),
          figure(
            of(({ bare, fn }) => fn.wall / bare.wall),
            15,
            2,
          ),
          figure(
            of(({ fn }) => fn.requireCpu),
            14,
          ),
          figure(
            of(({ bare }) => bare.requireCpu),
            15,
          ),
          figure(
            of(({ bare, fn }) => fn.requireCpu / bare.requireCpu),
            8,
            2,
          ),
          ratio > INIT_RATIO_BUDGET ? '  OVER BUDGET' : '',
        ].join(''),
      );
    }
    console.log(`${over} of ${names.length} functions over ${INIT_RATIO_BUDGET}`);
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}

void main();
