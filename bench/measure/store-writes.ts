// Store write throughput: documents processed in advance (untimed), then written into a fresh store with
// Store.saveDocument, one transaction each, as the import's writer does. Observations per second of the
// saves alone: no reading, parsing, extraction or reconciliation. Three variants (one round each) turn the
// durability knobs, to show how much of the time is commits and how much the inserts themselves.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processBytes } from '../../src/pipeline/process.ts';
import { openStore } from '../../src/store/index.ts';

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
  /** All documents in one outer transaction (saveDocument's own becomes a savepoint): one commit, not one each. */
  oneTransaction?: boolean;
}

function saveAll(docs: Processed[], options: SaveOptions = {}): number {
  const dir = mkdtempSync(join(tmpdir(), 'planharvest-bench-store-'));
  const store = openStore(join(dir, 'store.db'));
  try {
    if (options.synchronous) store.db.pragma(`synchronous = ${options.synchronous}`);
    const run = store.beginRun('bench');
    const saveEach = () => {
      for (const d of docs) store.saveDocument(run, d.path, d.document, d.result, d.messages);
    };
    const start = process.hrtime.bigint();
    if (options.oneTransaction) store.db.transaction(saveEach)();
    else saveEach();
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStoreWrites(files: string[], rounds = 3): Promise<StoreWriteResult> {
  const docs = await prepare(files);
  const observations = docs.reduce((n, d) => n + d.result.observations.length, 0);
  saveAll(docs.slice(0, Math.min(20, docs.length))); // warm-up: prepared statements, page cache, JIT
  const times = Array.from({ length: rounds }, () => saveAll(docs)).sort((a, b) => a - b);
  const seconds = times[Math.floor(rounds / 2)];
  const variants: StoreWriteVariant[] = [
    { label: 'synchronous = NORMAL, a commit per document', options: { synchronous: 'NORMAL' } },
    { label: 'synchronous = FULL (as shipped), one commit for all', options: { oneTransaction: true } },
    { label: 'synchronous = OFF, one commit for all (the inserts alone)', options: { synchronous: 'OFF', oneTransaction: true } },
  ].map(({ label, options }) => ({ label, observationsPerSecond: observations / saveAll(docs, options as SaveOptions) }));
  return { documents: docs.length, observations, rounds, seconds, observationsPerSecond: observations / seconds, documentsPerSecond: docs.length / seconds, variants };
}
