// Table rows of a text export: one physical line, cells split on tabs, each cell's markup parsed.
import type { Cell, Row } from '../../model/document.ts';
import { parseCellMarkup } from '../markup/cell-markup.ts';

export interface RawRow {
  line: number;
  cells: string[];
}

/** `---\t---\t` lines are what the exporter left where a Markdown-style table rule was. */
export function isArtefactRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => /^[-=_:|]{2,}$/.test(c));
}

export function normaliseForCompare(text: string): string {
  return text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function rowSignature(raw: RawRow): string {
  return raw.cells.map(normaliseForCompare).join('\t').replace(/\t+$/, '');
}

export function buildRow(raw: RawRow, file: string, table: number, rowIndex: number): Row {
  const cells: Cell[] = raw.cells.map((source, col) => {
    const provenance = { file, line: raw.line, table, row: rowIndex, col };
    const parsed = parseCellMarkup(source, provenance);
    return { ...parsed, provenance, col, colSpan: 1, rowSpan: 1 };
  });
  // Trailing empty cells are exporter padding, not columns.
  while (cells.length > 1 && !cells[cells.length - 1].text) cells.pop();
  return { cells, header: false, provenance: { file, line: raw.line, table, row: rowIndex } };
}

/** Append `extra` to a cell, keeping spans located on their own source line. */
export function appendToCell(cell: Cell, extra: Cell): void {
  if (!extra.text) return;
  const offset = cell.text ? cell.text.length + 1 : 0;
  cell.text = cell.text ? `${cell.text} ${extra.text}` : extra.text;
  for (const span of extra.spans) {
    cell.spans.push({ ...span, start: span.start + offset, end: span.end + offset, provenance: { line: extra.provenance.line } });
  }
  cell.content.push(...extra.content);
}
