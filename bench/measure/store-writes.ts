// Store write throughput: documents processed in advance (untimed), then written into a fresh store with
// Store.saveDocument through the batch writer with its default batches, as the import does (several documents
// to a commit, each all-or-nothing: src/store/batch.ts). Observations per second of the saves alone: no
// reading, parsing, extraction or reconciliation. Four variants (one round each) show where the time goes:
// the store as it was before (schema 007 and its writer, a commit per document: the baseline, in the same run),
// a commit per document (as before batching), one commit for all, and one commit with durability off (the
// inserts alone).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processBytes } from '../../src/pipeline/process.ts';
import { openStore } from '../../src/store/index.ts';
import { beginRun007, openStore007, saveDocument007 } from '../../tests/support/store-007.ts';

/** The same saves with the durability knobs turned, to show where the time goes (not how planharvest runs). */
export interface StoreWriteVariant {
  label: string;
  observationsPerSecond: number;
}

export interface StoreWriteResult {
  documents: number;
  observations: number;
  rounds: number;
  /** Seconds for all the saves, median round. */
  seconds: number;
  observationsPerSecond: number;
  documentsPerSecond: number;
  variants: StoreWriteVariant[];
}

type Processed = Extract<Awaited<ReturnType<typeof processBytes>>, { ok: true }> & { path: string };

async function prepare(files: string[]): Promise<Processed[]> {
  const out: Processed[] = [];
  for (const path of files) {
    const r = await processBytes(new Uint8Array(readFileSync(path)), path.split('/').pop()!);
    if (r.ok) out.push({ ...r, path });
  }
  return out;
}

interface SaveOptions {
  /** PRAGMA synchronous for the run; the store's own setting when absent. */
  synchronous?: 'NORMAL' | 'OFF';
  /** How documents are committed: in the import's batches (default), each in its own transaction, or all at once. */
  commits?: 'batches' | 'each' | 'one';
  /** The store before migration 008 and batching: schema 007 and the writer of that time, a commit per document. */
  schema007?: boolean;
}

function saveAll007(docs: Processed[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'planharvest-bench-store-'));
  const db = openStore007(join(dir, 'store.db'));
  try {
    const run = beginRun007(db);
    const start = process.hrtime.bigint();
    for (const d of docs) saveDocument007(db, run, d.path, d.document, d.result, d.messages, d.crops, d.unread);
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function saveAll(docs: Processed[], options: SaveOptions = {}): number {
  if (options.schema007) return saveAll007(docs);
  const dir = mkdtempSync(join(tmpdir(), 'planharvest-bench-store-'));
  const store = openStore(join(dir, 'store.db'));
  try {
    if (options.synchronous) store.db.pragma(`synchronous = ${options.synchronous}`);
    const run = store.beginRun('bench');
    const commits = options.commits ?? 'batches';
    const writer = store.batch(commits === 'one' ? { maxWrites: Infinity, maxMs: Infinity } : {});
    const failed = (r: { ok: boolean }) => {
      if (!r.ok) throw new Error('a document could not be stored');
    };
    const start = process.hrtime.bigint();
    for (const d of docs) {
      const save = () => store.saveDocument(run, d.path, d.document, d.result, d.messages, d.crops, d.unread);
      if (commits === 'each') save();
      else writer.write(save, failed);
    }
    writer.close();
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStoreWrites(files: string[], rounds = 3): Promise<StoreWriteResult> {
  const docs = await prepare(files);
  const observations = docs.reduce((n, d) => n + d.result.observations.length, 0);
  // Warm-up: prepared statements, page cache, JIT.
  saveAll(docs.slice(0, Math.min(20, docs.length)));
  saveAll(docs.slice(0, Math.min(20, docs.length)), { schema007: true });
  const times = Array.from({ length: rounds }, () => saveAll(docs)).sort((a, b) => a - b);
  const seconds = times[Math.floor(rounds / 2)];
  const variants: StoreWriteVariant[] = [
    { label: 'before: schema 007 and its writer, a commit per document', options: { schema007: true } },
    { label: 'a commit per document (as before batching)', options: { commits: 'each' } },
    { label: 'one commit for all', options: { commits: 'one' } },
    { label: 'synchronous = OFF, one commit for all (the inserts alone)', options: { synchronous: 'OFF', commits: 'one' } },
  ].map(({ label, options }) => ({ label, observationsPerSecond: observations / saveAll(docs, options as SaveOptions) }));
  return { documents: docs.length, observations, rounds, seconds, observationsPerSecond: observations / seconds, documentsPerSecond: docs.length / seconds, variants };
}
