// The jest configuration `npm run mutate` (Stryker, stryker.config.mjs) runs against each mutant: the
// unit tests of the code it mutates (the HTTP edge's guards, If-Match through correct-order, the
// authorizer, the tracking store's guards, the subscription cap and order idempotency stores). Unit tests only: no emulators, so mutant runs stay short.
const base = require('../../jest.config.js');
const unit = base.projects.find((project) => project.displayName === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  rootDir: '../..',
  displayName: undefined,
  testMatch: [
    '<rootDir>/tests/unit/functions/http-handler.test.ts',
    '<rootDir>/tests/unit/functions/authorizer.test.ts',
    '<rootDir>/tests/unit/functions/tracking-writes.test.ts',
    '<rootDir>/tests/unit/functions/correct-order.test.ts',
    '<rootDir>/tests/unit/functions/products.test.ts',
    '<rootDir>/tests/unit/functions/store/subscription-store.test.ts',
    '<rootDir>/tests/unit/functions/store/order-store.test.ts',
  ],
  testTimeout: 60000,
};
