import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextMap, contextMapDiagram, drawnContextMap } from '../../../scripts/context-map';

const root = join(__dirname, '..', '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'boundaries');

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

interface Cruised {
  readonly summary: { readonly violations: Violation[] };
  readonly modules: readonly { readonly source: string; readonly dependencies: readonly { readonly resolved: string }[] }[];
}

/** Runs the project's boundary rules (npm run lint's depcruise) over a folder, as the lint does. */
function cruise(cwd: string, paths: readonly string[]): Cruised {
  let output: string;
  try {
    output = execFileSync(
      join(root, 'node_modules', '.bin', 'depcruise'),
      [...paths, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      {
        cwd,
        encoding: 'utf8',
      },
    );
  } catch (error) {
    // depcruise exits non-zero when it finds violations; its report is still on stdout.
    const { stdout } = error as { stdout?: string | Buffer };
    output = stdout === undefined ? '' : stdout.toString();
  }
  return JSON.parse(output) as Cruised;
}

const violations = (cwd: string, paths: readonly string[]): Violation[] => cruise(cwd, paths).summary.violations;

const contextOf = (path: string): string | undefined => /^domain\/([^/]+)\//.exec(path)?.[1];

describe('the walls of the house', () => {
  it('fire on a deliberately forbidden import, one rule per kind of breach', () => {
    const found = violations(fixture, ['domain', 'events', 'functions']).map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);

    expect(found.sort()).toEqual(
      [
        'context-map-order: domain/order/internal.ts → domain/rating/index.ts',
        'context-public-entry: domain/rating/rate.ts → domain/order/internal.ts',
        'context-public-entry: events/event.ts → domain/customs/check.ts',
        'domain-is-pure: domain/customs/check.ts → functions/alpha/handler.ts',
        'functions-share-through-shared: functions/beta/handler.ts → functions/alpha/handler.ts',
        'no-circular: domain/order/internal.ts → domain/rating/index.ts',
        'shared-kernel-is-a-leaf: domain/shared/money.ts → domain/rating/index.ts',
        'use-cases-write-through-ports: functions/gamma/use-case.ts → functions/shared/store/keys.ts',
      ].sort(),
    );
  });

  it('declare every context of domain/ in the map, and leave nothing loose at the domain/ root', () => {
    const entries = readdirSync(join(root, 'domain'), { withFileTypes: true });

    expect(entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name)).toEqual([]);
    const contexts = entries.map((entry) => entry.name).filter((name) => name !== 'shared');
    expect(contexts.sort()).toEqual(Object.keys(contextMap()).sort());
    for (const context of contexts) {
      expect(readdirSync(join(root, 'domain', context))).toContain('index.ts');
    }
  });

  it('map exactly the imports the code has: no context uses an edge the map lacks, and the map draws no edge nobody uses', () => {
    const { modules } = cruise(root, ['domain']);
    const used = new Set<string>();
    for (const module of modules) {
      const from = contextOf(module.source);
      for (const dependency of module.dependencies) {
        const to = contextOf(dependency.resolved);
        if (from !== undefined && to !== undefined && from !== to && from !== 'shared' && to !== 'shared') used.add(`${from} → ${to}`);
      }
    }
    const mapped = Object.entries(contextMap()).flatMap(([from, allowed]) => allowed.map((to) => `${from} → ${to}`));

    expect([...used].sort()).toEqual(mapped.sort());
  });

  it('are drawn in docs/architecture.md exactly as the lint enforces them', () => {
    const document = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');

    expect(drawnContextMap(document)).toBe(contextMapDiagram());
  });
});
