// Tables flattened one cell per line, as web copies of PDFs give them: a run of header cells ("Target",
// "Period", "Performance", "Direction since last period"), then for each indicator a run of value cells in the
// same order ("20%", "2010/11", "23.3%"). Rebuilt only where the runs are regular: every value cell where the
// header says a figure is, every period where it says a period. Anything else gives nothing rather than a
// guess about which figure belongs to which column.
import { findMentions, partMention, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { OTHER_COLUMN, PERIOD_COLUMN, TITLE_COLUMN } from '../vocabulary/headers.ts';
import { kindOfLabel, placeComparator } from '../vocabulary/kinds.ts';
import { PENDING } from '../vocabulary/pending.ts';
import { hasParts } from '../vocabulary/parts.ts';
import { findPeriods, monthSpanPeriod } from '../vocabulary/periods.ts';
import { sourceOf, type Candidate } from './candidate.ts';
import { parseValues } from './values.ts';

type FlatColumn =
  | { type: 'figure'; kind: ObservationKind | null; period: string | null; area: string | null; unit: TextUnit }
  | { type: 'period'; unit: TextUnit }
  | { type: 'other' };

const FIGURE_LINE = /^\s*[<>~≈]?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:%|per ?cent|days|weeks|kg|tonnes)?\s*\*?\s*$/i;
const PENDING_LINE = /^\s*(?:tbc|tba|tbd|to be confirmed|awaiting data|n\/a)\s*$/i;
/** A period cell may carry a short prefix: "AY 2010/11", "FY 2009/10", "Q2 2009/10". */
const PERIOD_LINE = /^\s*(?:(?:AY|FY|CY|academic year|financial year|Q[1-4])\s*)?(.+?)\s*$/i;

function headerCell(text: string, unit: TextUnit): FlatColumn | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 45) return null;
  if (PERIOD_COLUMN.test(t)) return { type: 'period', unit };
  const periods = findPeriods(t);
  const bare = periods.length === 1 && t.replace(periods[0].raw, '').trim().length <= 12;
  const kind = kindOfLabel(t);
  const comparator = placeComparator(t);
  if (parseValues(t.replace(periods[0]?.raw ?? '', '')).some((v) => v.state === 'value')) return null;
  if (kind && t.split(' ').length <= 4) return { type: 'figure', kind, period: periods[0]?.period ?? null, area: null, unit };
  if (comparator && t.split(' ').length <= 4) return { type: 'figure', kind: 'result', period: periods[0]?.period ?? null, area: comparator.area, unit };
  if (bare) return { type: 'figure', kind: null, period: periods[0].period, area: null, unit };
  if (OTHER_COLUMN.test(t) && t.split(' ').length <= 5) return { type: 'other' };
  return null;
}

interface Header {
  /** The value columns at the start of the header, up to the first column of other words. */
  typed: Array<Exclude<FlatColumn, { type: 'other' }>>;
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
  const typed = (firstOther < 0 ? cells : cells.slice(0, firstOther)) as Header['typed'];
  if (typed.length < 2 || !typed.some((c) => c.type === 'figure') || !typed.some((c) => c.type === 'period' || (c.type === 'figure' && c.period))) return null;
  // "2000/01" / "Outturn" / "2001/02" / "Target": bare years beside kind words may be halves of one cell over two
  // lines or cells of their own; which, the text cannot tell.
  const bareYears = typed.some((c) => c.type === 'figure' && c.period && !c.kind && !c.area);
  const kindWords = typed.some((c) => c.type === 'figure' && c.kind && !c.period);
  if (bareYears && kindWords) return null;
  return { typed, end: j };
}

