// Reading the store back as typed rows: documents, the indicators each names (with where it is named), and
// observations with their document, indicator and the three located sources (value, header, code).
// Export, reconcile, review and report all read through here, so a column is mapped in one place.
import type Database from 'better-sqlite3';
import type { Box } from '../model/document.ts';
import type { ObservationKind, ObservationState, SourceRef } from '../model/observation.ts';

export interface StoredSource {
  file: string;
  page: number | null;
  line: number | null;
  box: Box | null;
  /** Spreadsheet cells: the sheet and the cell address. */
  sheet: string | null;
  address: string | null;
  /** Table cells: the table's index in the document, the row and the column. */
  table: number | null;
  row: number | null;
  col: number | null;
  text: string;
  start: number;
  end: number;
}

export interface DocumentInfo {
  id: number;
  path: string;
  fileName: string;
  format: string;
  partnership: string | null;
  title: string | null;
  contentHash: string;
  pageCount: number | null;
  importedAt: string;
}

export interface StoredIndicator {
  documentId: number;
  document: string;
  code: string;
  scheme: string;
  aliases: string[];
  title: string | null;
  catalogueTitle: string | null;
  inferred: boolean;
  matchScore: number | null;
  /** Where the document first names the indicator; null for documents stored before migration 003. */
  source: StoredSource | null;
}

export interface StoredObservation {
  id: string;
  documentId: number;
  document: string;
  partnership: string | null;
  indicator: string;
  aliases: string[];
  indicatorTitle: string | null;
  catalogueTitle: string | null;
  inferred: boolean;
  kind: ObservationKind;
  state: ObservationState;
  value: number | null;
  unit: string | null;
  period: string | null;
  area: string | null;
  relativeChange: number | null;
  denominator: number | null;
  pendingReason: string | null;
  confidence: number;
  confidenceReasons: string[];
  ordinal: number;
  source: StoredSource | null;
  header: StoredSource | null;
  code: StoredSource | null;
}

/**
 * Statements prepared once per connection: the reconciliation reads the store a document at a time. A statement
 * set to `.pluck()` stays so: give each use its own SQL text.
 */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * The SQL engines a store runs on. The queries here are written once for both; only a list passed as one
 * parameter (JSON text) is opened differently.
 */
export type Dialect = 'sqlite' | 'postgresql';

/** `column IN (the values of a JSON array given as one parameter)`. */
export function inJsonList(dialect: Dialect, column: string, type: 'integer' | 'text'): string {
  return dialect === 'sqlite'
    ? `${column} IN (SELECT value FROM json_each(?))`
    : `${column} IN (SELECT v::${type === 'integer' ? 'bigint' : 'text'} FROM json_array_elements_text(?::json) AS v)`;
}

/** A query and its parameters, for whichever engine runs it. */
export interface Query {
  sql: string;
  params: Array<string | number>;
}

/** Which documents to read: all of them, some by id, or those with one of some file names. */
export type DocumentFilter = { ids: number[] } | { fileNames: string[] };

function documentWhere(filter: DocumentFilter | undefined, column: string, dialect: Dialect): { where: string; params: string[] } {
  if (!filter) return { where: '', params: [] };
  if ('ids' in filter) return { where: `WHERE ${inJsonList(dialect, column, 'integer')}`, params: [JSON.stringify(filter.ids)] };
  return { where: `WHERE ${column} IN (SELECT id FROM documents WHERE ${inJsonList(dialect, 'file_name', 'text')})`, params: [JSON.stringify(filter.fileNames)] };
}

export function documentsQuery(dialect: Dialect, filter?: DocumentFilter): Query {
  const { where, params } = documentWhere(filter, 'id', dialect);
  return {
    sql: `SELECT id, path, file_name AS "fileName", format, partnership, title, content_hash AS "contentHash", page_count AS "pageCount", imported_at AS "importedAt"
       FROM documents ${where} ORDER BY file_name, id`,
    params,
  };
}

/** Stored documents in file-name order (then id), all or those a filter names. */
export function readDocuments(db: Database.Database, filter?: DocumentFilter): DocumentInfo[] {
  const { sql, params } = documentsQuery('sqlite', filter);
  return prepared(db, sql).all(...params) as DocumentInfo[];
}

export interface IndicatorRow {
  document_id: number;
  file_name: string;
  code: string;
  scheme: string;
  aliases_json: string;
  title: string | null;
  catalogue_title: string | null;
  inferred: number;
  match_score: number | null;
  source_json: string | null;
}

