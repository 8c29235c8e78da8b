// `export --format xlsx` and `--reviewed-only` as a user runs them, after reviewing three observations on the
// command line: the workbook is read back with exceljs and its cells are typed (numbers, booleans, dates),
// percentages carry a % number format, the header row is frozen and filtered on every sheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/export/csv.ts';
import { ExportRecord } from '../../src/export/records.ts';
import { SHEET_NAMES } from '../../src/export/xlsx/index.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/compare.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

const jsonl = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => ExportRecord.parse(JSON.parse(l)));

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** A sheet's data rows as objects keyed by header, cells as exceljs reads them. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.Cell>> {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Array<Record<string, ExcelJS.Cell>> = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1)])));
  }
  return rows;
}

describe('export --format xlsx and --reviewed-only', () => {
  let db: string;
  let all: ExportRecord[];
  let ids: { accepted: string; corrected: string; rejected: string };

  beforeAll(async () => {
    const imported = await importInto([SEEDS, join(FIXTURES, 'text')], join(tempDir(), 'store.db'));
    imported.store.close();
    db = imported.dbPath;
    const records = imported.records;
    const find = (pred: (r: ExportRecord) => boolean) => records.find(pred)!.id;
    ids = {
      accepted: find((r) => r.partnership?.startsWith('Rochford') === true && r.indicator === 'NI 8' && r.kind === 'target'),
      corrected: find((r) => r.partnership === 'Hertfordshire Forward' && r.indicator === 'NI 186' && r.period === '2010/11'),
      rejected: find((r) => r.partnership === 'Hertfordshire Forward' && r.indicator === 'NI 8' && r.kind === 'baseline'),
    };
    expect(runCli('review', 'accept', ids.accepted, '--db', db, '--by', 'Ann').code).toBe(0);
    expect(runCli('review', 'correct', ids.corrected, '--db', db, '--by', 'Bob', '--value', '6.0', '--comment', 'from the 2009 refresh').code).toBe(0);
    expect(runCli('review', 'reject', ids.rejected, '--db', db, '--by', 'Ann').code).toBe(0);
    all = jsonl(runCli('export', '--db', db).stdout);
  });

  it('writes five sheets, each with a frozen, filtered header row', async () => {
    const out = join(tempDir(), 'store.xlsx');
    const run = runCli('export', '--db', db, '--format', 'xlsx', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...SHEET_NAMES]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const lastColumn = sheet.getColumn(sheet.columnCount).letter;
      expect(sheet.autoFilter).toBe(`A1:${lastColumn}1`);
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    expect((workbook.getWorksheet('observations')!.getRow(1).values as unknown[]).slice(1)).toEqual([...CSV_COLUMNS]);
  });

  it('types the cells: numbers, percent formats, booleans, dates', async () => {
    const out = join(tempDir(), 'store.xlsx');
    runCli('export', '--db', db, '--format', 'xlsx', '--out', out);
    const workbook = await readWorkbook(out);
    const observations = rowsOf(workbook.getWorksheet('observations')!);
    expect(observations).toHaveLength(all.length);
    const byId = new Map(observations.map((o) => [o.id.value as string, o]));
    for (const record of all) {
      const row = byId.get(record.id)!;
      expect(row.value.value).toBe(record.value ?? null);
      if (record.value !== null) expect(row.value.type).toBe(ExcelJS.ValueType.Number);
      if (record.value !== null && record.unit === '%') expect(row.value.numFmt).toContain('%');
      if (record.value !== null && record.unit !== '%') expect(row.value.numFmt ?? 'General').not.toContain('%');
      expect(row.confidence.type).toBe(ExcelJS.ValueType.Number);
      expect(row.confidence.numFmt).toBe('0%');
      expect(row.inferred.type).toBe(ExcelJS.ValueType.Boolean);
      if (record.relative_change !== null) expect([row.relative_change.value, row.relative_change.numFmt]).toEqual([record.relative_change, 'General"%"']);
      if (record.source.line !== null) expect(row['source.line'].value).toBe(record.source.line);
      // Periods stay text: "2005" is a year, not the number 2005.
      if (record.period !== null) expect(row.period.value).toBe(record.period);
    }
    const corrected = byId.get(ids.corrected)!;
    expect([corrected.value.value, corrected.review_state.value, corrected.reviewed_by.value]).toEqual([6, 'corrected', 'Bob']);
    expect(byId.has(ids.rejected)).toBe(false);

    const documents = rowsOf(workbook.getWorksheet('documents')!);
    expect(documents.map((d) => d.document.value)).toContain('003_b93e07daa693e4b6.txt');
    expect(documents.every((d) => d.imported_at.value instanceof Date)).toBe(true);

    const decisions = rowsOf(workbook.getWorksheet('decisions')!);
    expect(decisions.map((d) => [d.action.value, d.target_id.value, d.decided_by.value])).toEqual([
      ['accept', ids.accepted, 'Ann'], ['correct', ids.corrected, 'Bob'], ['reject', ids.rejected, 'Ann'],
    ]);
    expect(decisions[1].new_value.value).toBe(6);
    expect(decisions[1].new_value.type).toBe(ExcelJS.ValueType.Number);
    expect(decisions[1].decided_at.value).toBeInstanceOf(Date);
    expect(decisions[1].comment.value).toBe('from the 2009 refresh');

    const findings = rowsOf(workbook.getWorksheet('findings')!);
    expect(findings.length).toBeGreaterThan(50);
    expect(findings.every((f) => ['error', 'warning', 'info'].includes(f.severity.value as string))).toBe(true);
    expect(rowsOf(workbook.getWorksheet('indicators')!).find((i) => i.indicator.value === 'NI 186')?.inferred.type).toBe(ExcelJS.ValueType.Boolean);
  });

  it('--reviewed-only keeps only accepted and corrected observations, in every format', async () => {
    const reviewed = jsonl(runCli('export', '--db', db, '--reviewed-only').stdout);
    expect(reviewed.map((r) => [r.id, r.review_state]).sort()).toEqual([[ids.accepted, 'accepted'], [ids.corrected, 'corrected']].sort());
    const csv = runCli('export', '--db', db, '--format', 'csv', '--reviewed-only').stdout.trim().split('\r\n');
    expect(csv).toHaveLength(3);
    const out = join(tempDir(), 'reviewed.xlsx');
    expect(runCli('export', '--db', db, '--format', 'xlsx', '--reviewed-only', '--out', out).code).toBe(0);
    const rows = rowsOf((await readWorkbook(out)).getWorksheet('observations')!);
    expect(rows.map((r) => r.review_state.value).sort()).toEqual(['accepted', 'corrected']);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an xlsx without --out and --reviewed-only with --include-rejected (exit 2)', () => {
    expect(runCli('export', '--db', db, '--format', 'xlsx').code).toBe(2);
    expect(runCli('export', '--db', db, '--reviewed-only', '--include-rejected').code).toBe(2);
    expect(runCli('export', '--db', db, '--format', 'ods', '--out', join(tempDir(), 'x')).code).toBe(2);
  });
});
