// The findings step of an import, in a worker thread of its own with a bounded heap. Its live data is small
// (a document, or a batch of one partnership's figures, at a time: ./context.ts), but over a long step V8 lets
// the heap of the thread it runs in grow with what it has allocated: at 50,000 documents the step alone
// peaked at 493 MB run in the importing thread, and at 289 MB under a 160 MB heap limit, in the same time
// (BENCHMARKS.md). The worker reads and writes the store file through its own connection, in one transaction,
// as reconcileStore always does. Should the limit ever be too small for a store, the step is run again in the
// calling thread, without a limit: the worker's transaction died with it (and had it been committed, the same
// findings are computed again, under a reconciliation of their own).
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { reconcileStore, type ReconcileRequest, type Reconciliation } from './index.ts';
import type { ImportChanges, ImportChangesSnapshot } from './scope.ts';

/** The findings step's heap limit: several times its largest live data at 50,000 documents (about 40 MB). */
export const FINDINGS_HEAP_MB = 160;

const SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = SOURCE ? new URL('../pipeline/worker-entry.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);

export interface ApartRequest {
  path: string;
  request: Omit<ReconcileRequest, 'changes'> & { changes?: ImportChangesSnapshot };
}

export type ApartResponse = { ok: true; reconciliation: Reconciliation } | { ok: false; message: string };

export interface ApartOptions {
  heapMb?: number;
  /** Told when the step had to run again in the calling thread, and why. */
  onFallback?: (reason: string) => void;
}

function inWorker(path: string, request: ApartRequest['request'], heapMb: number): Promise<ApartResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      workerData: { path, request, ...(SOURCE ? { sourceEntry: new URL('./worker.ts', import.meta.url).href } : {}) } satisfies ApartRequest & { sourceEntry?: string },
    });
    let settled = false;
    const settle = (response: ApartResponse) => {
      if (!settled) resolve(response);
      settled = true;
    };
    worker.once('message', (response: ApartResponse) => settle(response));
    worker.once('error', (error) => settle({ ok: false, message: `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${error.message}` }));
    worker.once('exit', (code) => settle({ ok: false, message: `the findings worker stopped (exit code ${code})` }));
  });
}

/**
 * reconcileStore for an import, apart from the calling thread. `db` is the caller's connection to the store:
 * an in-memory store, which another thread cannot open, is reconciled through it directly.
 */
export async function reconcileApart(db: Database.Database, request: ReconcileRequest & { changes?: ImportChanges }, options: ApartOptions = {}): Promise<Reconciliation> {
  if (db.memory) return reconcileStore(db, request);
  const response = await inWorker(db.name, { ...request, changes: request.changes?.snapshot() }, options.heapMb ?? FINDINGS_HEAP_MB);
  if (response.ok) return response.reconciliation;
  options.onFallback?.(response.message);
  return reconcileStore(db, request);
}
