// Writes docs/export.schema.json from the zod ExportRecord schema. Run after changing the export records
// (`npm run export-schema`) and commit the file; the test suite fails while it is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_SCHEMA_PATH, exportSchemaText } from '../src/export/schema.ts';

const target = join(import.meta.dirname, '..', EXPORT_SCHEMA_PATH);
writeFileSync(target, exportSchemaText());
process.stderr.write(`wrote ${target}\n`);
