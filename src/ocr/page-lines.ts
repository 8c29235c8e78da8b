// The lines of a laid-out page, wherever they sit (running text, table cells), for repairs that change
// words after the layout: a line's text was joined from its words, so a line whose words changed is joined
// again.
import { makeLine } from '../layout/index.ts';
import type { Line, PageLayout, Word } from '../layout/types.ts';

/** The lines of each paragraph and of each table cell, in reading order: a text can run on from one line to
 * the next within one of these, never between them. */
export function lineGroups(page: PageLayout): Line[][] {
  return page.blocks.flatMap((b) => (b.kind === 'text' ? [b.lines] : b.rows.flatMap((r) => r.cells.map((c) => c.lines))));
}

/** Join again the lines holding any of `changed`. */
export function rejoinLines(page: PageLayout, changed: Set<Word>): void {
  if (!changed.size) return;
  const rejoin = (lines: Line[]) => lines.map((line) => (line.words.some((w) => changed.has(w)) ? { ...makeLine(line.words), ...(line.page ? { page: line.page } : {}) } : line));
  for (const block of page.blocks) {
    if (block.kind === 'text') block.lines = rejoin(block.lines);
    else for (const row of block.rows) for (const cell of row.cells) cell.lines = rejoin(cell.lines);
  }
}
