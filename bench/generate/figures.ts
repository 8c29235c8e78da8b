// Figures as plans write them, each with the record fields the extractor should read back and, for
// spreadsheets, the typed number and number format that display the same text.
import type { Rng } from './random.ts';
import type { TypedNumber } from './model.ts';

export type MeasureKind = '%' | 'count' | 'rate' | 'kg' | 'tonnes per capita' | 'days' | 'gbp' | 'per 1,000' | 'ratio';

/** What one figure reads back as. */
export interface Reading {
  state: 'value' | 'pending';
  value: number | null;
  unit: string | null;
  relative_change: number | null;
  denominator: number | null;
}

export interface Figure {
  text: string;
  reading: Reading;
  /** How a spreadsheet would store it; absent when it is words ("10 out of 16", "5% reduction (1,150)"). */
  typed?: TypedNumber;
}

/** A typical size and precision per kind: [min, max] before scaling, and decimals. */
const RANGE: Record<Exclude<MeasureKind, 'ratio'>, { min: number; max: number; decimals: number[] }> = {
  '%': { min: 5, max: 95, decimals: [0, 1, 1] },
  count: { min: 40, max: 24000, decimals: [0] },
  rate: { min: 0.2, max: 12, decimals: [1, 2] },
  kg: { min: 380, max: 910, decimals: [0] },
  'tonnes per capita': { min: 4, max: 12, decimals: [1] },
  days: { min: 3, max: 60, decimals: [0, 1] },
  gbp: { min: 5000, max: 900000, decimals: [0] },
  'per 1,000': { min: 1, max: 60, decimals: [1] },
};

function grouped(n: number, decimals: number): string {
  const [int, frac] = n.toFixed(decimals).split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${withCommas}.${frac}` : withCommas;
}

/** Format code for exceljs that shows `decimals` places (and a thousands separator when asked). */
function digits(decimals: number, thousands: boolean): string {
  return `${thousands ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
}

const value = (v: number, unit: string | null): Reading => ({ state: 'value', value: v, unit, relative_change: null, denominator: null });

/** A plain figure of this kind near `around` (or anywhere in its range). */
export function figure(rng: Rng, kind: MeasureKind, around?: number): Figure {
  if (kind === 'ratio') {
    const of = rng.int(8, 40);
    const n = rng.int(1, of);
    return { text: `${n} out of ${of}`, reading: { ...value(n, null), denominator: of } };
  }
  const r = RANGE[kind];
  const decimals = rng.pick(r.decimals);
  const scale = 10 ** decimals;
  const base = around ?? r.min + rng.next() * (r.max - r.min);
  const drift = around === undefined ? 0 : (rng.next() - 0.5) * 0.12 * around;
  const v = Math.round(Math.min(r.max, Math.max(r.min, base + drift)) * scale) / scale;
  const shown = grouped(v, decimals);
  const n = Number(shown.replace(/,/g, ''));
  switch (kind) {
    case '%':
      return { text: `${shown}%`, reading: value(n, '%'), typed: { value: Number((n / 100).toPrecision(15)), numFmt: `${digits(decimals, false)}%` } };
    case 'count':
      return { text: shown, reading: value(n, null), typed: { value: n, numFmt: digits(0, true) } };
    case 'rate':
      return { text: shown, reading: value(n, null), typed: { value: n, numFmt: digits(decimals, false) } };
    case 'gbp':
      return { text: `£${shown}`, reading: value(n, 'gbp'), typed: { value: n, numFmt: `"£"${digits(0, true)}` } };
    default:
      // kg, tonnes per capita, days, per 1,000: the unit is written after the figure.
      return { text: `${shown} ${kind}`, reading: value(n, kind), typed: { value: n, numFmt: `${digits(decimals, n >= 1000)} "${kind}"` } };
  }
}

/** Kinds whose bracketed absolute figure keeps its unit in a relative target ("per 1,000" does not). */
export function allowsRelative(kind: MeasureKind): boolean {
  return kind !== 'ratio' && kind !== 'per 1,000';
}

/** "5% reduction (1,150)", "2% increase (45.3%)" or, without an absolute figure, "3% increase". */
export function relativeFigure(rng: Rng, kind: MeasureKind, around: number): Figure {
  const pct = rng.int(1, 12);
  const down = rng.chance(0.6);
  const change = down ? -pct : pct;
  const word = down ? rng.pick(['reduction', 'decrease']) : rng.pick(['increase', 'improvement']);
  if (rng.chance(0.2)) return { text: `${pct}% ${word}`, reading: { state: 'value', value: null, unit: null, relative_change: change, denominator: null } };
  const absolute = figure(rng, kind, around * (1 + change / 100));
  return { text: `${pct}% ${word} (${absolute.text})`, reading: { ...absolute.reading, relative_change: change } };
}

/** Words a plan puts where a figure is not yet known. */
const PENDING_WORDS = ['tbc', 'TBC', 'to be confirmed', 'deferred', 'TBA by March 09', 'to be set'];
/** "Awaiting baseline" names its kind, so it only ever stands in a baseline slot. */
const BASELINE_PENDING = [...PENDING_WORDS, 'Awaiting baseline'];

export type Kind = 'baseline' | 'target' | 'result';

/** `afterFigure`: the slot follows figures on the same line, where a dated deadline is misread (see caller). */
export function pendingFigure(rng: Rng, kind: Kind, afterFigure = false): Figure {
  const words = kind === 'baseline' ? BASELINE_PENDING : afterFigure ? PENDING_WORDS.filter((w) => !/\bby\b/.test(w)) : PENDING_WORDS;
  return { text: rng.pick(words), reading: { state: 'pending', value: null, unit: null, relative_change: null, denominator: null } };
}

// ---------------------------------------------------------------------------------------------------------
// Periods

/** "2008/09" — the contract's form of a financial year. */
export function financialYear(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** "08/09" — the short form LAA tables write. */
export function shortYear(start: number): string {
  return `${String(start % 100).padStart(2, '0')}/${String((start + 1) % 100).padStart(2, '0')}`;
}
