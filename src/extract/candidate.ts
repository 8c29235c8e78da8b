// What the extractors hand to normalisation: a reading of one figure (or pending slot) for one indicator.
import type { Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { MilestoneStatus, ObservationKind, SourceRef } from '../model/observation.ts';
import { periodEndYear } from '../vocabulary/periods.ts';
import { FIGURE_OF_BRACKETED_YEAR, UNPLACED_SECOND_FIGURE, type ValueToken } from './values.ts';

export interface Candidate {
  indicator: Mention;
  kind: ObservationKind;
  token: ValueToken;
  /** Period given by a column header or label; wins over the figure's own period for targets. */
  labelPeriod: string | null;
  source: SourceRef;
  headerSource: SourceRef | null;
  /** Starting confidence for the way the value was found (labelled cell, header column, prose). */
  baseConfidence: number;
  reasons: string[];
  /** Place of the reading inside its source, for stable ids. */
  ordinal: number;
  /** Area a row label or the indicator's title gives ("... in Stevenage"). */
  area: string | null;
}

export interface MilestoneCandidate {
  text: string;
  outcome: string | null;
  status: MilestoneStatus;
  section: string | null;
  source: SourceRef;
}

/** Spans worth carrying with a source: OCR words, whose confidence and repairs belong to the value. */
function ocrSpans(unit: TextUnit): TextUnit['spans'] | undefined {
  return unit.spans.some((s) => s.provenance?.ocrConfidence !== undefined || s.repairs?.length) ? unit.spans : undefined;
}

export function sourceOf(unit: TextUnit, start = 0, end = unit.text.length): SourceRef {
  const source: SourceRef = { provenance: unit.provenance, text: unit.text, start: Math.max(0, start), end: Math.max(start, end) };
  const spans = ocrSpans(unit);
  if (spans) source.spans = spans;
  return source;
}

/**
 * A figure's place among the figures of its text unit (0 for the first): two figures of one cell or line never
 * share an id, and an edit to the words around them (not to the figures) leaves their ids as they were.
 */
export function figureIndex(text: string, at: number): number {
  return (text.slice(0, at).match(/\d[\d,]*(?:\.\d+)?/g) ?? []).length;
}

export function candidatesFromTokens(
  tokens: ValueToken[],
  base: Omit<Candidate, 'token' | 'source' | 'ordinal'>,
  unit: TextUnit,
  offset: number,
): Candidate[] {
  // "Baseline 8.6% (summer 2007) 11": a bare figure after a dated one cannot be placed; it is left to the
  // reviewer as an unread figure rather than stored as a guess.
  return tokens
    .filter((token) => !token.doubts.includes(UNPLACED_SECOND_FIGURE) && (!token.doubts.includes(FIGURE_OF_BRACKETED_YEAR) || isEarlierResult(token, base)))
    .map((token) => ({
      ...base,
      // The bracket's year, not the slot's, dates its figure.
      ...(token.doubts.includes(FIGURE_OF_BRACKETED_YEAR) ? { labelPeriod: token.periods[0] } : {}),
      token: { ...token, doubts: token.doubts.filter((d) => d !== FIGURE_OF_BRACKETED_YEAR) },
      ordinal: figureIndex(unit.text, token.start + offset),
      source: sourceOf(unit, token.start + offset, token.end + offset),
    }));
}

/** "Outturn: 9.6 days (2007/08: 10.2 days)": the bracketed figure is a result of its own year, when the slot holds
 * results and that year is not the slot's own or a later one. */
function isEarlierResult(token: ValueToken, base: Pick<Candidate, 'kind' | 'labelPeriod'>): boolean {
  if (base.kind !== 'result' || token.periods.length !== 1) return false;
  return !base.labelPeriod || periodEndYear(token.periods[0]) < periodEndYear(base.labelPeriod);
}
