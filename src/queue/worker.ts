// A queue worker (`planharvest worker`): takes import jobs from the queue (./index.ts), runs each file through
// the pipeline (in worker threads with the usual time and memory guards when `jobs` > 0) and stores the
// document in the transaction that marks its job done, so a job is done exactly when its document is stored.
// A document is stored once whatever the retries: a job whose bytes are stored already is done as unchanged,
// and writers of one path take turns (src/store/postgres/store.ts). A file the pipeline rejects is recorded
// as rejected and its job done (bad input does not get better with retries); anything else fails the job,
// which pg-boss tries again until its attempts run out. Any number of workers, on any number of machines.
// Each stored document also sends a findings job naming its partnership; a worker with no document waiting takes
// those jobs together and recomputes each partnership's findings once (src/reconcile/postgres.ts).
import type { Pipeline } from '../../pipelines/index.ts';
import type { Reconciliation } from '../reconcile/index.ts';
import type { FindingsPart } from '../reconcile/scope.ts';
import type { FindingCounts } from '../reconcile/store.ts';
import { shutdownOcr } from '../ocr/shared-engine.ts';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../pipeline/limits.ts';
import { WorkerPool } from '../pipeline/pool.ts';
import type { ProcessResult } from '../pipeline/process.ts';
import type pg from 'pg';
import type { PostgresStore } from '../store/postgres/store.ts';
import type { ImportJobOutput, ImportQueue, QueuedJob } from './index.ts';

export interface WorkerOptions {
  pipeline: Pipeline;
  /** Jobs taken at once, each in a worker thread; 0 takes one at a time in this thread. */
  jobs: number;
  timeoutMs?: number;
  maxMemoryMb?: number;
  /** Stop once no job is waiting, active or to be retried (otherwise run until `stop()`). */
  untilDrained?: boolean;
  /** How long to wait before looking again when no job is waiting. */
  pollMs?: number;
  onJob?: (job: QueuedJob, outcome: ImportJobOutput | { failed: string }) => void;
  /** Told of each recomputation of findings: how many parts the jobs named, and what came of it. */
  onFindings?: (parts: number, outcome: Reconciliation | { failed: string }) => void;
  /**
   * Fault injection for the tests: the process kills itself (SIGKILL) when it takes a job for a file of this
   * name, as a document that crashes its worker would. Set from PLANHARVEST_CRASH_ON by the command.
   */
  crashOn?: string | null;
}

export interface WorkerSummary {
  runId: number;
  done: Record<ImportJobOutput['status'], number>;
  failed: number;
  /** Reconciliations this worker made, and the findings stored after its last one. */
  reconciliations: number;
  counts: FindingCounts | null;
}

export class QueueWorker {
  private stopping = false;

  constructor(
    private readonly queue: ImportQueue,
    private readonly store: PostgresStore,
    private readonly options: WorkerOptions,
  ) {}

  /** Finish the jobs in hand and take no more. */
  stop(): void {
    this.stopping = true;
  }

  async run(): Promise<WorkerSummary> {
    const o = this.options;
    const runId = await this.store.beginRun(o.pipeline.name);
    const summary: WorkerSummary = { runId, done: { imported: 0, replaced: 0, unchanged: 0, rejected: 0 }, failed: 0, reconciliations: 0, counts: null };
    const pool = o.jobs > 0 ? new WorkerPool({ size: o.jobs, ocrWorkers: o.jobs, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxMemoryMb: o.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB }) : null;
    const read = (bytes: Uint8Array, fileName: string): Promise<ProcessResult> => (pool ? pool.run(o.pipeline.name, fileName, bytes) : o.pipeline.process(bytes, fileName));
    const slot = async () => {
      while (!this.stopping) {
        const job = await this.queue.next();
        if (!job) {
          // No document waits: recompute the findings of the parts documents have landed in since.
          if (await this.reconcileLanded(runId, summary)) continue;
          if (o.untilDrained && (await this.queue.drained())) return;
          await new Promise((resolve) => setTimeout(resolve, o.pollMs ?? 1000));
          continue;
        }
        const outcome = await this.take(job, runId, read);
        if ('failed' in outcome) summary.failed++;
        else summary.done[outcome.status]++;
        o.onJob?.(job, outcome);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, o.jobs) }, slot));
    } finally {
      if (pool) await pool.close();
      else await shutdownOcr();
      await this.store.finishRun(runId, summary);
    }
    return summary;
  }

  /**
   * Takes every findings job waiting and recomputes each part they name once, completing the jobs in the same
   * transaction; false when there was none. A failure gives the jobs back for another attempt.
   */
  private async reconcileLanded(runId: number, summary: WorkerSummary): Promise<boolean> {
    const jobs = await this.queue.nextFindings();
    if (!jobs) return false;
    try {
      const r = await this.store.reconcile({ trigger: 'queue', runId, parts: jobs.parts }, { inTransaction: (client) => this.queue.findingsDone(jobs, client) });
      summary.reconciliations++;
      summary.counts = r.counts;
      this.options.onFindings?.(jobs.parts.length, r);
    } catch (error) {
      await this.queue.findingsFailed(jobs, (error as Error).message.slice(0, 400)).catch(() => undefined);
      this.options.onFindings?.(jobs.parts.length, { failed: (error as Error).message });
    }
    return true;
  }

  private async take(job: QueuedJob, runId: number, read: (bytes: Uint8Array, fileName: string) => Promise<ProcessResult>): Promise<ImportJobOutput | { failed: string }> {
    const { path, fileName, contentHash } = job.data;
    // The job is done in the transaction that stores what became of its file.
    const completing = (reason?: string) => ({
      inTransaction: async (client: pg.ClientBase, status: ImportJobOutput['status'], touched: FindingsPart[]) => {
        await this.queue.complete(job, reason ? { status, reason } : { status }, client);
        await this.queue.findingsDue(touched, client, job.data.leaseSeconds);
      },
    });
    try {
      if (await this.store.isUnchanged(path, contentHash)) {
        await this.queue.complete(job, { status: 'unchanged' });
        return { status: 'unchanged' };
      }
      const bytes = await this.queue.bytes(contentHash);
      if (!bytes) throw new Error(`the bytes of ${path} are not in the queue: queue the file again`);
      if (this.options.crashOn && fileName === this.options.crashOn) process.kill(process.pid, 'SIGKILL');
      const processed = await read(bytes, fileName);
      if (!processed.ok) {
        await this.store.recordRejection(runId, path, processed.reason, processed.advice, completing(processed.reason));
        return { status: 'rejected', reason: processed.reason };
      }
      // A write that finds the same bytes stored meanwhile (by another worker) is done as unchanged.
      const status = await this.store.saveDocument(runId, path, processed.document, processed.result, processed.messages, processed.crops, processed.unread, completing());
      return { status };
    } catch (error) {
      const reason = (error as Error).message.slice(0, 400);
      await this.queue.fail(job, reason).catch(() => undefined);
      return { failed: reason };
    }
  }
}
