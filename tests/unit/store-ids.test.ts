// Observation ids are unique in the store, whatever the extractor hands it: two observations of one document
// with the same id are both kept (the repeat gets a stable id of its own, and the document a message saying
// so), as are two documents with the same file name in different folders. A store error while writing a
// document leaves its previous version whole and is reported as one line for that file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { pipelines } from '../../pipelines/index.ts';
import { exportRecords } from '../../src/export/records.ts';
import type { Message } from '../../src/model/message.ts';
import { importFiles } from '../../src/pipeline/import.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import { openStore, StoreError } from '../../src/store/index.ts';
import { readObservations } from '../../src/store/read.ts';
import { uniqueIds } from '../../src/store/unique-ids.ts';
import { runCli } from '../support/cli.ts';
import { SEEDS, tempDir } from '../support/run.ts';

const SEED = '003_b93e07daa693e4b6.txt';

async function processed(file = SEED) {
  const r = await processBytes(new Uint8Array(readFileSync(join(SEEDS, file))), file);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** Two figures of one cell read as results for one quarter: the same indicator, kind, period, place and ordinal. */
async function withCollision() {
  const r = await processed();
  const first = r.result.observations[0];
  const twin = { ...first, value: 99, source: { ...first.source, start: first.source.end, end: first.source.end + 2 } };
  r.result.observations.splice(1, 0, twin);
  return { r, first, twin };
}

const storedMessages = (db: Database.Database, path: string) =>
  JSON.parse(db.prepare('SELECT messages_json FROM documents WHERE path = ?').pluck().get(path) as string) as Message[];

describe('observation ids in the store', () => {
  it('keeps both of two observations with the same id, the repeat under a stable id of its own', async () => {
    const { r, first } = await withCollision();
    const store = openStore(join(tempDir(), 's.db'));
    expect(store.saveDocument(store.beginRun('test'), '/docs/plan.txt', r.document, r.result, [])).toBe('imported');
    const stored = readObservations(store.db);
    expect(stored).toHaveLength(r.result.observations.length);
    const pair = stored.filter((o) => o.indicator === first.indicator.code && o.kind === first.kind && o.period === first.period && [first.value, 99].includes(o.value!));
    expect(pair.map((o) => o.value)).toEqual([first.value, 99]);
    expect(pair[0].id).toBe(first.id);
    expect(pair[1].id).toMatch(/^obs_[0-9a-f]{16}$/);
    expect(pair[1].id).not.toBe(first.id);
    // Its value's words are its own (provenance is written under the new id).
    expect(pair[1].source?.start).toBe(first.source.end);

    const [note] = storedMessages(store.db, '/docs/plan.txt').filter((m) => m.rule === 'store:duplicate-id');
    expect(note.severity).toBe('warning');
    expect(note.text).toContain(`observation id ${first.id} (${first.indicator.code} ${first.kind}`);
    expect(note.text).toContain(`occurrence 2 is stored as ${pair[1].id}`);
    store.close();

    // The same document in another store gets the same ids: review decisions find their observations again.
    const again = openStore(join(tempDir(), 's.db'));
    again.saveDocument(again.beginRun('test'), '/docs/plan.txt', r.document, r.result, []);
    expect(readObservations(again.db).map((o) => o.id)).toEqual(stored.map((o) => o.id));
    again.close();
  });

  it('gives every repeat its own id, and moves an OCR crop to the observation it was cut for', async () => {
    const r = await processed();
    const o = r.result.observations[0];
    const three = [o, { ...o, value: 1 }, { ...o, value: 2 }];
    const crop = (value: number) => ({ observationId: o.id, page: 1, box: [value, 0, 1, 1] as [number, number, number, number], width: 1, height: 1, png: new Uint8Array() });
    const out = uniqueIds(three, [crop(0), crop(1), crop(2)], '/docs/plan.txt', () => null);
    const ids = out.observations.map((x) => x.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(o.id);
    expect(out.crops.map((c) => c.observationId)).toEqual(ids);
    expect(out.messages.map((m) => m.text.match(/occurrence (\d)/)?.[1])).toEqual(['2', '3']);
    // Deterministic: the same observations give the same ids.
    expect(uniqueIds(three, [], '/docs/plan.txt', () => null).observations.map((x) => x.id)).toEqual(ids);
  });

  it('keeps a document whose ids another document already holds (same file name, another folder)', async () => {
    const r = await processed();
    const store = openStore(join(tempDir(), 's.db'));
    const run = store.beginRun('test');
    store.saveDocument(run, '/2008/plan.txt', r.document, r.result, []);
    const other = { ...r.document, contentHash: 'another version' };
    expect(store.saveDocument(run, '/2009/plan.txt', other, r.result, [])).toBe('imported');
    const ids = readObservations(store.db).map((o) => o.id);
    expect(ids).toHaveLength(2 * r.result.observations.length);
    expect(new Set(ids).size).toBe(ids.length);
    const notes = storedMessages(store.db, '/2009/plan.txt').filter((m) => m.rule === 'store:duplicate-id');
    expect(notes).toHaveLength(r.result.observations.length);
    expect(notes[0].text).toContain('is already used by /2008/plan.txt');
    store.close();
  });

  it('names the step that failed and leaves the previous version whole', async () => {
    const good = await processed();
    const store = openStore(join(tempDir(), 's.db'));
    const run = store.beginRun('test');
    store.saveDocument(run, '/docs/plan.txt', good.document, good.result, []);
    const before = exportRecords(store.db);
    const target = good.result.observations[3].id;
    store.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.observations WHEN NEW.id = '${target}' BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`);
    const changed = { ...good.document, contentHash: 'changed' };
    let error: unknown;
    try {
      store.saveDocument(run, '/docs/plan.txt', changed, good.result, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toBe(`disk I/O error (simulated) (writing observation ${target})`);
    expect(exportRecords(store.db)).toEqual(before);
    expect(store.documentByPath('/docs/plan.txt')?.contentHash).toBe(good.document.contentHash);
    store.close();
  });

  it('reports a store error during an import as one rejected line for that file and stores the others', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'docs'));
    const plan = join(dir, 'docs', 'plan.txt');
    const other = join(dir, 'docs', 'other.txt');
    copyFileSync(join(SEEDS, SEED), plan);
    copyFileSync(join(SEEDS, '001_bb7cceca8e2011e9.txt'), other);
    const db = join(dir, 'store.db');
    const first = openStore(db);
    await importFiles([join(dir, 'docs')], first, { pipeline: pipelines.default });
    const planBefore = exportRecords(first.db).filter((r) => r.document === 'plan.txt');
    expect(planBefore.length).toBeGreaterThan(0);
    // Both files change; the database refuses plan.txt's NI 141 observations (a trigger stands in for a full disk).
    for (const file of [plan, other]) writeFileSync(file, `${readFileSync(file, 'utf8')}\nA closing note.\n`);
    first.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON observations WHEN NEW.indicator_code = 'NI 141'
                     AND (SELECT path FROM documents WHERE id = NEW.document_id) = '${plan}'
                   BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END`);
    first.close();

    const summaryFile = join(dir, 'summary.json');
    const run = runCli('import', join(dir, 'docs'), '--db', db, '--jobs', '0', '--summary-json', summaryFile);
    expect(run.code).toBe(0);
    const expected = /^rejected {2}\S+plan\.txt: could not be stored \(database or disk is full \(simulated\) \(writing observation obs_[0-9a-f]{16}\)\) — nothing was changed for this file; report it$/;
    // The file's line as it is processed, repeated in the run's list of rejected files; nothing else about it.
    const lines = run.stderr.split('\n').filter((l) => l.includes(plan));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.trim()).toMatch(expected);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toMatch(/0 imported, 1 replaced, 0 unchanged, 1 rejected/);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { files: Array<{ path: string; status: string }> };
    expect(summary.files.map((f) => [f.path, f.status])).toEqual([[other, 'replaced'], [plan, 'rejected']]);

    // plan.txt's previous version is whole.
    const after = openStore(db);
    expect(exportRecords(after.db).filter((r) => r.document === 'plan.txt')).toEqual(planBefore);
    after.close();
  });
});
