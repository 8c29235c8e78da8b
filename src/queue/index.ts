// The distributed import queue (issue 13): pg-boss on the store's own PostgreSQL. `queue add` stores each
// file's bytes once, under their content hash (workers need no shared file system), and sends one job per
// file; workers fetch jobs under pg-boss's lease (a job whose worker stops comes back once its lease runs out,
// and is failed for good after its attempts); `queue status` counts the jobs by state with each failure's
// reason; `queue retry` sends the failed ones again. No locking or lease logic here: pg-boss does it.
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { FindingsPart } from '../reconcile/scope.ts';
import { pgTypes } from '../store/postgres/connect.ts';

/** The pg-boss queue every import job goes to. */
export const IMPORT_QUEUE = 'planharvest-import';

/**
 * The pg-boss queue of findings to recompute: each stored document sends one job naming the parts of the store
 * it touched (its partnership), in the transaction that stores it; a worker with no document waiting takes
 * every such job at once and recomputes each part once (src/queue/worker.ts).
 */
export const FINDINGS_QUEUE = 'planharvest-findings';

/** At most this many findings jobs are taken together. */
const FINDINGS_BATCH = 1_000;

/** pg-boss's schema: its job tables, which `queue status` counts and `queue retry` reads. */
const BOSS_SCHEMA = 'pgboss';

/** Where the queued files' bytes are kept: a schema of its own, beside the store's and pg-boss's. */
const FILES_SCHEMA = 'planharvest_queue';
const FILES_SETUP = `
  CREATE SCHEMA IF NOT EXISTS ${FILES_SCHEMA};
  CREATE TABLE IF NOT EXISTS ${FILES_SCHEMA}.files (
    content_hash TEXT COLLATE "C" PRIMARY KEY,
    bytes BYTEA NOT NULL,
    size BIGINT NOT NULL,
    stored_at TEXT COLLATE "C" NOT NULL
  );`;
/** Several processes may set the queue up at once: one does, under this advisory lock, the others wait. */
const SETUP_LOCK = '7379617572';

export const DEFAULT_ATTEMPTS = 3;
/** How long a worker holds a job before it comes back: long enough for a long scan on a busy machine. */
export const DEFAULT_LEASE_SECONDS = 30 * 60;
/** How often a worker looks for jobs whose lease ran out. */
export const DEFAULT_CHECK_EVERY_SECONDS = 30;

/** What one job asks: import this file. */
export interface ImportJobData {
  /** The path the file was queued from: the document's path in the store. */
  path: string;
  fileName: string;
  contentHash: string;
  /** How long a worker holds the job (and the findings job its document sends) before it comes back. */
  leaseSeconds?: number;
}

/** What a done job says about its file. */
export interface ImportJobOutput {
  status: 'imported' | 'replaced' | 'unchanged' | 'rejected';
  reason?: string;
}

export interface QueuedJob {
  id: string;
  data: ImportJobData;
  /** 1 for the first try. */
  attempt: number;
}

/** Findings jobs taken together: their ids and every part they name. */
export interface FindingsJobs {
  ids: string[];
  parts: FindingsPart[];
}

export interface QueueCounts {
  waiting: number;
  active: number;
  done: number;
  failed: number;
}

export interface QueueFailure {
  path: string;
  reason: string;
  attempts: number;
}

export interface QueueOptions {
  /** Run pg-boss's maintenance (leases that ran out come back) in this process: workers do, `queue add` need not. */
  supervise?: boolean;
  checkEverySeconds?: number;
}

/** A client's transaction, as pg-boss runs statements in it. */
function inTransaction(client: pg.ClientBase) {
  return { executeSql: async (text: string, values?: unknown[]) => client.query(text, values) };
}

