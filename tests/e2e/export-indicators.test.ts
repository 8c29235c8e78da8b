// `export --records indicators`: one record per document and indicator, with or without figures, in JSONL, CSV
// and the workbook's indicators sheet; counts that agree with the observation export (rejected observations
// left out unless asked for); every record valid against docs/export.schema.json#/$defs/indicator_record.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportIndicatorRecords as fromPackage } from 'planharvest';
import { INDICATOR_CSV_COLUMNS } from '../../src/export/indicator-csv.ts';
import { exportIndicatorRecords, IndicatorRecord } from '../../src/export/indicator-records.ts';
import { exportRecords } from '../../src/export/records.ts';
import { EXPORT_SCHEMA_PATH, INDICATOR_RECORD_POINTER } from '../../src/export/schema.ts';
import { exportWorkbook } from '../../src/export/xlsx/index.ts';
import { reconcileStore } from '../../src/reconcile/index.ts';
import { decide } from '../../src/review/decide.ts';
import { loadTargets } from '../../src/review/targets.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/compare.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

const SEED_003 = '003_b93e07daa693e4b6.txt';

describe('export --records indicators', () => {
  let db: string;
  let records: IndicatorRecord[];
  beforeAll(async () => {
    const imported = await importInto([SEEDS, join(FIXTURES, 'text')], join(tempDir(), 'store.db'));
    imported.store.close();
    db = imported.dbPath;
    const run = runCli('export', '--db', db, '--records', 'indicators');
    expect(run.code, run.stderr).toBe(0);
    records = run.stdout.trim().split('\n').map((line) => IndicatorRecord.parse(JSON.parse(line)));
  });

  const withStore = <T>(fn: (store: Store) => T): T => {
    const store = openStore(db);
    try {
      return fn(store);
    } finally {
      store.close();
    }
  };

  it('writes every indicator a document names, with or without figures, and where it is first named', () => {
    const li51 = records.find((r) => r.document === SEED_003 && r.indicator === 'LI 5.1')!;
    expect(li51).toMatchObject({ partnership: 'Rochford District Local Strategic Partnership', observations: 0, values: 0, pending: 0, inferred: false });
    expect(li51.first_named).toMatchObject({ page: null, line: 102 });
    expect(li51.first_named!.text).toMatch(/LI 5\.1 Access to Services/);
    const ni141 = records.find((r) => r.document === SEED_003 && r.indicator === 'NI 141')!;
    expect(ni141.aliases).toEqual(['LI 141']);
    expect(ni141.values).toBeGreaterThan(0);
    const ni32 = records.find((r) => r.document.startsWith('001_') && r.indicator === 'NI 32')!;
    expect(ni32.pending).toBeGreaterThan(0);
    expect(ni32.observations).toBe(ni32.values + ni32.pending);
  });

  it('counts what the observation export writes for each document and indicator', () => {
    const observations = withStore((store) => exportRecords(store.db));
    for (const r of records) {
      const mine = observations.filter((o) => o.document === r.document && o.indicator === r.indicator);
      expect([r.observations, r.values, r.pending], `${r.document} ${r.indicator}`).toEqual([mine.length, mine.filter((o) => o.state === 'value').length, mine.filter((o) => o.state === 'pending').length]);
    }
    expect(records.reduce((n, r) => n + r.observations, 0)).toBe(observations.length);
  });

  it('leaves a rejected observation out of the counts unless rejected ones are included', () => {
    const ni141 = () => withStore((store) => exportIndicatorRecords(store.db).find((r) => r.document === SEED_003 && r.indicator === 'NI 141')!);
    const before = ni141();
    const rejected = withStore((store) => {
      const target = exportRecords(store.db).find((o) => o.document === SEED_003 && o.indicator === 'NI 141' && o.state === 'value')!;
      decide(store.db, loadTargets(store.db), { targetId: target.id, action: 'reject', by: 'Ann' }, { origin: 'cli' });
      reconcileStore(store.db, { trigger: 'review' });
      return exportIndicatorRecords(store.db, { includeRejected: true }).find((r) => r.document === SEED_003 && r.indicator === 'NI 141')!;
    });
    expect(ni141().values).toBe(before.values - 1);
    expect(rejected.values).toBe(before.values);
  });

  it('flattens first_named and joins aliases in CSV, as the observation CSV does', () => {
    const run = runCli('export', '--db', db, '--records', 'indicators', '--format', 'csv');
    const lines = run.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(INDICATOR_CSV_COLUMNS.join(','));
    expect(lines[0]).toMatch(/first_named\.page,first_named\.line,first_named\.text,observations,values,pending/);
    expect(lines).toHaveLength(records.length + 1);
    expect(lines.find((l) => l.startsWith(`${SEED_003},`) && l.includes(',NI 141,'))).toMatch(/,NI 141,LI 141,/);
  });

  it('fills the workbook’s indicators sheet with the same columns, typed', async () => {
    const store = openStore(db);
    const out = join(tempDir(), 'store.xlsx');
    writeFileSync(out, await exportWorkbook(store.reader()));
    store.close();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('indicators')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...INDICATOR_CSV_COLUMNS]);
    expect(sheet.rowCount).toBe(records.length + 1);
    const col = (name: string) => INDICATOR_CSV_COLUMNS.indexOf(name as never) + 1;
    const li51 = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(col('document')).value === SEED_003 && row.getCell(col('indicator')).value === 'LI 5.1')!;
    expect(li51.getCell(col('observations')).value).toBe(0);
    expect(li51.getCell(col('first_named.line')).type).toBe(ExcelJS.ValueType.Number);
    expect(li51.getCell(col('inferred')).type).toBe(ExcelJS.ValueType.Boolean);
  });

  it('validates every record against the indicator record of docs/export.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', EXPORT_SCHEMA_PATH), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addSchema(schema, 'export');
    const validate = ajv.compile({ $ref: `export${INDICATOR_RECORD_POINTER}` });
    for (const r of records) expect(validate(r), `${r.document} ${r.indicator}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(validate({ ...records[0], observations: -1 })).toBe(false);
    expect(validate({ ...records[0], added_later: true })).toBe(true);
  });

  it('is in the library API', () => {
    // The package runs compiled (dist/), so it takes this test's connection rather than a Store of the sources.
    expect(withStore((store) => fromPackage(store.db)).length).toBe(records.length);
  });

  it('refuses unknown record types, and --records with the workbook (exit 2)', () => {
    expect(runCli('export', '--db', db, '--records', 'milestones').code).toBe(2);
    expect(runCli('export', '--db', db, '--records', 'indicators', '--format', 'xlsx', '--out', join(tempDir(), 'x.xlsx')).code).toBe(2);
  });
});
