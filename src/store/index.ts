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
import { insertCrops } from './crops.ts';
import { migrate } from './migrate.ts';
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
}

/** The statements a document's write runs, prepared once per store. */
function writeStatements(db: Database.Database) {
  return {
    byPath: db.prepare('SELECT id, path, file_name AS fileName, content_hash AS contentHash FROM documents WHERE path = ?'),
    byHash: db.prepare('SELECT id, path, file_name AS fileName, content_hash AS contentHash FROM documents WHERE content_hash = ?'),
    deleteDocument: db.prepare('DELETE FROM documents WHERE id = ?'),
    // Which of these observation ids other documents hold, and the path of each holder.
    holders: db.prepare('SELECT o.id, d.path FROM observations o JOIN documents d ON d.id = o.document_id WHERE o.id IN (SELECT value FROM json_each(?))'),
    holder: db.prepare('SELECT d.path FROM observations o JOIN documents d ON d.id = o.document_id WHERE o.id = ?').pluck(),
    document: db.prepare(
      `INSERT INTO documents (path, file_name, content_hash, format, partnership, title, page_count, run_id, imported_at, messages_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    indicator: db.prepare(
      `INSERT INTO indicators (document_id, code, scheme, aliases_json, title, catalogue_title, inferred, match_score, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    observation: db.prepare(
      `INSERT INTO observations (id, document_id, indicator_code, kind, state, value, unit, period, area, relative_change, denominator,
         pending_reason, confidence, confidence_reasons_json, repairs_json, ordinal,
         value_source, value_start, value_end, header_source, header_start, header_end, code_source, code_start, code_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    source: db.prepare(INSERT_SOURCE),
    milestone: db.prepare('INSERT INTO milestones (id, document_id, text, outcome, status, section, page, line, source_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    heldMilestone: db.prepare('SELECT 1 FROM milestones WHERE id = ?').pluck(),
  };
}

/** JSON of a list of strings, without the call for the usual empty one. */
function listJson(list: readonly string[]): string {
  return list?.length === 0 ? '[]' : JSON.stringify(list);
}

export class Store {
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

  beginRun(pipeline: string): number {
    const info = this.db.prepare('INSERT INTO import_runs (started_at, pipeline) VALUES (?, ?)').run(new Date().toISOString(), pipeline);
    return Number(info.lastInsertRowid);
  }

  finishRun(runId: number, summary: unknown): void {
    this.db.prepare('UPDATE import_runs SET finished_at = ?, summary_json = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(summary), runId);
  }

  recordRejection(runId: number, path: string, reason: string, advice: string): void {
    this.db.prepare('INSERT INTO rejections (run_id, path, reason, advice) VALUES (?, ?, ?, ?)').run(runId, path, reason, advice);
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
      const info = sql.document.run(
        path, doc.file, doc.contentHash, doc.format, doc.partnership, doc.title, doc.pageCount ?? null, runId, new Date().toISOString(),
        JSON.stringify([...messages, ...unique.messages]),
      );
      const documentId = Number(info.lastInsertRowid);
      step = 'its indicators';
      this.insertIndicators(documentId, result);
      this.insertObservations(documentId, doc.file, unique.observations, (id) => (step = `observation ${id}`));
      step = 'its OCR crops';
      insertCrops(this.db, unique.crops);
      step = 'its milestones';
      for (const m of uniqueMilestoneIds(result.milestones, path, (id) => sql.heldMilestone.get(id) !== undefined)) {
        sql.milestone.run(m.id, documentId, m.text, m.outcome, m.status, m.section, m.source.provenance.page ?? null, m.source.provenance.line ?? null, m.source.text);
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
    const insert = this.sql.indicator;
    for (const ref of result.indicators) {
      insert.run(documentId, ref.code, ref.scheme, listJson(ref.aliases), ref.title, ref.catalogueTitle, ref.inferred ? 1 : 0, ref.matchScore, JSON.stringify(ref.source));
    }
  }

  private insertObservations(documentId: number, fileName: string, observations: Observation[], writing: (id: string) => void): void {
    const insert = this.sql.observation;
    const sources = new DocumentSources(this.sql.source, documentId, fileName);
    observations.forEach((o, ordinal) => {
      writing(o.id);
      const value = o.source;
      const header = o.headerSource;
      const code = o.indicator.source;
      insert.run(
        o.id, documentId, o.indicator.code, o.kind, o.state, o.value, o.unit, o.period, o.area, o.relativeChange, o.denominator, o.pendingReason, o.confidence,
        listJson(o.confidenceReasons), listJson(o.repairs), ordinal,
        sources.number(value), value.start, value.end,
        header ? sources.number(header) : null, header ? header.start : null, header ? header.end : null,
        sources.number(code), code.start, code.end,
      );
    });
  }
}

export function openStore(path: string): Store {
  return new Store(path);
}
