// The PostgreSQL store (issue 13): the same schema (./migrations), the same rows (../rows.ts) and the same
// queries and row mapping (../read.ts) as the SQLite store, run through node-postgres. Each document is written
// all-or-nothing in its own transaction; writers of the same path take turns (an advisory lock on the path), so
// several import processes on one database store each document once.
import pg from 'pg';
import type { PlanDocument } from '../../model/document.ts';
import type { Message } from '../../model/message.ts';
import type { Normalised } from '../../normalise/index.ts';
import type { ValueCrop } from '../../ocr/crops.ts';
import { findingsFromRows, findingsQuery, type FindingRow } from '../../reconcile/store.ts';
import { ALL_DECISIONS, decisionFromRow, decisionRow, INSERT_DECISION, type DecisionRow } from '../../review/decisions.ts';
import type { ReconcileOptions, Reconciliation } from '../../reconcile/index.ts';
import type { PartsRequest } from '../../reconcile/postgres.ts';
import { distinctParts, partOf, type FindingsPart } from '../../reconcile/scope.ts';
import type { UnreadReport } from '../../unread/types.ts';
import type { DocumentOutcome, StoredDocument } from '../index.ts';
import { StoreError } from '../index.ts';
import { documentsQuery, indicatorFromRow, indicatorsQuery, observationFromRow, observationsQuery, REVIEW_INDEX, STORE_CHANGES, type IndicatorRow, type ObservationRow, type Query, type ReviewIndexRow } from '../read.ts';
import { cropsFromRows, cropsQuery, type CropRow } from '../crops.ts';
import type { FindingsOutcome, ImportTarget } from '../import-target.ts';
import type { ReviewScope, ReviewWork, StoreReader } from '../reader.ts';
import {
  cropRow, DELETE_DOCUMENT, DOCUMENT_BY_HASH, DOCUMENT_BY_PATH, documentRow, figureCountsRow, FINISH_RUN, INSERT_CROP, INSERT_DOCUMENT, INSERT_FIGURE_COUNTS, INSERT_INDICATOR,
  INSERT_MILESTONE, INSERT_OBSERVATION, INSERT_REJECTION, INSERT_RUN, INSERT_UNREAD, indicatorRow, milestoneRow, observationRow, unreadRow, type Row,
} from '../rows.ts';
import { DocumentSources, INSERT_SOURCE } from '../sources.ts';
import { ANY_RECONCILIATION, STATS_BY_DOCUMENT, STATS_BY_KIND, STATS_BY_SCHEME, STATS_REJECTED, type CountRow } from '../stats.ts';
import { FIGURE_COUNTS, figureCountsFromRow, unreadFromRow, unreadQuery, type FigureCountRow, type UnreadRow } from '../unread.ts';
import { uniqueIds, uniqueMilestoneIds } from '../unique-ids.ts';
import { pgTypes } from './connect.ts';
import { insertRows, positional, queryRows, type Queryable } from './sql.ts';
import { migratePostgres } from './migrate.ts';

/** The advisory lock every reviewer's transaction takes (a fixed key of this store's own). */
const REVIEW_LOCK = '491496449911';

/** The advisory lock a reconciliation holds: they take turns (src/reconcile/postgres.ts). */
const FINDINGS_LOCK = '491496449912';


/**
 * Statements a caller commits with a write, in the same transaction: the queue marks the document's job done
 * (src/queue/), so a job is done exactly when its document is stored.
 */
export interface AlsoInTransaction {
  /**
   * Told what the write did: the document's outcome, or `rejected` for a rejection recorded; and the parts of
   * the store whose findings it made stale (its partnership now, and before when it was replaced).
   */
  inTransaction?: (client: pg.ClientBase, outcome: DocumentOutcome | 'rejected', touched: FindingsPart[]) => Promise<void>;
}

