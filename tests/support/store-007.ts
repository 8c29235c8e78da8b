// A store as planharvest left it before migration 008: the schema of migrations 001–007, and the writer of
// that time (Store.saveDocument as it was, copied here), which wrote one `provenance` row per observation and
// role. Tests migrate such a store and compare it with one the current writer makes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PlanDocument } from '../../src/model/document.ts';
import type { Message } from '../../src/model/message.ts';
import type { Observation, SourceRef } from '../../src/model/observation.ts';
import type { Normalised } from '../../src/normalise/index.ts';
import type { ValueCrop } from '../../src/ocr/crops.ts';
import { insertCrops } from '../../src/store/crops.ts';
import { uniqueIds, uniqueMilestoneIds } from '../../src/store/unique-ids.ts';
import { insertUnread } from '../../src/store/unread.ts';
import type { UnreadReport } from '../../src/unread/types.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'src', 'store', 'migrations');

/** A new store at schema 007, opened as the Store opened it. */
export function openStore007(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const file of readdirSync(MIGRATIONS).filter((f) => /^00[1-7]_.+\.sql$/.test(f)).sort()) {
    db.transaction(() => {
      db.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(Number(file.slice(0, 3)), file, new Date().toISOString());
    })();
  }
  return db;
}

export function beginRun007(db: Database.Database): number {
  return Number(db.prepare('INSERT INTO import_runs (started_at, pipeline) VALUES (?, ?)').run(new Date().toISOString(), 'test').lastInsertRowid);
}

/** Store.saveDocument before migration 008 (its transaction and error wrapping left out). */
export function saveDocument007(db: Database.Database, runId: number, path: string, doc: PlanDocument, result: Normalised, messages: Message[], crops: ValueCrop[] = [], unread: UnreadReport | null = null): void {
  db.transaction(() => {
    const previous = db.prepare('SELECT id, content_hash AS contentHash FROM documents WHERE path = ?').get(path) as { id: number; contentHash: string } | undefined;
    if (previous && previous.contentHash === doc.contentHash) return;
    if (previous) db.prepare('DELETE FROM documents WHERE id = ?').run(previous.id);
    const holder = db.prepare('SELECT d.path FROM observations o JOIN documents d ON d.id = o.document_id WHERE o.id = ?').pluck();
    const unique = uniqueIds(result.observations, crops, path, (id) => (holder.get(id) as string | undefined) ?? null);
    const info = db
      .prepare(
        `INSERT INTO documents (path, file_name, content_hash, format, partnership, title, page_count, run_id, imported_at, messages_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(path, doc.file, doc.contentHash, doc.format, doc.partnership, doc.title, doc.pageCount ?? null, runId, new Date().toISOString(), JSON.stringify([...messages, ...unique.messages]));
    const documentId = Number(info.lastInsertRowid);
    const indicator = db.prepare(
      `INSERT INTO indicators (document_id, code, scheme, aliases_json, title, catalogue_title, inferred, match_score, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const ref of result.indicators) {
      indicator.run(documentId, ref.code, ref.scheme, JSON.stringify(ref.aliases), ref.title, ref.catalogueTitle, ref.inferred ? 1 : 0, ref.matchScore, JSON.stringify(ref.source));
    }
    insertObservations007(db, documentId, unique.observations);
    insertCrops(db, unique.crops);
    const milestone = db.prepare('INSERT INTO milestones (id, document_id, text, outcome, status, section, page, line, source_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const heldMilestone = db.prepare('SELECT 1 FROM milestones WHERE id = ?').pluck();
    for (const m of uniqueMilestoneIds(result.milestones, path, (id) => heldMilestone.get(id) !== undefined)) {
      milestone.run(m.id, documentId, m.text, m.outcome, m.status, m.section, m.source.provenance.page ?? null, m.source.provenance.line ?? null, m.source.text);
    }
    if (unread) insertUnread(db, documentId, unread);
  }).immediate();
}

function insertObservations007(db: Database.Database, documentId: number, observations: Observation[]): void {
  const insert = db.prepare(
    `INSERT INTO observations (id, document_id, indicator_code, kind, state, value, unit, period, area, relative_change, denominator,
       pending_reason, confidence, confidence_reasons_json, repairs_json, ordinal)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const provenance = db.prepare(
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
