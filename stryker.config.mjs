// `npm run mutate`: mutation testing with Stryker (jest runner, TypeScript checker) of the code a
// hostile request meets first: the HTTP edge (functions/shared/http), the authorizer, the tracking
// store's transaction and item-size guards, the subscription cap and the order idempotency key. Each mutant runs the unit tests that cover it
// (tests/mutation/jest.config.js); a mutant that survives is a change no test notices. Not part of
// `npm test` (it takes minutes); its last score is in the README.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'tests/mutation/jest.config.js', enableFindRelatedTests: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // The guards a hostile request meets and the reviewer's surviving mutants were in: the edge's
  // JSON depth and path-id guards (http-handler.ts), If-Match (preconditions.ts), the authorizer's
  // key cache (TTL bounds, negative caching, eviction), the tracking store's transaction and size guards;
  // the stores' guards: the subscriptions-per-seller cap (create and delete, with their transaction
  // retry) and the order idempotency key (the transaction, the duplicate answer, FindOrderKey).
  mutate: [
    'functions/shared/http/http-handler.ts:148-237',
    'functions/shared/http/preconditions.ts',
    'functions/authorizer/authorizer.ts',
    'functions/shared/store/tracking-writes.ts',
    'functions/shared/store/subscription-store.ts:65-163',
    'functions/shared/store/subscription-store.ts:217-252',
    'functions/shared/store/order-store.ts:37-127',
  ],
  // String literals are messages and log text: mutating them measures wording, not behaviour.
  mutator: { excludedMutations: ['StringLiteral'] },
  coverageAnalysis: 'perTest',
  concurrency: 3,
  timeoutMS: 8000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
