// Indicator mentions in a piece of text: which codes it names, whether it defines the indicator the
// following values belong to (a heading, "LAA Target: NI 8", "Serious acquisitive crime rate (NI 16)")
// or only passes by ("...focussing on delivering NI 186."), and the title written beside the code.
import type { TextUnit } from '../model/document.ts';
import type { IndicatorScheme, SourceRef } from '../model/observation.ts';
import { catalogueTitle, matchTitle } from './catalogue.ts';
import { codeFromBareCell, findCodes, isNationalIndicator, localCodeAt, type CodeMatch } from './codes.ts';
import { partOpening } from '../vocabulary/parts.ts';
import { CAPTION_LABEL, INDICATOR_LABEL } from '../vocabulary/headers.ts';

export interface Mention {
  code: string;
  scheme: IndicatorScheme;
  title: string | null;
  catalogueTitle: string | null;
  inferred: boolean;
  matchScore: number | null;
  defining: boolean;
  /** NI codes outside the 2008 set (NI 1–199, NI 31 withdrawn). */
  outOfSet: boolean;
  /** Other codes written beside this one for the same indicator ("BV 66a, PAFB12": PAF B12). */
  aliases?: string[];
  source: SourceRef;
}

export interface MentionContext {
  heading?: boolean;
  /** The cell sits in a column whose header says it holds indicators. */
  indicatorCell?: boolean;
  /** Scheme named by the column header ("BVPI No."), for bare codes. */
  scheme?: IndicatorScheme | null;
}

const LOCAL_CODE_FORM = String.raw`[A-Z]{1,4}[-\s]?\d{1,3}[a-z]{0,2}`;
const CALLED_INDICATORS = new RegExp(String.raw`\b(?:indicators?|PIs?)\s+(${LOCAL_CODE_FORM}(?:\s*(?:,|and|&)\s*${LOCAL_CODE_FORM})*)\b`);
const CLOSING_LOCAL_CODE = /\(\s*([A-Z]{2,4}\s?[.-]?\s?\d{1,3}(?:\.\d{1,2})?[a-z]{0,3})\s*\)\s*$/;
const DASHED_LOCAL_CODE = /^[\s•·*]*[A-Z]{1,4}\s?\d{1,3}[a-z]{0,2}\s+[–—-]\s+(?=[A-Z][a-z]|%\s+of\b)/;
/** "OP148 (Care leavers in education, employment or training)": a local code opening a line, its title in brackets. */
const BRACKETED_TITLE_LOCAL_CODE = /^[\s•·*]*[A-Z]{2,4}\s?\d{1,3}[a-z]{0,2}\s*[–—-]?\s*\(\s*([A-Z][a-z][^()]{3,118})\)/;
/** "HS 12 Average time to re-let local authority housing (days)": a local code opening a short line, then a title. */
const TITLED_LOCAL_CODE = /^[\s•·*]*[A-Z]{2,4}\s?\d{1,3}(?:\.\d{1,2})?[a-z]{0,2}\s+(?=[A-Z][a-z])/;
/** What makes such a title a measure's: it says what is counted, timed or rated. */
const MEASURE_TITLE = /^(?:number|percentage|%|proportion|rate|average|mean|time|satisfaction|level|amount|total|speed)\b|\b(?:number|percentage|proportion|rate) of\b|\bper (?:head|household|capita|1,?000|100,?000)\b|\((?:days|weeks|%|kg|tonnes|number)\)/i;

/** Labels that introduce an indicator definition. */
const DEFINING_PREFIX = new RegExp(String.raw`^\s*(?:\*\*)?\s*${INDICATOR_LABEL.source}`, 'i');
const CAPTION_OPENING = new RegExp(String.raw`^\s*${CAPTION_LABEL.source}$`, 'i');
const GENERIC_MEASURE = /^(?:including laa targets?|including local targets?)?\s*$/i;

