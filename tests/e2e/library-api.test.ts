// planharvest as a library, imported by its package name the way a user's code does (the package's "exports"
// resolve to the compiled dist/src/index.js, built by the test run's global setup): open a store, import
// folders, read the records, write a workbook, compare.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  compare, ExportRecord, exportRecords, exportWorkbook, importFiles, openStore, PIPELINE_NAMES,
  type ExportRecord as ExportRecordType, type IndicatorComparison, type RunSummary,
} from 'planharvest';
import { FIXTURES } from '../support/compare.ts';
import { SEEDS, tempDir } from '../support/run.ts';

describe('the library API', () => {
  it('imports, exports, writes a workbook and compares, from the package entry point', async () => {
    const store = openStore(join(tempDir(), 'plans.db'));
    try {
      const summary: RunSummary = await importFiles([SEEDS, join(FIXTURES, 'text')], store);
      expect(summary.counts).toEqual({ imported: 21, unchanged: 0, replaced: 0, rejected: 0 });
      expect(summary.findings?.total).toBeGreaterThan(0);

      const records: ExportRecordType[] = exportRecords(store);
      expect(records).toHaveLength(summary.observations);
      for (const r of records) ExportRecord.parse(r);
      expect(records.find((r) => r.partnership === 'Hertfordshire Forward' && r.indicator === 'NI 186' && r.period === '2010/11')).toMatchObject({
        kind: 'target', value: 6.1, unit: 'tonnes per capita', review_state: 'machine',
      });
      // Nothing reviewed yet: a reviewed-only export is empty. The connection works as well as the Store.
      expect(exportRecords(store.db, { reviewedOnly: true })).toEqual([]);

      const xlsx = join(tempDir(), 'plans.xlsx');
      writeFileSync(xlsx, await exportWorkbook(store));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      expect(workbook.getWorksheet('observations')!.rowCount).toBe(records.length + 1);

      const [ni8]: IndicatorComparison[] = compare(store, { indicator: 'NI 8' }).comparisons;
      expect(ni8.groups[0].series.map((s) => [s.label, s.finalTarget?.value])).toEqual([
        ['Rochford District Local Strategic Partnership', 24.7],
        ['Hertfordshire Forward', 25.8],
        ['Tollbridge Borough Partnership', 24],
        // Elmsworth's monitoring sheet gives NI 8 a year-to-date result and a target still "tbc": no final target.
        ['Elmsworth Local Strategic Partnership', undefined],
      ]);

      const again = await importFiles(SEEDS, store, { pipeline: 'text-only' });
      expect(again.counts.unchanged).toBe(5);
    } finally {
      store.close();
    }
  });

  it('reports bad input in the summary and refuses an unknown pipeline', async () => {
    const store = openStore(join(tempDir(), 'plans.db'));
    try {
      const summary = await importFiles([join(tempDir(), 'missing-folder')], store);
      expect(summary.counts.rejected).toBe(1);
      await expect(importFiles(SEEDS, store, { pipeline: 'no-such-pipeline' })).rejects.toThrow(/unknown pipeline "no-such-pipeline"/);
      expect(PIPELINE_NAMES).toContain('default');
    } finally {
      store.close();
    }
    // A PostgreSQL URL is not a file name: it names the function that opens one, password not shown.
    expect(() => openStore('postgresql://ann:secret@127.0.0.1/plans')).toThrow('postgresql://ann:***@127.0.0.1/plans is a PostgreSQL store: open it with await openPostgresStore(url)');
  });
});
