// The SQLite store (better-sqlite3, WAL). Each document is written all-or-nothing: in its own transaction, or
// in a batch of several (./batch.ts) that is rolled back and written again without it when it fails; a failure
// leaves the previous version of that document exactly as it was.
// The write statements are prepared once per store; the text units observations are read from are written once
// per document (./sources.ts, migration 008).
import Database from 'better-sqlite3';
import type { PlanDocument } from '../model/document.ts';
import type { Message } from '../model/message.ts';
import type { Observation } from '../model/observation.ts';
import type { Normalised } from '../normalise/index.ts';
import type { ValueCrop } from '../ocr/crops.ts';
import type { UnreadReport } from '../unread/types.ts';
import { BatchWriter, type BatchOptions } from './batch.ts';
import { listDecisions } from '../review/decisions.ts';
import { insertCrops, readCrops } from './crops.ts';
import { readDocuments, readIndicators, readObservations, REVIEW_INDEX, STORE_CHANGES, type ReviewIndexRow, type StoreChanges } from './read.ts';
import type { ReviewScope, ReviewWork, StoreReader } from './reader.ts';
import { ANY_RECONCILIATION, STATS_BY_DOCUMENT, STATS_BY_KIND, STATS_BY_SCHEME, STATS_REJECTED, type CountRow } from './stats.ts';
import { readFigureCounts, readUnreadFigures } from './unread.ts';
import type { FindingsOutcome, ImportTarget } from './import-target.ts';
import type { ImportChanges } from '../reconcile/scope.ts';
import type { ReconcileOptions, Reconciliation } from '../reconcile/index.ts';
import { migrate } from './migrate.ts';
import { isPostgresUrl, redacted } from './postgres/url.ts';
import {
  DELETE_DOCUMENT, DOCUMENT_BY_HASH, DOCUMENT_BY_PATH, documentRow, FINISH_RUN, indicatorRow, INSERT_DOCUMENT, INSERT_INDICATOR, INSERT_MILESTONE, INSERT_OBSERVATION,
  INSERT_REJECTION, INSERT_RUN, milestoneRow, observationRow,
} from './rows.ts';
import { DocumentSources, INSERT_SOURCE } from './sources.ts';
import { uniqueIds, uniqueMilestoneIds } from './unique-ids.ts';
import { insertUnread } from './unread.ts';

export type DocumentOutcome = 'imported' | 'unchanged' | 'replaced';

/** A document could not be written; nothing of it was (the previous version, if any, is as it was). */
export class StoreError extends Error {}

export interface StoredDocument {
  id: number;
  path: string;
  fileName: string;
  contentHash: string;
  partnership: string | null;
}

/** The statements a document's write runs (./rows.ts), prepared once per store. */
function writeStatements(db: Database.Database) {
  return {
    byPath: db.prepare(DOCUMENT_BY_PATH),
    byHash: db.prepare(DOCUMENT_BY_HASH),
    deleteDocument: db.prepare(DELETE_DOCUMENT),
    // Which of these observation ids other documents hold, and the path of each holder.
    holders: db.prepare('SELECT o.id, d.path FROM observations o JOIN documents d ON d.id = o.document_id WHERE o.id IN (SELECT value FROM json_each(?))'),
    holder: db.prepare('SELECT d.path FROM observations o JOIN documents d ON d.id = o.document_id WHERE o.id = ?').pluck(),
    document: db.prepare(INSERT_DOCUMENT).pluck(),
    indicator: db.prepare(INSERT_INDICATOR),
    observation: db.prepare(INSERT_OBSERVATION),
    source: db.prepare(INSERT_SOURCE),
    milestone: db.prepare(INSERT_MILESTONE),
    heldMilestone: db.prepare('SELECT 1 FROM milestones WHERE id = ?').pluck(),
  };
}

export class Store {
  readonly engine = 'sqlite' as const;
  readonly db: Database.Database;
  private statements: ReturnType<typeof writeStatements> | null = null;
  private readonly writers = new Set<BatchWriter>();

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  /** Commits any batch still open (./batch.ts), then closes the database. */
  close(): void {
    try {
      for (const writer of this.writers) writer.close();
    } finally {
      this.writers.clear();
      this.db.close();
    }
  }

  /**
   * A writer that commits several documents at once, each all-or-nothing (./batch.ts). The import writes
   * through one; `close()` commits what it holds.
   */
  batch(options?: BatchOptions): BatchWriter {
    for (const writer of this.writers) if (writer.isClosed) this.writers.delete(writer);
    const writer = new BatchWriter(this.db, options);
    this.writers.add(writer);
    return writer;
  }

  /** The batch writer running a write, if one is: its batch is the transaction. */
  private inBatch(): BatchWriter | null {
    for (const writer of this.writers) if (writer.writing) return writer;
    return null;
  }

  private get sql(): ReturnType<typeof writeStatements> {
    return (this.statements ??= writeStatements(this.db));
  }