function cleanTitle(text: string): string | null {
  const t = text
    .replace(/\*\*/g, '')
    .replace(/^[\s:–—\-.]+/, '')
    .replace(/[\s:–—\-]+$/, '')
    .replace(/^["“”']+|["“”']+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w)).length < 2) return null;
  return t;
}

/** A colon or spaced dash, then words holding a figure: where a title ends and what is reported of it begins. */
const TITLE_THEN_FIGURES = /\s*(?::|\s[–—-])\s+(?=[^:–—]*?(?<![\w/-])\d[\d,.]*\s*(?:%|days?\b|kgs?\b|tonnes?\b|hours?\b|weeks?\b|per\b|\(|,|;|\.?$|\.\s|\s))/;

/**
 * "Repeat incidents of domestic violence: current performance 19% (target 27%)": the title is the words before
 * the colon or dash that leads to the figures, not the figures with it.
 */
function beforeFigures(text: string, catalogue: string | null): string {
  const m = TITLE_THEN_FIGURES.exec(text);
  if (!m || m.index === 0) return text;
  // "The SEN/non-SEN gap – achieving 5 A*-C GCSE …": the dash and figure are the national title's own words.
  const words = (t: string) => t.toLowerCase().replace(/[^a-z0-9*]+/g, ' ').trim();
  // Only when the catalogue title goes on through that figure: a title written whole before its colon
  // ("Residual household waste per household: 412kg") keeps the figure out.
  const figure = /(?<![\w/-])\d[\d,.]*/.exec(text.slice(m.index + m[0].length));
  const through = words(text.slice(0, m.index + m[0].length + (figure ? figure.index + figure[0].length : 0)));
  return catalogue && words(catalogue).startsWith(through) ? text : text.slice(0, m.index);
}

/**
 * "NI 117 16-18 year olds who are NEET: 7.2%": a title may open with the ages it counts; a figure after a
 * code is otherwise never a title's first word.
 */
const AGE_RANGE_TITLE = /^\d{1,2}\s*(?:[-–]|to)\s*\d{1,2}\s*(?:year|yr)s?\b/i;

/** Title written after the code ("NI175: Access to services...") or before a bracketed code. */
function titleFor(text: string, match: CodeMatch, all: CodeMatch[]): string | null {
  const next = all.find((m) => m.start > match.start);
  const after = text.slice(match.end, next ? next.start : undefined);
  const afterFirst = after.replace(/^\s*[:–—-]?\s*/, '');
  if (afterFirst && (!/^[\d(£)\]-]/.test(afterFirst.trim()) || AGE_RANGE_TITLE.test(afterFirst.trim()))) {
    const title = cleanTitle(beforeFigures(afterFirst.split(/\n/)[0].split(/(?<=[a-z)])\.\s+(?=[A-Z])/)[0], catalogueTitle(match.code)));
    if (title) return title;
  }
  // "Serious acquisitive crime rate (NI 16)", "Reduce the % of people ... [LAA Target – NI 152]".
  const before = text.slice(0, match.start).replace(/[[(]\s*(?:LAA Target\s*[:–—-]?\s*)?$/i, '');
  const prior = all.filter((m) => m.end <= match.start).pop();
  const chunk = before.slice(prior ? prior.end : 0).replace(DEFINING_PREFIX, '');
  return cleanTitle(chunk.split(/\n/).pop() ?? '');
}

function isDefining(text: string, match: CodeMatch, ctx: MentionContext): boolean {
  if (ctx.heading || ctx.indicatorCell) return true;
  const lead = text.slice(0, match.start);
  if (DEFINING_PREFIX.test(lead) && lead.replace(DEFINING_PREFIX, '').trim() === '') return true;
  // "Figure 1: BVPI 12 sickness absence": a caption's label before the code leaves it opening the line.
  if (CAPTION_OPENING.test(lead)) return text.length <= 200;
  // A code opening a short line names what follows ("NI 8 Adult participation..."); opening a long
  // paragraph it is only the subject of a sentence ("NI16 performance data ... indicates ...").
  if (!lead.trim()) return text.length <= 200 || /^\s*[:–—-]/.test(text.slice(match.end)) || (text.length <= 320 && !/[.!?]\s+\S/.test(text));
  // A title ending in a bracketed code: "Repeat incidents of domestic violence (NI 32)".
  const tail = text.slice(match.end).trim();
  if (/^[)\]]/.test(tail) && text.length <= 260 && tail.replace(/^[)\]]\s*/, '').length <= 80) return true;
  return false;
}

function sourceOf(unit: TextUnit, start: number, end: number): SourceRef {
  return { provenance: unit.provenance, text: unit.text, start, end };
}

