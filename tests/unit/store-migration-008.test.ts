// Migration 008 (the text units observations are read from, stored once per document) changes no view row and
// no export record: a store written before it (by the writer of that time, tests/support/store-007.ts) reads the
// same after it, and the same as a store the current writer makes from the same documents. The fixtures: the
// seeds, every text fixture, every office format, PDFs (page, line and box provenance) and a scan read by OCR
// (OCR confidence and crops); a document replaced by a new version; two files of one name in two folders
// (derived observation ids); review decisions.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/csv.ts';
import { exportIndicatorRecords } from '../../src/export/indicator-records.ts';
import { exportRecords } from '../../src/export/records.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import { shutdownOcr } from '../../src/ocr/shared-engine.ts';
import type { ObservationSnapshot } from '../../src/review/decisions.ts';
import { openStore } from '../../src/store/index.ts';
import { readObservations } from '../../src/store/read.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/compare.ts';
import { SEEDS, tempDir } from '../support/run.ts';
import { beginRun007, openStore007, saveDocument007 } from '../support/store-007.ts';

function fixtureFiles(): string[] {
  const inFolder = (dir: string, keep: (f: string) => boolean) => readdirSync(dir).filter(keep).sort().map((f) => join(dir, f));
  return [
    ...inFolder(SEEDS, (f) => f.endsWith('.txt')),
    ...inFolder(join(FIXTURES, 'text'), (f) => /^\d\d-.*\.txt$/.test(f)),
    ...inFolder(join(FIXTURES, 'office'), (f) => /\.(docx|xlsx|csv|html)$/.test(f)),
    ...inFolder(join(FIXTURES, 'pdf'), (f) => /^(01|02|09|11)-.*\.pdf$/.test(f)),
    join(FIXTURES, 'scanned', '06-brindley-bvpp.scan.png'),
  ];
}

interface Write {
  path: string;
  p: Extract<Awaited<ReturnType<typeof processBytes>>, { ok: true }>;
}

async function writes(): Promise<Write[]> {
  const out: Write[] = [];
  try {
    for (const file of fixtureFiles()) {
      const p = await processBytes(new Uint8Array(readFileSync(file)), basename(file), { ocr: true });
      if (!p.ok) throw new Error(`${file}: ${p.reason}`);
      out.push({ path: file, p });
    }
  } finally {
    await shutdownOcr();
  }
  // The same file under a second folder (its ids are taken: derived ones), and a document replaced by a new
  // version under the first one's path (its first version's rows are deleted with it).
  const seed = out[0];
  out.push({ path: `/elsewhere/${basename(seed.path)}`, p: seed.p });
  const text = `${readFileSync(seed.path, 'utf8')}\nA closing note.\n`;
  const changed = await processBytes(new Uint8Array(Buffer.from(text)), basename(seed.path));
  if (!changed.ok) throw new Error(changed.reason);
  out.push({ path: seed.path, p: changed });
  return out;
}

/** Review decisions and the reviewed values a reconciliation would write for them, the same in any store. */
function review(db: Database.Database): void {
  const ids = db.prepare('SELECT id FROM observations ORDER BY id').pluck().all() as string[];
  // As the reviewer saw them (only shown when a target has gone; the same in both stores).
  const previous: ObservationSnapshot = { type: 'observation', document: 'test', kind: 'target', area: null, reviewState: 'machine', indicator: 'NI 1', state: 'value', value: 1, unit: null, period: null };
  // The decisions table as it was at 007 (later migrations add columns): its own columns only.
  const decided = db.prepare(
    `INSERT INTO decisions (target_type, target_id, action, new_value, previous_json, decided_by, decided_at, comment, origin)
     VALUES ('observation', ?, ?, ?, ?, 'tester', '2026-12-07T00:00:00.000Z', NULL, 'cli')`,
  );
  decided.run(ids[3], 'correct', 42, JSON.stringify(previous));
  decided.run(ids[10], 'reject', null, JSON.stringify(previous));
  decided.run(ids[20], 'accept', null, JSON.stringify(previous));
  const reviewed = db.prepare(
    `INSERT INTO reviewed_values (observation_id, indicator_code, state, value, unit, period, review_state, reviewed_by)
     SELECT id, indicator_code, state, ?, unit, period, ?, 'tester' FROM observations WHERE id = ?`,
  );
  reviewed.run(42, 'corrected', ids[3]);
  reviewed.run(null, 'rejected', ids[10]);
  reviewed.run(null, 'accepted', ids[20]);
}

