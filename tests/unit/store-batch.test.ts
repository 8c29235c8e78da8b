// Several documents to a commit, each still all-or-nothing (src/store/batch.ts): a document that fails to store
// in the middle of a batch is rejected alone, with one line, and the others of its batch are stored; a write is
// reported only once committed; an error that ends the whole transaction, or a commit that fails, loses no
// other document; a process killed mid-batch loses at most the batch not yet committed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { pipelines } from '../../pipelines/index.ts';
import { exportRecords } from '../../src/export/records.ts';
import { importFiles } from '../../src/pipeline/import.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import type { Settled } from '../../src/store/batch.ts';
import { openStore, type DocumentOutcome, type Store } from '../../src/store/index.ts';
import { FIXTURES } from '../support/compare.ts';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/run.ts';

const FILES = ['01-northmoor-laa-delivery-plan.txt', '02-eastwell-ridgeway-scorecard.txt', '03-harbourside-years-as-rows.txt', '04-kestrelshire-district-tables.txt', '05-ashcombe-quarterly-report.txt'];
const BAD = FILES[2];
// Refuses the bad document's NI 192 observations: it fails part-way, after its document row, indicators and
// its first observations (a trigger stands in for a full disk).
const REFUSE = `CREATE TRIGGER refuse BEFORE INSERT ON observations WHEN NEW.indicator_code = 'NI 192'
                  AND (SELECT file_name FROM documents WHERE id = NEW.document_id) = '${BAD}'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END`;

function folder(): string {
  const dir = join(tempDir(), 'docs');
  mkdirSync(dir);
  for (const f of FILES) copyFileSync(join(FIXTURES, 'text', f), join(dir, f));
  return dir;
}

async function processed(file: string) {
  const r = await processBytes(new Uint8Array(readFileSync(join(FIXTURES, 'text', file))), file);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

type Processed = Awaited<ReturnType<typeof processed>>;

function saver(store: Store, run: number, path: string, p: Processed): () => DocumentOutcome {
  return () => store.saveDocument(run, path, p.document, p.result, p.messages, p.crops, p.unread);
}

/** Counts the statements the writer runs through `exec` (BEGIN IMMEDIATE, COMMIT, ROLLBACK). */
function countExec(db: Database.Database): Map<string, number> {
  const counts = new Map<string, number>();
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    counts.set(sql, (counts.get(sql) ?? 0) + 1);
    return exec(sql);
  };
  return counts;
}

