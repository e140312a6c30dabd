/**
 * The walls of the house (ARCHITECTURE.md, docs/architecture.md), checked by `npm run lint`:
 * layers, bounded contexts that meet only through each other's public entry (index.ts) and only
 * along the context map below, a shared kernel that depends on no context, Lambda functions that
 * share code only through functions/shared, and no cycles anywhere.
 */

/** The context map (docs/context-map.json): which contexts each context of domain/ may import. */
const CONTEXT_DEPENDENCIES = require('./docs/context-map.json').contexts;

const contextRules = Object.entries(CONTEXT_DEPENDENCIES).map(([context, allowed]) => ({
  name: `context-map-${context}`,
  comment: `domain/${context} may import the shared kernel${allowed.length === 0 ? ' only' : ` and ${allowed.join(', ')}`} (docs/context-map.json).`,
  severity: 'error',
  from: { path: `^domain/${context}/` },
  to: { path: '^domain/[^/]+/', pathNot: [`^domain/(shared|${[context, ...allowed].join('|')})/`] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one; break it by moving what both need down a layer or into the shared kernel.',
      severity: 'error',
      from: { path: '^(domain|events|functions|api|local|infra)/' },
      to: { circular: true },
    },
    {
      name: 'context-public-entry',
      comment: 'Import another context through its public entry (domain/<context>/index.ts), never its internals.',
      severity: 'error',
      from: { path: '^(domain/([^/]+)|events|functions|api|local|infra|scripts|bench)/' },
      to: { path: '^domain/(?!shared/)[^/]+/.+', pathNot: ['^domain/[^/]+/index\\.ts$', '^domain/$2/'] },
    },
    {
      name: 'shared-kernel-is-a-leaf',
      comment: 'domain/shared is what every context uses; it depends on no context.',
      severity: 'error',
      from: { path: '^domain/shared/' },
      to: { path: '^domain/(?!shared/)' },
    },
    ...contextRules,
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds business logic only: it imports domain/ (and libraries), never events, functions or infrastructure.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(events|functions|infra|local|scripts|bench|tests)/' },
    },
    {
      name: 'events-import-domain-types-only',
      comment: 'events/ is the catalog: it imports domain/ types, never handlers or infrastructure.',
      severity: 'error',
      from: { path: '^events/' },
      to: { path: '^(functions|infra|local|scripts|bench|tests)/' },
    },
    {
      name: 'functions-know-no-infrastructure',
      comment: 'A handler runs the same on AWS and locally: it never imports the CDK app or the local cloud.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(infra|local|scripts|bench|tests)/' },
    },
    {
      name: 'the-api-description-is-read-not-run',
      comment:
        'api/ describes the HTTP API (the OpenAPI registry, its document and the typed client); the code that serves it never imports it (the served document is the committed openapi.json).',
      severity: 'error',
      from: { path: '^(domain|events|functions|local)/' },
      to: { path: '^api/' },
    },
    {
      name: 'use-cases-write-through-ports',
      comment:
        "A use case says what happened through a store's typed port; only the stores (functions/shared/store) and the wiring in a handler.ts touch DynamoDB, items and keys.",
      severity: 'error',
      from: { path: '^functions/(?!shared/)[^/]+/', pathNot: ['/handler\\.ts$', '^functions/outbox-publisher/filters\\.ts$'] },
      to: { path: ['^functions/shared/store/keys\\.ts$', '@aws-sdk/(lib|client)-dynamodb'] },
    },
    {
      name: 'functions-share-through-shared',
      comment: 'One function never imports another: what two need lives in functions/shared (or events/ for a message between them).',
      severity: 'error',
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/', pathNot: ['^functions/(shared|$1)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|cdk\\.out|\\.cache|coverage|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
