// Table geometry shared by the writers that lay cells out on a grid (CSV, XLSX, the text export, PDF):
// where each cell starts, given the colSpans of the cells before it.
import type { SynthCell } from '../model.ts';

export interface Placed {
  cell: SynthCell;
  col: number;
  span: number;
}

export function placeRow(row: SynthCell[]): Placed[] {
  let col = 0;
  return row.map((cell) => {
    const span = cell.colSpan ?? 1;
    const placed = { cell, col, span };
    col += span;
    return placed;
  });
}

export function tableWidth(rows: SynthCell[][]): number {
  return Math.max(1, ...rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
}
