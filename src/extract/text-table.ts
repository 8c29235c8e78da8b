// Tables that reach us as lines of text, their columns only runs of spaces: a header line of column labels
// ("2006/07 2008 2009 2010", "Outturn 07/08 Outturn 08/09 Target 08/09 Top quartile 07/08", "08/09 Outturn
// 09/10 target Good is ? Q1 Q2 Q3 Q4 Year to date") over rows holding that many figures in a run ("NI 8 – Adult
// Selby Actual 20.0 25.6 25.7 23.5", "in Sport All England 21.10 21.33 21.50 21.8"). Each header label is read by
// meaning (kind, period, comparator); a row whose runs of figures do not line up with the header's runs of
// value columns gives nothing: better no figure than a figure under the wrong column.
import { findCodes } from '../detect/codes.ts';
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { HEADER_KIND_TOKEN, monthQuarterAt, QUARTER_TOKEN, QUARTILE_TOKEN } from '../vocabulary/headers.ts';
import { kindOfLabel, placeComparator, NOT_A_FIGURE_OF_OURS } from '../vocabulary/kinds.ts';
import { NOT_APPLICABLE } from '../vocabulary/pending.ts';
import { findPeriods, quarterEnd, quarterOfYearReported } from '../vocabulary/periods.ts';
import { figureIndex, sourceOf, type Candidate } from './candidate.ts';
import { parseValues, type ValueToken } from './values.ts';

export interface TextColumn {
  kind: ObservationKind | null;
  period: string | null;
  /** Comparator column ("UA av", "England"): results for that area. */
  area: string | null;
  /** A quartile threshold: counted for alignment, never stored. */
  skip: boolean;
  quarter?: number;
  start: number;
  end: number;
}

/** Value columns in runs; a run ends where the header has words that are not value labels ("Good is ?"). */
export type TextHeader = TextColumn[][];

type HeaderToken =
  | { type: 'period'; period: string; start: number; end: number }
  | { type: 'quarter'; quarter: number; start: number; end: number }
  | { type: 'kind'; kind: ObservationKind; start: number; end: number }
  | { type: 'quartile'; start: number; end: number }
  | { type: 'comparator'; area: string; start: number; end: number }
  | { type: 'other'; text: string; start: number; end: number };


function tokenize(text: string): HeaderToken[] {
  const tokens: HeaderToken[] = [];
  const periods = findPeriods(text);
  let at = 0;
  while (at < text.length) {
    const space = /^[\s/|–—-]+/.exec(text.slice(at));
    if (space) {
      at += space[0].length;
      continue;
    }
    const rest = text.slice(at);
    // "2005-06 (to Jan 06)": a bracketed note right after a year qualifies that column; it is no column of its own.
    const note = tokens.at(-1)?.type === 'period' ? /^\([^()]{1,20}\)/.exec(rest) : null;
    if (note) {
      at += note[0].length;
      continue;
    }
    const period = periods.find((p) => p.start === at);
    const months = period ? null : monthQuarterAt(rest);
    const quarterWord = QUARTER_TOKEN.exec(rest);
    const quarter = quarterWord ? { quarter: Number(quarterWord[1]), length: quarterWord[0].length } : months;
    const kind = HEADER_KIND_TOKEN.exec(rest);
    const quartile = QUARTILE_TOKEN.exec(rest);
    const comparator = placeComparator(rest);
    if (period) {
      tokens.push({ type: 'period', period: period.period, start: at, end: period.end });
      at = period.end;
    } else if (quarter) {
      tokens.push({ type: 'quarter', quarter: quarter.quarter, start: at, end: at + quarter.length });
      at += quarter.length;
    } else if (quartile) {
      tokens.push({ type: 'quartile', start: at, end: at + quartile[0].length });
      at += quartile[0].length;
    } else if (kind) {
      tokens.push({ type: 'kind', kind: kindOfLabel(kind[0]) ?? 'result', start: at, end: at + kind[0].length });
      at += kind[0].length;
    } else if (comparator && comparator.at === 0) {
      tokens.push({ type: 'comparator', area: comparator.area, start: at, end: at + comparator.length });
      at += comparator.length;
    } else {
      const word = /^\S+/.exec(rest)![0];
      tokens.push({ type: 'other', text: word, start: at, end: at + word.length });
      at += word.length;
    }
  }
  return tokens;
}