export class ImportQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly pool: pg.Pool,
  ) {}

  static async open(url: string, options: QueueOptions = {}): Promise<ImportQueue> {
    const pool = new pg.Pool({ connectionString: url, types: pgTypes, application_name: 'planharvest-queue', max: 2 });
    pool.on('error', (error) => process.stderr.write(`queue: ${error.message}\n`));
    const boss = new PgBoss({
      connectionString: url,
      schema: BOSS_SCHEMA,
      application_name: 'planharvest-queue',
      supervise: options.supervise ?? false,
      schedule: false,
      maintenanceIntervalSeconds: options.checkEverySeconds ?? DEFAULT_CHECK_EVERY_SECONDS,
    });
    // pg-boss reports connection trouble as events; without a listener Node would end the process on one.
    boss.on('error', (error: Error) => process.stderr.write(`queue: ${error.message}\n`));
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
        await client.query(FILES_SETUP);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      await boss.start();
      for (const name of [IMPORT_QUEUE, FINDINGS_QUEUE]) {
        if (!(await boss.getQueue(name))) await boss.createQueue(name).catch(async (error: Error) => {
          // Another process created it first.
          if (!(await boss.getQueue(name))) throw error;
        });
      }
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new ImportQueue(boss, pool);
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
    await this.pool.end();
  }

  /**
   * Stores the file's bytes (once for the same bytes, whoever queued them) and sends its job; `attempts`
   * tries before it is failed, each with `leaseSeconds` before a worker that stopped loses it.
   */
  async add(file: { path: string; fileName: string; contentHash: string; bytes: Uint8Array }, options: { attempts: number; leaseSeconds: number }): Promise<{ stored: boolean }> {
    const stored = await this.pool.query(
      `INSERT INTO ${FILES_SCHEMA}.files (content_hash, bytes, size, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (content_hash) DO NOTHING`,
      [file.contentHash, Buffer.from(file.bytes), file.bytes.length, new Date().toISOString()],
    );
    const data: ImportJobData = { path: file.path, fileName: file.fileName, contentHash: file.contentHash, leaseSeconds: options.leaseSeconds };
    await this.boss.send(IMPORT_QUEUE, data as object, { retryLimit: options.attempts - 1, retryDelay: 0, expireInSeconds: options.leaseSeconds });
    return { stored: (stored.rowCount ?? 0) > 0 };
  }

  /** The next job, leased to this process; null when none is waiting. */
  async next(): Promise<QueuedJob | null> {
    const [job] = await this.boss.fetch<ImportJobData>(IMPORT_QUEUE, { batchSize: 1, includeMetadata: true });
    return job ? { id: job.id, data: job.data, attempt: job.retryCount + 1 } : null;
  }

  async bytes(contentHash: string): Promise<Uint8Array | null> {
    const row = (await this.pool.query(`SELECT bytes FROM ${FILES_SCHEMA}.files WHERE content_hash = $1`, [contentHash])).rows[0] as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : null;
  }

  /** Marks a job done, in the caller's transaction when given one (the store's write of its document). */
  async complete(job: QueuedJob, output: ImportJobOutput, client?: pg.ClientBase): Promise<void> {
    await this.boss.complete(IMPORT_QUEUE, job.id, output as object, client ? { db: inTransaction(client) } : undefined);
  }

  /** Sends the job that has the findings of these parts recomputed, in the transaction that stored the document. */
  async findingsDue(parts: FindingsPart[], client: pg.ClientBase, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<void> {
    if (!parts.length) return;
    await this.boss.send(FINDINGS_QUEUE, { parts }, { db: inTransaction(client), retryLimit: DEFAULT_ATTEMPTS - 1, retryDelay: 0, expireInSeconds: leaseSeconds });
  }

  /** Every findings job waiting (up to a batch), leased to this process; null when none is. */
  async nextFindings(): Promise<FindingsJobs | null> {
    const jobs = await this.boss.fetch<{ parts: FindingsPart[] }>(FINDINGS_QUEUE, { batchSize: FINDINGS_BATCH });
    return jobs.length ? { ids: jobs.map((j) => j.id), parts: jobs.flatMap((j) => j.data.parts) } : null;
  }

  /** Marks findings jobs done, in the transaction that stored their findings. */
  async findingsDone(jobs: FindingsJobs, client: pg.ClientBase): Promise<void> {
    await this.boss.complete(FINDINGS_QUEUE, jobs.ids, { db: inTransaction(client) });
  }

  /** Gives findings jobs back as failed: tried again while attempts are left. */
  async findingsFailed(jobs: FindingsJobs, reason: string): Promise<void> {
    for (const id of jobs.ids) await this.boss.fail(FINDINGS_QUEUE, id, { message: reason });
  }

  /** How many findings jobs wait or are being worked on. */
  async findingsPending(): Promise<number> {
    const row = (await this.pool.query(`SELECT COUNT(*) AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [FINDINGS_QUEUE])).rows[0] as { n: number };
    return Number(row.n);
  }

  /** Gives a job back as failed: tried again while attempts are left, failed for good after. */
  async fail(job: QueuedJob, reason: string): Promise<void> {
    await this.boss.fail(IMPORT_QUEUE, job.id, { message: reason });
  }

  /** Jobs by state: waiting (created or to be retried), active, done, failed; none counted twice. */
  async counts(): Promise<QueueCounts> {
    const rows = (await this.pool.query(`SELECT state::text AS state, COUNT(*) AS n FROM ${this.jobs()} GROUP BY state`, [IMPORT_QUEUE])).rows as Array<{ state: string; n: number }>;
    const n = (...states: string[]) => rows.filter((r) => states.includes(r.state)).reduce((sum, r) => sum + r.n, 0);
    return { waiting: n('created', 'retry'), active: n('active'), done: n('completed'), failed: n('failed') };
  }

  /** Each failed job's file and why it failed, in path order. */
  async failures(): Promise<QueueFailure[]> {
    const rows = (
      await this.pool.query(
        `SELECT data->>'path' AS path, COALESCE(output->>'message', output->'value'->>'message', output::text) AS reason, retry_count + 1 AS attempts
           FROM ${this.jobs()} WHERE state = 'failed' ORDER BY data->>'path' COLLATE "C", id`,
        [IMPORT_QUEUE],
      )
    ).rows as Array<{ path: string; reason: string | null; attempts: number }>;
    return rows.map((r) => ({ path: r.path, reason: explainReason(r.reason), attempts: r.attempts }));
  }

  /** Sends every failed job again, for one more attempt each; returns how many. */
  async retryFailed(): Promise<number> {
    const ids = ((await this.pool.query(`SELECT id FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state = 'failed'`, [IMPORT_QUEUE])).rows as Array<{ id: string }>).map((r) => r.id);
    if (!ids.length) return 0;
    await this.boss.retry(IMPORT_QUEUE, ids);
    return ids.length;
  }

  /**
   * Whether every job is done or failed (none waiting, active or to be retried), findings jobs included: a
   * findings job a stopped worker held comes back when its lease runs out, and is still to be done.
   */
  async drained(): Promise<boolean> {
    const c = await this.counts();
    return c.waiting === 0 && c.active === 0 && (await this.findingsPending()) === 0;
  }

  /** pg-boss's live jobs and those it has archived, once each. */
  private jobs(): string {
    return `(SELECT id, state, data, output, retry_count FROM ${BOSS_SCHEMA}.job WHERE name = $1
             UNION ALL SELECT id, state, data, output, retry_count FROM ${BOSS_SCHEMA}.archive WHERE name = $1 AND id NOT IN (SELECT id FROM ${BOSS_SCHEMA}.job WHERE name = $1)) AS jobs`;
  }
}

/** pg-boss's words for a lease that ran out, said as what happened. */
function explainReason(reason: string | null): string {
  if (!reason) return 'no reason given';
  if (/failed by timeout in active state/.test(reason)) return 'its worker stopped or took longer than the lease before finishing it';
  return reason;
}
