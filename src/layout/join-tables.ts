// A table that runs off the bottom of one page and on at the top of the next is one table. It continues
// when the last block of a page and the first block of the next are tables with the same columns (or, for
// ruled tables, columns one page divides more finely than the other: a page whose part holds no row of
// the narrow columns draws only the wide ones). The header row that the producer repeated on the new page
// is recognised (same text as the first row) and dropped, and the first row becomes a known header row;
// so are title rows repeated over a table without rules, which the page's layout read as text (the same
// text as stood right above the table on its first page). A row cut in two by the page break is glued back
// together: each piece on the new page goes to the cell above it that the break cut, including a cell
// spanning rows.
import { firstWordWidth, textRightEdges, wrapEdge } from './cell-text.ts';
import { unionBox } from './geometry.ts';
import type { LayoutBlock, PageLayout, TableBlock, TableCell, TableRow } from './types.ts';

export interface JoinOptions {
  /** Glue a continuation row whose first cell is empty onto the last row of the previous page. */
  mergeSplitRows?: boolean;
  /**
   * Whether a cell's text labels values ("Baseline …", "08/09 …"): such a cell starts a row of its own and is
   * never the tail of a cut one. The caller knows the domain's words; the layout does not.
   */
  isValueLabel?: (text: string) => boolean;
}

export function cellText(cell: TableCell): string {
  return cell.lines.map((l) => l.text).join('\n');
}

function rowKey(row: TableRow): string {
  return row.cells.map((c) => cellText(c).toLowerCase().replace(/\s+/g, ' ').trim()).join('\t');
}

/** The filled cells of a row, in order: equal for a header repeated over a different column split. */
function textKey(row: TableRow): string {
  return row.cells.map((c) => cellText(c).toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean).join('\t');
}

/**
 * Borderless columns are found from the text, so a page where some columns happen to be empty splits the
 * table differently from the next page. A repeated header and the same left edge still say it is one table;
 * both parts are then put on the finer of the two column splits.
 */
function sameTableOtherSplit(a: TableBlock, b: TableBlock, widthA: number, widthB: number): boolean {
  if (a.method !== 'borderless' || b.method !== 'borderless' || Math.abs(widthA - widthB) > 1) return false;
  if (!a.rows.length || !b.rows.length || Math.abs(a.box[0] - b.box[0]) > widthA * 0.02) return false;
  const key = textKey(a.rows[0]);
  return key !== '' && key === textKey(b.rows[0]);
}

function columnAt(xs: number[], x: number): number {
  for (let c = 0; c < xs.length - 2; c++) if (x < xs[c + 1]) return c;
  return xs.length - 2;
}

/** Put a table's cells on other column edges, by where their text actually lies. */
function regrid(table: TableBlock, xs: number[]): void {
  const nc = xs.length - 1;
  for (const row of table.rows) {
    const byCol = new Map<number, TableCell>();
    for (const cell of row.cells) {
      if (!cell.lines.length) continue;
      const text = unionBox(cell.lines.map((l) => l.box));
      const c0 = columnAt(xs, text[0] + 0.01);
      const c1 = Math.max(c0, columnAt(xs, text[2] - 0.01));
      const existing = byCol.get(c0);
      if (existing) {
        existing.lines.push(...cell.lines);
        continue;
      }
      byCol.set(c0, { ...cell, col: c0, colSpan: c1 - c0 + 1, box: [xs[c0], cell.box[1], xs[c1 + 1], cell.box[3]] });
    }
    const cells: TableCell[] = [];
    for (let c = 0; c < nc; ) {
      const cell = byCol.get(c);
      if (cell) {
        cells.push(cell);
        c += cell.colSpan;
      } else {
        cells.push({ lines: [], box: [xs[c], row.box[1], xs[c + 1], row.box[3]], page: row.page, col: c, colSpan: 1, rowSpan: 1 });
        c++;
      }
    }
    row.cells = cells;
  }
  table.xs = xs;
}

/**
 * Ruled tables whose column edges are the same or one's are a subset of the other's (both ends shared): a
 * word processor draws on each page only the edges of the cells that are there.
 */
function nestedColumns(a: TableBlock, b: TableBlock, widthA: number, widthB: number): boolean {
  if (a.method !== 'ruled' || b.method !== 'ruled' || Math.abs(widthA - widthB) > 1) return false;
  const tol = widthA * 0.01;
  const [coarse, fine] = a.xs.length <= b.xs.length ? [a.xs, b.xs] : [b.xs, a.xs];
  if (Math.abs(coarse[0] - fine[0]) > tol || Math.abs(coarse[coarse.length - 1] - fine[fine.length - 1]) > tol) return false;
  return coarse.every((x) => fine.some((f) => Math.abs(f - x) <= tol));
}

/** Put a ruled table's cells on finer column edges, by the edges of their boxes. */
function regridByEdges(table: TableBlock, xs: number[]): void {
  const nearest = (x: number) => xs.reduce((best, f, i) => (Math.abs(f - x) < Math.abs(xs[best] - x) ? i : best), 0);
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const c0 = nearest(cell.box[0]);
      const c1 = Math.max(c0 + 1, nearest(cell.box[2]));
      cell.col = c0;
      cell.colSpan = c1 - c0;
    }
  }
  table.xs = xs;
}

