// Values written as labelled lines ("Baseline: NI 6 17.5% (2008/09)", "Target: NI 7 17.0% (2009/10)
// 19.7% (2010/11)") and pending states stated in prose ("NI 32 is a deferred indicator").
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { kindOfLabel, LABEL_QUALIFIER, LABEL_WORDS } from '../vocabulary/kinds.ts';
import { SAME_PERIOD } from '../vocabulary/cues.ts';
import { PENDING } from '../vocabulary/pending.ts';
import { findPeriods, previousPeriod, quarterEnd, quarterOfYearReported } from '../vocabulary/periods.ts';
import { readPhrases, type PhraseContext } from './phrases.ts';
import { candidatesFromTokens, figureIndex, type Candidate } from './candidate.ts';
import { columnRole, labelIntroducesValue, splitLeadingLabel, type SplitLabel } from './labels.ts';
import type { IndicatorScope } from './scope.ts';
import { parseValues } from './values.ts';

/** "Baseline 2007: 66.2% – Target 2010/11: 71.0% – Latest result (2008): 67.5%": several labels on a line. */
const LABEL_WITH_COLON = new RegExp(String.raw`\b(?:${LABEL_WORDS})s?\b(?:\s*\(?[\w/ ]{0,12}\)?)?\s*:`, 'gi');

/** A label word, perhaps qualified, with only a separator between it and what stands before it. */
const LABEL_AFTER_SEPARATOR = new RegExp(String.raw`(?<=(?:\s*[,;|]\s*|\s+[–-]\s+|\s+))(?:${LABEL_QUALIFIER}\s+)?(?:${LABEL_WORDS})s?\b`, 'gi');

/**
 * "Actual 2008/09 – 45%   Target 2009/10 – 50%", "Outturn 08/09 45%, Target 09/10 50%": where a label stands
 * right after a figure (not after a year: "2008/09 Outturn 97.99%" is one label).
 */
function labelsAfterFigures(text: string): number[] {
  const labels = [...text.matchAll(LABEL_AFTER_SEPARATOR)];
  // Every line passes here: its figures are parsed only when a label word could follow one.
  if (!labels.length) return [];
  const figureEnds = parseValues(text).filter((t) => t.state === 'value').map((t) => t.end);
  return labels
    .filter((m) => figureEnds.some((end) => end <= m.index && /^\s*(?:\([^()]{1,20}\))?[\s)]*(?:[,;|–-]\s*)?$/.test(text.slice(end, m.index))))
    .map((m) => m.index);
}

/** "2008/09 outturn: 45%; 2009/10 target: 50%": the year written before a label's kind word is part of the label. */
const YEAR_BEFORE_LABEL = /(?:^|[;,.–—-]\s*|\s{2,})((?:(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?|\d{2}\/\d{2})\s+)$/;

/** A sentence of a labelled line that opens with a label of its own: "Target 60%. Actual Q2: 72%. Q1: 65%.",
 * "Baseline 2007/08 - 78.2%; 2008/09 target - 79%". */
const SENTENCE_LABEL = new RegExp(
  String.raw`([.;]\s+)(?=(?:${LABEL_QUALIFIER}\s+)?(?:${LABEL_WORDS})s?\b|(?:quarter|qtr|q)\s*[1-4]\b|(?:(?:19|20)\d{2}\s*[/-]\s*\d{2,4}|\d{2}\/\d{2})\s+(?:${LABEL_WORDS})s?\b)`,
  'gi',
);

/** A line that starts with Baseline/Target/Result: one reading per label ("Baseline 2007: 66.2% – Target
 * 2010/11: 71.0%", "Target 60%. Actual Q2: 72%."), and per code segment. */
export function labelledLine(unit: TextUnit, scope: IndicatorScope, ctx: PhraseContext = { reportingPeriod: null }): Candidate[] | null {
  const starts = [
    ...new Set([
      0,
      ...[...unit.text.matchAll(LABEL_WITH_COLON)].map((m) => m.index - (YEAR_BEFORE_LABEL.exec(unit.text.slice(0, m.index))?.[1].length ?? 0)),
      ...[...unit.text.matchAll(SENTENCE_LABEL)].map((m) => m.index + m[1].length),
      ...labelsAfterFigures(unit.text),
    ]),
  ].sort((a, b) => a - b);
  // "Q1: 1,480; Q2: 1,502; Q3: 1,530": a line opening with a quarter's label splits at the next like a kind's does.
  const leading = splitLeadingLabel(unit.text, false) ?? yearOrQuarterStart(unit.text, ctx);
  if (starts.length > 1 && leading && labelIntroducesValue(unit.text.slice(leading.restStart))) {
    const out: Candidate[] = [];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : unit.text.length;
      const piece = unit.text.slice(start, end).replace(/[\s–—-]+$/, '');
      // A label over words rather than a figure ("Target: reduce by 1.5 percentage points to 14.4% by 2010/11.")
      // is a sentence about the indicator in scope, read as one.
      const single = scope.single();
      const found = labelledSegment({ ...unit, text: piece }, scope, ctx, i > 0 ? leading.kind : null) ?? (single ? readPhrases({ ...unit, text: piece }, ctx, single) : []);
      // Offsets back into the whole line.
      out.push(...found.map((c) => ({ ...c, ordinal: c.ordinal + figureIndex(unit.text, start), source: { ...c.source, text: unit.text, start: c.source.start + start, end: c.source.end + start } })));
    });
    return out;
  }
  return labelledSegment(unit, scope, ctx);
}

