// The PostgreSQL store (issue 13): the same schema (./migrations), the same rows (../rows.ts) and the same
// queries and row mapping (../read.ts) as the SQLite store, run through node-postgres. Each document is written
// all-or-nothing in its own transaction; writers of the same path take turns (an advisory lock on the path), so
// several import processes on one database store each document once.
import pg from 'pg';
import type { PlanDocument } from '../../model/document.ts';
import type { Message } from '../../model/message.ts';
import type { Normalised } from '../../normalise/index.ts';
import type { ValueCrop } from '../../ocr/crops.ts';
import { ALL_FINDINGS, findingsFromRows, type FindingRow } from '../../reconcile/store.ts';
import { ALL_DECISIONS, decisionFromRow, decisionRow, INSERT_DECISION, type DecisionRow } from '../../review/decisions.ts';
import type { UnreadReport } from '../../unread/types.ts';
import type { DocumentOutcome, StoredDocument } from '../index.ts';
import { StoreError } from '../index.ts';
import { documentsQuery, indicatorFromRow, indicatorsQuery, observationFromRow, observationsQuery, type IndicatorRow, type ObservationRow, type Query } from '../read.ts';
import type { FindingsOutcome, ImportTarget } from '../import-target.ts';
import type { ReviewWork, StoreReader } from '../reader.ts';
import {
  cropRow, DELETE_DOCUMENT, DOCUMENT_BY_HASH, DOCUMENT_BY_PATH, documentRow, figureCountsRow, FINISH_RUN, INSERT_CROP, INSERT_DOCUMENT, INSERT_FIGURE_COUNTS, INSERT_INDICATOR,
  INSERT_MILESTONE, INSERT_OBSERVATION, INSERT_REJECTION, INSERT_RUN, INSERT_UNREAD, indicatorRow, milestoneRow, observationRow, unreadRow, type Row,
} from '../rows.ts';
import { DocumentSources, INSERT_SOURCE } from '../sources.ts';
import { STATS_BY_DOCUMENT, STATS_BY_KIND, STATS_BY_SCHEME, STATS_REJECTED, type CountRow } from '../stats.ts';
import { FIGURE_COUNTS, figureCountsFromRow, type FigureCountRow } from '../unread.ts';
import { uniqueIds, uniqueMilestoneIds } from '../unique-ids.ts';
import { pgTypes } from './connect.ts';
import { migratePostgres } from './migrate.ts';

/** `?` placeholders numbered for PostgreSQL ($1, $2, …); the store's SQL has no `?` inside its literals. */
const numbered = new Map<string, string>();
export function positional(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

/** What an import or a review says instead of the findings' counts (issue 13: not built on this store yet). */
export const FINDINGS_NOT_COMPUTED = 'findings are not computed on a PostgreSQL store yet';

/** The advisory lock every reviewer's transaction takes (a fixed key of this store's own). */
const REVIEW_LOCK = '491496449911';

/** PostgreSQL takes at most 65,535 parameters a statement: rows are inserted in chunks well under it. */
const MAX_PARAMETERS = 30_000;

/** One INSERT of many rows: the statement's one VALUES tuple repeated, one per row. */
async function insertRows(client: pg.ClientBase, insert: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const m = /VALUES\s*(\([?,\s]+\))/.exec(insert);
  if (!m) throw new Error(`not a one-row INSERT: ${insert.slice(0, 60)}`);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / rows[0].length));
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    // Numbered here, not through `positional`: a statement per chunk size would fill its cache.
    let n = 0;
    const tuples = chunk.map(() => m[1].replace(/\?/g, () => `$${++n}`)).join(', ');
    // The statement's text around its VALUES tuple holds no placeholders.
    await client.query(insert.slice(0, m.index) + 'VALUES ' + tuples + insert.slice(m.index + m[0].length), chunk.flat());
  }
}

/**
 * Statements a caller commits with a write, in the same transaction: the queue marks the document's job done
 * (src/queue/), so a job is done exactly when its document is stored.
 */
