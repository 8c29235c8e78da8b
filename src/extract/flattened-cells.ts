// The cells of tables flattened one cell per line (web copies of PDFs): what a header line says a column holds,
// which lines are value cells, and the readings one record of value lines gives. Shared by the readers of
// row-major tables (./flattened-table.ts), tables whose rows open with a label (./flattened-rows.ts) and
// column-major tables (./flattened-columns.ts).
import type { Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { OTHER_COLUMN, PERIOD_COLUMN } from '../vocabulary/headers.ts';
import { kindOfLabel, placeComparator } from '../vocabulary/kinds.ts';
import { PENDING } from '../vocabulary/pending.ts';
import { findPeriods } from '../vocabulary/periods.ts';
import { sourceOf, type Candidate } from './candidate.ts';
import { parseValues } from './values.ts';

export type FlatColumn =
  | { type: 'figure'; kind: ObservationKind | null; period: string | null; area: string | null; unit: TextUnit }
  | { type: 'period'; unit: TextUnit }
  | { type: 'other' };

export const FIGURE_LINE = /^\s*[<>~≈]?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:%|per ?cent|days|weeks|kg|tonnes)?\s*\*?\s*$/i;
export const PENDING_LINE = /^\s*(?:tbc|tba|tbd|to be confirmed|awaiting data|n\/a)\s*$/i;
/** A period cell may carry a short prefix: "AY 2010/11", "FY 2009/10", "Q2 2009/10". */
export const PERIOD_LINE = /^\s*(?:(?:AY|FY|CY|academic year|financial year|Q[1-4])\s*)?(.+?)\s*$/i;

export function headerCell(text: string, unit: TextUnit): FlatColumn | null {
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

/** The value columns of a header: figures and periods. */
export type TypedColumn = Exclude<FlatColumn, { type: 'other' }>;

/** A value column's heading: a kind, a period, or a place whose average it gives. */
export function valueColumnHeading(unit: TextUnit): TypedColumn | null {
  const cell = headerCell(unit.text, unit);
  return cell?.type === 'figure' && (cell.kind || cell.period || cell.area) ? cell : null;
}

/** A line that is a figure's cell: a figure or a pending word. */
export function isFigureCell(unit: TextUnit): boolean {
  return FIGURE_LINE.test(unit.text) || PENDING_LINE.test(unit.text);
}

/** A line that is a value cell: a figure, a pending word, or a period alone. */
export function isValueLine(u: TextUnit | undefined): boolean {
  return !!u && (FIGURE_LINE.test(u.text) || PENDING_LINE.test(u.text) || findPeriods(u.text).some((p) => p.raw.trim() === u.text.trim()));
}

/** The value cells of one record in header order, or null when a line does not fit its column. */
export function recordAt(units: TextUnit[], k: number, typed: TypedColumn[]): TextUnit[] | null {
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
  return isValueLine(units[k - 1]) || isValueLine(units[k + typed.length]) ? null : lines;
}

export function recordCandidates(record: TextUnit[], typed: TypedColumn[], indicator: Mention, fromListBefore: boolean): Candidate[] {
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
