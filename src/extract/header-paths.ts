// A figure in a table is read through two header paths: the header cells above its column (every cell whose
// span covers the column, top to bottom: "2008/09" spanning "Target | Actual", "Actual" spanning three years,
// "Quarter results 2008/09" spanning "Q1 | Q2 | Q3") and the label cells of its row (its own, and any cell
// spanning down into it from a row above: an indicator's code cell over its "Target" and "Actual" rows).
// Each path is read by the meaning of its cells; nothing here depends on where a table came from.
import type { Cell, Row } from '../model/document.ts';
import { quarterEnd } from '../vocabulary/periods.ts';
import type { ColumnRole } from './labels.ts';

/** The grid columns a cell covers. */
export function columnsOf(cell: Cell): number[] {
  return Array.from({ length: Math.max(1, cell.colSpan ?? 1) }, (_, k) => cell.col + k);
}

/**
 * Each row as a reader sees it: its own cells and the cells of rows above that span down into it (merged
 * cells appear once in the model, in the row where they start). Spanned-in cells keep their own provenance.
 * One pass down the table, keeping the cells still spanning, nearest row first.
 */
export function rowPaths(rows: readonly Row[]): Row[] {
  let spanning: Array<{ cell: Cell; lastRow: number }> = [];
  return rows.map((row, r) => {
    spanning = spanning.filter((s) => s.lastRow >= r);
    const own = new Set(row.cells.flatMap(columnsOf));
    const spanned: Cell[] = [];
    for (const { cell } of spanning) {
      if (columnsOf(cell).some((c) => own.has(c))) continue;
      spanned.push(cell);
      for (const c of columnsOf(cell)) own.add(c);
    }
    const opening = row.cells.filter((c) => (c.rowSpan ?? 1) > 1 && c.text.trim()).map((cell) => ({ cell, lastRow: r + cell.rowSpan - 1 }));
    spanning = [...opening, ...spanning];
    return spanned.length ? { ...row, cells: [...spanned, ...row.cells].sort((a, b) => a.col - b.col) } : row;
  });
}

/**
 * The items standing nearest a position (all of them when several are as near): where a format lost a merged
 * cell, the cell belongs to its nearest heading, and a tie says it cannot be told.
 */
export function nearestTo<T>(items: ReadonlyArray<readonly [number, T]>, at: number): T[] {
  const nearest = Math.min(...items.map(([position]) => Math.abs(position - at)));
  return items.filter(([position]) => Math.abs(position - at) === nearest).map(([, item]) => item);
}

/**
 * What a column means, given the role of a header cell above it (`upper`) and the role of a cell below that
 * (`lower`), read top to bottom: a threshold anywhere makes the column a threshold; two value labels combine
 * (the lower one's kind and period win where both give one, an undated quarter takes the year above it);
 * a lower label that only names a structural column (title, status) replaces a value label above it.
 */
export function combineRoles(upper: ColumnRole | null, lower: ColumnRole | null): ColumnRole | null {
  if (!upper) return lower;
  if (!lower) return upper;
  if (upper.role === 'threshold' || lower.role === 'threshold') return { role: 'threshold' };
  if (upper.role === 'value' && lower.role === 'value') {
    const period = lower.period ?? (lower.quarter && upper.period && !upper.quarter ? quarterEnd(upper.period, lower.quarter) : upper.period);
    const area = lower.area ?? upper.area;
    const quarter = lower.quarter ?? upper.quarter;
    // Two kinds named at once ("Target / Actual") hold unless a single kind below decides.
    const kinds = lower.kind ? undefined : (lower.kinds ?? (upper.kind ? undefined : upper.kinds));
    return {
      role: 'value', kind: lower.kind ?? upper.kind, period,
      ...(quarter !== undefined ? { quarter } : {}),
      ...(area !== undefined ? { area } : {}),
      ...(kinds ? { kinds } : {}),
    };
  }
  if (lower.role === 'other') return upper;
  return lower;
}
