import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../src/export/records.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import { openStore } from '../../src/store/index.ts';
import { SEEDS, tempDir } from '../support/run.ts';

async function processed(file: string) {
  const r = await processBytes(new Uint8Array(readFileSync(join(SEEDS, file))), file);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('store', () => {
  it('applies migrations once and reopens an existing store', () => {
    const path = join(tempDir(), 's.db');
    openStore(path).close();
    const store = openStore(path);
    expect(store.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBeGreaterThanOrEqual(1);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
  });

  it('writes a document in one transaction: a failure leaves the previous version whole', async () => {
    const store = openStore(join(tempDir(), 's.db'));
    const run = store.beginRun('test');
    const good = await processed('003_b93e07daa693e4b6.txt');
    expect(store.saveDocument(run, '/docs/plan.txt', good.document, good.result, [])).toBe('imported');
    const before = exportRecords(store.db);

    // A new version whose milestones cannot be written fails half-way through its inserts (after its
    // document row, indicators and observations).
    const changed = structuredClone(good);
    changed.document.contentHash = 'changed';
    store.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.milestones BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    expect(() => store.saveDocument(run, '/docs/plan.txt', changed.document, changed.result, [])).toThrow(/^disk full \(simulated\) \(writing its milestones\)$/);
    expect(exportRecords(store.db)).toEqual(before);
    expect(store.documentByPath('/docs/plan.txt')?.contentHash).toBe(good.document.contentHash);
    store.close();
  });

  it('stores provenance for the value, the header and the code of each observation', async () => {
    const store = openStore(join(tempDir(), 's.db'));
    const doc = await processed('001_bb7cceca8e2011e9.txt');
    store.saveDocument(store.beginRun('test'), '/docs/001.txt', doc.document, doc.result, []);
    const rows = store.db
      .prepare(`SELECT p.role, p.line, p.col_index, p.text, p.span_start, p.span_end FROM provenance p JOIN observations o ON o.id = p.observation_id
                WHERE o.indicator_code = 'NI 175' AND o.kind = 'target' AND o.period = '2009/10'`)
      .all() as Array<{ role: string; line: number; col_index: number; text: string; span_start: number; span_end: number }>;
    const byRole = Object.fromEntries(rows.map((r) => [r.role, r]));
    expect(byRole.value.text.slice(byRole.value.span_start, byRole.value.span_end)).toBe('25%');
    expect(byRole.value).toMatchObject({ line: 103, col_index: 2 });
    expect(byRole.header.text.slice(byRole.header.span_start, byRole.header.span_end).trim()).toBe('09/10');
    expect(byRole.code.text.slice(byRole.code.span_start, byRole.code.span_end)).toBe('NI175');
    store.close();
  });
});