/** The value cells of one record in header order, or null when a line does not fit its column. */
function recordAt(units: TextUnit[], k: number, typed: Header['typed']): TextUnit[] | null {
  if (k + typed.length > units.length) return null;
  const lines = units.slice(k, k + typed.length);
  const fits = typed.every((column, n) => {
    const text = lines[n].text;
    if (column.type === 'period') {
      const m = PERIOD_LINE.exec(text);
      const periods = m ? findPeriods(m[1]) : [];
      return periods.length === 1 && m![1].replace(periods[0].raw, '').trim() === '';
    }
    return FIGURE_LINE.test(text) || PENDING_LINE.test(text);
  });
  if (!fits || !lines.some((l, n) => typed[n].type === 'figure' && FIGURE_LINE.test(l.text))) return null;
  // The run of value lines is exactly the header's length: a longer run belongs to a wider table we cannot see.
  const isValueLine = (u: TextUnit | undefined) => !!u && (FIGURE_LINE.test(u.text) || PENDING_LINE.test(u.text) || findPeriods(u.text).some((p) => p.raw.trim() === u.text.trim()));
  return isValueLine(units[k - 1]) || isValueLine(units[k + typed.length]) ? null : lines;
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
  candidates.push(...rowLabelled.candidates, ...labelOverValue(units, consumed));
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

function recordCandidates(record: TextUnit[], typed: Header['typed'], indicator: Mention, fromListBefore: boolean): Candidate[] {
  const periodAt = typed.findIndex((c) => c.type === 'period');
  const recordPeriod = periodAt >= 0 ? (findPeriods(PERIOD_LINE.exec(record[periodAt].text)![1])[0]?.period ?? null) : null;
  const kinds = new Set(typed.map((c) => (c.type === 'figure' ? c.kind : null)));
  const out: Candidate[] = [];
  typed.forEach((column, n) => {
    if (column.type !== 'figure') return;
    // A year column without a kind is a target only beside a Baseline column ("Baseline | 08/09 | 09/10").
    const kind = column.kind ?? (kinds.has('baseline') && !kinds.has('result') ? 'target' : null);
    if (!kind) return;
    const unit = record[n];
    const pending = PENDING_LINE.test(unit.text) ? PENDING.exec(unit.text)?.[1]?.toLowerCase() ?? null : null;
    const value = parseValues(unit.text).find((t) => t.state === 'value');
    if (!value && !pending) return;
    out.push({
      indicator,
      kind,
      token: value ? { ...value, periods: [] } : { state: 'pending', value: null, unit: null, periods: [], area: null, relativeChange: null, denominator: null, pendingReason: pending, start: 0, end: unit.text.length, doubts: [] },
      labelPeriod: column.period ?? recordPeriod,
      source: sourceOf(unit, value?.start ?? 0, value?.end ?? unit.text.length),
      headerSource: sourceOf(column.unit),
      baseConfidence: 0.75,
      reasons: ['rebuilt from a table flattened one cell per line', ...(fromListBefore ? ['indicator taken as the first listed before the table'] : [])],
      ordinal: n,
      area: column.area,
    });
  });
  return out;
}

/** How many lines above a table's caption a code with parts ("BV 109") may be named for its rows to name parts. */
const PARTS_REACH = 8;
/** The most kind columns a row-labelled table is read with: a wider run is a table this reading cannot see whole. */
const MOST_KIND_COLUMNS = 6;

type FigureColumn = Extract<FlatColumn, { type: 'figure' }>;

/**
 * The caption over a table's row labels, where it is a period or a span of months ("April to June 2006",
 * "Quarter 1 2006/07") or a word for the label column ("Indicator"): it dates the columns beside it.
 */
function stubCaption(text: string): { period: string | null } | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 45) return null;
  const span = monthSpanPeriod(t);
  if (span) return span;
  if (TITLE_COLUMN.test(t) || /^(?:(?:performance\s+)?indicators?|measures?|pi)$/i.test(t)) return { period: null };
  const periods = findPeriods(t);
  if (periods.length !== 1) return null;
  const rest = t.replace(periods[0].raw, '').replace(/\b(?:quarter|qtr|q)\s*[1-4]\b|\b(?:as at|at|for|in|to)\b/gi, '');
  return /^[\s,:()–-]*$/.test(rest) ? { period: periods[0].period } : null;
}

/** A caption line, then two or more kind cells ("Performance", "Target"): each undated one takes the caption's period. */
function rowLabelledHeader(units: TextUnit[], i: number): { typed: FigureColumn[]; end: number } | null {
  const caption = stubCaption(units[i].text);
  if (!caption) return null;
  const typed: FigureColumn[] = [];
  let j = i + 1;
  for (; j < units.length; j++) {
    const cell = headerCell(units[j].text, units[j]);
    if (!cell || cell.type !== 'figure' || (!cell.kind && !cell.area)) break;
    typed.push({ ...cell, period: cell.period ?? caption.period });
  }
  return typed.length >= 2 && typed.length <= MOST_KIND_COLUMNS ? { typed, end: j } : null;
}

/** A row's label cell: words, no figure of its own, not a sentence and not another header cell. */
function isRowLabel(unit: TextUnit): boolean {
  const t = unit.text.trim();
  if (t.length < 3 || t.length > 120 || !/[A-Za-z]{3}/.test(t) || /[.!?]$/.test(t)) return false;
  // Numbers inside a label are part of its words ("Minor applications in under 8 weeks").
  return !FIGURE_LINE.test(t) && !PENDING_LINE.test(t) && !headerCell(t, unit) && !/%/.test(t);
}

/**
 * Tables whose rows open with a label, flattened one cell per line: a caption over the labels ("April to June
 * 2006"), kind cells ("Performance", "Target"), then per row a label line and exactly one line per kind cell
 * ("Major applications in under 13 weeks" / "75%" / "60%"). A row is read only where its label names its
 * indicator: a code of its own, or a part of the code with parts named just above the table ("BV 109").
 */
function readRowLabelled(units: TextUnit[], consumed: Set<TextUnit>): { candidates: Candidate[]; parts: Mention[] } {
  const candidates: Candidate[] = [];
  const parts: Mention[] = [];
  for (let i = 0; i < units.length; i++) {
    if (consumed.has(units[i])) continue;
    const header = rowLabelledHeader(units, i);
    if (!header) continue;
    const above = units.slice(Math.max(0, i - PARTS_REACH), i).flatMap((u) => findMentions(u).filter((m) => !m.inferred));
    const parent = above.filter((m) => hasParts(m.code)).pop() ?? null;
    let k = header.end;
    while (k < units.length && isRowLabel(units[k]) && !consumed.has(units[k])) {
      const label = units[k];
      const record = recordAt(units, k + 1, header.typed);
      if (!record) break;
      const own = findMentions(label).filter((m) => !m.inferred);
      const part = !own.length && parent ? partMention(label, parent) : null;
      const indicator = new Set(own.map((m) => m.code)).size === 1 ? own[0] : part;
      if (indicator) {
        const read = recordCandidates(record, header.typed, indicator, false);
        candidates.push(...(part ? read.map((c) => ({ ...c, reasons: [...c.reasons, `indicator read as ${part.code}, the part of ${parent!.code} the row's label names`] })) : read));
        if (part) parts.push(part);
        for (const u of [...units.slice(i, header.end), label, ...record]) consumed.add(u);
      }
      k += 1 + record.length;
    }
    i = Math.max(i, k - 1);
  }
  return { candidates, parts };
}
