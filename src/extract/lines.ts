// Values written as labelled lines ("Baseline: NI 6 17.5% (2008/09)", "Target: NI 7 17.0% (2009/10)
// 19.7% (2010/11)") and in clear prose ("achieved 72% against a target of 75%").
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { LABEL_WORDS } from '../vocabulary/kinds.ts';
import { PENDING } from '../vocabulary/pending.ts';
import { findPeriods } from '../vocabulary/periods.ts';
import { candidatesFromTokens, type Candidate } from './candidate.ts';
import { labelIntroducesValue, splitLeadingLabel } from './labels.ts';
import type { IndicatorScope } from './scope.ts';
import { parseValues, type ValueToken } from './values.ts';

/** "Baseline 2007: 66.2% – Target 2010/11: 71.0% – Latest result (2008): 67.5%": several labels on a line. */
const LABEL_WITH_COLON = new RegExp(String.raw`\b(?:${LABEL_WORDS})s?\b(?:\s*\(?[\w/ ]{0,12}\)?)?\s*:`, 'gi');

/** A line that starts with Baseline/Target/Result: one reading per code segment. */
export function labelledLine(unit: TextUnit, scope: IndicatorScope): Candidate[] | null {
  const starts = [...unit.text.matchAll(LABEL_WITH_COLON)].map((m) => m.index);
  if (starts.length > 1 && splitLeadingLabel(unit.text, false)) {
    const out: Candidate[] = [];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : unit.text.length;
      const piece = unit.text.slice(start, end).replace(/[\s–—-]+$/, '');
      const found = labelledSegment({ ...unit, text: piece }, scope) ?? [];
      // Offsets back into the whole line.
      out.push(...found.map((c) => ({ ...c, ordinal: c.ordinal + 10 * i, source: { ...c.source, text: unit.text, start: c.source.start + start, end: c.source.end + start } })));
    });
    return out;
  }
  return labelledSegment(unit, scope);
}