/** "Q1: 78%", "Quarter 2 2009/10 – 83%", "Quarter 3 performance: 95.1%": a quarter's label, set off from its
 * figure by a colon or dash. */
const QUARTER_LABEL = /^\s*((?:quarter|qtr|q)\s*[1-4]\b(?:\s*\(?(?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2}\)?)?)(?:\s+(?:performance|actual|outturn|result|position))?\s*[:–-]\s*/i;

/** What a short label line holds after its label: a figure or two, no sentence and no other label word. */
const SHORT_REST = 40;
const OTHER_LABEL = new RegExp(String.raw`\b(?:${LABEL_WORDS})s?\b`, 'i');

/**
 * A label the kind-first reading does not cover, on a line of its own: a year then a kind word, or a quarter.
 * "2008/09 Outturn 97.99% (target 99%). This was …" is prose that opens with a label, left to the phrase reader.
 */
function yearOrQuarterLabel(text: string, ctx: PhraseContext, carriedKind: ObservationKind | null = null): SplitLabel | null {
  const label = yearOrQuarterStart(text, ctx, carriedKind);
  const rest = label ? text.slice(label.restStart) : '';
  return label && rest.length <= SHORT_REST && !OTHER_LABEL.test(rest) && !/[.!?]\s+\S/.test(rest) ? label : null;
}

function yearOrQuarterStart(text: string, ctx: PhraseContext, carriedKind: ObservationKind | null = null): SplitLabel | null {
  // "2010/11 target 5.5%": a year and a kind word open the line, so the year is the label's.
  const year = splitLeadingLabel(text, true);
  if (year?.kind && year.period) return year;
  const quarter = quarterLabelAt(text);
  if (!quarter) return null;
  // "Target: Q1 – 20; Q2 – 40": a quarter with no kind word of its own, after the line's label, is of that label's kind.
  const kind = carriedKind && !quarter.ownKindWord ? carriedKind : quarter.kind;
  // "Q3 outturn – 24%" in a Quarter 3 2008/09 report: a quarter named without its year is one of the year reported.
  return { kind, period: quarter.period ?? quarterOfReport(quarter.quarter, kind, ctx), restStart: quarter.length, labelText: quarter.labelText };
}

/**
 * A quarter's label opening the text ("Q2 –", "Quarter 3 2008/09:", "Q3 outturn –"), read as a quarter column's
 * heading is ("Q2 2009/10" → a result for the quarter's last month): its number, the kind and period that reading
 * gives, whether a kind word is written in it, and how long it is.
 */
function quarterLabelAt(text: string): { quarter: number; kind: ObservationKind | null; period: string | null; ownKindWord: boolean; length: number; labelText: string } | null {
  const m = QUARTER_LABEL.exec(text);
  const role = m ? columnRole(m[1]) : null;
  if (!m || role?.role !== 'value') return null;
  return { quarter: Number(/[1-4]/.exec(m[1])![0]), kind: role.kind, period: role.period, ownKindWord: kindOfLabel(m[0]) !== null, length: m[0].length, labelText: m[0].trim() };
}

/** A quarter of the year reported, as the month it ends: for a result only one the report has seen, for a target
 * any quarter of that year. */
function quarterOfReport(quarter: number, kind: ObservationKind | null, ctx: PhraseContext): string | null {
  if (kind !== 'result') return ctx.reportingPeriod ? quarterEnd(ctx.reportingPeriod, quarter) : null;
  return quarterOfYearReported(quarter, ctx.reportingPeriod, ctx.reportingQuarter);
}

/** "Target: Q1 – 20": a quarter's label opening what a kind's label is followed by dates the figure after it. */
function withLeadingQuarter(label: SplitLabel, text: string, ctx: PhraseContext): SplitLabel {
  const quarter = label.period ? null : quarterLabelAt(text.slice(label.restStart));
  if (!quarter || quarter.ownKindWord) return label;
  const period = quarter.period ?? quarterOfReport(quarter.quarter, label.kind, ctx);
  return period ? { ...label, period, restStart: label.restStart + quarter.length } : label;
}

/** "Same period last year: 11.7", "Previous year's outturn – 6.1%": the figure of the year before the one reported. */
const LAST_YEAR_LABEL = new RegExp(String.raw`^\s*(?:(?:the\s+)?${SAME_PERIOD}\s+)?(?:last|previous)\s+year(?:['’]s\s+(?:outturn|figure|result|performance|position))?\s*[:–-]\s*`, 'i');

