// Import a batch: walk the inputs, run each file through a pipeline (in worker threads when jobs > 0),
// write each finished document from this one thread, all-or-nothing, several documents to a commit (a batch
// is committed every 200 writes or 250 ms: src/store/batch.ts), and account for every file in the run summary
// once what it wrote is committed. Bad input never stops the batch; a killed run loses at most the batch not
// yet committed and resumes by skipping what is stored.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Pipeline } from '../../pipelines/index.ts';
import { shutdownOcr } from '../ocr/shared-engine.ts';
import type { FindingCounts, ReconcileOptions } from '../reconcile/index.ts';
import type { BatchOptions } from '../store/batch.ts';
import type { ImportTarget } from '../store/import-target.ts';
import { collectFiles, type FileEntry } from './files.ts';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS } from './limits.ts';
import { WorkerPool } from './pool.ts';
import { contentHash } from './content-hash.ts';
import type { ProcessOptions, ProcessResult } from './process.ts';

export type FileStatus = 'imported' | 'unchanged' | 'replaced' | 'rejected';

export interface FileReport {
  path: string;
  status: FileStatus;
  reason?: string;
  advice?: string;
  observations?: number;
  pages?: number;
  warnings?: number;
  ms: number;
}

export interface RunSummary {
  runId: number;
  pipeline: string;
  jobs: number;
  files: FileReport[];
  counts: Record<FileStatus, number>;
  observations: number;
  pages: number;
  seconds: number;
  /** Findings stored after the import's reconciliation, over the whole store (recomputed for what it touched). */
  findings?: FindingCounts;
  /** Set when the findings step could not run in its own thread and ran in the importing one: why. */
  findingsInThread?: string;
}

export interface ImportOptions {
  pipeline: Pipeline;
  /** Worker threads; 0 runs everything in this thread (no time or memory guard). */
  jobs?: number;
  /** Per-document time limit in milliseconds (workers only). */
  timeoutMs?: number;
  /** Per-worker heap limit in MB. */
  maxMemoryMb?: number;
  /** Run options laid over the pipeline's own (size limits from the command line). */
  overrides?: ProcessOptions;
  onFile?: (report: FileReport, done: number, total: number) => void;
  /** Told the number of files once the inputs have been walked. */
  onStart?: (total: number) => void;
  /** Options for the checks run after the import (e.g. the confidence threshold). */
  reconcile?: Partial<ReconcileOptions>;
  /** How many writes, or how long, a commit may wait for (src/store/batch.ts; 200 writes, 250 ms). */
  batch?: BatchOptions;
}

export { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS } from './limits.ts';

