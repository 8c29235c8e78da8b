// The SQLite store (better-sqlite3, WAL). Each document is written in one transaction: a failure leaves
// the previous version of that document exactly as it was.
import Database from 'better-sqlite3';
import type { PlanDocument } from '../model/document.ts';
import type { Message } from '../model/message.ts';
import type { Observation, SourceRef } from '../model/observation.ts';
import type { Normalised } from '../normalise/index.ts';
import type { ValueCrop } from '../ocr/crops.ts';
import { insertCrops } from './crops.ts';
import { migrate } from './migrate.ts';

export type DocumentOutcome = 'imported' | 'unchanged' | 'replaced';

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
   * `crops` are the page image crops around values read by OCR. */
  saveDocument(runId: number, path: string, doc: PlanDocument, result: Normalised, messages: Message[], crops: ValueCrop[] = []): DocumentOutcome {
    const write = this.db.transaction((): DocumentOutcome => {
      const previous = this.documentByPath(path);
      if (previous && previous.contentHash === doc.contentHash) return 'unchanged';
      if (previous) this.db.prepare('DELETE FROM documents WHERE id = ?').run(previous.id);
      const info = this.db
        .prepare(
          `INSERT INTO documents (path, file_name, content_hash, format, partnership, title, page_count, run_id, imported_at, messages_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(path, doc.file, doc.contentHash, doc.format, doc.partnership, doc.title, doc.pageCount ?? null, runId, new Date().toISOString(), JSON.stringify(messages));
      const documentId = Number(info.lastInsertRowid);
      this.insertIndicators(documentId, result);
      this.insertObservations(documentId, result.observations);
      insertCrops(this.db, crops);
      const milestone = this.db.prepare(
        'INSERT INTO milestones (id, document_id, text, outcome, status, section, page, line, source_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const m of result.milestones) {
        milestone.run(m.id, documentId, m.text, m.outcome, m.status, m.section, m.source.provenance.page ?? null, m.source.provenance.line ?? null, m.source.text);
      }
      return previous ? 'replaced' : 'imported';
    });
    return write.immediate();
  }

  private insertIndicators(documentId: number, result: Normalised): void {
    const insert = this.db.prepare(
      `INSERT INTO indicators (document_id, code, scheme, aliases_json, title, catalogue_title, inferred, match_score, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const ref of result.indicators) {
      insert.run(documentId, ref.code, ref.scheme, JSON.stringify(ref.aliases), ref.title, ref.catalogueTitle, ref.inferred ? 1 : 0, ref.matchScore, JSON.stringify(ref.source));
    }
  }

  private insertObservations(documentId: number, observations: Observation[]): void {
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
