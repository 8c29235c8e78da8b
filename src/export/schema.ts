// The JSON Schema of one export record (docs/export.schema.json), generated from the zod ExportRecord so the
// two cannot drift: tests/acceptance/export-schema.test.ts fails when the committed file is stale.
// Generated for input ("io: input"): extra properties are allowed, as CONTRACT.md lets fields be added, so a
// consumer validating against this schema keeps working when a later planharvest adds a field.
// The top level is the observation record, exactly as before; the indicator record of
// `export --records indicators` sits beside it under $defs, so validating observations is unchanged.
import * as z from 'zod';
import { IndicatorRecord } from './indicator-records.ts';
import { ExportRecord } from './records.ts';

export const EXPORT_SCHEMA_PATH = 'docs/export.schema.json';
/** Where the indicator record's schema is, as a JSON Pointer into the file. */
export const INDICATOR_RECORD_POINTER = '#/$defs/indicator_record';

function generated(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

export function exportRecordJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = generated(ExportRecord);
  const { $schema: _same, ...indicator } = generated(IndicatorRecord);
  return {
    $schema,
    title: 'planharvest export record',
    description:
      'One observation (baseline, target or result of an indicator) as `planharvest export` writes it: one JSONL line, one CSV row, ' +
      'one row of the XLSX observations sheet. See CONTRACT.md. Generated from src/export/records.ts by scripts/make-export-schema.ts.',
    ...rest,
    $defs: {
      indicator_record: {
        title: 'planharvest indicator record',
        description:
          'One indicator named by one document, with or without figures, as `planharvest export --records indicators` writes it: one JSONL ' +
          'line, one CSV row, one row of the XLSX indicators sheet. Generated from src/export/indicator-records.ts.',
        ...indicator,
      },
    },
  };
}

/** The file's text: stable key order and a final newline, so regenerating an unchanged schema changes nothing. */
export function exportSchemaText(): string {
  return `${JSON.stringify(exportRecordJsonSchema(), null, 2)}\n`;
}
