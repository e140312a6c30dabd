/**
 * `npm run events:schemas`: writes events/schemas/<type>.v<version>.json from the zod catalog, and
 * the public notification formats to events/public/schemas/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportEventSchemas } from '../events/json-schema';
import { exportPublicSchemas } from '../events/public/notification';

const folder = join(__dirname, '..', 'events', 'schemas');
mkdirSync(folder, { recursive: true });
for (const [file, schema] of Object.entries(exportEventSchemas())) {
  writeFileSync(join(folder, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote events/schemas/${file}`);
}
const publicFolder = join(__dirname, '..', 'events', 'public', 'schemas');
mkdirSync(publicFolder, { recursive: true });
for (const [file, schema] of Object.entries(exportPublicSchemas())) {
  writeFileSync(join(publicFolder, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote events/public/schemas/${file}`);
}