function lastYearLabel(text: string, ctx: PhraseContext): SplitLabel | null {
  const m = LAST_YEAR_LABEL.exec(text);
  const period = m && ctx.reportingPeriod ? previousPeriod(ctx.reportingPeriod) : null;
  return m && period ? { kind: 'result', period, restStart: m[0].length, labelText: m[0].trim() } : null;
}

function labelledSegment(unit: TextUnit, scope: IndicatorScope, ctx: PhraseContext, carriedKind: ObservationKind | null = null): Candidate[] | null {
  const kindFirst = splitLeadingLabel(unit.text, false);
  const label = kindFirst ? withLeadingQuarter(kindFirst, unit.text, ctx) : (yearOrQuarterLabel(unit.text, ctx, carriedKind) ?? lastYearLabel(unit.text, ctx));
  if (!label || !label.kind) return null;
  const rest = unit.text.slice(label.restStart);
  // "Outturn for NI 192 in 2008/09 was 38.7%, ..." is a sentence that starts with a label word, not a label.
  if (!labelIntroducesValue(rest)) return null;
  const mentions = findMentions({ ...unit, text: rest }).map((m) => ({ ...m, source: { ...m.source, text: unit.text, start: m.source.start + label.restStart, end: m.source.end + label.restStart } }));
  const out: Candidate[] = [];
  const segments: Array<{ mention: Mention | null; from: number; to: number }> = [];
  if (!mentions.length) segments.push({ mention: scope.single(), from: 0, to: rest.length });
  mentions.forEach((m, i) => {
    const from = m.source.end - label.restStart;
    const to = i + 1 < mentions.length ? mentions[i + 1].source.start - label.restStart : rest.length;
    segments.push({ mention: scope.byCode(m.code) ?? m, from, to });
  });
  for (const segment of segments) {
    if (!segment.mention) continue;
    const words = rest.slice(segment.from, segment.to);
    // Words without a figure are a missing value only after an explicit label ("Baseline: not yet known");
    // "Target District" on a line of its own is a header cell, not an empty slot.
    const tokens = parseValues(words, { slot: /[:–-]\s*$/.test(label.labelText) || /[:–-]/.test(unit.text.slice(0, label.restStart)) });
    out.push(
      ...candidatesFromTokens(
        tokens,
        {
          indicator: segment.mention,
          kind: label.kind,
          labelPeriod: label.period,
          headerSource: null,
          baseConfidence: mentions.length ? 0.95 : 0.85,
          reasons: mentions.length ? [] : ['indicator taken from the section, not written on the line'],
          area: null,
        },
        unit,
        label.restStart + segment.from,
      ),
    );
  }
  return out;
}

/** "NI 32 is a deferred Indicator – baseline and targets to be determined." */
export function prosePending(unit: TextUnit): Candidate[] {
  const out: Candidate[] = [];
  const text = unit.text;
  if (text.length > 300) return out;
  const pending = PENDING.exec(text);
  if (!pending) return out;
  const mentions = findMentions(unit);
  if (mentions.length !== 1) return out;
  // Only the kinds named in the pending word's own sentence: "Baseline 23.4% (2008). Target 2010/11: 25.4%.
  // Latest: not available until 2010." gives a baseline and a target, and leaves the latest figure unread.
  const sentenceStart = Math.max(0, ...[...text.slice(0, pending.index).matchAll(/[.;!?]\s+/g)].map((m) => m.index + m[0].length));
  const sentenceEnd = /[.;!?](?:\s|$)/.exec(text.slice(pending.index))?.index;
  const sentence = text.slice(sentenceStart, sentenceEnd === undefined ? text.length : pending.index + sentenceEnd);
  const kinds: ObservationKind[] = [];
  if (/\bbaselines?\b/i.test(sentence)) kinds.push('baseline');
  if (/\btargets?\b/i.test(sentence.replace(/LAA Target/gi, ''))) kinds.push('target');
  for (const kind of kinds) {
    // "2010/11 target tbc": a period written against the kind word is the slot's.
    const label = new RegExp(String.raw`(\S+)\s+${kind === 'baseline' ? 'baselines?' : 'targets?'}\b`, 'i').exec(sentence);
    const labelPeriod = label ? (findPeriods(label[1])[0]?.period ?? null) : null;
    out.push({
      indicator: mentions[0],
      kind,
      token: {
        state: 'pending', value: null, unit: null, periods: [], area: null, relativeChange: null, denominator: null,
        pendingReason: pending[1].toLowerCase(), start: pending.index, end: pending.index + pending[0].length, doubts: [],
      },
      labelPeriod,
      source: { provenance: unit.provenance, text, start: pending.index, end: pending.index + pending[0].length },
      headerSource: null,
      baseConfidence: 0.8,
      reasons: ['pending state read from prose'],
      ordinal: kind === 'baseline' ? 0 : 1,
      area: null,
    });
  }
  return out;
}
