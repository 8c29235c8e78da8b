// What a header or a cell's leading label means: "Baseline" → baseline; "08/09" → a target year;
// "2007/08 Actual" → a result for 2007/08; "BVPI No." → a column of bare Best Value codes; "District" →
// a column of places. Read the words, not the position.
import { schemeOfColumn } from '../detect/codes.ts';
import type { IndicatorScheme, ObservationKind } from '../model/observation.ts';
import { AREA_COLUMN, PERIOD_COLUMN, QUARTER_TOKEN, STATUS_COLUMN, TITLE_COLUMN } from '../vocabulary/headers.ts';
import { kindOfLabel, LABEL_QUALIFIER, LABEL_WORDS, NOT_A_FIGURE_OF_OURS, placeComparator } from '../vocabulary/kinds.ts';
import { PENDING_START } from '../vocabulary/pending.ts';
import { findPeriods, quarterEnd } from '../vocabulary/periods.ts';

export type ColumnRole =
  /** `kinds`: a heading naming two kinds at once ("Target / Actual"), over cells holding one figure of each. */
  | { role: 'value'; kind: ObservationKind | null; period: string | null; quarter?: number; area?: string; kinds?: ObservationKind[] }
  /** A quartile or band threshold: nobody's figure, never stored. */
  | { role: 'threshold' }
  | { role: 'indicator'; scheme: IndicatorScheme | null }
  | { role: 'title' }
  | { role: 'area' }
  | { role: 'period' }
  | { role: 'status' }
  | { role: 'other' };

const YEAR_THEN_QUARTER = /^\s*((?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2}|\d{2}\/\d{2})\s*[,:–-]?\s*(?:quarter|qtr|q)\s*([1-4])\b/i;

const YEAR_LABEL = /^\s*(?:(?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2}|\d{2}\/\d{2}|(?:19|20)\d{2})\b/;

function isShortLabel(text: string): boolean {
  return text.length <= 40 && !/[.!?]\s+\S/.test(text);
}

/** Two months joined by "to" or a dash, and at most a kind word besides: the later month, as YYYY-MM. */
function monthSpan(text: string, periods: ReturnType<typeof findPeriods>): string | null {
  if (periods.length !== 2 || !periods.every((p) => /^\d{4}-\d{2}$/.test(p.period)) || periods[1].period <= periods[0].period) return null;
  if (!/^\s*(?:to|until|[-–])\s*$/i.test(text.slice(periods[0].end, periods[1].start))) return null;
  const rest = (text.slice(0, periods[0].start) + text.slice(periods[1].end)).replace(/[()\s:]/g, '');
  return rest === '' || kindOfLabel(rest) ? periods[1].period : null;
}

/** Classify a header cell. Returns null when the cell is not header-like. */
export function columnRole(raw: string): ColumnRole | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || !isShortLabel(text)) return null;
  const scheme = schemeOfColumn(text);
  if (scheme) return { role: 'indicator', scheme: scheme.scheme };
  if (TITLE_COLUMN.test(text)) return { role: 'title' };
  if (AREA_COLUMN.test(text)) return { role: 'area' };
  if (PERIOD_COLUMN.test(text)) return { role: 'period' };
  if (STATUS_COLUMN.test(text)) return { role: 'status' };
  // Quarterly monitoring columns: "Q2", "Quarter 3", "Q1 2008/09" hold results for that quarter.
  const quarter = QUARTER_TOKEN.exec(text);
  if (quarter) {
    const year = findPeriods(text.slice(quarter[0].length))[0]?.period ?? null;
    return { role: 'value', kind: kindOfLabel(text.slice(quarter[0].length)) ?? 'result', period: year ? quarterEnd(year, Number(quarter[1])) : null, quarter: Number(quarter[1]) };
  }
  // "2009/10 Q2", "2009/10 Quarter 2 actual": the year first, then its quarter.
  const yearQuarter = YEAR_THEN_QUARTER.exec(text);
  if (yearQuarter) {
    const year = findPeriods(yearQuarter[1])[0]?.period ?? null;
    const rest = text.slice(yearQuarter[0].length);
    if (year && /^\d{4}\/\d{2}$/.test(year) && (!rest.trim() || kindOfLabel(rest))) return { role: 'value', kind: kindOfLabel(rest) ?? 'result', period: quarterEnd(year, Number(yearQuarter[2])), quarter: Number(yearQuarter[2]) };
  }
  // "Top quartile 07/08" is a threshold; "England average", "Family group 2008/09" are results for that area.
  if (NOT_A_FIGURE_OF_OURS.test(text)) return { role: 'threshold' };
  const periods = findPeriods(text);
  // "Apr 09 – Feb 10", "April 2009 - February 2010": figures for the months so far, dated by the last month;
  // results unless a kind word says otherwise ("Target Apr 09 - Mar 10").
  const span = monthSpan(text, periods);
  if (span) return { role: 'value', kind: kindOfLabel(text) ?? 'result', period: span };
  const comparator = placeComparator(text);
  if (comparator && text.split(/\s+/).length <= 5) return { role: 'value', kind: 'result', period: periods[0]?.period ?? null, area: comparator.area };
  const kinds = pairedKinds(text);
  if (kinds) return { role: 'value', kind: null, period: periods[0]?.period ?? null, kinds };
  const kind = kindOfLabel(text);
  if (kind || (periods.length === 1 && YEAR_LABEL.test(text) && text.replace(periods[0].raw, '').replace(/[()\s]/g, '').length <= 12)) {
    return { role: 'value', kind, period: periods[0]?.period ?? null };
  }
  return null;
}


