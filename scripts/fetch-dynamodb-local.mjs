// Fetches AWS's DynamoDB Local (a Java jar) for the local cloud and the integration tests.
// It ships inside the npm package amplify-dynamodb-simulator (folder emulator/); we fetch that one
// tarball with `npm pack` instead of installing the package's ~350 MB of dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const target = resolve(process.env.DYNAMODB_LOCAL_DIR ?? join(import.meta.dirname, '..', '.cache', 'dynamodb-local'));

if (existsSync(join(target, 'DynamoDBLocal.jar'))) {
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'enlace-ddb-'));
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const tarball = execFileSync(npm, ['pack', PACKAGE, '--silent', '--pack-destination', work], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/emulator']);
  mkdirSync(join(target, '..'), { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(join(work, 'package', 'emulator'), target);
  console.log(`DynamoDB Local installed in ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
