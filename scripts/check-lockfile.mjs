// `npm run lockfile:check` (run by npm test): fails when `npm install` would change package-lock.json,
// i.e. when the lockfile no longer matches package.json, so `npm ci` on a clean clone installs
// exactly what was tested. It resolves in a scratch folder; the working tree is never touched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'enlace-lockfile-'));
try {
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(root, file), join(scratch, file));
  execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: scratch, stdio: 'pipe' });
  const before = readFileSync(join(root, 'package-lock.json'), 'utf8');
  const after = readFileSync(join(scratch, 'package-lock.json'), 'utf8');
  if (before !== after) {
    console.error('package-lock.json is out of date: `npm install` would change it. Run `npm install` and commit the lockfile.');
    process.exit(1);
  }
  console.log('package-lock.json matches package.json');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
