/**
 * `npm run openapi`: writes openapi.json (OpenAPI 3.1, from the route registry in api/ and the
 * handlers' zod schemas) and the typed client's types (api/client/openapi-types.ts).
 * With `--check` it writes nothing and fails when either committed file is stale
 * (tests/unit/api/openapi.test.ts runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiFiles, OPENAPI_FILES } from '../api/generate';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generateOpenApiFiles();
  const stale: string[] = [];
  for (const key of Object.keys(OPENAPI_FILES) as (keyof typeof OPENAPI_FILES)[]) {
    const path = join(__dirname, '..', OPENAPI_FILES[key]);
    if (check) {
      if (readFileSync(path, 'utf8') !== files[key]) stale.push(OPENAPI_FILES[key]);
    } else {
      writeFileSync(path, files[key]);
      console.log(`wrote ${OPENAPI_FILES[key]}`);
    }
  }
  if (stale.length > 0) {
    console.error(`stale: ${stale.join(', ')}; run \`npm run openapi\` and commit the result.`);
    process.exitCode = 1;
  } else if (check) {
    console.log('openapi.json and the client types are up to date');
  }
}

void main();
