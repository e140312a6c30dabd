// Two projects. `unit`: *.test.ts, no I/O, milliseconds. `integration`: *.int.test.ts (handlers and
// adapters against DynamoDB Local and fauxqs) and *.e2e.test.ts (the whole pipeline in the local
// cloud), which share the emulators and the local cloud that global-setup.ts starts once.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const transformIgnorePatterns = ['/node_modules/(?!(@middy)/)'];
const base = {
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  setupFiles: ['<rootDir>/tests/setup/quiet-logs.ts'],
  // Stryker's sandbox (npm run mutate) is a copy of the project: never a second set of modules or tests.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration and end-to-end tests wait on real emulators; unit tests finish in milliseconds anyway.
  testTimeout: 60000,
  // `npm run coverage`: every source file counts, the ones no test loads at 0 %, so an untested file
  // shows up instead of vanishing from the report. V8's own coverage (no instrumenting transform), so
  // it costs little; code that runs in the local cloud's child processes (e2e) is not seen by it.
  coverageProvider: 'v8',
  collectCoverageFrom: ['{domain,events,functions,infra,local,scripts,bench}/**/*.{ts,js,mjs,cjs}', '!**/*.d.ts', '!**/fixtures/**'],
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.int.test.ts', '<rootDir>/tests/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/tests/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
    },
  ],
};