function storedFiles(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT file_name FROM documents ORDER BY file_name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('batched writes', () => {
  it('rejects a document that fails mid-batch alone and stores the others of its batch', async () => {
    const docs = folder();
    const reference = openStore(join(tempDir(), 'reference.db'));
    await importFiles([docs], reference, { pipeline: pipelines.default, jobs: 0 });
    const expected = exportRecords(reference.db).filter((r) => r.document !== BAD);
    reference.close();

    const store = openStore(join(tempDir(), 'store.db'));
    store.db.exec(REFUSE);
    const statements = countExec(store.db);
    const lines: string[] = [];
    const summary = await importFiles([docs], store, {
      pipeline: pipelines.default, jobs: 0, batch: { maxWrites: 100, maxMs: 600_000 },
      onFile: (r) => lines.push(`${r.status} ${r.path}${r.reason ? `: ${r.reason}` : ''}`),
    });
    // One batch: the bad document (third of five) rolled it back, the two before it were written again, the
    // two after it joined them, and one commit stored the four.
    expect(statements.get('COMMIT')).toBe(1);
    expect(statements.get('ROLLBACK')).toBe(1);
    expect(summary.counts).toMatchObject({ imported: 4, rejected: 1 });
    const bad = lines.filter((l) => l.includes(BAD));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^rejected \S+03-harbourside-years-as-rows\.txt: could not be stored \(database or disk is full \(simulated\) \(writing observation obs_[0-9a-f]{16}\)\)$/);
    expect(exportRecords(store.db)).toEqual(expected);
    expect(store.db.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(4);
    expect(store.db.prepare('SELECT path FROM rejections').pluck().all()).toEqual([join(docs, BAD)]);
    store.close();
  });

  it('says so in one line on the command line', () => {
    const docs = folder();
    const db = join(tempDir(), 'store.db');
    const store = openStore(db);
    store.db.exec(REFUSE);
    store.close();
    const run = runCli('import', docs, '--db', db, '--jobs', '0');
    expect(run.code).toBe(0);
    // The file's line as it is processed, repeated in the run's list of rejected files; nothing else about it.
    const lines = run.stderr.split('\n').filter((l) => l.includes(BAD));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.trim()).toMatch(/^rejected {2}\S+03-harbourside-years-as-rows\.txt: could not be stored \(database or disk is full \(simulated\) \(writing observation obs_[0-9a-f]{16}\)\) — nothing was changed for this file; report it$/);
    }
    expect(run.stderr).toMatch(/4 imported, 0 replaced, 0 unchanged, 1 rejected/);
    expect(storedFiles(db)).toEqual(FILES.filter((f) => f !== BAD));
  });

  it('tells a write its result only once it is committed, and a failed one at once', async () => {
    const store = openStore(join(tempDir(), 'store.db'));
    store.db.exec(REFUSE);
    const run = store.beginRun('test');
    const writer = store.batch({ maxWrites: 100, maxMs: 600_000 });
    const told: Array<[string, Settled<DocumentOutcome>]> = [];
    for (const f of FILES) writer.write(saver(store, run, `/docs/${f}`, await processed(f)), (r) => told.push([f, r]));
    expect(told.map(([f, r]) => [f, r.ok])).toEqual([[BAD, false]]);
    expect(writer.size).toBe(4);
    // Another connection sees nothing yet.
    expect(storedFiles(store.db.name)).toEqual([]);
    writer.commit();
    expect(told.map(([f, r]) => [f, r.ok ? r.value : 'failed'])).toEqual([[BAD, 'failed'], ...FILES.filter((f) => f !== BAD).map((f) => [f, 'imported'])]);
    expect(storedFiles(store.db.name)).toEqual(FILES.filter((f) => f !== BAD));
    store.close();
  });

  it('undoes a failed document even when the write catches its error', async () => {
    const store = openStore(join(tempDir(), 'store.db'));
    store.db.exec(REFUSE);
    const run = store.beginRun('test');
    const writer = store.batch({ maxWrites: 100, maxMs: 600_000 });
    const results: Array<Settled<unknown>> = [];
    for (const f of FILES) {
      const save = saver(store, run, `/docs/${f}`, await processed(f));
      writer.write(
        () => {
          try {
            return save();
          } catch {
            return 'swallowed';
          }
        },
        (r) => results.push(r),
      );
    }
    writer.close();
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    expect(storedFiles(store.db.name)).toEqual(FILES.filter((f) => f !== BAD));
    expect(store.db.prepare("SELECT COUNT(*) FROM observations o JOIN documents d ON d.id = o.document_id WHERE d.file_name = ?").pluck().get(BAD)).toBe(0);
    store.close();
  });

  it('keeps the rest of a batch when an error ends the whole transaction (a full disk)', async () => {
    const store = openStore(join(tempDir(), 'store.db'));
    const run = store.beginRun('test');
    const writer = store.batch({ maxWrites: 100, maxMs: 600_000 });
    const told = new Map<string, Settled<DocumentOutcome>>();
    const [first, second, big] = await Promise.all(FILES.slice(0, 3).map(processed));
    writer.write(saver(store, run, '/docs/a.txt', first), (r) => told.set('a', r));
    writer.write(saver(store, run, '/docs/b.txt', second), (r) => told.set('b', r));
    // The file may grow by one page more: the third document does not fit, and SQLite rolls back the whole
    // transaction for a full database.
    store.db.pragma(`max_page_count = ${(store.db.pragma('page_count', { simple: true }) as number) + 1}`);
    writer.write(saver(store, run, '/docs/c.txt', big), (r) => told.set('c', r));
    expect(told.get('c')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^database or disk is full \(writing .+\)$/) } });
    writer.close();
    expect(told.get('a')).toEqual({ ok: true, value: 'imported' });
    expect(told.get('b')).toEqual({ ok: true, value: 'imported' });
    expect(store.db.prepare('SELECT path FROM documents ORDER BY path').pluck().all()).toEqual(['/docs/a.txt', '/docs/b.txt']);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  });

  it('writes each document of a batch alone when the commit fails', () => {
    const store = openStore(join(tempDir(), 'store.db'));
    // A deferred constraint is checked at COMMIT: one bad write makes the whole commit fail.
    store.db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
                   CREATE TABLE child (parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
                   INSERT INTO parent VALUES (1)`);
    const insert = store.db.prepare('INSERT INTO child VALUES (?)');
    const statements = countExec(store.db);
    const writer = store.batch({ maxWrites: 100, maxMs: 600_000 });
    const told: Array<[number, boolean]> = [];
    for (const parent of [1, 2, 1]) writer.write(() => insert.run(parent), (r) => told.push([parent, r.ok]));
    writer.close();
    expect(statements.get('COMMIT')).toBe(1);
    expect(told).toEqual([[1, true], [2, false], [1, true]]);
    expect(store.db.prepare('SELECT parent FROM child').pluck().all()).toEqual([1, 1]);
    store.close();
  });

  it('commits a batch left open once its time is up', async () => {
    const store = openStore(join(tempDir(), 'store.db'));
    const writer = store.batch({ maxWrites: 100, maxMs: 50 });
    let told: Settled<DocumentOutcome> | null = null;
    writer.write(saver(store, store.beginRun('test'), `/docs/${FILES[0]}`, await processed(FILES[0])), (r) => (told = r));
    expect(told).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(told).toEqual({ ok: true, value: 'imported' });
    expect(storedFiles(store.db.name)).toEqual([FILES[0]]);
    store.close();
  });

  it('loses at most the batch not yet committed when the process is killed', () => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    // The compiled store (the suite builds dist/ first), in a process that kills itself mid-batch.
    const dist = join(import.meta.dirname, '..', '..', 'dist', 'src');
    const script = `
      import { readFileSync } from 'node:fs';
      import { openStore } from ${JSON.stringify(join(dist, 'store', 'index.js'))};
      import { processBytes } from ${JSON.stringify(join(dist, 'pipeline', 'process.js'))};
      const store = openStore(${JSON.stringify(db)});
      const run = store.beginRun('test');
      const writer = store.batch({ maxWrites: 100, maxMs: 600000 });
      const files = ${JSON.stringify(FILES.map((f) => join(FIXTURES, 'text', f)))};
      for (const [i, path] of files.entries()) {
        const p = await processBytes(new Uint8Array(readFileSync(path)), path.split('/').pop());
        writer.write(() => store.saveDocument(run, path, p.document, p.result, p.messages, p.crops, p.unread), () => {});
        if (i === 2) writer.commit();
      }
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal).toBe('SIGKILL');
    expect(storedFiles(db)).toEqual(FILES.slice(0, 3));
    const store = openStore(db);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.prepare('SELECT COUNT(*) FROM sources s LEFT JOIN documents d ON d.id = s.document_id WHERE d.id IS NULL').pluck().get()).toBe(0);
    store.close();
  });
});