export class PostgresStore {
  readonly engine = 'postgresql' as const;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects to the store at `url` and brings its schema up to date. */
  static async open(url: string, options: { connections?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, types: pgTypes, application_name: 'planharvest', max: options.connections ?? 4 });
    // A connection the server drops while idle is reported here; without a listener it would end the process.
    pool.on('error', (error) => process.stderr.write(`PostgreSQL store: ${error.message}\n`));
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresStore(pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async rows<T>(q: Query): Promise<T[]> {
    return queryRows<T>(this.pool, q.sql, q.params);
  }

  /**
   * What an import writes through (../import-target.ts): each document in its own transaction, as soon as it
   * is finished; then the findings of the parts of the store the run touched.
   */
  importTarget(): ImportTarget {
    const pending = new Set<Promise<unknown>>();
    // What a write's callback or a rejection's record threw: thrown by `flush`, as the SQLite writer throws it.
    let failure: Error | null = null;
    const track = (p: Promise<unknown>) => {
      const settled = p.catch((error: Error) => void (failure ??= error)).finally(() => pending.delete(settled));
      pending.add(settled);
    };
    const touched: FindingsPart[] = [];
    const collect: AlsoInTransaction = { inTransaction: async (_client, _outcome, parts) => void touched.push(...parts) };
    return {
      beginRun: (pipeline) => this.beginRun(pipeline),
      isUnchanged: (path, hash) => this.isUnchanged(path, hash),
      write: (runId, path, f, done) =>
        track(
          this.saveDocument(runId, path, f.document, f.result, f.messages, f.crops, f.unread, collect).then(
            (value) => done({ ok: true, value }),
            (error: Error) => done({ ok: false, error }),
          ),
        ),
      reject: (runId, path, reason, advice) => track(this.recordRejection(runId, path, reason, advice)),
      flush: async () => {
        while (pending.size) await Promise.all([...pending]);
        if (failure) throw failure;
      },
      findings: async ({ runId, options }) => ({ counts: (await this.reconcile({ trigger: 'import', runId, options, parts: touched })).counts }),
      finishRun: (runId, summary) => this.finishRun(runId, summary),
    };
  }

  /**
   * Recomputes the findings of some parts of the store (every part when none are given) in one transaction
   * under the findings lock (src/reconcile/postgres.ts).
   */
  async reconcile(request: PartsRequest, also: { inTransaction?: (client: pg.ClientBase) => Promise<void> } = {}): Promise<Reconciliation> {
    const { reconcileParts } = await import('../../reconcile/postgres.ts');
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [FINDINGS_LOCK]);
      const done = await reconcileParts(client, this.readerOn(client), request);
      await also.inTransaction?.(client);
      return done;
    });
  }

  /**
   * Reads the review targets and records decisions in one transaction under an advisory lock every reviewer
   * takes (../reader.ts `ReviewWork`): two reviewers at once take turns, and the second decides on what the
   * first recorded.
   */
  async review<T>(work: ReviewWork<T>, scope: ReviewScope = {}): Promise<T> {
    const { readTargets } = await import('../../review/targets.ts');
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [REVIEW_LOCK]);
      const targets = await readTargets(this.readerOn(client), scope.only);
      return work(targets, async (d) => {
        const decidedAt = new Date().toISOString();
        const id = (await client.query(positional(INSERT_DECISION), decisionRow(d, decidedAt))).rows[0].id as number;
        return { ...d, id, decidedAt };
      });
    });
  }

  /** Every finding recomputed: for `reconcile`, or a report with a new threshold. */
  async recomputeFindings(trigger: 'report' | 'reconcile', options?: Partial<ReconcileOptions>): Promise<Reconciliation> {
    return this.reconcile({ trigger, options });
  }

  /** The findings of the documents decided on since the last reconciliation, recomputed. */
  async findingsAfterDecisions(trigger: 'review' | 'decisions'): Promise<FindingsOutcome> {
    return { counts: (await this.reconcile({ trigger, parts: [] })).counts };
  }

  reader(): StoreReader {
    return this.readerOn(this.pool);
  }

  /** The reads, on the pool or inside one client's transaction. */
  private readerOn(on: Queryable): StoreReader {
    const rows = <T>(q: Query) => queryRows<T>(on, q.sql, q.params);
    const all = <T>(sql: string) => rows<T>({ sql, params: [] });
    return {
      documents: async (filter) => rows(documentsQuery('postgresql', filter)),
      indicators: async (documentId) => (await rows<IndicatorRow>(indicatorsQuery(documentId))).map(indicatorFromRow),
      observations: async (filter) => (await rows<ObservationRow>(observationsQuery('postgresql', filter))).map(observationFromRow),
      decisions: async () => (await all<DecisionRow>(ALL_DECISIONS)).map(decisionFromRow),
      findings: async (ids) => findingsFromRows(await rows<FindingRow>(findingsQuery('postgresql', ids))),
      changes: async () => {
        const [r] = await all<{ documents: string | number; lastDocument: number | null; reconciliation: number | null }>(STORE_CHANGES);
        return { documents: Number(r.documents), lastDocument: r.lastDocument, reconciliation: r.reconciliation };
      },
      stats: async () => ({
        byDocument: await all<CountRow>(STATS_BY_DOCUMENT), byScheme: await all<CountRow>(STATS_BY_SCHEME), byKind: await all<CountRow>(STATS_BY_KIND),
        figures: (await all<FigureCountRow>(FIGURE_COUNTS)).map(figureCountsFromRow), rejected: await all<CountRow>(STATS_REJECTED),
      }),
      unread: async (documentId) => (await rows<UnreadRow>(unreadQuery(documentId))).map(unreadFromRow),
      figureCounts: async () => (await all<FigureCountRow>(FIGURE_COUNTS)).map(figureCountsFromRow),
      crops: async (observationIds) => (observationIds.length ? cropsFromRows(await rows<CropRow>(cropsQuery('postgresql', observationIds)), observationIds) : new Map()),
      reconciled: async () => (await all(ANY_RECONCILIATION)).length > 0,
      reviewIndex: async () => all<ReviewIndexRow>(REVIEW_INDEX),
    };
  }

  async beginRun(pipeline: string): Promise<number> {
    return (await this.rows<{ id: number }>({ sql: INSERT_RUN, params: [new Date().toISOString(), pipeline] }))[0].id;
  }

  async finishRun(runId: number, summary: unknown): Promise<void> {
    await this.rows({ sql: FINISH_RUN, params: [new Date().toISOString(), JSON.stringify(summary), runId] });
  }

  async recordRejection(runId: number, path: string, reason: string, advice: string, also: AlsoInTransaction = {}): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(positional(INSERT_REJECTION), [runId, path, reason, advice]);
      await also.inTransaction?.(client, 'rejected', []);
    });
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Same bytes already stored (under this path or another): nothing to do. */
  async isUnchanged(path: string, contentHash: string): Promise<boolean> {
    const [byPath] = await this.rows<StoredDocument>({ sql: DOCUMENT_BY_PATH, params: [path] });
    if (byPath) return byPath.contentHash === contentHash;
    return (await this.rows({ sql: DOCUMENT_BY_HASH, params: [contentHash] })).length > 0;
  }

  /**
   * Writes one document and everything extracted from it, replacing its previous version, in one transaction;
   * an error names the step it happened in and leaves the store as it was. Ids are made unique as the SQLite
   * store makes them (../unique-ids.ts): the holders of the document's own ids are looked up in one query, and a
   * derived id is taken to be free (a collision of derived ids, vanishingly unlikely, fails the document's write
   * on the primary key rather than overwriting anything).
   */
  async saveDocument(
    runId: number, path: string, doc: PlanDocument, result: Normalised, messages: Message[], crops: ValueCrop[] = [], unread: UnreadReport | null = null, also: AlsoInTransaction = {},
  ): Promise<DocumentOutcome> {
    let step = 'the document';
    try {
      return await this.transaction(async (client): Promise<DocumentOutcome> => {
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [path]);
        const previous = (await client.query(positional(DOCUMENT_BY_PATH), [path])).rows[0] as StoredDocument | undefined;
        if (previous && previous.contentHash === doc.contentHash) {
          await also.inTransaction?.(client, 'unchanged', []);
          return 'unchanged';
        }
        if (previous) await client.query(positional(DELETE_DOCUMENT), [previous.id]);
        const ids = [...new Set(result.observations.map((o) => o.id))];
        const held = new Map<string, string>();
        if (ids.length) {
          const rows = await client.query('SELECT o.id, d.path FROM observations o JOIN documents d ON d.id = o.document_id WHERE o.id = ANY($1::text[])', [ids]);
          for (const r of rows.rows as Array<{ id: string; path: string }>) held.set(r.id, r.path);
        }
        const unique = uniqueIds(result.observations, crops, path, (id) => held.get(id) ?? null);
        const documentId = (await client.query(positional(INSERT_DOCUMENT), documentRow(runId, path, doc, JSON.stringify([...messages, ...unique.messages])))).rows[0].id as number;
        step = 'its indicators';
        await insertRows(client, INSERT_INDICATOR, result.indicators.map((ref, ordinal) => indicatorRow(documentId, ref, ordinal)));
        step = 'its observations';
        const sourceRows: Row[] = [];
        const sources = new DocumentSources((row) => sourceRows.push(row), documentId, doc.file);
        const observationRows = unique.observations.map((o, ordinal) => observationRow(documentId, o, ordinal, (s) => sources.number(s)));
        await insertRows(client, INSERT_SOURCE, sourceRows);
        await insertRows(client, INSERT_OBSERVATION, observationRows);
        step = 'its OCR crops';
        // One statement a crop: a crop cut twice for one observation replaces the first, which one multi-row
        // upsert cannot do.
        for (const c of unique.crops) await client.query(positional(INSERT_CROP), cropRow(c));
        step = 'its milestones';
        const milestoneIds = result.milestones.map((m) => m.id);
        const heldMilestones = new Set(
          milestoneIds.length ? ((await client.query('SELECT id FROM milestones WHERE id = ANY($1::text[])', [milestoneIds])).rows as Array<{ id: string }>).map((r) => r.id) : [],
        );
        await insertRows(client, INSERT_MILESTONE, uniqueMilestoneIds(result.milestones, path, (id) => heldMilestones.has(id)).map((m) => milestoneRow(documentId, m)));
        step = 'its unread figures';
        if (unread) {
          await client.query(positional(INSERT_FIGURE_COUNTS), figureCountsRow(documentId, unread));
          await insertRows(client, INSERT_UNREAD, unread.figures.map((f, ordinal) => unreadRow(documentId, f, ordinal)));
        }
        step = 'what else the write commits with it';
        const outcome = previous ? 'replaced' : 'imported';
        const touched = distinctParts([...(previous ? [partOf(previous)] : []), partOf({ path, partnership: doc.partnership ?? null })]);
        await also.inTransaction?.(client, outcome, touched);
        return outcome;
      });
    } catch (error) {
      throw new StoreError(`${(error as Error).message} (writing ${step})`, { cause: error });
    }
  }
}