function readBytes(path: string): Uint8Array | FileReport {
  const t0 = Date.now();
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      path, status: 'rejected', ms: Date.now() - t0,
      reason: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`,
      advice: code === 'EACCES' ? 'give the importing user read permission' : 'check the file still exists',
    };
  }
}

/** A store an import can write: the SQLite store or the PostgreSQL store (src/store/import-target.ts). */
export interface ImportableStore {
  importTarget(batch?: BatchOptions): ImportTarget;
}

export async function importFiles(inputs: string[], store: ImportableStore, options: ImportOptions): Promise<RunSummary> {
  const started = Date.now();
  const jobs = options.jobs ?? 0;
  const { files, problems } = collectFiles(inputs);
  // The pool starts first: its threads load the readers while this one starts the run (and loads the findings
  // checks). No more threads than documents (each costs its start-up); the OCR engine still gets every core
  // asked for, so one long scan uses them all.
  const pool = jobs > 0 && files.length ? new WorkerPool({ size: Math.min(jobs, files.length), ocrWorkers: jobs, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB }) : null;
  // Every write goes through the store's import target; a file is reported once its write is committed.
  const target = store.importTarget(options.batch);
  const reports: FileReport[] = [];
  const total = files.length + problems.length;
  let runId: number;
  try {
    runId = await target.beginRun(options.pipeline.name);
  } catch (error) {
    await pool?.close();
    throw error;
  }
  options.onStart?.(total);
  const report = (r: FileReport) => {
    reports.push(r);
    if (r.status === 'rejected') target.reject(runId, r.path, r.reason ?? '', r.advice ?? '');
    options.onFile?.(r, reports.length, total);
  };
  for (const problem of problems) report({ ...problem, status: 'rejected', ms: 0 });

  const process = (bytes: Uint8Array, fileName: string): Promise<ProcessResult> =>
    pool ? pool.run(options.pipeline.name, fileName, bytes, options.overrides) : options.pipeline.process(bytes, fileName, options.overrides);

  // Bounded read-ahead: at most `jobs` files are in memory at once; small files are not held up behind a
  // large one because each slot takes the next file as soon as it is free. Larger files go first so the
  // longest document does not start last.
  const ordered = jobs > 1 ? largestFirst(files) : files;
  const importOne = async (file: FileEntry): Promise<void> => {
    const t0 = Date.now();
    const bytes = readBytes(file.path);
    if (!(bytes instanceof Uint8Array)) return report(bytes);
    if (await target.isUnchanged(file.path, contentHash(bytes))) return report({ path: file.path, status: 'unchanged', ms: Date.now() - t0 });
    const processed = await process(bytes, basename(file.path));
    if (!processed.ok) return report({ path: file.path, status: 'rejected', reason: processed.reason, advice: processed.advice, ms: Date.now() - t0 });
    target.write(runId, file.path, { document: processed.document, result: processed.result, messages: processed.messages, crops: processed.crops, unread: processed.unread }, (stored) => {
      if (!stored.ok) {
        report({ path: file.path, status: 'rejected', reason: `could not be stored (${stored.error.message.slice(0, 160)})`, advice: 'nothing was changed for this file; report it', ms: Date.now() - t0 });
        return;
      }
      report({
        path: file.path, status: stored.value, observations: processed.result.observations.length, pages: processed.document.pageCount,
        warnings: processed.messages.filter((m) => m.severity !== 'info').length, ms: Date.now() - t0,
      });
    });
  };
  try {
    // Each slot takes the next file only when it is free, so nothing per file is built before its turn (all
    // of a run's tasks queued at once held about 1.1 kB each: 55 MB at 50,000 files, through the whole run).
    // After an error no file is started; the ones already started finish before the writes are flushed.
    let next = 0;
    let failed = false;
    const slot = async (): Promise<void> => {
      while (!failed && next < ordered.length) {
        try {
          await importOne(ordered[next++]);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    const slots = await Promise.allSettled(Array.from({ length: Math.min(Math.max(1, jobs), ordered.length) }, slot));
    const failure = slots.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    try {
      // What is written is committed, even when the run stops on an error.
      await target.flush();
    } finally {
      // The pool stops its threads and its one OCR engine on close; in-process, the engine started here is stopped here.
      if (pool) await pool.close();
      else await shutdownOcr();
    }
  }

  reports.sort((a, b) => a.path.localeCompare(b.path));
  const counts: Record<FileStatus, number> = { imported: 0, unchanged: 0, replaced: 0, rejected: 0 };
  for (const r of reports) counts[r.status]++;
  const summary: RunSummary = {
    runId, pipeline: options.pipeline.name, jobs, files: reports, counts,
    observations: reports.reduce((n, r) => n + (r.observations ?? 0), 0),
    pages: reports.reduce((n, r) => n + (r.pages ?? 0), 0),
    seconds: (Date.now() - started) / 1000,
  };
  // Reconcile: the findings the documents written can change are recomputed (everything, when the store needs
  // it), so the findings always describe what is stored now (src/reconcile/).
  const findings = await target.findings({ runId, options: options.reconcile, jobs });
  summary.findings = findings.counts;
  if (findings.inThread) summary.findingsInThread = findings.inThread;
  await target.finishRun(runId, summary);
  return summary;
}

/** The files, largest first (each file's size read once, not in every comparison). */
function largestFirst<T extends { path: string }>(files: T[]): T[] {
  const sizes = new Map(files.map((f) => [f, sizeOf(f.path)]));
  return [...files].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
