// "%" read as "96" (or "9o"): 43% comes out as "4396". That is only repaired where the table says the
// figure is a percentage: the other figures of its column (or of its row, when a row is one indicator's
// series) are written with "%", the figure without the stray "96" is a percentage (at most 100), and the
// figure as read does not fit beside them (over 100, or more decimals than any of them). Runs on a laid-out
// page, where the table's rows and columns are known.
import type { PageLayout, TableBlock, Word } from '../layout/types.ts';
import { rejoinLines } from './page-lines.ts';

const MISREAD = /^(\d+(?:\.\d+)?)(?:96|9o|9O)$/;
const PERCENT = /^\(?\d+(?:\.\d+)?%\)?$/;
const NUMBER = /^\(?[\d,]+(?:\.\d+)?%?\)?$/;

interface Placed {
  word: Word;
  row: number;
  col: number;
}

function decimals(text: string): number {
  return /\.(\d+)/.exec(text)?.[1].length ?? 0;
}

/** Do the other figures beside it make this a percentage column (or row)? */
function percentages(siblings: Word[]): { yes: boolean; decimals: number } {
  const figures = siblings.filter((w) => NUMBER.test(w.text) || MISREAD.test(w.text));
  const percent = figures.filter((w) => PERCENT.test(w.text));
  return { yes: percent.length >= 2 && percent.length * 3 >= figures.length * 2, decimals: Math.max(0, ...percent.map((w) => decimals(w.text))) };
}

function repairTable(table: TableBlock, changed: Set<Word>, repairs: string[]): void {
  const placed: Placed[] = [];
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) for (const line of cell.lines) for (const word of line.words) placed.push({ word, row: r, col: cell.col });
  });
  for (const p of placed) {
    const m = MISREAD.exec(p.word.text);
    if (!m || Number(m[1]) > 100) continue;
    const others = (same: (q: Placed) => boolean) => placed.filter((q) => q !== p && same(q)).map((q) => q.word);
    const inColumn = percentages(others((q) => q.col === p.col));
    const inRow = percentages(others((q) => q.row === p.row));
    const context = inColumn.yes ? inColumn : inRow.yes ? inRow : null;
    if (!context) continue;
    const asRead = Number(p.word.text.replace(/o/gi, '0'));
    if (!(asRead > 100 || decimals(p.word.text) > context.decimals)) continue;
    const was = p.word.text;
    const repair = `${was.slice(m[1].length)}→% in ${was}`;
    p.word.text = `${m[1]}%`;
    p.word.repairs = [...(p.word.repairs ?? []), repair];
    repairs.push(repair);
    changed.add(p.word);
  }
}

/** Repairs the page's tables in place; returns what it repaired. */
export function repairPercentColumns(page: PageLayout): string[] {
  const changed = new Set<Word>();
  const repairs: string[] = [];
  for (const block of page.blocks) if (block.kind === 'table') repairTable(block, changed, repairs);
  rejoinLines(page, changed);
  return repairs;
}