  /**
   * What an import writes through (./import-target.ts): documents in batches (./batch.ts), each all-or-nothing;
   * afterwards the findings those documents can change are recomputed (src/reconcile/).
   */
  importTarget(batch?: BatchOptions): ImportTarget {
    const writer = this.batch(batch);
    let changes: ImportChanges | null = null;
    return {
      beginRun: async (pipeline) => {
        const runId = this.beginRun(pipeline);
        const { ImportChanges } = await import('../reconcile/scope.ts');
        changes = new ImportChanges(this.db, runId);
        return runId;
      },
      isUnchanged: async (path, hash) => this.isUnchanged(path, hash),
      write: (runId, path, f, done) => {
        // What the version it replaces took part in, for the findings it can change.
        const replacing = changes!.beforeWrite(path);
        writer.write(
          () => this.saveDocument(runId, path, f.document, f.result, f.messages, f.crops, f.unread),
          (stored) => {
            if (stored.ok && stored.value !== 'unchanged') changes!.written(path, replacing);
            done(stored);
          },
        );
      },
      reject: (runId, path, reason, advice) =>
        writer.write(
          () => this.recordRejection(runId, path, reason, advice),
          (recorded) => {
            if (!recorded.ok) throw recorded.error;
          },
        ),
      flush: async () => writer.close(),
      findings: async ({ runId, options, jobs }) => {
        // With worker threads, in one of its own with a bounded heap (src/reconcile/apart.ts); with none, here.
        const request = { trigger: 'import' as const, runId, options, changes: changes! };
        let inThread: string | undefined;
        const { reconcileStore } = await import('../reconcile/index.ts');
        const { reconcileApart } = await import('../reconcile/apart.ts');
        const counts = (jobs > 0 ? await reconcileApart(this.db, request, { onFallback: (reason) => (inThread = reason) }) : reconcileStore(this.db, request)).counts;
        return inThread ? { counts, inThread } : { counts };
      },
      finishRun: async (runId, summary) => this.finishRun(runId, summary),
    };
  }