/**
 * "Target / Actual", "Baseline | Target": a heading naming two or three different kinds, one per figure of the
 * cells under it. Null for a heading of one kind.
 */
export function pairedKinds(text: string): ObservationKind[] | null {
  const parts = text.replace(/\b(?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2}\b|\b\d{2}\/\d{2}\b/g, ' ').split(/\s*(?:\/|\||&|\band\b)\s*/i).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || parts.length > 3) return null;
  const kinds = parts.map((p) => (p.split(/\s+/).length <= 3 ? kindOfLabel(p) : null));
  return kinds.every((k): k is ObservationKind => k !== null) && new Set(kinds).size === kinds.length ? kinds : null;
}

export interface SplitLabel {
  kind: ObservationKind | null;
  period: string | null;
  /** Offset in the cell text where the value words start. */
  restStart: number;
  labelText: string;
}

// The label may carry its period: "Baseline (2007/08)", "Target 2010/11", "Baseline 2007/08:", "Baseline 2006",
// "Target for 2010/11:" (a period after "for" or "in" only where a separator closes the label).
const LEADING_KIND = new RegExp(
  String.raw`^\s*(?:${LABEL_QUALIFIER}\s+)?(${LABEL_WORDS})s?\b\s*(?:\(([^)]*)\)|(?:(?:for|in)\s+)?((?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2}|\d{2}\/\d{2}|(?:19|20)\d{2})(?=\s*(?:[:=–-]|$)))?\s*[:=–-]?\s*`,
  'i',
);
const LEADING_YEAR = new RegExp(String.raw`^\s*((?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2}|\d{2}\/\d{2})\b\s*(${LABEL_WORDS})?s?\s*[:–-]?\s*`, 'i');

/**
 * A cell that starts with its own label: "Baseline 29% (05/06)", "08/09 26%", "Target: NI 6 19.5%".
 * Year-led cells are labels only when `yearsAreLabels` (the row has a kind word elsewhere), because
 * "07/08 Q3 59.3%" under a Baseline header is a figure's own period.
 */
export function splitLeadingLabel(text: string, yearsAreLabels: boolean): SplitLabel | null {
  const kindMatch = LEADING_KIND.exec(text);
  if (kindMatch) {
    const kind = kindOfLabel(kindMatch[1]);
    // "Baseline (2007/08)" carries its period in the label.
    const periodText = kindMatch[2] ?? kindMatch[3];
    const period = periodText ? (findPeriods(periodText)[0]?.period ?? null) : null;
    return { kind, period, restStart: kindMatch[0].length, labelText: kindMatch[0].trim() };
  }
  if (yearsAreLabels) {
    const yearMatch = LEADING_YEAR.exec(text);
    if (yearMatch) {
      const period = findPeriods(yearMatch[1])[0]?.period ?? null;
      if (period) {
        return { kind: yearMatch[2] ? kindOfLabel(yearMatch[2]) : null, period, restStart: yearMatch[0].length, labelText: yearMatch[0].trim() };
      }
    }
  }
  return null;
}


/**
 * Whether a label introduces a value: "Target: NI 6 19.5%", "Baseline (07/08) Herts: 16,022", a bare
 * "Baseline" header, "Baseline tbc" — but not a sentence that merely starts with a label word ("Targets for
 * this indicator will be set…", "Outturn for NI 192 in 2008/09 was 38.7%").
 */
export function labelIntroducesValue(rest: string): boolean {
  // "Target 3: Increase the number of …", "New target 2. Reduce …": the number of a heading, then its words.
  if (/^\s*\d{1,2}\s*[:.)]\s+[A-Z]/.test(rest)) return false;
  return !/^\s*[a-z]/.test(rest) || PENDING_START.test(rest) || BOUND_BEFORE_FIGURE.test(rest);
}

/** "Target: no more than 1,900 by 2010/11", "Target: at least 80%": a bound written before the figure. */
const BOUND_BEFORE_FIGURE = /^\s*(?:no more than|no less than|no fewer than|at least|at most|up to|fewer than|less than|more than|below|under|above|over|a maximum of|a minimum of)\s+[£<>]?\s*\d/i;

const RAG: Record<string, 'red' | 'amber' | 'green' | 'complete'> = {
  r: 'red', red: 'red', a: 'amber', amber: 'amber', g: 'green', green: 'green', complete: 'complete', completed: 'complete', achieved: 'complete', c: 'complete',
};

export function ragStatus(text: string): 'red' | 'amber' | 'green' | 'complete' | null {
  return RAG[text.trim().toLowerCase()] ?? null;
}
