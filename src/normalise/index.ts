// The normalise stage: readings become observations with canonical indicator codes (aliases merged),
// periods, areas, confidence with reasons, and ids stable across re-imports.
import { createHash } from 'node:crypto';
import type { Mention } from '../detect/mentions.ts';
import type { Candidate, MilestoneCandidate } from '../extract/candidate.ts';
import type { Extraction } from '../extract/index.ts';
import { message, type Message, type StageResult } from '../model/message.ts';
import { unitInBrackets } from '../vocabulary/units.ts';
import type { IndicatorRef, Milestone, Observation } from '../model/observation.ts';
import { resolveIndicators, type IndicatorTable } from './indicators.ts';
import { valueWords, type ValueWords } from './value-words.ts';

export interface Normalised {
  observations: Observation[];
  milestones: Milestone[];
  /** Every indicator the document names, with or without values. */
  indicators: IndicatorRef[];
}

function stableId(prefix: string, parts: Array<string | number | null | undefined>): string {
  return `${prefix}_${createHash('sha1').update(parts.map((p) => String(p ?? '')).join('|')).digest('hex').slice(0, 16)}`;
}

/**
 * A figure that writes no unit takes the one its column's header or its indicator's title closes with in
 * brackets ("Invoices paid within 30 days (%)": 96.1 is a percentage). Not for a relative change, which is a
 * change, nor a pending slot.
 */
function unitOfLabels(c: Candidate, title: string | null): string | null {
  if (c.token.state !== 'value' || c.token.relativeChange !== null) return null;
  const header = c.headerSource ? c.headerSource.text.slice(c.headerSource.start, c.headerSource.end) : null;
  return unitInBrackets(header) ?? unitInBrackets(c.indicator.title ?? title);
}

