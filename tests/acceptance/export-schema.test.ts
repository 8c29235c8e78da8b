// docs/export.schema.json: generated from the zod ExportRecord (scripts/make-export-schema.ts), committed, and
// checked here two ways — it is not stale (regenerating it gives the committed file), and every record of a
// real export of the seeds and fixtures (reviewed, including a rejected one) validates against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { IndicatorRecord } from '../../src/export/indicator-records.ts';
import { ExportRecord } from '../../src/export/records.ts';
import { EXPORT_SCHEMA_PATH, exportSchemaText } from '../../src/export/schema.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/compare.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

const committedText = readFileSync(join(import.meta.dirname, '..', '..', EXPORT_SCHEMA_PATH), 'utf8');
const committed = JSON.parse(committedText) as { required: string[]; properties: Record<string, unknown>; $defs: Record<string, { required: string[] }> };

describe('the export JSON Schema', () => {
  let lines: string[];
  beforeAll(async () => {
    const imported = await importInto([SEEDS, join(FIXTURES, 'text')], join(tempDir(), 'store.db'));
    const [first, second, third] = imported.records;
    imported.store.close();
    const db = imported.dbPath;
    runCli('review', 'accept', first.id, '--db', db, '--by', 'Ann');
    runCli('review', 'correct', second.id, '--db', db, '--by', 'Ann', '--value', '12.5', '--unit', 'none');
    runCli('review', 'reject', third.id, '--db', db, '--by', 'Ann');
    lines = runCli('export', '--db', db, '--include-rejected').stdout.trim().split('\n');
  });

  it('is what scripts/make-export-schema.ts generates from the zod schema (run `npm run export-schema` if not)', () => {
    expect(committedText, `${EXPORT_SCHEMA_PATH} is stale: run npm run export-schema and commit it`).toBe(exportSchemaText());
    expect(committed.required.sort()).toEqual(Object.keys(ExportRecord.shape).sort());
    // The indicator records of `export --records indicators` sit beside the observation record, under $defs.
    expect(committed.$defs.indicator_record.required.sort()).toEqual(Object.keys(IndicatorRecord.shape).sort());
  });

  it('validates every exported record of the seeds and fixtures, in every review state', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(committed);
    expect(lines.length).toBeGreaterThan(400);
    const states = new Set<string>();
    for (const line of lines) {
      const record = JSON.parse(line) as ExportRecord;
      states.add(record.review_state);
      expect(validate(record), `${record.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(states).toEqual(new Set(['machine', 'accepted', 'corrected', 'rejected']));
  });

  it('rejects records that break the contract, and allows added fields', () => {
    const validate = new Ajv2020({ strict: true }).compile(committed);
    const record = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(validate({ ...record, value: '26.5' })).toBe(false);
    expect(validate({ ...record, kind: 'estimate' })).toBe(false);
    expect(validate({ ...record, confidence: 1.5 })).toBe(false);
    const { indicator: _dropped, ...withoutIndicator } = record;
    expect(validate(withoutIndicator)).toBe(false);
    // CONTRACT.md: fields may be added; a consumer's validation keeps working.
    expect(validate({ ...record, added_later: true })).toBe(true);
  });
});
