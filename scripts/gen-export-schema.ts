/**
 * `npm run schema:export`: writes docs/export-format.schema.json from the record schemas in
 * src/lib/records. Run it after changing a record; tests/unit/exchange-schema.test.ts
 * fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { exportJsonSchemaText } from '../src/lib/records/json-schema.ts';

const target = new URL('../docs/export-format.schema.json', import.meta.url);
writeFileSync(target, exportJsonSchemaText());
console.log(`wrote ${target.pathname}`);
