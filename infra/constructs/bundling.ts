/**
 * esbuild options for every Lambda bundle, shared by the CDK construct and `npm run bundle-size`,
 * so the size we report is the size we deploy.
 */
export const LAMBDA_NODE_TARGET = 'node22';

export const BUNDLING = {
  minify: true,
  sourceMap: true,
  target: LAMBDA_NODE_TARGET,
  format: 'cjs' as const,
  mainFields: ['module', 'main'],
  /**
   * Left out of the bundle because the Node.js 22 runtime provides them. This is what
   * NodejsFunction does by default for Node >= 18 (without the `sdkV3ExcludeSmithyPackages` flag,
   * so `@smithy/*` is bundled); it is written here so `npm run bundle-size` measures the same thing.
   */
  externalModules: ['@aws-sdk/*'],
} as const;

/** Every Lambda handler lives at functions/<name>/handler.ts and exports `handler`. */
export const handlerEntry = (functionName: string): string => `functions/${functionName}/handler.ts`;

/**
 * NODE_OPTIONS every function runs with (EnlaceFunction's environment): none. `--enable-source-maps`
 * made Node read each bundle's source map at start-up: measured with `npm run startup`, 25–30 ms of
 * CPU per cold start (about 10 % of a function's init, 12 % of its require; docs/performance.md). The
 * map is still deployed beside each bundle (index.js.map), so a stack trace from the logs can be
 * mapped back offline, or readable traces switched on for a while by setting NODE_OPTIONS to
 * `--enable-source-maps` in a function's configuration (no redeploy of its code).
 */
export const LAMBDA_NODE_OPTIONS: string = '';

/** A function's init time, as a multiple of a bare handler importing one SDK client (`npm run startup`). */
export const INIT_RATIO_BUDGET = 1.5;

/**
 * Every function's bundle, minified, is held to 250 KiB (issue #14; the unit `npm run bundle-size`
 * has always printed): it drives the cold start.
 */
export const BUNDLE_BUDGET_BYTES = 250 * 1024;

/**
 * Packages a function loads only on one path (pdf-lib when it renders a PDF: about 430 KB, more than
 * the rest of the function). They stay out of the handler's bundle and are deployed beside it as
 * their own minified file, `node_modules/<package>/index.js`, which Node reads on the first
 * `import()` (domain/customs/pdf/index.ts). A function that imported one eagerly would still load it
 * at start-up; `npm run startup` would show it.
 */
export const LAZY_MODULES: Readonly<Record<string, readonly string[]>> = {
  'customs-documents': ['pdf-lib'],
  'correct-order': ['pdf-lib'],
};

export const lazyModulesOf = (functionName: string): readonly string[] => LAZY_MODULES[functionName] ?? [];

/**
 * The esbuild options NodejsFunction passes for BUNDLING (its `buildEsbuildArgs`), for scripts that
 * bundle a function themselves (`npm run bundle-size`, `npm run startup`) and must get the same code.
 */
export const esbuildOptionsFor = (entryPoint: string, lazyModules: readonly string[] = []) => ({
  entryPoints: [entryPoint],
  bundle: true,
  platform: 'node' as const,
  target: BUNDLING.target,
  format: BUNDLING.format,
  minify: BUNDLING.minify,
  mainFields: [...BUNDLING.mainFields],
  external: [...BUNDLING.externalModules, ...lazyModules],
});

/** Where a lazy module's file goes, relative to the folder of the handler's bundle. */
export const lazyModuleFile = (packageName: string): string => `node_modules/${packageName}/index.js`;

/** The esbuild options of a lazy module's own file (the same target and minification as a handler). */
export const lazyModuleOptions = (packageName: string, outputDir: string) => ({
  ...esbuildOptionsFor(packageName),
  outfile: `${outputDir}/${lazyModuleFile(packageName)}`,
});

/** The same, as the esbuild command line the CDK's bundling hook runs. */
export function lazyModuleCommand(esbuildBin: string, packageName: string, outputDir: string): string {
  const options = lazyModuleOptions(packageName, outputDir);
  return [
    `"${esbuildBin}"`,
    packageName,
    '--bundle',
    `--platform=${options.platform}`,
    `--target=${options.target}`,
    `--format=${options.format}`,
    ...(options.minify ? ['--minify'] : []),
    `--main-fields=${options.mainFields.join(',')}`,
    ...options.external.map((external) => `--external:${external}`),
    `--outfile="${options.outfile}"`,
    '--log-level=warning',
  ].join(' ');
}
