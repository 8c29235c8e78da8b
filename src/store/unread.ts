// Unread figures in the store (migration 006): written with their document, read back by the unread-figures
// check, `stats` and the report. See src/unread/ for what counts as a figure near an indicator.
import type Database from 'better-sqlite3';
import type { Box } from '../model/document.ts';
import type { Nearness, UnreadReport } from '../unread/types.ts';
import { prepared, type Query, type StoredSource } from './read.ts';
import { figureCountsRow, INSERT_FIGURE_COUNTS, INSERT_UNREAD, unreadRow } from './rows.ts';

export function insertUnread(db: Database.Database, documentId: number, report: UnreadReport): void {
  prepared(db, INSERT_FIGURE_COUNTS).run(...figureCountsRow(documentId, report));
  const insert = prepared(db, INSERT_UNREAD);
  report.figures.forEach((f, ordinal) => insert.run(...unreadRow(documentId, f, ordinal)));
}

export interface FigureCounts {
  documentId: number;
  document: string;
  /** Figures in a row, cell or sentence about an indicator; null for a document stored before migration 006. */
  near: number | null;
  read: number | null;
  unread: number | null;
  /** unread / near (0..1); null when not measured or there were no such figures. */
  share: number | null;
}

export interface FigureCountRow {
  document_id: number;
  file_name: string;
  near_figures: number | null;
  read_figures: number | null;
  unread_figures: number | null;
}

/** One row per stored document, in file-name order, measured or not: the query both stores run. */
export const FIGURE_COUNTS = `SELECT d.id AS document_id, d.file_name, c.near_figures, c.read_figures, c.unread_figures
  FROM documents d LEFT JOIN figure_counts c ON c.document_id = d.id ORDER BY d.file_name, d.id`;

export function figureCountsFromRow(r: FigureCountRow): FigureCounts {
  return {
    documentId: r.document_id, document: r.file_name, near: r.near_figures, read: r.read_figures, unread: r.unread_figures,
    share: r.near_figures ? (r.unread_figures ?? 0) / r.near_figures : null,
  };
}

export function readFigureCounts(db: Database.Database): FigureCounts[] {
  return (db.prepare(FIGURE_COUNTS).all() as FigureCountRow[]).map(figureCountsFromRow);
}

export interface StoredUnreadFigure {
  documentId: number;
  document: string;
  ordinal: number;
  figure: string;
  value: number | null;
  near: Nearness;
  indicators: string[];
  /** Where the figure is written: the whole text unit, the figure's span, page/line/box, table cell, spreadsheet cell. */
  source: StoredSource;
}

export interface UnreadRow {
  document_id: number;
  file_name: string;
  ordinal: number;
  figure: string;
  value: number | null;
  near: Nearness;
  indicators_json: string;
  file: string;
  page: number | null;
  line: number | null;
  box_json: string | null;
  table_index: number | null;
  row_index: number | null;
  col_index: number | null;
  sheet: string | null;
  address: string | null;
  text: string;
  span_start: number;
  span_end: number;
}

/** Every document's unread figures (or one document's: `documentId`), in store order: the query both stores run. */
export function unreadQuery(documentId?: number): Query {
  const where = documentId === undefined ? '' : 'WHERE u.document_id = ?';
  return {
    sql: `SELECT u.*, d.file_name FROM unread_figures u JOIN documents d ON d.id = u.document_id ${where} ORDER BY d.file_name, d.id, u.ordinal`,
    params: documentId === undefined ? [] : [documentId],
  };
}

export function unreadFromRow(r: UnreadRow): StoredUnreadFigure {
  return {
    documentId: r.document_id, document: r.file_name, ordinal: r.ordinal, figure: r.figure, value: r.value, near: r.near,
    indicators: JSON.parse(r.indicators_json) as string[],
    source: {
      file: r.file, page: r.page, line: r.line, box: r.box_json ? (JSON.parse(r.box_json) as Box) : null, sheet: r.sheet, address: r.address,
      table: r.table_index, row: r.row_index, col: r.col_index, text: r.text, start: r.span_start, end: r.span_end,
    },
  };
}

export function readUnreadFigures(db: Database.Database, documentId?: number): StoredUnreadFigure[] {
  const { sql, params } = unreadQuery(documentId);
  return (prepared(db, sql).all(...params) as UnreadRow[]).map(unreadFromRow);
}
