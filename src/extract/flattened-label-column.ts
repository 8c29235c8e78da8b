// Tables flattened one cell per line whose label column came out apart from its cells, as web copies of PDFs
// give them: the codes of the rows one per line ("NI 136" / "NI 145" / "NI 146"), then the header cells
// ("Baseline" / "Performance" / "2010/11" / "2011/12"), and later one unbroken run of value cells, row after row.
// Nothing in the run marks where a row starts; what makes it readable is that the counts fit one way only: a run
// of exactly n × k cells under a header of k columns, with the n codes listed last before that header. Both runs
// end the table (the codes end the label column, the cells are followed by prose), so they are the same n rows
// even where rows above them could not be read. Every row must keep one unit across its figures: a row that mixes
// a percentage with a bare count is a misaligned reading, and the whole run is then left unread.
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import { kindOfLabel } from '../vocabulary/kinds.ts';
import type { Candidate } from './candidate.ts';
import { isFigureCell, recordCandidates, valueColumnHeading, type TypedColumn } from './flattened-cells.ts';
import { parseValues } from './values.ts';

/** The fewest rows and columns such a run is read with: below that, counts fit by chance. */
const FEWEST_ROWS = 3;
const FEWEST_COLUMNS = 2;
/** How many lines back from the run the header and the label column may stand. */
const REACH = 40;
/** The line after the run, where there is one, is prose of at least this many words: the table has ended. */
const PROSE_WORDS = 8;

/** A line of the label column: one code and at most a bracketed tag ("NI 153 (LAA)"). */
function codeLine(unit: TextUnit): Mention | null {
  const found = findMentions(unit).filter((m) => !m.inferred);
  if (new Set(found.map((m) => m.code)).size !== 1) return null;
  const rest = unit.text.slice(0, found[0].source.start) + unit.text.slice(found[found.length - 1].source.end);
  return /^\s*(?:\([^()]{0,12}\))?\s*$/.test(rest) ? found[0] : null;
}

/**
 * The header's columns read as exactly `k`: as written, or with one pair of kind cells that are one cell over two
 * lines ("Baseline" / "Performance" is the column "Baseline Performance" when only that reading gives k).
 */
function columnsOf(cells: TypedColumn[], k: number): TypedColumn[] | null {
  if (cells.length === k) return cells;
  if (cells.length !== k + 1) return null;
  const joins: TypedColumn[][] = [];
  for (let i = 0; i + 1 < cells.length; i++) {
    const [a, b] = [cells[i], cells[i + 1]];
    if (a.type !== 'figure' || b.type !== 'figure' || !a.kind || !b.kind || a.period || b.period) continue;
    const kind = kindOfLabel(`${a.unit.text.trim()} ${b.unit.text.trim()}`);
    if (kind) joins.push([...cells.slice(0, i), { ...a, kind }, ...cells.slice(i + 2)]);
  }
  return joins.length === 1 ? joins[0] : null;
}

/** The unit a figure cell is written in ("%", "days", or none); null for a pending cell. */
function unitOf(unit: TextUnit): string | null {
  const value = parseValues(unit.text).find((t) => t.state === 'value');
  return value ? (value.unit ?? '') : null;
}

/** The header and label column before a run of cells starting at `start`, if the run is theirs. */
function tableBefore(units: TextUnit[], start: number): { codes: Mention[]; cells: TypedColumn[] } | null {
  // Back over the lines between header and run (rows the run does not hold) to the last code listed.
  let end = start - 1;
  let last: Mention | null = null;
  for (; end >= Math.max(0, start - REACH); end--) {
    last = codeLine(units[end]);
    if (last) break;
  }
  if (!last) return null;
  // Each line's codes are found once: up the label column while its lines are codes.
  const codes: Mention[] = [last];
  for (let j = end - 1; j >= 0; j--) {
    const code = codeLine(units[j]);
    if (!code) break;
    codes.unshift(code);
  }
  // The header opens right after the label column; value cells of rows the run does not hold may break it.
  const cells: TypedColumn[] = [];
  for (let j = end + 1; j < start; j++) {
    const cell = valueColumnHeading(units[j]);
    if (cell) cells.push(cell);
    else if (!isFigureCell(units[j]) || !cells.length) break;
  }
  return valueColumnHeading(units[end + 1]) ? { codes, cells } : null;
}

export function readLabelColumnApart(units: TextUnit[], consumed: Set<TextUnit>): Candidate[] {
  const candidates: Candidate[] = [];
  for (let start = 0; start < units.length; start++) {
    if (!isFigureCell(units[start]) || (start > 0 && isFigureCell(units[start - 1]))) continue;
    let end = start;
    while (end < units.length && isFigureCell(units[end])) end++;
    const run = units.slice(start, end);
    const after = units[end];
    if (run.some((u) => consumed.has(u)) || (after && after.text.trim().split(/\s+/).length < PROSE_WORDS)) continue;
    const table = tableBefore(units, start);
    const n = table?.codes.length ?? 0;
    if (!table || n < FEWEST_ROWS || run.length % n) continue;
    const k = run.length / n;
    const columns = k >= FEWEST_COLUMNS ? columnsOf(table.cells, k) : null;
    if (!columns) continue;
    const rows = table.codes.map((_, r) => run.slice(r * k, (r + 1) * k));
    const aligned = rows.every((row) => new Set(row.map(unitOf).filter((u) => u !== null)).size === 1);
    if (!aligned) continue;
    rows.forEach((row, r) => {
      const read = recordCandidates(row, columns, table.codes[r], false);
      candidates.push(...read.map((c) => ({ ...c, reasons: [...c.reasons, `the row labels were flattened apart from their cells: cell row ${r + 1} of ${n} read for code ${r + 1} of the ${n} listed before the header`] })));
    });
    for (const u of run) consumed.add(u);
  }
  return candidates;
}