  /** Reads the review targets and records decisions in one write transaction (./reader.ts `ReviewWork`). */
  async review<T>(work: ReviewWork<T>, scope: ReviewScope = {}): Promise<T> {
    const [{ readTargets }, { recordDecision }] = await Promise.all([import('../review/targets.ts'), import('../review/decisions.ts')]);
    // Everything `work` awaits here resolves at once (the SQLite store is synchronous), so nothing else runs on
    // this connection inside the transaction; BEGIN IMMEDIATE makes another process's reviewer wait.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(await readTargets(this.reader(), scope.only), async (d) => recordDecision(this.db, d));
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Every finding recomputed (src/reconcile/): for `reconcile`, or a report with a new threshold. */
  async recomputeFindings(trigger: 'report' | 'reconcile', options?: Partial<ReconcileOptions>): Promise<Reconciliation> {
    const { reconcileStore } = await import('../reconcile/index.ts');
    return reconcileStore(this.db, { trigger, options });
  }

  /**
   * The findings recomputed after review decisions (src/reconcile/), which check the reviewed values: only for
   * the documents decided on since the last reconciliation (a change that wrote no document), unless the store
   * needs everything recomputed.
   */
  async findingsAfterDecisions(trigger: 'review' | 'decisions'): Promise<FindingsOutcome> {
    const [{ reconcileStore }, { latestRunId }] = await Promise.all([import('../reconcile/index.ts'), import('../reconcile/store.ts')]);
    const runId = latestRunId(this.db) ?? 0;
    return { counts: reconcileStore(this.db, { trigger, changes: { runId, count: 0, footprints: () => [] } }).counts };
  }

  /** The reads commands make, as the PostgreSQL store offers them too (./reader.ts). */
  reader(): StoreReader {
    return sqliteReader(this.db);
  }

  beginRun(pipeline: string): number {
    return this.db.prepare(INSERT_RUN).pluck().get(new Date().toISOString(), pipeline) as number;
  }

  finishRun(runId: number, summary: unknown): void {
    this.db.prepare(FINISH_RUN).run(new Date().toISOString(), JSON.stringify(summary), runId);
  }

  recordRejection(runId: number, path: string, reason: string, advice: string): void {
    this.db.prepare(INSERT_REJECTION).run(runId, path, reason, advice);
  }

  documentByPath(path: string): StoredDocument | null {
    return (this.sql.byPath.get(path) as StoredDocument | undefined) ?? null;
  }

  documentByHash(hash: string): StoredDocument | null {
    return (this.sql.byHash.get(hash) as StoredDocument | undefined) ?? null;
  }

  /** Same bytes already stored (under this path or another): nothing to do. */
  isUnchanged(path: string, contentHash: string): boolean {
    const byPath = this.documentByPath(path);
    if (byPath) return byPath.contentHash === contentHash;
    return this.documentByHash(contentHash) !== null;
  }

  /** Write one document and everything extracted from it, replacing its previous version, atomically.
   * `crops` are the page image crops around values read by OCR; `unread` what the unread-figure check found.
   * Observation ids that collide are made unique (./unique-ids.ts), never dropped. An error names the step it
   * happened in and leaves the store exactly as it was (in a batch, once the writer has rolled the batch back). */
  saveDocument(runId: number, path: string, doc: PlanDocument, result: Normalised, messages: Message[], crops: ValueCrop[] = [], unread: UnreadReport | null = null): DocumentOutcome {
    let step = 'the document';
    const sql = this.sql;
    const write = (): DocumentOutcome => {
      const previous = this.documentByPath(path);
      if (previous && previous.contentHash === doc.contentHash) return 'unchanged';
      if (previous) sql.deleteDocument.run(previous.id);
      const unique = uniqueIds(result.observations, crops, path, this.heldElsewhere(result.observations));
      const documentId = sql.document.get(...documentRow(runId, path, doc, JSON.stringify([...messages, ...unique.messages]))) as number;
      step = 'its indicators';
      this.insertIndicators(documentId, result);
      this.insertObservations(documentId, doc.file, unique.observations, (id) => (step = `observation ${id}`));
      step = 'its OCR crops';
      insertCrops(this.db, unique.crops);
      step = 'its milestones';
      for (const m of uniqueMilestoneIds(result.milestones, path, (id) => sql.heldMilestone.get(id) !== undefined)) {
        sql.milestone.run(...milestoneRow(documentId, m));
      }
      step = 'its unread figures';
      if (unread) insertUnread(this.db, documentId, unread);
      return previous ? 'replaced' : 'imported';
    };
    // In a batch the batch is the transaction: on a failure the writer rolls it back and writes the others
    // again (./batch.ts). Otherwise the document's own transaction, or a savepoint of the caller's.
    const batch = this.inBatch();
    try {
      return batch ? write() : this.db.transaction(write).immediate();
    } catch (error) {
      // Nothing of the document is kept: say what failed and where, in one line the import reports for the file.
      const failure = new StoreError(`${(error as Error).message} (writing ${step})`, { cause: error });
      batch?.spoiled(failure);
      throw failure;
    }
  }

  /** Which document already holds an observation id (after this document's previous version is removed):
   * the document's own ids looked up in one query, any other id (a derived one) on its own. */
  private heldElsewhere(observations: Observation[]): (id: string) => string | null {
    const sql = this.sql;
    const asked = new Set(observations.map((o) => o.id));
    const held = new Map<string, string>();
    if (asked.size > 0) for (const row of sql.holders.all(JSON.stringify([...asked])) as Array<{ id: string; path: string }>) held.set(row.id, row.path);
    return (id) => held.get(id) ?? (asked.has(id) ? null : ((sql.holder.get(id) as string | undefined) ?? null));
  }

  private insertIndicators(documentId: number, result: Normalised): void {
    result.indicators.forEach((ref, ordinal) => this.sql.indicator.run(...indicatorRow(documentId, ref, ordinal)));
  }

  private insertObservations(documentId: number, fileName: string, observations: Observation[], writing: (id: string) => void): void {
    const insert = this.sql.observation;
    const source = this.sql.source;
    const sources = new DocumentSources((row) => source.run(...row), documentId, fileName);
    observations.forEach((o, ordinal) => {
      writing(o.id);
      insert.run(...observationRow(documentId, o, ordinal, (s) => sources.number(s)));
    });
  }
}

export function openStore(path: string): Store {
  // Without this, better-sqlite3 would make a SQLite file named after the URL.
  if (isPostgresUrl(path)) throw new StoreError(`${redacted(path)} is a PostgreSQL store: open it with await openPostgresStore(url)`);
  return new Store(path);
}

/** The reads commands make from a SQLite store, as the PostgreSQL store offers them too (./reader.ts). */
export function sqliteReader(db: Database.Database): StoreReader {
  return {
    documents: async (filter) => readDocuments(db, filter),
    indicators: async (documentId) => readIndicators(db, documentId),
    observations: async (filter) => readObservations(db, filter),
    decisions: async () => listDecisions(db),
    // The findings' reader loads the checks: only when asked.
    findings: async (ids) => (await import('../reconcile/store.ts')).readFindings(db, ids),
    changes: async () => db.prepare(STORE_CHANGES).get() as StoreChanges,
    stats: async () => ({
      byDocument: db.prepare(STATS_BY_DOCUMENT).all() as CountRow[],
      byScheme: db.prepare(STATS_BY_SCHEME).all() as CountRow[],
      byKind: db.prepare(STATS_BY_KIND).all() as CountRow[],
      figures: readFigureCounts(db),
      rejected: db.prepare(STATS_REJECTED).all() as CountRow[],
    }),
    unread: async (documentId) => readUnreadFigures(db, documentId),
    figureCounts: async () => readFigureCounts(db),
    crops: async (observationIds) => readCrops(db, observationIds),
    reconciled: async () => db.prepare(ANY_RECONCILIATION).get() !== undefined,
    reviewIndex: async () => db.prepare(REVIEW_INDEX).all() as ReviewIndexRow[],
  };
}