function sourceFromRef(json: string | null): StoredSource | null {
  if (!json) return null;
  const ref = JSON.parse(json) as SourceRef;
  const p = ref.provenance;
  return {
    file: p.file, page: p.page ?? null, line: p.line ?? null, box: p.box ?? null, sheet: p.sheet ?? null, address: p.address ?? null,
    table: p.table ?? null, row: p.row ?? null, col: p.col ?? null, text: ref.text, start: ref.start, end: ref.end,
  };
}

export function indicatorsQuery(documentId?: number): Query {
  const where = documentId === undefined ? '' : 'WHERE i.document_id = ?';
  return {
    sql: `SELECT i.document_id, d.file_name, i.code, i.scheme, i.aliases_json, i.title, i.catalogue_title, i.inferred, i.match_score, i.source_json
       FROM indicators i JOIN documents d ON d.id = i.document_id ${where} ORDER BY d.file_name, d.id, i.ordinal`,
    params: documentId === undefined ? [] : [documentId],
  };
}

export function indicatorFromRow(r: IndicatorRow): StoredIndicator {
  return {
    documentId: r.document_id,
    document: r.file_name,
    code: r.code,
    scheme: r.scheme,
    aliases: JSON.parse(r.aliases_json) as string[],
    title: r.title,
    catalogueTitle: r.catalogue_title,
    inferred: r.inferred === 1,
    matchScore: r.match_score,
    source: sourceFromRef(r.source_json),
  };
}

/** The indicators every document names (or one document: `documentId`), in the order each document names them. */
export function readIndicators(db: Database.Database, documentId?: number): StoredIndicator[] {
  const { sql, params } = indicatorsQuery(documentId);
  return (prepared(db, sql).all(...params) as IndicatorRow[]).map(indicatorFromRow);
}

/** The three located sources of an observation (migration 008): its unit in `sources`, and its span there. */
const ROLES = { v: 'value', h: 'header', c: 'code' } as const;
type RolePrefix = keyof typeof ROLES;

function provenanceColumns(prefix: RolePrefix): string {
  const role = ROLES[prefix];
  // A unit in the document's own file is stored with file null; no unit (no header) reads as no file.
  const file = `CASE WHEN ${prefix}.n IS NULL THEN NULL ELSE COALESCE(${prefix}.file, d.file_name) END AS ${prefix}_file`;
  const unit = ['page', 'line', 'box_json', 'sheet', 'address', 'table_index', 'row_index', 'col_index', 'text'].map((c) => `${prefix}.${c} AS ${prefix}_${c}`);
  return [file, ...unit, `o.${role}_start AS ${prefix}_span_start`, `o.${role}_end AS ${prefix}_span_end`].join(', ');
}

function provenanceJoin(prefix: RolePrefix): string {
  return `LEFT JOIN sources ${prefix} ON ${prefix}.document_id = o.document_id AND ${prefix}.n = o.${ROLES[prefix]}_source`;
}

export type ObservationRow = Record<string, unknown>;

function sourceFromRow(row: ObservationRow, prefix: RolePrefix): StoredSource | null {
  if (row[`${prefix}_file`] === null || row[`${prefix}_file`] === undefined) return null;
  const box = row[`${prefix}_box_json`] as string | null;
  return {
    file: row[`${prefix}_file`] as string,
    page: row[`${prefix}_page`] as number | null,
    line: row[`${prefix}_line`] as number | null,
    box: box ? (JSON.parse(box) as Box) : null,
    sheet: row[`${prefix}_sheet`] as string | null,
    address: row[`${prefix}_address`] as string | null,
    table: row[`${prefix}_table_index`] as number | null,
    row: row[`${prefix}_row_index`] as number | null,
    col: row[`${prefix}_col_index`] as number | null,
    text: row[`${prefix}_text`] as string,
    start: row[`${prefix}_span_start`] as number,
    end: row[`${prefix}_span_end`] as number,
  };
}

/**
 * Which observations to read: one document's, or those of some documents stored under some indicator codes
 * (with every observation a decision gives a new code, whatever its code: the caller applies the decisions
 * and keeps what it asked for).
 */
export type ObservationFilter = { documentId: number } | { documentIds: number[]; codes: string[] } | { ids: string[] };

