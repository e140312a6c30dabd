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
} as const;

/** Every Lambda handler lives at functions/<name>/handler.ts and exports `handler`. */
export const handlerEntry = (functionName: string): string => `functions/${functionName}/handler.ts`;