export interface AlsoInTransaction {
  /** Told what the write did: the document's outcome, or `rejected` for a rejection recorded. */
  inTransaction?: (client: pg.ClientBase, outcome: DocumentOutcome | 'rejected') => Promise<void>;
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
    return (await this.pool.query(positional(q.sql), q.params)).rows as T[];
  }

  /**
   * What an import writes through (../import-target.ts): each document in its own transaction, as soon as it
   * is finished. Findings are not computed on a PostgreSQL store yet: the run says so.
   */
  importTarget(): ImportTarget {
    const pending = new Set<Promise<unknown>>();
    // What a write's callback or a rejection's record threw: thrown by `flush`, as the SQLite writer throws it.
    let failure: Error | null = null;
    const track = (p: Promise<unknown>) => {
      const settled = p.catch((error: Error) => void (failure ??= error)).finally(() => pending.delete(settled));
      pending.add(settled);
    };
    return {
      beginRun: (pipeline) => this.beginRun(pipeline),
      isUnchanged: (path, hash) => this.isUnchanged(path, hash),
      write: (runId, path, f, done) =>
        track(
          this.saveDocument(runId, path, f.document, f.result, f.messages, f.crops, f.unread).then(
            (value) => done({ ok: true, value }),
            (error: Error) => done({ ok: false, error }),
          ),
        ),
      reject: (runId, path, reason, advice) => track(this.recordRejection(runId, path, reason, advice)),
      flush: async () => {
        while (pending.size) await Promise.all([...pending]);
        if (failure) throw failure;
      },
      findings: async () => ({ notComputed: FINDINGS_NOT_COMPUTED }),
      finishRun: (runId, summary) => this.finishRun(runId, summary),
    };
  }

  /**
   * Reads the review targets and records decisions in one transaction under an advisory lock every reviewer
   * takes (../reader.ts `ReviewWork`): two reviewers at once take turns, and the second decides on what the
   * first recorded.
   */
  async review<T>(work: ReviewWork<T>): Promise<T> {
    const { readTargets } = await import('../../review/targets.ts');
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [REVIEW_LOCK]);
      const targets = await readTargets(this.reader());
      return work(targets, async (d) => {
        const decidedAt = new Date().toISOString();
        const id = (await client.query(positional(INSERT_DECISION), decisionRow(d, decidedAt))).rows[0].id as number;
        return { ...d, id, decidedAt };
      });
    });
  }

  /** Findings are not computed on a PostgreSQL store yet. */
  async findingsAfterDecisions(_trigger: 'review' | 'decisions'): Promise<FindingsOutcome> {
    return { notComputed: FINDINGS_NOT_COMPUTED };
  }

  reader(): StoreReader {
    return {
      documents: async (filter) => this.rows(documentsQuery('postgresql', filter)),
      indicators: async (documentId) => (await this.rows<IndicatorRow>(indicatorsQuery(documentId))).map(indicatorFromRow),
      observations: async (filter) => (await this.rows<ObservationRow>(observationsQuery('postgresql', filter))).map(observationFromRow),
      decisions: async () => (await this.rows<DecisionRow>({ sql: ALL_DECISIONS, params: [] })).map(decisionFromRow),
      findings: async () => findingsFromRows(await this.rows<FindingRow>({ sql: ALL_FINDINGS, params: [] })),
      stats: async () => {
        const all = (sql: string) => this.rows<CountRow>({ sql, params: [] });
        return {
          byDocument: await all(STATS_BY_DOCUMENT), byScheme: await all(STATS_BY_SCHEME), byKind: await all(STATS_BY_KIND),
          figures: (await this.rows<FigureCountRow>({ sql: FIGURE_COUNTS, params: [] })).map(figureCountsFromRow), rejected: await all(STATS_REJECTED),
        };
      },
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
      await also.inTransaction?.(client, 'rejected');
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
          await also.inTransaction?.(client, 'unchanged');
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
        await also.inTransaction?.(client, outcome);
        return outcome;
      });
    } catch (error) {
      throw new StoreError(`${(error as Error).message} (writing ${step})`, { cause: error });
    }
  }
}
