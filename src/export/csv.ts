// CSV export: the same fields as JSONL, source flattened to source.page/source.line/source.text and
// aliases joined with ';' (CONTRACT.md). Quoting per RFC 4180.
import type { ExportRecord } from './records.ts';

export const CSV_COLUMNS = [
  'document', 'partnership', 'indicator', 'aliases', 'indicator_title', 'catalogue_title', 'inferred', 'kind', 'state', 'value', 'unit',
  'period', 'area', 'relative_change', 'denominator', 'confidence', 'source.page', 'source.line', 'source.text', 'id', 'pending_reason',
  'confidence_reasons', 'review_state', 'reviewed_by',
] as const;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+@\t\r]/;

/**
 * For CSV files people open in spreadsheets (reports, decisions): a cell of document text starting =, +, @
 * would run as a formula, so it gets a leading '. The contract export is left exactly as extracted.
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes spreadsheetSafe when such a file is read back. */
export function fromSpreadsheetSafe(text: string): string {
  return /^'[=+@\t\r]/.test(text) ? text.slice(1) : text;
}

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A record as one flat row: source split into three columns, lists joined (also the XLSX observations sheet). */
export function flatRecord(r: ExportRecord): Record<CsvColumn, string | number | boolean | null> {
  return {
    document: r.document, partnership: r.partnership, indicator: r.indicator, aliases: r.aliases.join(';'),
    indicator_title: r.indicator_title, catalogue_title: r.catalogue_title, inferred: r.inferred, kind: r.kind, state: r.state,
    value: r.value, unit: r.unit, period: r.period, area: r.area, relative_change: r.relative_change, denominator: r.denominator,
    confidence: r.confidence, 'source.page': r.source.page, 'source.line': r.source.line, 'source.text': r.source.text,
    id: r.id, pending_reason: r.pending_reason, confidence_reasons: r.confidence_reasons.join('; '),
    review_state: r.review_state, reviewed_by: r.reviewed_by,
  };
}

/** A header line and one line per flat row, CRLF-terminated. */
export function csvTable<C extends string>(columns: readonly C[], rows: Array<Record<C, unknown>>): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toCsv(records: ExportRecord[]): string {
  return csvTable(CSV_COLUMNS, records.map(flatRecord));
}
