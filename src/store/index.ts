// The SQLite store (better-sqlite3, WAL). Each document is written in one transaction: a failure leaves
// the previous version of that document exactly as it was.
import Database from 'better-sqlite3';
import type { PlanDocument } from '../model/document.ts';
import type { Message } from '../model/message.ts';
import type { Observation, SourceRef } from '../model/observation.ts';
import type { Normalised } from '../normalise/index.ts';
import type { ValueCrop } from '../ocr/crops.ts';
import type { UnreadReport } from '../unread/types.ts';
import { insertCrops } from './crops.ts';
import { migrate } from './migrate.ts';
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

export class Store {
  readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
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
    return (this.db.prepare('SELECT id, path, file_name AS fileName, content_hash AS contentHash FROM documents WHERE path = ?').get(path) as StoredDocument | undefined) ?? null;
  }

  documentByHash(hash: string): StoredDocument | null {
    return (this.db.prepare('SELECT id, path, file_name AS fileName, content_hash AS contentHash FROM documents WHERE content_hash = ?').get(hash) as StoredDocument | undefined) ?? null;
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
   * happened in and leaves the store exactly as it was. */
  saveDocument(runId: number, path: string, doc: PlanDocument, result: Normalised, messages: Message[], crops: ValueCrop[] = [], unread: UnreadReport | null = null): DocumentOutcome {
    let step = 'the document';
    const write = this.db.transaction((): DocumentOutcome => {
      const previous = this.documentByPath(path);
      if (previous && previous.contentHash === doc.contentHash) return 'unchanged';
      if (previous) this.db.prepare('DELETE FROM documents WHERE id = ?').run(previous.id);
      const holder = this.db.prepare('SELECT d.path FROM observations o JOIN documents d ON d.id = o.document_id WHERE o.id = ?').pluck();
      const unique = uniqueIds(result.observations, crops, path, (id) => (holder.get(id) as string | undefined) ?? null);
      const info = this.db
        .prepare(
          `INSERT INTO documents (path, file_name, content_hash, format, partnership, title, page_count, run_id, imported_at, messages_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(path, doc.file, doc.contentHash, doc.format, doc.partnership, doc.title, doc.pageCount ?? null, runId, new Date().toISOString(), JSON.stringify([...messages, ...unique.messages]));
      const documentId = Number(info.lastInsertRowid);
      step = 'its indicators';
      this.insertIndicators(documentId, result);
      this.insertObservations(documentId, unique.observations, (id) => (step = `observation ${id}`));
      step = 'its OCR crops';
      insertCrops(this.db, unique.crops);
      step = 'its milestones';
      const milestone = this.db.prepare(
        'INSERT INTO milestones (id, document_id, text, outcome, status, section, page, line, source_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const heldMilestone = this.db.prepare('SELECT 1 FROM milestones WHERE id = ?').pluck();
      for (const m of uniqueMilestoneIds(result.milestones, path, (id) => heldMilestone.get(id) !== undefined)) {
        milestone.run(m.id, documentId, m.text, m.outcome, m.status, m.section, m.source.provenance.page ?? null, m.source.provenance.line ?? null, m.source.text);
      }
      step = 'its unread figures';
      if (unread) insertUnread(this.db, documentId, unread);
      return previous ? 'replaced' : 'imported';
    });
    try {
      return write.immediate();
    } catch (error) {
      // The transaction is rolled back: say what failed and where, in one line the import reports for the file.
      throw new StoreError(`${(error as Error).message} (writing ${step})`, { cause: error });
    }
  }

  private insertIndicators(documentId: number, result: Normalised): void {
    const insert = this.db.prepare(
      `INSERT INTO indicators (document_id, code, scheme, aliases_json, title, catalogue_title, inferred, match_score, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const ref of result.indicators) {
      insert.run(documentId, ref.code, ref.scheme, JSON.stringify(ref.aliases), ref.title, ref.catalogueTitle, ref.inferred ? 1 : 0, ref.matchScore, JSON.stringify(ref.source));
    }
  }

  private insertObservations(documentId: number, observations: Observation[], writing: (id: string) => void): void {
    const insert = this.db.prepare(
      `INSERT INTO observations (id, document_id, indicator_code, kind, state, value, unit, period, area, relative_change, denominator,
         pending_reason, confidence, confidence_reasons_json, repairs_json, ordinal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const provenance = this.db.prepare(
      `INSERT INTO provenance (observation_id, role, file, page, line, box_json, table_index, row_index, col_index, sheet, address, ocr_confidence, text, span_start, span_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const writeSource = (id: string, role: string, s: SourceRef) => {
      const p = s.provenance;
      provenance.run(id, role, p.file, p.page ?? null, p.line ?? null, p.box ? JSON.stringify(p.box) : null, p.table ?? null, p.row ?? null, p.col ?? null, p.sheet ?? null, p.address ?? null, p.ocrConfidence ?? null, s.text, s.start, s.end);
    };
    observations.forEach((o, ordinal) => {
      writing(o.id);
      insert.run(o.id, documentId, o.indicator.code, o.kind, o.state, o.value, o.unit, o.period, o.area, o.relativeChange, o.denominator, o.pendingReason, o.confidence, JSON.stringify(o.confidenceReasons), JSON.stringify(o.repairs), ordinal);
      writeSource(o.id, 'value', o.source);
      if (o.headerSource) writeSource(o.id, 'header', o.headerSource);
      writeSource(o.id, 'code', o.indicator.source);
    });
  }
}

export function openStore(path: string): Store {
  return new Store(path);
}
