// Tables flattened one cell per line, as web copies of PDFs give them: a run of header cells ("Target",
// "Period", "Performance", "Direction since last period"), then for each indicator a run of value cells in the
// same order ("20%", "2010/11", "23.3%"). Rebuilt only where the runs are regular: every value cell where the
// header says a figure is, every period where it says a period. Anything else gives nothing rather than a
// guess about which figure belongs to which column. Tables whose rows open with a label (./flattened-rows.ts),
// tables flattened column by column (./flattened-columns.ts) and tables whose label column came out apart from
// its cells (./flattened-label-column.ts) are read after these; the cells they all read are in
// ./flattened-cells.ts.
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { kindOfLabel } from '../vocabulary/kinds.ts';
import { findPeriods } from '../vocabulary/periods.ts';
import { sourceOf, type Candidate } from './candidate.ts';
import { headerCell, recordAt, recordCandidates, type FlatColumn, type TypedColumn } from './flattened-cells.ts';
import { readColumnMajor } from './flattened-columns.ts';
import { readLabelColumnApart } from './flattened-label-column.ts';
import { readRowLabelled } from './flattened-rows.ts';
import { parseValues } from './values.ts';

interface Header {
  /** The value columns at the start of the header, up to the first column of other words. */
  typed: TypedColumn[];
  /** Index of the first line after the header. */
  end: number;
}

/** A header run starting at `i`: header cells one per line, lower-case lines continuing the cell above. */
function headerAt(units: TextUnit[], i: number): Header | null {
  const cells: FlatColumn[] = [];
  let j = i;
  let text = '';
  let start = i;
  for (; j < units.length; j++) {
    const line = units[j].text.trim();
    if (cells.length && /^[a-z]/.test(line) && text) {
      // "Direction" / "since last" / "period": one cell over three lines.
      const joined = headerCell(`${text} ${line}`, units[start]);
      if (!joined) break;
      cells[cells.length - 1] = joined;
      text = `${text} ${line}`;
      continue;
    }
    const cell = headerCell(line, units[j]);
    if (!cell) break;
    cells.push(cell);
    text = line;
    start = j;
  }
  const firstOther = cells.findIndex((c) => c.type === 'other');
  const typed = (firstOther < 0 ? cells : cells.slice(0, firstOther)) as TypedColumn[];
  if (typed.length < 2 || !typed.some((c) => c.type === 'figure') || !typed.some((c) => c.type === 'period' || (c.type === 'figure' && c.period))) return null;
  // "2000/01" / "Outturn" / "2001/02" / "Target": bare years beside kind words may be halves of one cell over two
  // lines or cells of their own; which, the text cannot tell.
  const bareYears = typed.some((c) => c.type === 'figure' && c.period && !c.kind && !c.area);
  const kindWords = typed.some((c) => c.type === 'figure' && c.kind && !c.period);
  // Except the plan's own layout "Baseline" / "2008/09" / "2009/10" / "2010/11" (a baseline, then a target a
  // year), whose records must then hold one figure per line of it: a "Baseline 2008/09" cell over two lines
  // would leave the records one figure short.
  const baselineThenYears = typed[0]?.type === 'figure' && typed[0].kind === 'baseline' && !typed[0].period && typed.length >= 3 && typed.slice(1).every((c) => c.type === 'figure' && c.period && !c.kind && !c.area);
  if (bareYears && kindWords && !baselineThenYears) return null;
  return { typed, end: j };
}

export interface FlattenedReading {
  candidates: Candidate[];
  /** Lines the reader took as header or value cells: nobody else reads them. */
  consumed: Set<TextUnit>;
  /** Parts of an indicator the rows of a table name by subject ("Major applications in under 13 weeks"). */
  parts: Mention[];
}

/**
 * Read the one-line paragraphs of a document (in order, tables excluded) for flattened tables. A record's
 * indicator is the code named on the lines since the record before; a first record with none takes the first
 * code listed before the header (the table's first row).
 */