function observationWhere(filter: ObservationFilter | undefined, dialect: Dialect): { where: string; params: Array<number | string> } {
  if (!filter) return { where: '', params: [] };
  if ('documentId' in filter) return { where: 'WHERE o.document_id = ?', params: [filter.documentId] };
  if ('ids' in filter) return { where: `WHERE ${inJsonList(dialect, 'o.id', 'text')}`, params: [JSON.stringify(filter.ids)] };
  return {
    where: `WHERE ${inJsonList(dialect, 'o.document_id', 'integer')}
              AND (${inJsonList(dialect, 'o.indicator_code', 'text')} OR o.id IN (SELECT target_id FROM decisions WHERE new_code IS NOT NULL))`,
    params: [JSON.stringify(filter.documentIds), JSON.stringify(filter.codes)],
  };
}

/**
 * Stored observations in export order: by document, then in the order the extractor read them (`ordinal`,
 * whatever order documents were stored in). All of them, or those a filter asks for.
 */
export function observationsQuery(dialect: Dialect, filter?: ObservationFilter): Query {
  const { where, params } = observationWhere(filter, dialect);
  return {
    sql: `SELECT o.id, o.document_id, d.file_name, d.partnership, o.indicator_code, i.aliases_json, i.title, i.catalogue_title, i.inferred,
              o.kind, o.state, o.value, o.unit, o.period, o.area, o.relative_change, o.denominator, o.pending_reason,
              o.confidence, o.confidence_reasons_json, o.ordinal,
              ${provenanceColumns('v')}, ${provenanceColumns('h')}, ${provenanceColumns('c')}
       FROM observations o
       JOIN documents d ON d.id = o.document_id
       JOIN indicators i ON i.document_id = o.document_id AND i.code = o.indicator_code
       ${provenanceJoin('v')} ${provenanceJoin('h')} ${provenanceJoin('c')}
       ${where}
       ORDER BY d.file_name, d.id, o.ordinal`,
    params,
  };
}

export function observationFromRow(r: ObservationRow): StoredObservation {
  return {
    id: r.id as string,
    documentId: r.document_id as number,
    document: r.file_name as string,
    partnership: r.partnership as string | null,
    indicator: r.indicator_code as string,
    aliases: JSON.parse(r.aliases_json as string) as string[],
    indicatorTitle: r.title as string | null,
    catalogueTitle: r.catalogue_title as string | null,
    inferred: r.inferred === 1,
    kind: r.kind as ObservationKind,
    state: r.state as ObservationState,
    value: r.value as number | null,
    unit: r.unit as string | null,
    period: r.period as string | null,
    area: r.area as string | null,
    relativeChange: r.relative_change as number | null,
    denominator: r.denominator as number | null,
    pendingReason: r.pending_reason as string | null,
    confidence: r.confidence as number,
    confidenceReasons: JSON.parse(r.confidence_reasons_json as string) as string[],
    ordinal: r.ordinal as number,
    source: sourceFromRow(r, 'v'),
    header: sourceFromRow(r, 'h'),
    code: sourceFromRow(r, 'c'),
  };
}

export function readObservations(db: Database.Database, filter?: ObservationFilter): StoredObservation[] {
  const { sql, params } = observationsQuery('sqlite', filter);
  return (prepared(db, sql).all(...params) as ObservationRow[]).map(observationFromRow);
}

/** One observation as the review queue orders and filters it: no sources, no text (src/review-app/queue.ts). */
export interface ReviewIndexRow {
  id: string;
  documentId: number;
  document: string;
  partnership: string | null;
  indicator: string;
  confidence: number;
  /** The table and column of its value's cell, when it was read from a table: a table-level fix covers these. */
  table: number | null;
  col: number | null;
}

/** Every observation's review index row, in export order: the query both stores run. */
export const REVIEW_INDEX = `SELECT o.id, o.document_id AS "documentId", d.file_name AS document, d.partnership, o.indicator_code AS indicator, o.confidence,
    v.table_index AS "table", v.col_index AS col
  FROM observations o JOIN documents d ON d.id = o.document_id
  LEFT JOIN sources v ON v.document_id = o.document_id AND v.n = o.value_source
  ORDER BY d.file_name, d.id, o.ordinal`;

/** Documents stored and the last reconciliation: a reader holding what it read sees from these whether the store changed. */
export interface StoreChanges {
  documents: number;
  lastDocument: number | null;
  reconciliation: number | null;
}

export const STORE_CHANGES = `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT MAX(id) FROM documents) AS "lastDocument",
  (SELECT MAX(id) FROM reconciliations) AS reconciliation`;
