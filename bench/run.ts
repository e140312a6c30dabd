/** `npm run bench`: runs every bench/*.bench.ts in its own process and prints its figures. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = __dirname;
for (const file of readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()) {
  console.log(`\n== ${file}`);
  execFileSync(process.execPath, ['--import', 'tsx', join(folder, file)], { stdio: 'inherit' });
}