export function readFlattened(units: TextUnit[]): FlattenedReading {
  const candidates: Candidate[] = [];
  const consumed = new Set<TextUnit>();
  for (let i = 0; i < units.length; i++) {
    const header = headerAt(units, i);
    if (!header) continue;
    const listed: Mention[] = [];
    for (const u of units.slice(Math.max(0, i - 60), i)) listed.push(...findMentions(u).filter((m) => !m.inferred));
    const used = new Set<string>();
    let named: Mention | null = null;
    let k = header.end;
    let readAny = false;
    while (k < units.length && !headerAt(units, k)) {
      const own = findMentions(units[k]).filter((m) => !m.inferred);
      if (own.length) named = own[0];
      const record = recordAt(units, k, header.typed);
      if (!record) {
        k++;
        continue;
      }
      const indicator = named ?? (readAny ? null : listed.find((m) => !used.has(m.code)) ?? null);
      if (indicator) {
        used.add(indicator.code);
        candidates.push(...recordCandidates(record, header.typed, indicator, named === null));
        for (const u of [...units.slice(i, header.end), ...record]) consumed.add(u);
      }
      readAny = true;
      named = null;
      k += record.length;
    }
    i = k - 1;
  }
  const rowLabelled = readRowLabelled(units, consumed);
  candidates.push(...rowLabelled.candidates, ...readColumnMajor(units, consumed), ...readLabelColumnApart(units, consumed), ...labelOverValue(units, consumed));
  return { candidates, consumed, parts: rowLabelled.parts };
}

/** How many lines above a label the indicator of a headline box may be named. */
const BOX_REACH = 3;

/** "DCC Annual Target for 2007 - 2008": a short label line with a kind word, no figure but its period. */
function boxLabel(text: string): { kind: ObservationKind; period: string | null } | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > 60 || /[.!?:]\s*$/.test(t) || t.split(' ').length > 8) return null;
  const periods = findPeriods(t);
  let rest = t;
  for (const p of periods) rest = rest.replace(p.raw, ' ');
  if (parseValues(rest).length || periods.length > 1) return null;
  const kind = kindOfLabel(t);
  return kind ? { kind, period: periods[0]?.period ?? null } : null;
}

/** "9.75 days per FTE": one figure opening its line, followed by a few words of unit and nothing else. */
function boxValue(text: string): ReturnType<typeof parseValues>[number] | null {
  const tokens = parseValues(text);
  if (tokens.length !== 1 || tokens[0].state !== 'value' || text.slice(0, tokens[0].start).trim()) return null;
  const rest = text.slice(tokens[0].end).trim();
  return /^(?:[A-Za-z]+(?:\s+[A-Za-z]+){0,3})?$/.test(rest) ? tokens[0] : null;
}

/**
 * Headline boxes flattened to lines: a label line over the line holding its one figure ("DCC Annual Target for
 * 2007 - 2008" / "9.75 days per FTE"), for the one indicator named on the label or just above it. Only a pair
 * standing alone: a label under another label, or a figure over another figure, is part of a wider table whose
 * columns the lines no longer show.
 */
function labelOverValue(units: TextUnit[], consumed: Set<TextUnit>): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const [labelUnit, valueUnit] = [units[i], units[i + 1]];
    if (consumed.has(labelUnit) || consumed.has(valueUnit)) continue;
    const label = boxLabel(labelUnit.text);
    const value = label ? boxValue(valueUnit.text) : null;
    if (!label || !value) continue;
    if ((i > 0 && (boxLabel(units[i - 1].text) || headerCell(units[i - 1].text, units[i - 1])?.type === 'figure')) || (units[i + 2] && boxValue(units[i + 2].text))) continue;
    const named = units.slice(Math.max(0, i - BOX_REACH), i + 1).flatMap((u) => findMentions(u).filter((m) => !m.inferred));
    if (new Set(named.map((m) => m.code)).size !== 1) continue;
    out.push({
      indicator: named[named.length - 1],
      kind: label.kind,
      token: { ...value, periods: [] },
      labelPeriod: label.period,
      source: sourceOf(valueUnit, value.start, value.end),
      headerSource: sourceOf(labelUnit),
      baseConfidence: 0.75,
      reasons: ['read from a label line over the line of its figure'],
      ordinal: 0,
      area: null,
    });
    consumed.add(labelUnit);
    consumed.add(valueUnit);
  }
  return out;
}