function sameColumns(a: TableBlock, b: TableBlock, widthA: number, widthB: number): boolean {
  if (a.method !== b.method || a.xs.length !== b.xs.length) return false;
  if (Math.abs(widthA - widthB) > 1) return false;
  // Borderless column edges are gutter midpoints and move a little with the text; rules do not.
  const tol = widthA * (a.method === 'ruled' ? 0.01 : 0.04);
  return a.xs.every((x, i) => Math.abs(x - b.xs[i]) <= tol);
}

/** Text of a block, for recognising the same text repeated. */
function blockKey(b: LayoutBlock): string {
  return b.kind === 'text' ? b.lines.map((l) => l.text).join(' ').toLowerCase().replace(/\s+/g, ' ').trim() : '';
}

/** Left edges within 2% of the page width: a borderless table going on, however its pages split the columns. */
function sameLeftEdge(a: TableBlock, b: TableBlock, widthA: number, widthB: number): boolean {
  return a.method === 'borderless' && b.method === 'borderless' && Math.abs(widthA - widthB) <= 1 && Math.abs(a.box[0] - b.box[0]) <= widthA * 0.02;
}

export function joinTables(pages: PageLayout[], options: JoinOptions = {}): void {
  const mergeSplit = options.mergeSplitRows ?? true;
  let open: { table: TableBlock; width: number; titles: Set<string> } | null = null;
  for (const p of pages) {
    // Title rows the producer repeats over the table on every page (a one-cell row a borderless layout reads
    // as a heading) come first: the same text as stood right above the table on its first page.
    let skip = 0;
    while (open && p.blocks[skip]?.kind === 'text' && open.titles.has(blockKey(p.blocks[skip]))) skip++;
    const first = p.blocks[skip];
    const same = open && first?.kind === 'table' && sameColumns(open.table, first, open.width, p.width);
    const nested = open && first?.kind === 'table' && !same && nestedColumns(open.table, first, open.width, p.width);
    const otherSplit = open && first?.kind === 'table' && !same && !nested && (sameTableOtherSplit(open.table, first, open.width, p.width) || (skip > 0 && sameLeftEdge(open.table, first, open.width, p.width)));
    if (open && first?.kind === 'table' && (same || nested || otherSplit)) {
      const xs = first.xs.length > open.table.xs.length ? first.xs : open.table.xs;
      if (nested) {
        regridByEdges(open.table, xs);
        regridByEdges(first, xs);
      } else if (!same) {
        regrid(open.table, xs);
        regrid(first, xs);
      }
      append(open.table, first, mergeSplit, skip > 0, options.isValueLabel ?? (() => false));
      p.blocks.splice(0, skip + 1);
      if (p.blocks.length > 0) open = null;
    } else open = null;
    const lastAt = p.blocks.length - 1;
    const last = p.blocks[lastAt];
    if (!open && last?.kind === 'table') {
      const titles = new Set<string>();
      for (let k = lastAt - 1; k >= 0 && k >= lastAt - 6 && p.blocks[k].kind === 'text'; k--) titles.add(blockKey(p.blocks[k]));
      titles.delete('');
      open = { table: last, width: p.width, titles };
    }
  }
}

function append(target: TableBlock, next: TableBlock, mergeSplit: boolean, titlesRepeated: boolean, isValueLabel: (text: string) => boolean): void {
  const rows = [...next.rows];
  const head = target.rows[0];
  let repeatedHeader = titlesRepeated;
  if (head && rows.length && (rowKey(rows[0]) === rowKey(head) || (textKey(rows[0]) !== '' && textKey(rows[0]) === textKey(head)))) {
    rows.shift();
    head.header = true;
    repeatedHeader = true;
  }
  const firstRow = rows[0];
  if (mergeSplit && firstRow && target.rows.length) {
    for (const [piece, host] of tailHosts(target, firstRow, repeatedHeader, isValueLabel)) {
      host.lines.push(...piece.lines.map((l) => ({ ...l, page: l.page ?? piece.page })));
      piece.lines = [];
    }
    // Nothing left of the row but the empty cells the cut left behind.
    if (!firstRow.cells.some((c) => c.lines.length)) rows.shift();
  }
  target.rows.push(...rows);
  for (const p of next.pages) if (!target.pages.includes(p)) target.pages.push(p);
}

/** The cell covering column `col` in the table's last row: that row's own cell, or one spanning down into it. */
function coveringLastRow(table: TableBlock, col: number): TableCell | undefined {
  const last = table.rows.length - 1;
  for (let r = last; r >= 0; r--) {
    const cell = table.rows[r].cells.find((c) => c.col <= col && col < c.col + c.colSpan && r + c.rowSpan - 1 >= last);
    if (cell) return cell;
  }
  return undefined;
}

const lastLine = (cell: TableCell) => cell.lines[cell.lines.length - 1];
/** A space and a little slack (em): room a word needs after the last word of a line. */
const WORD_SPACE = 0.48;

