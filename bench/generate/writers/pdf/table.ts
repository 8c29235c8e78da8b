// A table drawn on the page flow: column widths from the cells' text (wrapped to fit the page), rows that
// move to a new page whole, the header rows repeated at the top of each new page. Ruled tables draw every
// cell edge (none inside a spanned cell); borderless ones tell rows apart by the space between them only
// (a rule would be read as the only thing that separates rows).
import { cellText, type SynthBlock, type SynthCell } from '../../model.ts';
import { placeRow, tableWidth, type Placed } from '../grid.ts';
import { LEADING, unbreakable, type Flow } from './flow.ts';

type TableBlock = Extract<SynthBlock, { kind: 'table' }>;

interface Style {
  size: number;
  /** Space inside a cell, across and down; borderless gutters are twice `padX` (about 1.5 em, as printed). */
  padX: number;
  padY: number;
  /** Extra space between borderless rows, so they read as rows and not as wrapped lines. */
  rowGap: number;
}

/** Widths that fill `available` (as a word processor's 100%-wide table): each column's natural width, spanned
 * cells' text shared over the columns they cover, shrunk toward the longest word when the page is too narrow. */
function columnWidths(flow: Flow, table: TableBlock, style: Style, available: number, ruled: boolean): number[] | null {
  const n = tableWidth(table.rows);
  const natural = Array<number>(n).fill(2 * style.padX + 10);
  const min = Array<number>(n).fill(2 * style.padX + 10);
  const spanned: Array<{ col: number; span: number; width: number }> = [];
  table.rows.forEach((row, r) => {
    for (const p of placeRow(row)) {
      const bold = r < table.headerRows;
      const text = cellText(p.cell);
      const width = flow.widthOf(text, style.size, bold) + 2 * style.padX + 1;
      if (p.span !== 1) {
        spanned.push({ col: p.col, span: p.span, width });
        continue;
      }
      natural[p.col] = Math.max(natural[p.col], width);
      const longest = Math.max(0, ...unbreakable(text).map((w) => flow.widthOf(w, style.size, bold)));
      min[p.col] = Math.max(min[p.col], longest + 2 * style.padX + 1);
    }
  });
  // A borderless table's last row is never wrapped outside its first column: the reader cuts the wrapped
  // lines of a last row off the table (reported in BENCHMARKS.md).
  if (!ruled) {
    for (const p of placeRow(table.rows[table.rows.length - 1] ?? [])) if (p.col > 0 && p.span === 1) min[p.col] = Math.max(min[p.col], natural[p.col]);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (const s of spanned) {
    const covered = natural.slice(s.col, s.col + s.span);
    const deficit = s.width - sum(covered);
    if (deficit > 0) for (let c = s.col; c < s.col + s.span; c++) natural[c] += deficit / s.span;
  }
  if (sum(min) > available) return null;
  if (sum(natural) <= available) {
    const k = available / sum(natural);
    return natural.map((w) => w * k);
  }
  const k = (available - sum(min)) / (sum(natural) - sum(min));
  return natural.map((w, i) => min[i] + (w - min[i]) * k);
}

interface LaidCell {
  placed: Placed;
  x: number;
  width: number;
  lines: string[];
}

function layRow(flow: Flow, row: SynthCell[], xs: number[], style: Style, bold: boolean): { cells: LaidCell[]; height: number } {
  const cells = placeRow(row).map((placed) => {
    const x = xs[placed.col];
    const width = xs[placed.col + placed.span] - x;
    return { placed, x, width, lines: flow.wrap(cellText(placed.cell), style.size, width - 2 * style.padX, bold) };
  });
  const lines = Math.max(1, ...cells.map((c) => c.lines.length));
  return { cells, height: lines * style.size * LEADING + 2 * style.padY };
}

function drawRow(flow: Flow, laid: ReturnType<typeof layRow>, style: Style, bold: boolean, ruled: boolean, xs: number[]): void {
  const top = flow.y;
  for (const c of laid.cells) {
    c.lines.forEach((line, i) => flow.text(c.x + style.padX, top - style.padY - i * style.size * LEADING, line, style.size, bold));
    // An underlined label opens its cell: rule under it on the first line.
    const first = c.placed.cell.runs[0];
    if (first?.underline && c.lines.length) {
      const baseline = top - style.padY - style.size * 0.8;
      flow.line(c.x + style.padX, baseline - 1.5, c.x + style.padX + flow.widthOf(first.text, style.size, bold), baseline - 1.5, 0.5);
    }
  }
  const bottom = top - laid.height;
  if (ruled) {
    flow.line(xs[0], bottom, xs[xs.length - 1], bottom);
    for (const c of laid.cells) flow.line(c.x, top, c.x, bottom);
    flow.line(xs[xs.length - 1], top, xs[xs.length - 1], bottom);
  }
  flow.y = bottom - (ruled ? 0 : style.rowGap);
}

/** Style and column widths; a table too wide at 9 pt is set smaller, as a word processor's "fit to page" would. */
function fit(flow: Flow, table: TableBlock, ruled: boolean): { style: Style; widths: number[] } | null {
  const base: Style = ruled ? { size: 9, padX: 4, padY: 3, rowGap: 0 } : { size: 9, padX: 7, padY: 2, rowGap: 5 };
  for (const size of [9, 8, 7, 6]) {
    const style = { ...base, size };
    const widths = columnWidths(flow, table, style, flow.contentWidth, ruled);
    if (widths) return { style, widths };
  }
  return null;
}

export function drawTable(flow: Flow, table: TableBlock, asked: boolean): void {
  // A borderless table whose last row cannot be kept on one line is drawn ruled instead (documents mix both).
  const borderless = asked ? null : fit(flow, table, false);
  const ruled = !borderless;
  const fitted = borderless ?? fit(flow, table, true);
  if (!fitted) throw new Error('table too wide for the page even at 6 pt');
  const { style, widths } = fitted;
  const xs = widths.reduce((acc, w) => [...acc, acc[acc.length - 1] + w], [flow.left]);
  const header = table.rows.slice(0, table.headerRows).map((r) => layRow(flow, r, xs, style, true));
  const headerHeight = header.reduce((h, r) => h + r.height + style.rowGap, 0);
  const openTable = () => {
    if (ruled) flow.line(xs[0], flow.y, xs[xs.length - 1], flow.y);
  };
  flow.y -= 4;
  // The header stays with the first body row. A borderless table that fits on a page is kept whole: joining
  // its two halves across a page break can drop a cell (reported in BENCHMARKS.md); ruled tables split freely.
  const bodies = table.rows.slice(table.headerRows).map((r) => layRow(flow, r, xs, style, false));
  const whole = headerHeight + bodies.reduce((h, r) => h + r.height + style.rowGap, 0);
  flow.ensure(!ruled && whole <= flow.pageHeight ? whole : headerHeight + (bodies[0]?.height ?? 0));
  openTable();
  for (const h of header) drawRow(flow, h, style, true, ruled, xs);
  for (const laid of bodies) {
    if (flow.ensure(laid.height)) {
      openTable();
      for (const h of header) drawRow(flow, h, style, true, ruled, xs);
    }
    drawRow(flow, laid, style, false, ruled, xs);
  }
  flow.y -= 10;
}
