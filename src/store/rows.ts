// What a document's write puts in the store, engine by engine the same: the INSERT statements (written with
// `?` placeholders, which the PostgreSQL store numbers) and the row of parameters each takes. The SQLite store
// (./index.ts) and the PostgreSQL store (./postgres/store.ts) run these; neither builds a row of its own, so a
// column is added in one place.
import type { PlanDocument } from '../model/document.ts';
import type { IndicatorRef, Milestone, Observation } from '../model/observation.ts';
import type { ValueCrop } from '../ocr/crops.ts';
import type { UnreadFigure, UnreadReport } from '../unread/types.ts';

export type Row = Array<string | number | null | Buffer>;

export const INSERT_RUN = 'INSERT INTO import_runs (started_at, pipeline) VALUES (?, ?) RETURNING id';
export const FINISH_RUN = 'UPDATE import_runs SET finished_at = ?, summary_json = ? WHERE id = ?';
export const INSERT_REJECTION = 'INSERT INTO rejections (run_id, path, reason, advice) VALUES (?, ?, ?, ?)';

export const DOCUMENT_BY_PATH = 'SELECT id, path, file_name AS "fileName", content_hash AS "contentHash", partnership FROM documents WHERE path = ?';
export const DOCUMENT_BY_HASH = 'SELECT id, path, file_name AS "fileName", content_hash AS "contentHash", partnership FROM documents WHERE content_hash = ? LIMIT 1';
export const DELETE_DOCUMENT = 'DELETE FROM documents WHERE id = ?';

export const INSERT_DOCUMENT = `INSERT INTO documents (path, file_name, content_hash, format, partnership, title, page_count, run_id, imported_at, messages_json)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;

export function documentRow(runId: number, path: string, doc: PlanDocument, messagesJson: string): Row {
  return [path, doc.file, doc.contentHash, doc.format, doc.partnership, doc.title, doc.pageCount ?? null, runId, new Date().toISOString(), messagesJson];
}

export const INSERT_INDICATOR = `INSERT INTO indicators (document_id, code, scheme, aliases_json, title, catalogue_title, inferred, match_score, source_json, ordinal)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** JSON of a list of strings, without the call for the usual empty one. */
export function listJson(list: readonly string[]): string {
  return list?.length === 0 ? '[]' : JSON.stringify(list);
}

export function indicatorRow(documentId: number, ref: IndicatorRef, ordinal: number): Row {
  return [documentId, ref.code, ref.scheme, listJson(ref.aliases), ref.title, ref.catalogueTitle, ref.inferred ? 1 : 0, ref.matchScore, JSON.stringify(ref.source), ordinal];
}

export const INSERT_OBSERVATION = `INSERT INTO observations (id, document_id, indicator_code, kind, state, value, unit, period, area, relative_change, denominator,
    pending_reason, confidence, confidence_reasons_json, repairs_json, ordinal,
    value_source, value_start, value_end, header_source, header_start, header_end, code_source, code_start, code_end)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** `unit` numbers a located source in the document's sources (./sources.ts), writing it the first time. */
export function observationRow(documentId: number, o: Observation, ordinal: number, unit: (source: Observation['source']) => number): Row {
  const value = o.source;
  const header = o.headerSource;
  const code = o.indicator.source;
  return [
    o.id, documentId, o.indicator.code, o.kind, o.state, o.value, o.unit, o.period, o.area, o.relativeChange, o.denominator, o.pendingReason, o.confidence,
    listJson(o.confidenceReasons), listJson(o.repairs), ordinal,
    unit(value), value.start, value.end,
    header ? unit(header) : null, header ? header.start : null, header ? header.end : null,
    unit(code), code.start, code.end,
  ];
}

export const INSERT_MILESTONE = 'INSERT INTO milestones (id, document_id, text, outcome, status, section, page, line, source_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

export function milestoneRow(documentId: number, m: Milestone): Row {
  return [m.id, documentId, m.text, m.outcome, m.status, m.section, m.source.provenance.page ?? null, m.source.provenance.line ?? null, m.source.text];
}

// A crop cut again for the same observation replaces the one stored.
export const INSERT_CROP = `INSERT INTO ocr_crops (observation_id, page, box_json, width, height, png) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (observation_id) DO UPDATE SET page = excluded.page, box_json = excluded.box_json, width = excluded.width, height = excluded.height, png = excluded.png`;

export function cropRow(c: ValueCrop): Row {
  return [c.observationId, c.page, JSON.stringify(c.box), c.width, c.height, Buffer.from(c.png)];
}

export const INSERT_FIGURE_COUNTS = 'INSERT INTO figure_counts (document_id, near_figures, read_figures, unread_figures) VALUES (?, ?, ?, ?)';

export function figureCountsRow(documentId: number, report: UnreadReport): Row {
  return [documentId, report.near, report.read, report.figures.length];
}

export const INSERT_UNREAD = `INSERT INTO unread_figures (document_id, ordinal, figure, value, near, indicators_json, file, page, line, box_json, table_index, row_index, col_index,
    sheet, address, text, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function unreadRow(documentId: number, f: UnreadFigure, ordinal: number): Row {
  const p = f.source.provenance;
  return [
    documentId, ordinal, f.figure, Number.isFinite(f.value) ? f.value : null, f.near, JSON.stringify(f.indicators), p.file, p.page ?? null, p.line ?? null,
    p.box ? JSON.stringify(p.box) : null, p.table ?? null, p.row ?? null, p.col ?? null, p.sheet ?? null, p.address ?? null, f.source.text, f.source.start, f.source.end,
  ];
}