/** A code found where the context says it names the indicator (a reference column, a title line): defining. */
export function codeMention(unit: TextUnit, match: Pick<CodeMatch, 'code' | 'scheme' | 'start' | 'end'>, title: string | null): Mention {
  return {
    code: match.code, scheme: match.scheme, title, catalogueTitle: catalogueTitle(match.code), inferred: false, matchScore: null, defining: true,
    outOfSet: match.scheme === 'NI' && !isNationalIndicator(match.code), source: sourceOf(unit, match.start, match.end),
  };
}

export function findMentions(unit: TextUnit, ctx: MentionContext = {}): Mention[] {
  const text = unit.text;
  const codes = findCodes(text);
  const out: Mention[] = codes.map((match) => {
    const defining = isDefining(text, match, ctx) && text.length <= 400;
    return {
      code: match.code,
      scheme: match.scheme,
      title: defining ? titleFor(text, match, codes) : null,
      catalogueTitle: catalogueTitle(match.code),
      inferred: false,
      matchScore: null,
      defining,
      outOfSet: match.scheme === 'NI' && !isNationalIndicator(match.code),
      source: sourceOf(unit, match.start, match.end),
      ...(match.aliases ? { aliases: match.aliases } : {}),
    };
  });
  if (out.length) return out;

  // "5. Number of footway trip claims (PFI 06di)": a short line naming a measure and closing with a local code.
  const closing = CLOSING_LOCAL_CODE.exec(text);
  if (closing && text.length <= 140 && !ctx.indicatorCell) {
    const local = localCodeAt(closing[1]);
    if (local && local.end >= closing[1].trimEnd().length - 1) {
      const at = closing.index + closing[0].indexOf(closing[1]);
      return [codeMention(unit, { ...local, start: at + local.start, end: at + local.end }, cleanTitle(text.slice(0, closing.index).replace(/^\s*\d+[.)]\s*/, '')))];
    }
  }
  // "W5 – Satisfaction with parks …" opening a line: a local code set off from its title by a spaced dash.
  const dashed = DASHED_LOCAL_CODE.exec(text);
  if (dashed && !ctx.indicatorCell) {
    const local = localCodeAt(text);
    if (local) {
      return [codeMention(unit, local, cleanTitle(text.slice(dashed[0].length).split(/\s[–—-]\s/)[0]))];
    }
  }
  // "OP148 (Care leavers in education, employment or training). It was noted …": a local code opening a paragraph
  // with its title in brackets right after it.
  const bracketed = BRACKETED_TITLE_LOCAL_CODE.exec(text);
  if (bracketed && !ctx.indicatorCell) {
    const local = localCodeAt(text);
    const title = cleanTitle(bracketed[1]);
    if (local && title && !/\d/.test(title)) return [codeMention(unit, local, title)];
  }
  // The title is all the line holds: a figure on it ("HS 12 Average re-let time 26 days") is no heading's.
  const titled = TITLED_LOCAL_CODE.exec(text);
  if (titled && !ctx.indicatorCell && text.length <= 160) {
    const local = localCodeAt(text);
    const title = cleanTitle(text.slice(titled[0].length));
    if (local && title && MEASURE_TITLE.test(title) && !/%|\d[.,]\d|\d\s*(?:days|weeks|kg|tonnes)\b/.test(title)) return [codeMention(unit, local, title)];
  }
  // "information regarding indicators BP-23 and BP-25a": local codes the sentence itself calls indicators.
  const called = CALLED_INDICATORS.exec(text);
  if (called && !ctx.indicatorCell) {
    const at = called.index + called[0].length - called[1].length;
    const found: Mention[] = [];
    for (const piece of called[1].matchAll(/[A-Z]{1,4}[-\s]?\d{1,3}[a-z]{0,2}/g)) {
      const local = localCodeAt(piece[0]);
      if (local) found.push({ ...codeMention(unit, { ...local, start: at + piece.index + local.start, end: at + piece.index + local.end }, null), defining: false });
    }
    if (found.length) return found;
  }
  if (ctx.indicatorCell) {
    // Under "BVPI No." a bare number is a Best Value code; under "PI Ref" a local code such as "CH8" or "HO 001"
    // is kept under the scheme it is written with.
    const bare = ctx.scheme ? codeFromBareCell(text, ctx.scheme) : localCodeAt(text);
    if (bare) return [codeMention(unit, bare, cleanTitle(text.slice(bare.end)))];
  }
  const inferred = inferByTitle(unit, ctx);
  return inferred ? [inferred] : [];
}