/**
 * The pieces of `row` (the first on a new page) that are the rest of cells the page break cut, each with the
 * cell above it that it goes on: the cell covering the table's last row in its column (that row's own, or
 * one spanning down into it), of the same width as the piece. A piece reads on from its cell when it starts
 * in lower case, with a bracket, comma or "&", or when the cell broke off after a comma, colon, dash, "&" or
 * "and", or inside a bracket. The whole row is the rest of the cut one when a piece reads on from a cell of
 * the last row itself, or when the header row was repeated above it and its leading cell is empty (a row of
 * its own starts with its leading cell); then every piece under a cell that ran down to the foot of the
 * page's part goes back. A row with values of its own ("Baseline …", "08/09 …") under an indicator's cells
 * that spanned it keeps its values, and gives back the rest of those cells where their last line was full
 * (the next word did not fit there: the paragraph went on). Pieces that label values are never tails; nor is
 * a piece under a cell the new row divides (a value row under its indicator's wide code cell).
 */
function tailHosts(table: TableBlock, row: TableRow, afterRepeatedHeader: boolean, isValueLabel: (text: string) => boolean): Array<[TableCell, TableCell]> {
  const pieces = row.cells.filter((c) => cellText(c).trim());
  // A label starts a thought: not in lower case, and not closing a bracket the cell above opened ("2007)").
  const isLabel = (c: TableCell) => {
    const text = cellText(c).trim();
    return isValueLabel(text) && !/^[a-z]/.test(text) && (text.match(/\)/g) ?? []).length <= (text.match(/\(/g) ?? []).length;
  };
  const hosts = new Map<TableCell, TableCell>();
  for (const piece of pieces) {
    const host = coveringLastRow(table, piece.col);
    if (host?.lines.length) hosts.set(piece, host);
  }
  if (!hosts.size) return [];
  const pageOf = (h: TableCell) => lastLine(h).page ?? h.page;
  const lastPage = Math.max(...[...hosts.values()].map(pageOf));
  const atFoot = new Set<TableCell>();
  for (let c = 0; c < table.xs.length - 1; c++) {
    const h = coveringLastRow(table, c);
    if (h?.lines.length && pageOf(h) === lastPage) atFoot.add(h);
  }
  const foot = Math.max(...[...atFoot].map((h) => lastLine(h).box[3]));
  const rights = textRightEdges(table);
  const leading = row.cells.find((c) => c.col === 0);
  const ownValues = pieces.some(isLabel);
  const readsOn = (piece: TableCell, host: TableCell) => {
    const end = lastLine(host).text.trim();
    const open = (cellText(host).match(/\(/g) ?? []).length > (cellText(host).match(/\)/g) ?? []).length;
    return /^[a-z(,;&]/.test(cellText(piece).trim()) || open || /(?:[,:&/–-]|\band|\bor)$/.test(end);
  };
  const leadingHost = leading && cellText(leading).trim() ? hosts.get(leading) : undefined;
  const leadingTail = !!leading && !!leadingHost && !ownValues && readsOn(leading, leadingHost);
  // A row whose leading cell has text of its own that does not go on from the cell above starts a row of its
  // own: the row above ended, so a cell of it that stopped above the foot of the page's part was whole, and a
  // piece under it that merely starts in lower case ("n/a", "tbc") is this row's own cell.
  const ownLeading = !!leading && !!cellText(leading).trim() && !leadingTail;
  const reachesFoot = (host: TableCell) => lastLine(host).box[3] >= foot - lastLine(host).size * 1.5;
  // A cell spanning rows from above runs on beside the rows below, which may be rows of their own: only a
  // piece going on from a cell of the last row itself says that row was cut.
  const lastRow = table.rows[table.rows.length - 1];
  const rowCut = !ownLeading && pieces.some((p) => {
    const host = hosts.get(p);
    return !!host && lastRow.cells.includes(host) && (p !== leading || leadingTail) && readsOn(p, host);
  });
  const wholeRow = !ownValues && (rowCut || (afterRepeatedHeader && !(leading && cellText(leading).trim())));
  const out: Array<[TableCell, TableCell]> = [];
  for (const piece of pieces) {
    const host = hosts.get(piece);
    if (!host || isLabel(piece) || pageOf(host) !== lastPage) continue;
    const end = lastLine(host);
    if (host.colSpan !== piece.colSpan || pieces.filter((p) => hosts.get(p) === host).length > 1) continue;
    if (piece === leading && !leadingTail) continue;
    // Text that reads on is the rest of its cell wherever the cell stopped; otherwise the cell must have run
    // down to the foot of the page's part (a cell that ended above it was whole).
    if (readsOn(piece, host) && (!ownLeading || reachesFoot(host))) {
      out.push([piece, host]);
      continue;
    }
    if (!reachesFoot(host)) continue;
    const first = piece.lines[0];
    const right = wrapEdge(host, rights);
    const wrapped = !!first?.words.length && end.box[2] + WORD_SPACE * end.size + firstWordWidth(first) > right;
    if (wholeRow || (ownValues && wrapped && piece.col > 0)) out.push([piece, host]);
  }
  return out;
}
