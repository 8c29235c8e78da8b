// Tables flattened column by column, as some web copies of PDFs give them: the label column first, one indicator
// a row ("NI 8 Adult participation in sport" / "NI 11 Engagement in the arts", titles perhaps wrapped), then each
// value column as its heading and one line per row ("Baseline 2008" / "21.3%" / "45.0%"). Read only where every
// value column holds exactly as many lines as the label column names indicators: a column one line short or long
// belongs to a table this reading cannot see whole.
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { Candidate } from './candidate.ts';
import { FIGURE_LINE, isFigureCell, isValueLine, recordCandidates, valueColumnHeading, type TypedColumn } from './flattened-cells.ts';

/** The fewest rows a column-major table needs: one indicator and one figure line up anyhow. */
const FEWEST_ROWS = 2;

/** A line of the label column: it opens with one code and holds no figure of its own. */
function rowLabel(unit: TextUnit): Mention | null {
  if (isValueLine(unit) || /%/.test(unit.text)) return null;
  const found = findMentions(unit).filter((m) => !m.inferred);
  if (new Set(found.map((m) => m.code)).size !== 1 || unit.text.slice(0, found[0].source.start).trim()) return null;
  return found[0];
}

/** The label column from line `i`: its indicators and the line after it. Title lines between codes are wrapped words. */
function labelColumn(units: TextUnit[], i: number): { rows: Mention[]; end: number } | null {
  const rows: Mention[] = [];
  let k = i;
  for (; k < units.length; k++) {
    const label = rowLabel(units[k]);
    if (label) rows.push(label);
    else if (!rows.length || isValueLine(units[k]) || valueColumnHeading(units[k])) break;
  }
  return rows.length >= FEWEST_ROWS ? { rows, end: k } : null;
}

export function readColumnMajor(units: TextUnit[], consumed: Set<TextUnit>): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < units.length; i++) {
    if (consumed.has(units[i])) continue;
    const labels = labelColumn(units, i);
    if (!labels) continue;
    const n = labels.rows.length;
    const columns: Array<{ heading: TypedColumn; cells: TextUnit[] }> = [];
    let k = labels.end;
    while (k < units.length) {
      const heading = valueColumnHeading(units[k]);
      const cells = units.slice(k + 1, k + 1 + n);
      const fits = cells.length === n && cells.every(isFigureCell);
      if (!heading || !fits || isValueLine(units[k + 1 + n]) || cells.some((u) => consumed.has(u))) break;
      columns.push({ heading, cells });
      k += 1 + n;
    }
    if (!columns.length || !columns.some((c) => c.cells.some((u) => FIGURE_LINE.test(u.text)))) continue;
    const typed = columns.map((c) => c.heading);
    labels.rows.forEach((indicator, r) => {
      const read = recordCandidates(columns.map((c) => c.cells[r]), typed, indicator, false);
      candidates.push(...read.map((c) => ({ ...c, reasons: [...c.reasons, 'the table was flattened column by column: the row is the indicator in the same place in the label column'] })));
    });
    for (const u of units.slice(i, k)) consumed.add(u);
    i = k - 1;
  }
  return candidates;
}