/** "Reduce the % of people on out of work benefits in Stevenage": the indicator is for one place. */
function areaFromTitle(title: string | null, catalogueTitle: string | null): string | null {
  if (!title) return null;
  const m = /\bin ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$/.exec(title.replace(/[[(].*$/, '').trim());
  // Words of the indicator's own national title ("Houses in Multiple Occupation") name no place.
  if (m && catalogueTitle?.toLowerCase().includes(`in ${m[1].toLowerCase()}`)) return null;
  // School years and subjects end titles as places do ("… in Reception", "… in Year 6"): they are not areas.
  if (!m || /^(?:English|Maths|Key|Year|Years|The|Education|Employment|Training|Reception|Nursery|Primary|Secondary|School|Schools|Science|Care)$/.test(m[1].split(' ')[0])) return null;
  return m[1];
}

function periodsFor(c: Candidate): Array<string | null> {
  const own = c.token.periods;
  // For targets the column's year wins ("(By 2011)" under 10/11 is 2010/11); baselines keep their own year.
  if (c.kind === 'target' || c.kind === 'result') return c.labelPeriod ? [c.labelPeriod] : own.length ? own : [null];
  return own.length ? own : [c.labelPeriod];
}

/** The value's words for a reason: on one line, and short (a relative target's words run over several lines). */
function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Below this OCR confidence the reviewer is told how sure OCR was. */
const OCR_DOUBT = 0.85;

function confidenceOf(c: Candidate, indicator: IndicatorRef, words: ValueWords): { confidence: number; reasons: string[] } {
  const reasons = [...c.reasons, ...c.token.doubts];
  let confidence = c.baseConfidence;
  confidence -= 0.05 * c.reasons.length;
  confidence -= 0.15 * c.token.doubts.length;
  if (indicator.inferred) {
    confidence *= Math.max(0.5, indicator.matchScore ?? 0.5);
    reasons.push(`indicator inferred from its title (match ${indicator.matchScore})`);
  }
  // OCR: the value's own words where they are known, else the text unit's mean. The value is as sure as
  // its reading and its recognition together, so the two multiply.
  const ocr = words.ocrConfidence ?? c.source.provenance.ocrConfidence;
  if (ocr !== undefined) {
    confidence *= ocr;
    if (ocr < OCR_DOUBT) reasons.push(`OCR confidence ${Math.round(ocr * 100)}% for "${quoted(c.source.text.slice(c.source.start, c.source.end))}"`);
  }
  for (const repair of words.repairs) {
    confidence -= 0.05;
    reasons.push(`OCR repair: ${repair}`);
  }
  return { confidence: Math.round(Math.max(0.05, Math.min(1, confidence)) * 100) / 100, reasons };
}

/**
 * The same figure for the same thing written again: a comparator down its column, or a year's figure stated in
 * the text and again in the table beside it. One observation, from where the document first gives it.
 */
function sameFigureAgain(a: Observation, b: Observation): boolean {
  return a.state === 'value' && b.state === 'value' && a.value === b.value && (a.unit === b.unit || a.unit === null || b.unit === null);
}

export function normalise(documentKey: string, extraction: Extraction): StageResult<Normalised> {
  const messages: Message[] = [];
  const table: IndicatorTable = resolveIndicators(extraction.mentions, extraction.candidates.map((c) => c.indicator));
  for (const mention of extraction.mentions) {
    if (mention.outOfSet) {
      messages.push(message('detect:ni-out-of-set', 'warning', `${mention.code} is not in the 2008 National Indicator Set (NI 1–199, NI 31 withdrawn)`, mention.source.provenance));
    }
  }
  const observations: Observation[] = [];
  const seen = new Map<string, Observation>();
  for (const c of extraction.candidates) {
    const indicator = table.resolve(c.indicator);
    const periods = periodsFor(c);
    const words = valueWords(c.source);
    // Only the value's own words travel on (its crop and repairs); the rest of the unit's spans stay behind.
    const source = c.source.spans ? { ...c.source, spans: words.spans } : c.source;
    periods.forEach((period, periodIndex) => {
      const area = c.token.area ?? c.area ?? areaFromTitle(c.indicator.title ?? indicator.title, c.indicator.catalogueTitle ?? null);
      const { confidence, reasons } = confidenceOf(c, indicator, words);
      if (c.indicator.outOfSet) reasons.push('NI code outside the National Indicator Set');
      const p = c.source.provenance;
      const observation: Observation = {
        id: stableId('obs', [documentKey, indicator.code, c.kind, period, area, p.page, p.line, p.table, p.row, p.col, p.sheet, p.address, c.ordinal, periodIndex]),
        indicator,
        kind: c.kind,
        state: c.token.state,
        value: c.token.value,
        unit: c.token.unit ?? unitOfLabels(c, indicator.title),
        period,
        area,
        relativeChange: c.token.relativeChange,
        denominator: c.token.denominator,
        pendingReason: c.token.pendingReason,
        confidence: c.indicator.outOfSet ? Math.min(confidence, 0.4) : confidence,
        confidenceReasons: reasons,
        source,
        headerSource: c.headerSource,
        repairs: words.repairs,
      };
      // A pending slot said twice ("deferred" in prose and an empty Baseline cell) is one gap; a pending
      // slot beside a figure for the same thing is no gap at all.
      const key = [indicator.code, c.kind, period, area].join('|');
      const earlier = seen.get(key);
      if (observation.state === 'pending' && earlier) return;
      if (earlier && sameFigureAgain(earlier, observation)) {
        // Where one of the two says the unit ("11.5 days" in the text, "11.50" in the table), that one stays.
        if (earlier.unit === null && observation.unit !== null) {
          observations[observations.indexOf(earlier)] = observation;
          seen.set(key, observation);
        }
        return;
      }
      if (observation.state === 'value' && earlier?.state === 'pending') observations.splice(observations.indexOf(earlier), 1);
      seen.set(key, observation);
      observations.push(observation);
    });
  }
  const milestones = extraction.milestones.map((m: MilestoneCandidate, i): Milestone => ({
    id: stableId('mil', [documentKey, m.source.provenance.line, m.source.provenance.table, m.source.provenance.row, i]),
    text: m.text,
    outcome: m.outcome,
    status: m.status,
    section: m.section,
    source: m.source,
  }));
  return { value: { observations, milestones, indicators: table.all() }, messages };
}

export type { Mention };
