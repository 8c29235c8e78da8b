// The JSON Schema of one export record (docs/export.schema.json), generated from the zod ExportRecord so the
// two cannot drift: tests/acceptance/export-schema.test.ts fails when the committed file is stale.
// Generated for input ("io: input"): extra properties are allowed, as CONTRACT.md lets fields be added, so a
// consumer validating against this schema keeps working when a later planharvest adds a field.
import * as z from 'zod';
import { ExportRecord } from './records.ts';

export const EXPORT_SCHEMA_PATH = 'docs/export.schema.json';

export function exportRecordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ExportRecord, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'planharvest export record',
    description:
      'One observation (baseline, target or result of an indicator) as `planharvest export` writes it: one JSONL line, one CSV row, ' +
      'one row of the XLSX observations sheet. See CONTRACT.md. Generated from src/export/records.ts by scripts/make-export-schema.ts.',
    ...rest,
  };
}

/** The file's text: stable key order and a final newline, so regenerating an unchanged schema changes nothing. */
export function exportSchemaText(): string {
  return `${JSON.stringify(exportRecordJsonSchema(), null, 2)}\n`;
}