/**
 * "NI <i>Percentage of household waste recycled or composted</i>" names an indicator by title only.
 * Match such titles against the catalogue; the stricter the context, the lower the bar.
 */
function inferByTitle(unit: TextUnit, ctx: MentionContext): Mention | null {
  const text = unit.text;
  let titleStart = -1;
  let minScore = 1.1;
  const explicitNi = /(?:^|[\s–—-])NI\s+(?=[A-Za-z%])/.exec(text);
  const prefix = DEFINING_PREFIX.exec(text);
  if (explicitNi) {
    titleStart = explicitNi.index + explicitNi[0].length;
    minScore = 0.6;
  } else if (prefix && text.length <= 300) {
    titleStart = prefix[0].length;
    minScore = 0.75;
  } else if ((ctx.indicatorCell || ctx.heading) && text.length <= 200) {
    titleStart = 0;
    minScore = 0.85;
  }
  if (titleStart < 0) return null;
  const titleText = text.slice(titleStart).split('\n')[0].replace(/\(.*$/, '');
  if (GENERIC_MEASURE.test(titleText.trim()) || titleText.trim().split(/\s+/).length < 3) return null;
  const match = matchTitle(titleText, minScore);
  if (!match) return null;
  return {
    code: match.code,
    scheme: 'NI',
    title: cleanTitle(titleText),
    catalogueTitle: match.title,
    inferred: true,
    matchScore: match.score,
    defining: true,
    outOfSet: false,
    source: sourceOf(unit, titleStart, titleStart + titleText.trimEnd().length),
  };
}

/**
 * A line naming a part of the indicator in scope by its subject ("Major applications: target 60% - out-turn
 * 61%" under BV 109): that part, inferred (the line writes no code), its name as the title.
 */
const PART_MATCH = 0.9;

export function partMention(unit: TextUnit, parent: Mention): Mention | null {
  const opening = partOpening(unit.text, parent.code);
  if (!opening) return null;
  return {
    // The words are the part's own subject and its parent code is in scope: surer than a title's likeness.
    code: opening.part.code, scheme: parent.scheme, title: cleanTitle(unit.text.slice(opening.start, opening.end)), catalogueTitle: null,
    inferred: true, matchScore: PART_MATCH, defining: true, outOfSet: false, source: sourceOf(unit, opening.start, opening.end),
  };
}

/**
 * Parts listed by subject after their parent's code in one sentence, each with its figure ("NI 195 street
 * cleanliness: litter 6%, detritus 11%, graffiti 2%"): one mention per part, at its name. `from`–`to` is the
 * stretch of the unit's text to look in (the sentence after the parent's code).
 */
export function partsListedIn(unit: TextUnit, parent: Mention, from: number, to: number): Mention[] {
  const out: Mention[] = [];
  const text = unit.text.slice(0, to);
  for (const separator of text.slice(from).matchAll(/(?:[:;,–—-]|\band\b)\s*/g)) {
    const at = from + separator.index + separator[0].length;
    const opening = partOpening(text.slice(at), parent.code);
    if (!opening || !/^\s*(?:[:=–-]\s*)?[<>~]?\s*\d/.test(text.slice(at + opening.end))) continue;
    out.push({
      code: opening.part.code, scheme: parent.scheme, title: cleanTitle(text.slice(at + opening.start, at + opening.end)), catalogueTitle: null,
      inferred: true, matchScore: PART_MATCH, defining: false, outOfSet: false, source: sourceOf(unit, at + opening.start, at + opening.end),
    });
  }
  return out;
}

/** A definition without any code ("Measure and target : Number of ..."): values below are not ours to attribute. */
export function isUncodedDefinition(unit: TextUnit): boolean {
  const m = DEFINING_PREFIX.exec(unit.text);
  if (!m || !/^\s*measure/i.test(unit.text)) return false;
  const rest = unit.text.slice(m[0].length).trim();
  return !GENERIC_MEASURE.test(rest) && rest.split(/\s+/).length >= 3;
}