/** A sentence, not a row of labels: it ends with a full stop or runs four lower-case words together. */
function readsAsSentence(text: string): boolean {
  const bare = text.replace(/\([^)]*\)/g, ' ').trim();
  return /[.!]$/.test(bare) || /(?:\b[a-z][a-z'’]*\b[\s,]+){4}/.test(bare);
}

/** The year a document reports on, and its quarter: what dates quarter columns whose header names no year. */
export interface ReportedYear {
  reportingPeriod: string | null;
  reportingQuarter?: number | null;
}

/** Read a line as a header of value columns; null unless it has two or more, at least one dated. */
export function parseTextHeader(text: string, reported: ReportedYear = { reportingPeriod: null }): TextHeader | null {
  // Labels only: no figure, no indicator code, no pending word ("Baseline: NI 20 TBA by March 09" is a value line).
  if (text.length > 400 || parseValues(text).length || findCodes(text).length || readsAsSentence(text)) return null;
  const tokens = tokenize(text);
  const firstValue = tokens.find((t) => t.type === 'kind' || t.type === 'period');
  const kindFirst = firstValue?.type === 'kind';
  const groups: TextColumn[][] = [[]];
  let current: TextColumn | null = null;
  const close = () => {
    if (current) groups[groups.length - 1].push(current);
    current = null;
  };
  const open = (t: HeaderToken, fields: Partial<TextColumn>) => {
    close();
    current = { kind: null, period: null, area: null, skip: false, start: t.start, end: t.end, ...fields };
  };
  tokens.forEach((t, i) => {
    const c = current as TextColumn | null;
    if (t.type === 'period') {
      // "Q2 2008/09": a quarter and the year it is of, written together, are one column.
      if (c?.quarter && !c.period && /^\d{4}\/\d{2}$/.test(t.period) && !/\t| {2,}/.test(text.slice(c.end, t.start))) Object.assign(c, { period: quarterEnd(t.period, c.quarter), end: t.end });
      // Label-first headers ("Top quartile 07/08") date the column just opened; year-first ones open a new one.
      else if (!c || c.period || c.quarter || (!kindFirst && (c.area || c.skip))) open(t, { period: t.period });
      else Object.assign(c, { period: t.period, end: t.end });
    } else if (t.type === 'kind') {
      // "2007/08 Actual" is one column; "2008/09   Target", set apart as the columns are, is two.
      const apart = !kindFirst && c !== null && c.period !== null && /\t| {2,}/.test(text.slice(c.end, t.start));
      if (!c || c.kind || (kindFirst && c.period) || apart) open(t, { kind: t.kind });
      else Object.assign(c, { kind: t.kind, end: t.end });
    } else if (t.type === 'quarter') open(t, { kind: 'result', quarter: t.quarter });
    else if (t.type === 'quartile') {
      if (c && !c.period && !c.kind) Object.assign(c, { skip: true, end: t.end });
      else open(t, { skip: true });
    } else if (t.type === 'comparator') open(t, { kind: 'result', area: t.area });
    else {
      // "IWC 99/00": a short capitalised tag right before a period labels that column, it is not a gap.
      const next = tokens[i + 1];
      if (/^[A-Z]{2,5}$/.test(t.text) && next?.type === 'period') return;
      close();
      if (groups[groups.length - 1].length) groups.push([]);
    }
  });
  close();
  const runs = groups.filter((g) => g.length);
  const columns = runs.flat();
  // Column labels stand side by side: a title naming a year and a kind apart ("LAA Refresh 2009 - Proposed
  // Changes to Targets") is no header.
  if (!runs.some((run) => run.length >= 2) || !columns.some((c) => c.period || c.quarter)) return null;
  // Quarter and year-to-date columns belong to the latest financial year the header names.
  const years = columns.map((c) => c.period).filter((p): p is string => !!p && /^\d{4}\/\d{2}$/.test(p)).sort();
  const latest = years[years.length - 1] ?? null;
  // "Q1  Q2  Q3  Target" naming no year: quarters of the year the document reports on (none later than its own
  // quarter), and the target beside them that year's.
  const undatedQuarters = !latest && columns.some((c) => c.quarter && !c.period);
  for (const c of columns) {
    if (c.quarter && !c.period) c.period = latest ? quarterEnd(latest, c.quarter) : quarterOfYearReported(c.quarter, reported.reportingPeriod, reported.reportingQuarter);
    if (!c.period && c.kind === 'result' && !c.area && latest) c.period = latest;
    if (!c.period && c.kind === 'target' && undatedQuarters) c.period = reported.reportingPeriod;
  }
  // "Baseline 2007/08   2008/09   2009/10   2010/11": a plan's baseline, then a target for each year after it.
  const [first, ...rest] = columns;
  if (first?.kind === 'baseline' && rest.length >= 2 && rest.every((c) => !c.kind && !c.area && !c.skip && !c.quarter && c.period && /^\d{4}\/\d{2}$/.test(c.period) && (!first.period || c.period > first.period))) {
    for (const c of rest) c.kind = 'target';
  }
  // "2004-05  2005-06  2006-07 Target": years before the year a target column names are what was achieved then;
  // bare years beside an undated "Target" column ("2006/07   2007/08   2008/09   Target") are too.
  const targetYears = columns.filter((c) => c.kind === 'target' && c.period && /^\d{4}\/\d{2}$/.test(c.period)).map((c) => c.period!).sort();
  const undatedTarget = columns.some((c) => c.kind === 'target' && !c.period) && columns.every((c) => c.kind !== 'result' && c.kind !== 'baseline');
  if (targetYears.length || undatedTarget) {
    for (const c of columns) if (!c.kind && !c.area && !c.skip && c.period && /^\d{4}\/\d{2}$/.test(c.period) && (undatedTarget || c.period < targetYears[0])) c.kind = 'result';
  }
  return runs;
}

/**
 * A header over two lines: years on one ("2007/08 2008/09 2009/10 2010/11"), the kind of each on the other
 * ("Actual Actual Target Target"). The kinds line completes a header whose columns have none, one kind per
 * column in order; any other count, or a word that is not a kind, leaves the header as it was (null).
 */
export function completeTextHeader(header: TextHeader, text: string): TextHeader | null {
  const columns = header.flat();
  if (columns.some((c) => c.kind || c.area || c.skip || c.quarter)) return null;
  if (parseValues(text).length || findCodes(text).length) return null;
  // A stub label may open the line ("Indicator  Actual  Actual  Target").
  const all = tokenize(text);
  const tokens = all.slice(Math.max(0, all.findIndex((t) => t.type !== 'other')));
  if (tokens.length !== columns.length || !tokens.every((t) => t.type === 'kind' || t.type === 'comparator' || t.type === 'quartile')) return null;
  let n = 0;
  return header.map((run) => run.map((c) => {
    const t = tokens[n++];
    return t.type === 'kind' ? { ...c, kind: t.kind } : t.type === 'comparator' ? { ...c, kind: 'result' as const, area: t.area } : { ...c, skip: true };
  }));
}

/**
 * A header whose columns' labels are stacked over two lines, years, quarters and kinds on both
 * ("2008/09  Q1  Q2  Target" over "Outturn  2009/10  2009/10  2009/10"): with one label of the second line under
 * each column of the first, each column reads as its two labels together ("2008/09 Outturn", "Q1 2009/10", …).
 * Any other count, or a word on the second line that labels no value column, leaves the header (null).
 */
export function stackedTextHeader(header: TextHeader, upper: string, lower: string, reported: ReportedYear): TextHeader | null {
  if (parseValues(lower).length || findCodes(lower).length || readsAsSentence(lower)) return null;
  const tokens = tokenize(lower);
  const columns = header.flat();
  if (tokens.length !== columns.length || tokens.some((t) => t.type === 'other')) return null;
  let joined = upper;
  for (let i = columns.length - 1; i >= 0; i--) joined = `${joined.slice(0, columns[i].end)} ${lower.slice(tokens[i].start, tokens[i].end)}${joined.slice(columns[i].end)}`;
  const stacked = parseTextHeader(joined, reported);
  if (!stacked || stacked.flat().length !== columns.length) return null;
  // The columns keep their places on the first line, where the rows' figures line up under them.
  let n = 0;
  return stacked.map((run) => run.map((c) => ({ ...c, start: columns[n].start, end: columns[n++].end })));
}

interface Slot {
  token: ValueToken | null;
  pending: string | null;
  start: number;
  end: number;
}

const NO_FIGURE = /(?<![\w/])(?:tbc|tba|tbd|n\/a|n\/k|-|–)(?![\w/])/gi;

/** The slots of a row (figures, pending words, dashes) in runs separated by words. */
function slotRuns(text: string): Slot[][] {
  // Figures are read between the pending words: a figure after "tbc" is the next column's, not a note.
  const slots: Slot[] = [];
  let from = 0;
  const segment = (to: number) => {
    for (const t of parseValues(text.slice(from, to))) {
      if (t.state === 'value') slots.push({ token: { ...t, start: t.start + from, end: t.end + from }, pending: null, start: t.start + from, end: t.end + from });
    }
  };
  for (const m of text.matchAll(NO_FIGURE)) {
    segment(m.index);
    from = m.index + m[0].length;
    slots.push({ token: null, pending: NOT_APPLICABLE.test(m[0]) ? null : m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  segment(text.length);
  slots.sort((a, b) => a.start - b.start);
  const runs: Slot[][] = [];
  for (const s of slots) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    // "82% (satisfied) 47% (completely/very)": a bracketed note after a figure belongs to its slot.
    if (last && /^\s*(?:\([^()]{1,30}\)\s*)?$/.test(text.slice(last.end, s.start))) run.push(s);
    else runs.push([s]);
  }
  return runs;
}

/**
 * Pair the header's runs of columns with the row's runs of slots, in order, each header run with the next row
 * run of the same size. A header run with no such row run is passed over (its cells are blank or merged in
 * this row), but only runs of two or more columns are matched after a skip: a lone figure further along is as
 * likely a note in a comments column.
 */
function align(header: TextHeader, runs: Slot[][]): Array<[TextColumn, Slot]> {
  // The words that split the header into runs ("… unless otherwise stated 2006-07 Target") need not stand in
  // the rows: one run of exactly as many slots as the header has columns lines up with them in order.
  const columns = header.flat();
  if (runs.length === 1 && header.length > 1 && runs[0].length === columns.length) return columns.map((c, i) => [c, runs[0][i]]);
  const pairs: Array<[TextColumn, Slot]> = [];
  let r = 0;
  let skipped = false;
  for (const group of header) {
    const at = runs.findIndex((run, i) => i >= r && run.length === group.length);
    if (at < 0 || (at !== r && group.length < 2) || (skipped && group.length < 2)) {
      skipped = true;
      continue;
    }
    group.forEach((column, i) => pairs.push([column, runs[at][i]]));
    r = at + 1;
  }
  return pairs;
}

/**
 * "BV 8 Invoices paid in 30 days   92.1%   93.4%   95.0%   97%" under a header whose columns start further
 * right: in a run of more figures than the header has columns, those ending before the first column starts
 * are the row label's own words, not cells.
 */
function withoutLabelFigures(runs: Slot[][], header: TextHeader): Slot[][] {
  const columns = header.flat();
  // "LPI 4  Calls answered in 20 seconds   88%   91%": a run wholly left of the first column is the label's too.
  const inColumns = runs.filter((run) => run[run.length - 1].end > columns[0].start);
  if (inColumns.length && inColumns.length < runs.length && inColumns.flat().length >= columns.length) runs = inColumns;
  return runs.map((run) => {
    const trimmed = [...run];
    while (trimmed.length > columns.length && trimmed[0].end <= columns[0].start) trimmed.shift();
    return trimmed.length === columns.length ? trimmed : run;
  });
}

export interface TextTableRow {
  candidates: Candidate[];
  /** The indicator the row named (or carried on), for the rows after it. */
  indicator: Mention | null;
  /** Where the row's aligned figures end: what follows is a comments column, prose about the same indicator. */
  figuresEnd: number;
}

/**
 * Read one line under a text header. `carried` is the indicator of the rows above ("Participation Yorkshire …"
 * continues the NI 8 block). Null when the line is not a row of this table.
 */
export function readTextRow(unit: TextUnit, header: TextHeader, headerUnit: TextUnit, carried: Mention | null): TextTableRow | null {
  // "PI No | Description | 08/09 Outturn …" over "CH8 Reduce the number of days lost …": the header says rows
  // open with an indicator reference, so a local code there is one.
  const referenceColumn = /^\s*(?:PI|KPI|LPI|indicator|ref(?:erence)?|code)\s*(?:no\.?|ref\.?|number|code)?\b/i.test(headerUnit.text);
  const pairs = align(header, withoutLabelFigures(slotRuns(unit.text), header));
  if (pairs.filter(([, s]) => s.token || s.pending !== null).length < 2) return null;
  const firstSlot = Math.min(...pairs.map(([, s]) => s.start));
  // A row's cells follow each other; a sentence ending between two of them makes the line prose or labels
  // ("Current target (2010/11): 11.5%. Proposed revised target: 13.2%.").
  if (/[.;!?]\s+[A-Z]/.test(unit.text.slice(firstSlot, Math.max(...pairs.map(([, s]) => s.start))))) return null;
  const label = unit.text.slice(0, firstSlot);
  const own = findMentions({ ...unit, text: label }, { indicatorCell: referenceColumn && !findCodes(label).length }).find((m) => !m.inferred) ?? null;
  const indicator = own ?? carried;
  if (!indicator) return null;
  // A row label ends with its kind ("Adult Selby Actual", "LAA target"); kind words earlier are the title's.
  const rowKind = kindOfLabel(label.trim().split(/\s+/).slice(-2).join(' '));
  const rowArea = placeComparator(label)?.area ?? null;
  const candidates: Candidate[] = [];
  // Money in a row ("£85k £112k 101k 56k"): which figures are pounds, and of what, the row does not say.
  const figuresEnd = Math.max(...pairs.map(([, slot]) => slot.end));
  if (pairs.some(([, s]) => s.token?.unit === 'gbp')) return { candidates, indicator, figuresEnd };
  for (const [column, slot] of pairs) {
    if (column.skip) continue;
    const area = column.area ?? rowArea;
    const kind = column.kind ?? rowKind ?? (area ? 'result' : null);
    if (!kind) continue;
    if (slot.token && (slot.token.unit === 'gbp' || NOT_A_FIGURE_OF_OURS.test(label))) continue;
    const token: ValueToken = slot.token
      ? { ...slot.token, periods: [], area: null }
      : { state: 'pending', value: null, unit: null, periods: [], area: null, relativeChange: null, denominator: null, pendingReason: slot.pending ?? 'n/a', start: slot.start, end: slot.end, doubts: [] };
    if (!slot.token && slot.pending === null) continue;
    candidates.push({
      indicator,
      kind,
      token,
      labelPeriod: column.period,
      source: sourceOf(unit, slot.start, slot.end),
      headerSource: sourceOf(headerUnit, column.start, column.end),
      baseConfidence: 0.8,
      reasons: ['read from a text table (columns lined up by runs of figures)', ...(own ? [] : ['indicator carried from the row above'])],
      ordinal: figureIndex(unit.text, slot.start),
      area,
    });
  }
  return { candidates, indicator, figuresEnd };
}