/** Every view, row for row, in a fixed order. */
function views(db: Database.Database) {
  return {
    flat: db.prepare('SELECT * FROM observations_flat ORDER BY observation_id').all(),
    summary: db.prepare('SELECT * FROM indicator_summary ORDER BY partnership_or_document, indicator, area, unit').all(),
    provenance: db.prepare('SELECT * FROM provenance ORDER BY observation_id, role').all(),
  };
}

describe('migration 008 (sources)', () => {
  it('keeps every view row and export record as it was, and as the current writer writes them', async () => {
    const all = await writes();
    const dir = tempDir();

    // A store as planharvest left it at 007.
    const oldPath = join(dir, 'old.db');
    const old = openStore007(oldPath);
    const oldRun = beginRun007(old);
    for (const w of all) saveDocument007(old, oldRun, w.path, w.p.document, w.p.result, w.p.messages, w.p.crops, w.p.unread);
    review(old);
    const before = views(old);
    expect(before.provenance.length).toBeGreaterThan(2000);
    expect(before.provenance.some((r) => (r as { ocr_confidence: number | null }).ocr_confidence !== null)).toBe(true);
    expect(before.provenance.some((r) => (r as { box_json: string | null }).box_json !== null)).toBe(true);
    expect(before.provenance.some((r) => (r as { sheet: string | null }).sheet !== null)).toBe(true);
    old.close();

    // Opened by this planharvest: migrated.
    const migrated = openStore(oldPath);
    expect(migrated.db.prepare('SELECT MIN(version) FROM schema_migrations WHERE version >= 8').pluck().get()).toBe(8);
    expect(views(migrated.db)).toEqual(before);
    expect(migrated.db.pragma('foreign_key_check')).toEqual([]);
    expect(migrated.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Each unit once: fewer rows than the provenance rows they replace.
    const units = migrated.db.prepare('SELECT COUNT(*) FROM sources').pluck().get() as number;
    expect(units).toBeLessThan(before.provenance.length * 0.75);

    // The same documents written by the current writer, in batches.
    const freshPath = join(dir, 'fresh.db');
    const fresh = openStore(freshPath);
    const run = fresh.beginRun('test');
    const writer = fresh.batch();
    for (const w of all) {
      writer.write(() => fresh.saveDocument(run, w.path, w.p.document, w.p.result, w.p.messages, w.p.crops, w.p.unread), (r) => {
        if (!r.ok) throw r.error;
      });
    }
    writer.close();
    review(fresh.db);

    expect(views(fresh.db)).toEqual(before);
    expect(exportRecords(migrated.db)).toEqual(exportRecords(fresh.db));
    expect(exportRecords(migrated.db, { includeRejected: true })).toEqual(exportRecords(fresh.db, { includeRejected: true }));
    expect(toCsv(exportRecords(migrated.db))).toBe(toCsv(exportRecords(fresh.db)));
    expect(exportIndicatorRecords(migrated.db)).toEqual(exportIndicatorRecords(fresh.db));
    expect(readObservations(migrated.db)).toEqual(readObservations(fresh.db));
    // Row for row: the migration numbers the units as the writer does.
    const rows = (db: Database.Database) => ({
      sources: db.prepare('SELECT * FROM sources ORDER BY document_id, n').all(),
      observations: db.prepare('SELECT * FROM observations ORDER BY rowid').all(),
      crops: db.prepare('SELECT * FROM ocr_crops ORDER BY observation_id').all(),
    });
    expect(rows(migrated.db)).toEqual(rows(fresh.db));
    migrated.close();
    fresh.close();

    // And through the command line, as the contract's readers get them.
    for (const format of ['jsonl', 'csv']) {
      const a = runCli('export', '--db', oldPath, '--format', format);
      expect(a.code).toBe(0);
      expect(a.stdout.length).toBeGreaterThan(10_000);
      expect(runCli('export', '--db', freshPath, '--format', format).stdout).toBe(a.stdout);
    }
  });
});