function labelledSegment(unit: TextUnit, scope: IndicatorScope): Candidate[] | null {
  const label = splitLeadingLabel(unit.text, false);
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
    const tokens = parseValues(words, { slot: true });
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

interface ProsePattern {
  re: RegExp;
  kind: ObservationKind;
}

const FIGURE = String.raw`(£?\d[\d,]*(?:\.\d+)?\s*(?:%|per cent|percent|kg|tonnes(?: per capita)?|days|homes|people|per\s+\d{1,3}(?:,\d{3})+|per\s+\d+)?)`;
const PROSE: ProsePattern[] = [
  { re: new RegExp(String.raw`\b(?:against|compared (?:with|to)|versus)\s+(?:a|the|its)\s+target\s+of\s+${FIGURE}`, 'gi'), kind: 'target' },
  { re: new RegExp(String.raw`\btarget\s+(?:of|is|was|set at)\s+${FIGURE}`, 'gi'), kind: 'target' },
  { re: new RegExp(String.raw`\btarget\b[^.;]{0,80}?\b(?:is|was|to reach|to achieve)\s+${FIGURE}`, 'gi'), kind: 'target' },
  { re: new RegExp(String.raw`\bbaseline\b[^.;]{0,60}?\b(?:is|was|of|stood at|at)\s+${FIGURE}`, 'gi'), kind: 'baseline' },
  { re: new RegExp(String.raw`\b(?:achieved|reached|recorded|delivered|stood at|outturn (?:was|of)|performance (?:was|of)|result (?:was|of)|rose to|fell to|improved to)\s+${FIGURE}`, 'gi'), kind: 'result' },
  { re: new RegExp(String.raw`(?<![\d.,£])${FIGURE}\s*(?:homes|people|households)?\s*(?:were|was|have been)\s+(?:delivered|achieved|completed|recorded|secured|raised)`, 'gi'), kind: 'result' },
  { re: new RegExp(String.raw`(?<![\d.,£])${FIGURE}\s+of\s+(?:[a-z-]+\s+){1,4}(?:gained|achieved|reached|met|were|was|had|said|reported)\b`, 'gi'), kind: 'result' },
  // "LI 4.3 (average days to re-let): 27 days in 2008/09" — a figure reported straight after the code.
  { re: new RegExp(String.raw`^\s*(?:NI|LI|BV|BVPI|PSA)\s?\d[\w.]*\s*(?:\([^)]{0,80}\))?\s*:\s*(?:in\s+[\w/]+,?\s*)?${FIGURE}(?=\s*(?:[,.;]|in\b|for\b|by\b|against\b|down\b|up\b|$))`, 'gi'), kind: 'result' },
  { re: new RegExp(String.raw`\boutturn\b[^.;]{0,40}?\b(?:was|of)\s+${FIGURE}`, 'gi'), kind: 'result' },
  { re: new RegExp(String.raw`\b(?:current|latest)\s+(?:performance|position|figure|result)\b[^.;]{0,40}?\b(?:is|was|of|stands at)\s+${FIGURE}`, 'gi'), kind: 'result' },
  // "reduce under-18 conceptions by 45% by 2010": a relative target.
  { re: new RegExp(String.raw`\b(?:reduce|reducing|cut|lower|increase|increasing|raise|improve)\b[^.;]{0,60}?\bby\s+(\d[\d.]*\s*%)`, 'gi'), kind: 'target' },
  { re: new RegExp(String.raw`\b(?:the|a|its)\s+${FIGURE}\s+target\b`, 'gi'), kind: 'target' },
];

/** Clear sentences about a coded indicator. Prose without a code in the same sentence is left alone. */
export function proseValues(unit: TextUnit): Candidate[] {
  const out: Candidate[] = [];
  const text = unit.text;
  const sentences = text.split(/(?<=[.;!?])\s+(?=[A-Z(])/);
  let offset = 0;
  let previous: ReturnType<typeof findMentions> = [];
  let previousAt = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, offset);
    offset = at + sentence.length;
    const own = findMentions({ ...unit, text: sentence });
    // "The 2009/10 target is 25 days." continues the sentence before, which named one indicator.
    const carried = !own.length && new Set(previous.map((m) => m.code)).size === 1;
    // Carried mentions keep pointing at the code in the earlier sentence (offsets are made whole-text below).
    const shift = previousAt - at;
    const mentions = own.length ? own : carried ? previous.map((m) => ({ ...m, source: { ...m.source, start: m.source.start + shift, end: m.source.end + shift } })) : [];
    if (own.length) {
      previous = own;
      previousAt = at;
    }
    if (!mentions.length) continue;
    const taken: Array<[number, number]> = [];
    for (const pattern of PROSE) {
      pattern.re.lastIndex = 0;
      for (const m of sentence.matchAll(pattern.re)) {
        const figureStart = m.index + m[0].lastIndexOf(m[1]);
        if (taken.some(([a, b]) => figureStart >= a && figureStart < b)) continue;
        const figureEnd = figureStart + m[1].length;
        taken.push([figureStart, figureEnd]);
        const mention = [...mentions].filter((x) => x.source.start < figureStart).pop() ?? mentions[0];
        const relative = /^(?:reduce|reducing|cut|lower|increase|increasing|raise|improve)/i.exec(m[0]);
        const tokens = relative ? relativeToken(m[1], /^(?:reduc|cut|lower)/i.test(relative[0])) : parseValues(m[1]);
        if (!tokens.length) continue;
        // The period written with the figure: just after it ("38.7% in 2008/09"), else inside the phrase that
        // led to it, or just before that phrase ("the 1998 baseline of 46.3"), else anywhere in the sentence.
        const after = findPeriods(sentence.slice(figureEnd, figureEnd + 40)).filter((p) => p.start < 25);
        const within = findPeriods(m[0].slice(0, m[0].lastIndexOf(m[1])));
        const before = findPeriods(sentence.slice(Math.max(0, m.index - 20), m.index)).pop();
        const period = after[0]?.period ?? within[0]?.period ?? before?.period ?? findPeriods(sentence)[0]?.period ?? null;
        out.push(
          ...candidatesFromTokens(
            tokens.slice(0, 1),
            {
              indicator: { ...mention, source: { ...mention.source, text, start: mention.source.start + at, end: mention.source.end + at } },
              kind: pattern.kind,
              labelPeriod: period,
              headerSource: null,
              baseConfidence: 0.7,
              reasons: ['read from prose'],
              area: null,
            },
            unit,
            at + figureStart,
          ),
        );
      }
    }
  }
  return out;
}

/** "by 45%" after "reduce": the change is the target; the absolute figure is not written. */
function relativeToken(figure: string, down: boolean): ValueToken[] {
  const value = Number(figure.replace(/[^\d.]/g, ''));
  if (!Number.isFinite(value)) return [];
  return [{
    state: 'value', value: null, unit: null, periods: [], area: null, relativeChange: down ? -value : value, denominator: null,
    pendingReason: null, start: 0, end: figure.length, doubts: [],
  }];
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
  const kinds: ObservationKind[] = [];
  if (/\bbaselines?\b/i.test(text)) kinds.push('baseline');
  if (/\btargets?\b/i.test(text.replace(/LAA Target/gi, ''))) kinds.push('target');
  for (const kind of kinds) {
    out.push({
      indicator: mentions[0],
      kind,
      token: {
        state: 'pending', value: null, unit: null, periods: [], area: null, relativeChange: null, denominator: null,
        pendingReason: pending[1].toLowerCase(), start: pending.index, end: pending.index + pending[0].length, doubts: [],
      },
      labelPeriod: null,
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
