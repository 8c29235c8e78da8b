// Consecutive tab-separated lines form one table. Exports cut tables at page breaks: the next page repeats
// the header row and carries on the interrupted cells in a row whose first cell is empty (or starts
// mid-sentence). Rejoin those so a cell is whole again.
import { VALUE_LABEL_CELL } from '../../vocabulary/kinds.ts';
import type { Row, Table } from '../../model/document.ts';
import { appendToCell, buildRow, rowSignature, type RawRow } from './rows.ts';


function filledCount(raw: RawRow): number {
  return raw.cells.filter((c) => c.trim()).length;
}

/** Cells that open new content: a paragraph in markup, or a "Label:" such as "Actions:". */
const NEW_CONTENT = /^\s*(?:<p\b|<u>|[A-Z][\w ]{0,30}:)/;

function looksLikeContinuation(raw: RawRow, afterBreak: boolean, afterRepeatedHeader: boolean): boolean {
  const first = raw.cells[0]?.trim() ?? '';
  if (raw.cells.some((c) => VALUE_LABEL_CELL.test(c.trim()))) return false;
  if (filledCount(raw) === 0) return false;
  // Right after a repeated header the export is certainly resuming the row it cut.
  if (afterRepeatedHeader) return first === '' || /^[a-z(,;]/.test(first);
  // Across a plain gap only a row of spilled-over fragments continues; inside a page, a row with an
  // empty first cell is a row of its own ("\tActions:" under a values row).
  // A first cell that carries on mid-sentence ("deprivation, particularly …") continues too.
  return afterBreak && (first === '' || /^[a-z(,;]/.test(first)) && raw.cells.every((c) => !NEW_CONTENT.test(c));
}

export interface TableSource {
  rows: RawRow[];
  /** Line numbers of the first row after each gap of blank lines inside the table. */
  breaks: Set<number>;
}

export function buildTable(source: TableSource, file: string, index: number, method: Extract<Table['method'], 'tabs' | 'slashes'> = 'tabs'): Table {
  const rows: Row[] = [];
  let headerSignature: string | null = null;
  let afterRepeatedHeader = false;
  for (const raw of source.rows) {
    const afterBreak = afterRepeatedHeader || source.breaks.has(raw.line);
    const resuming = afterRepeatedHeader;
    afterRepeatedHeader = false;
    const signature = rowSignature(raw);
    if (afterBreak && signature === headerSignature) {
      // The table's header row again after a gap: the export repeated it at the top of a new page.
      afterRepeatedHeader = true;
      continue;
    }
    if (rows.length === 0) headerSignature = signature;
    const row = buildRow(raw, file, index, rows.length);
    if (rows.length > 0 && looksLikeContinuation(raw, afterBreak, resuming)) {
      mergeContinuation(rows, row);
      continue;
    }
    rows.push(row);
  }
  rows.forEach((row, i) => {
    row.provenance.row = i;
    for (const cell of row.cells) cell.provenance.row = i;
  });
  return { kind: 'table', index, method, rows, provenance: { file, line: source.rows[0].line, table: index } };
}

/** Each filled cell continues the nearest row above that has text in the same column. */
function mergeContinuation(rows: Row[], continuation: Row): void {
  for (const cell of continuation.cells) {
    if (!cell.text) continue;
    const target = [...rows].reverse().find((r) => r.cells[cell.col]?.text);
    const host = target ?? rows[rows.length - 1];
    while (host.cells.length <= cell.col) {
      const col = host.cells.length;
      host.cells.push({ text: '', spans: [], content: [], col, colSpan: 1, rowSpan: 1, provenance: { ...cell.provenance, col } });
    }
    appendToCell(host.cells[cell.col], cell);
  }
}
