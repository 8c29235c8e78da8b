// The analysts' views (migration 005) on the seeds and fixtures after a review: observations_flat shows every
// observation with its reviewed figure exactly as the export does, and indicator_summary gives each
// partnership's baseline, final target and latest result per indicator and unit, as compare does.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStore } from '../../src/compare/index.ts';
import { exportRecords, type ExportRecord } from '../../src/export/records.ts';
import { reconcileStore } from '../../src/reconcile/index.ts';
import { decide } from '../../src/review/decide.ts';
import { loadTargets } from '../../src/review/targets.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { FIXTURES } from '../support/compare.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

interface FlatRow {
  observation_id: string; document: string; partnership: string | null; indicator: string; indicator_title: string | null; kind: string;
  state: string; value: number | null; unit: string | null; period: string | null; review_state: string | null; reviewed_by: string | null;
  extracted_value: number | null; page: number | null; line: number | null; source_text: string | null;
}
interface SummaryRow {
  partnership_or_document: string; indicator: string; area: string | null; unit: string | null; baseline: number | null; baseline_period: string | null;
  final_target: number | null; final_target_period: string | null; latest_result: number | null; latest_result_period: string | null;
  observations: number; targets: number; reviewed: number; documents: number;
}

describe('observations_flat and indicator_summary', () => {
  let store: Store;
  let dbPath: string;
  let records: ExportRecord[];
  let corrected: ExportRecord;
  let rejected: ExportRecord;

  beforeAll(async () => {
    ({ store, dbPath } = await importInto([SEEDS, join(FIXTURES, 'text')], join(tempDir(), 'store.db')));
    const before = exportRecords(store.db);
    corrected = before.find((r) => r.partnership === 'Hertfordshire Forward' && r.indicator === 'NI 186' && r.period === '2010/11')!;
    rejected = before.find((r) => r.partnership === 'Hertfordshire Forward' && r.indicator === 'NI 186' && r.period === '2009/10')!;
    decide(store.db, loadTargets(store.db), { targetId: corrected.id, action: 'correct', correction: { value: 6.0 }, by: 'Bob' }, { origin: 'test' });
    decide(store.db, loadTargets(store.db), { targetId: rejected.id, action: 'reject', by: 'Bob' }, { origin: 'test' });
    reconcileStore(store.db, { trigger: 'review' });
    records = exportRecords(store.db, { includeRejected: true });
  });
  afterAll(() => store.close());

  const flat = () => store.db.prepare('SELECT * FROM observations_flat').all() as FlatRow[];
  const summary = (who: string, indicator: string) =>
    store.db.prepare('SELECT * FROM indicator_summary WHERE partnership_or_document = ? AND indicator = ? AND unit IS NOT NULL').all(who, indicator) as SummaryRow[];

  it('observations_flat: one row per observation with the reviewed figure the export gives, and its source', () => {
    const rows = new Map(flat().map((r) => [r.observation_id, r]));
    expect(rows.size).toBe(records.length);
    for (const r of records) {
      const row = rows.get(r.id)!;
      expect([row.document, row.partnership, row.indicator, row.kind, row.state, row.value, row.unit, row.period, row.review_state, row.reviewed_by]).toEqual([
        r.document, r.partnership, r.indicator, r.kind, r.state, r.value, r.unit, r.period, r.review_state, r.reviewed_by,
      ]);
      expect([row.page, row.line, row.source_text]).toEqual([r.source.page, r.source.line, r.source.text]);
    }
    expect(rows.get(corrected.id)).toMatchObject({ value: 6, extracted_value: 6.1, review_state: 'corrected', reviewed_by: 'Bob' });
    expect(rows.get(rejected.id)).toMatchObject({ review_state: 'rejected' });
  });

  it('indicator_summary: baseline, final target and latest result per partnership, indicator and unit', () => {
    expect(summary('Rochford District Local Strategic Partnership', 'NI 8')).toEqual([expect.objectContaining({
      unit: '%', baseline: 20.2, baseline_period: '2005/06', final_target: 24.7, final_target_period: '2010/11', latest_result: null, documents: 1,
    })]);
    expect(summary('Hertfordshire Forward', 'NI 8')).toEqual([expect.objectContaining({ unit: '%', baseline: 21.8, baseline_period: null, final_target: 25.8 })]);
    // Reviewed: the corrected final target; the rejected 2009/10 target left out of the counts.
    expect(summary('Hertfordshire Forward', 'NI 186')).toEqual([expect.objectContaining({
      unit: 'tonnes per capita', baseline: 6.7, baseline_period: '2005', final_target: 6, final_target_period: '2010/11', targets: 2, reviewed: 1,
    })]);
    expect(summary('Harbourside City Partnership', 'NI 186')).toEqual([expect.objectContaining({ baseline: 7.9, final_target: 7, latest_result: 7.7, latest_result_period: '2008/09' })]);
    // A document naming no partnership is summarised under its file name.
    expect(store.db.prepare("SELECT COUNT(*) FROM indicator_summary WHERE partnership_or_document = '06-brindley-bvpp.txt'").pluck().get()).toBeGreaterThan(0);
  });

  it('agrees with compare on every series with a dated baseline and target', () => {
    for (const indicator of ['NI 8', 'NI 186', 'NI 192', 'NI 191']) {
      const [comparison] = compareStore(store.db, { indicator }).comparisons;
      for (const group of comparison.groups) {
        for (const s of group.series.filter((x) => x.area === null)) {
          const [row] = summary(s.partnership ?? s.document, indicator).filter((r) => r.unit === group.unit && r.area === null);
          expect([row.baseline, row.final_target, row.latest_result], `${indicator} ${s.label}`).toEqual([s.baseline?.value ?? null, s.finalTarget?.value ?? null, s.latestResult?.value ?? null]);
        }
      }
    }
  });

  it('a store from before migration 005 gets the views; undecided observations show at once, decided ones after the next recomputation', () => {
    const old = join(tempDir(), 'old.db');
    const copy = openStore(dbPath);
    copy.db.exec(`VACUUM INTO '${old}'`);
    copy.close();
    const legacy = openStore(old);
    // As it was before 005 (and so before 010, which adds to what 005 made).
    legacy.db.exec('DROP VIEW indicator_summary; DROP VIEW observations_flat; DROP TABLE reviewed_values; ALTER TABLE decisions DROP COLUMN new_kind; DELETE FROM schema_migrations WHERE version IN (5, 10)');
    legacy.close();
    const reopened = openStore(old);
    try {
      const count = (sql: string) => reopened.db.prepare(sql).pluck().get() as number;
      expect(count('SELECT COUNT(*) FROM reviewed_values')).toBe(records.length - 2);
      expect(count("SELECT COUNT(*) FROM observations_flat WHERE review_state = 'machine'")).toBe(records.length - 2);
      reconcileStore(reopened.db, { trigger: 'report' });
      expect(count('SELECT COUNT(*) FROM reviewed_values')).toBe(records.length);
      expect(count("SELECT value FROM observations_flat WHERE observation_id = '" + corrected.id + "'")).toBe(6);
    } finally {
      reopened.close();
    }
  });
});
