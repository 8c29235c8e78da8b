// How the lines of a table cell join into its text. A word processor wraps a cell's paragraph onto a new line
// when the next word does not fit in the column; the author breaks it (a new paragraph, a list item, a line
// break) when it would have. A wrapped line goes on after a space, like running text, so "6.7 tonnes" and
// "per capita", or "St" and "Albans", stay one phrase; an author's break stays a line break. A cell cut by a
// page break goes on from its last line on the page before, by the same test. List items lose their typed
// bullet, as list items do everywhere in the model.
import { LIST_MARKER, buildTextBlocks } from './text-blocks.ts';
import type { Line, TableBlock, TableCell } from './types.ts';

/** Space advance (em), as the word boxes are estimated with (pdf words.ts). */
const SPACE = 0.28;
/** Slack for estimated word widths (em): a word must clearly have fitted for the break to be the author's. */
const SLACK = 0.2;

/**
 * The right edge text can reach in each column of a table: the furthest any line of a cell ending at that
 * column reaches. Wrapped lines fill their column, so this is where the column's text wraps.
 */
export function textRightEdges(table: TableBlock): Map<number, number> {
  const edges = new Map<number, number>();
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const last = cell.col + cell.colSpan - 1;
      for (const line of cell.lines) edges.set(last, Math.max(edges.get(last) ?? -Infinity, line.box[2]));
    }
  }
  return edges;
}

/**
 * Where the text of `cell` wraps: as far as the column's text reaches (`edges`), and at least to the cell's
 * right edge less the padding its text keeps from the left edge (a ruled cell whose lines never filled it).
 */
export function wrapEdge(cell: TableCell, edges: Map<number, number>): number {
  const textRight = edges.get(cell.col + cell.colSpan - 1) ?? -Infinity;
  const left = Math.min(...cell.lines.map((l) => l.box[0]));
  const pad = Number.isFinite(left) ? Math.max(0, left - cell.box[0]) : 0;
  return Math.max(textRight, cell.box[2] - pad);
}

/**
 * The edge a line's next word must clearly have fitted inside for the line break before it to be the
 * author's (`cellLineJoins`). A ruled cell's edge is drawn, so that is `wrapEdge`. A borderless cell has no
 * drawn edge: its box runs to the middle of the gutter, but the padding on either side of the gutter is
 * unknown and the text may have wrapped anywhere in it, so only the column's widest line is sure room.
 */
export function breakEdge(cell: TableCell, edges: Map<number, number>, method: TableBlock['method']): number {
  const textRight = edges.get(cell.col + cell.colSpan - 1) ?? -Infinity;
  if (method === 'borderless' && Number.isFinite(textRight)) return textRight;
  return wrapEdge(cell, edges);
}

/**
 * The width of the first word of `line`: its first word box and the pieces drawn straight after it (a word
 * the PDF split at a ligature, "a" "ff" "ordable", is one word to fit), as `joinWords` joins them.
 */
export function firstWordWidth(line: Line): number {
  const words = line.words;
  if (!words.length) return 0;
  let right = words[0].box[2];
  for (let k = 1; k < words.length; k++) {
    const gap = words[k].box[0] - right;
    if (gap > line.size * 0.1 || gap < -line.size * 0.5) break;
    right = Math.max(right, words[k].box[2]);
  }
  return right - words[0].box[0];
}

export interface CellLineJoins {
  /** What goes before each line after the first: ' ' where the text wrapped, '\n' where it was broken. */
  separators: Array<' ' | '\n'>;
  /** The typed bullet opening each line that starts a list item (to leave out of the text), else undefined. */
  markers: Array<string | undefined>;
}

/** How the lines of `cell` join. `right` is where its text wraps (`breakEdge`). */
export function cellLineJoins(cell: TableCell, right: number): CellLineJoins {
  const lines = cell.lines;
  const blockOf = new Map<Line, number>();
  const markers: Array<string | undefined> = lines.map(() => undefined);
  // Blocks (paragraphs, list items) are found page by page: a cut cell's lines on two pages are not one run.
  let block = 0;
  for (let from = 0; from < lines.length; ) {
    let to = from + 1;
    while (to < lines.length && (lines[to].page ?? cell.page) === (lines[from].page ?? cell.page)) to++;
    for (const b of buildTextBlocks(lines.slice(from, to), cell.page, cell.marks ?? [])) {
      for (const l of b.lines) blockOf.set(l, block);
      if (b.role === 'list-item' && b.marker && BULLET.test(b.marker)) markers[lines.indexOf(b.lines[0])] = b.marker;
      block++;
    }
    from = to;
  }
  const separators: Array<' ' | '\n'> = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const first = line.words.length > 0;
    const pageBreak = (prev.page ?? cell.page) !== (line.page ?? cell.page);
    const sameBlock = pageBreak ? !LIST_MARKER.test(line.text) : blockOf.get(prev) === blockOf.get(line);
    const wouldFit = first ? prev.box[2] + (SPACE + SLACK) * prev.size + firstWordWidth(line) <= right : true;
    separators.push((sameBlock || DASH_START.test(line.text)) && !wouldFit ? ' ' : '\n');
  }
  return { separators, markers };
}

/** Bullet glyphs (not "1." or "a)", which are part of what the item says, nor a dash, which may be text). */
const BULLET = /^[•●▪■◦○∙·‣⁃➢►✓✔Ø∅§]$/;
/** A line starting with a dash or an asterisk after a full line is the wrapped text going on ("… action" / "– including …"). */
const DASH_START = /^[-–*]\s/;
