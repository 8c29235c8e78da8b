// The phrase reader: figures in sentences and in cells of prose, read by the words around each figure rather
// than by the shape of the sentence. "Achieved 89% against a target of 85%, an improvement on 2009/10 (88.1%)",
// "the reported outturn for the year was 474kg", "Four in five (80%) satisfied ... (NI 5)", "compared with 53%
// in 2006/7", "from 88.2% in Mar 2008 to 90.5% by 2010/11", "the Tyne and Wear average (78%)". A figure no cue
// explains is left alone: a wrong figure costs a reviewer more than a missed one.
import { catalogueTitle, stem, titleSimilarity } from '../detect/catalogue.ts';
import { isNationalIndicator } from '../detect/codes.ts';
import { findMentions, partsListedIn, type Mention } from '../detect/mentions.ts';
import { hasParts } from '../vocabulary/parts.ts';
import type { TextUnit } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { comparatorArea, COMPARATORS, LABEL_QUALIFIER, LABEL_WORDS, NOT_A_FIGURE_OF_OURS, placeComparator } from '../vocabulary/kinds.ts';
import { CODE_PREFIX_BEFORE } from '../vocabulary/schemes.ts';
import { bareMonthAfter, changeSpanIn, findPeriods, financialYearOfBareMonth, financialYearOfMonth, monthSpanAt, periodEndYear, previousPeriod, quarterBeforeReported, quarterEnd, quarterOfYearReported, yearToMonthAt, type PeriodMatch } from '../vocabulary/periods.ts';
import { figureIndex, sourceOf, type Candidate } from './candidate.ts';
import { FIGURE_OF_BRACKETED_YEAR, parseValues, UNPLACED_SECOND_FIGURE, type ValueToken } from './values.ts';
import { contentWords, countedStems, countedWords, ECHO_WORDS, echoAfter, echoEnd, echoesTitle, namesAnotherMeasure, sharesWord, subjectEchoes } from './title-words.ts';
import {
  ADJACENT, ANAPHOR, CHANGE_AFTER, CHANGE_ENDED, CHANGE_VERBS, DONE_CHANGE_BEFORE, REPORTED_CHANGE, COMPARED_AFTER, COUNT_IN_PHRASE_BEFORE, COMPARING, CUES, DATED_SOURCE, DONE_AFTER, FORECAST, NOT_A_FIGURE_AFTER, NOT_A_FIGURE_BEFORE, REQUIRED_AFTER, SHARE_DECIDED_AFTER, SOMEONE_ELSES, STATUS_REMARK, SURVEY_AFTER,
  TARGET_AFTER, TARGETED_CHANGE_BEFORE, TEMPORAL, THIS_INDICATOR, COUNT_OF_INDICATORS_BEFORE, SET_AGAINST_BEFORE, SAME_PERIOD, WHEN_THERE_WERE, type Cue,
} from '../vocabulary/cues.ts';

export interface PhraseContext {
  /** The period the document reports on ("Quarter 4 2010/11" → 2010/11): dates results that carry none. */
  reportingPeriod: string | null;
  /**
   * The periods a reported change runs between, set by the line that introduces a list of changes ("Between
   * 2002/03 and 2005/06, performance has increased as follows:" over "BVPI 109a – from 37.1% to 55.2%").
   */
  changeSpan?: [string, string] | null;
  /** The quarter of that year a quarterly report covers ("Quarter 3 2010/11" → 3), when its title says. */
  reportingQuarter?: number | null;
}

/** How far before its code a figure's cue may stand ("The baseline for NI 117 was 6.2%"). */
const CUE_REACH_BEFORE_CODE = 40;

/** How close the words after a code must be to the catalogue title to be read as the indicator's name. */
const NAME_SIMILARITY = 0.5;

interface Reading {
  kind: ObservationKind;
  period: string | null;
  area: string | null;
  /** Strong cues (target of, achieved, outturn, compared with) hold after the code too; weak ones only before it. */
  strong: boolean;
  why: string;
  /** A relative target: the sign of the change; the figure is the change, not a level. */
  relative?: -1 | 1;
  /** Decided by words ending right at the figure ("an outturn level of", "was reported as", "higher than Q1 2006/7 ("). */
  adjacent?: boolean;
}

/**
 * Words between a figure and the period it is for: "in", "by the end of", "in the same period of", "in the first
 * nine months of", "over the previous quarter to 31", "in the equivalent quarter to".
 */
/** "the first nine months of", "the last quarter of": part of the period named after. */
const FIRST_MONTHS_OF = String.raw`(?:first|second|third|last|final)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+)?(?:months?|quarters?|half|weeks?)\s+of\s+`;
/** After "the same period", "the equivalent quarter": the word leading to the period ("in", "of", "to"). */
const LIKE_PERIOD_LINK = String.raw`(?:(?:in|of|to|ending|ended)\s+)?`;
/** "the previous quarter to", "the preceding month ending": a period named by where it ends. */
const PREVIOUS_PERIOD_TO = String.raw`(?:previous|preceding|last)\s+(?:quarter|month|period)\s+(?:to|ending|ended)\s+`;

const OWN_PERIOD_GAP = new RegExp(String.raw`^\s*(?:per\s+(?:head|household|capita|person|resident|dwelling|property|employee|fte|pupil)\s+)?\)?\s*(?:\(|,\s*)?\s*(in|for|during|at|by|as at|as of|at end of|end of|to|over|in the year)?\s*(?:the\s+)?(?:${SAME_PERIOD}\s*${LIKE_PERIOD_LINK}|${PREVIOUS_PERIOD_TO})?(?:${FIRST_MONTHS_OF})?(?:end\s+(?:of\s+)?)?(?:financial\s+year\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$`, 'i');

/** Between a figure and its period: a few plain words of what it counts and what happened to it, then "in". */
const COUNTED_THEN_WHEN = /^(?:\s+(?!(?:against|compared|than|from|to|by|up|down|targets?|baselines?|while|whereas|and|but|with|which|since|before|after|until|when)\b)[a-z][a-z'-]*){2,7}\s+(?:in|during)\s+(?:the\s+)?(?:(?:financial|calendar)\s+year\s+)?$/;

const PART_OF_PERIOD = new RegExp(String.raw`${FIRST_MONTHS_OF}|${SAME_PERIOD}\s+${LIKE_PERIOD_LINK}|${PREVIOUS_PERIOD_TO}`, 'i');

// (Not "4,300 (Q2 2009/10: 4,210)": a quarter with a colon labels the figure after it; nor "22.0%   Q3 actual
// 21.4%": a quarter with a kind word and a figure after it labels that figure.)
const QUARTER_AFTER = /^\s*\)?\s*(?:\(\s*|,\s*)?(?:(?:in|for|during|at the end of|by the end of)\s+)?(?:the\s+)?(?:Q|Qtr|Quarter)\s*([1-4])\b(?:\s*(?:of\s+)?\(?\s*((?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2})\)?)?(?!\s*[/-]?\s*\d|\s*[:=]|\s+(?:of\s+)?(?:the\s+)?(?:last|previous|preceding)\s+year|\s+(?:actual|outturn|out-turn|result|performance|position|cumulative|ytd|target)\s*[:=–-]?\s*[<>~]?\s*\d)/i;

/** A period written right beside the figure: "88% in 2009/10", "(2009/10)", "2009/10 (88.1%)", "by 2010/11". */
/** `end`: where the words giving the period end, when they follow the figure. */
function ownPeriod(sentence: string, token: ValueToken, periods: PeriodMatch[], ctx?: PhraseContext): { period: string; by: boolean; end?: number } | null {
  // "13.8 days in Quarter 3", "78.6% (Q3)", "21% in Q2 2009/10": a quarter right after; without its year, one of
  // the year reported (never one after the quarter a quarterly report covers).
  const quarter = QUARTER_AFTER.exec(sentence.slice(token.end));
  if (quarter) {
    const year = quarter[2] ? (findPeriods(quarter[2])[0]?.period ?? null) : null;
    const period = year ? quarterEnd(year, Number(quarter[1])) : ctx ? quarterOfYearReported(Number(quarter[1]), ctx.reportingPeriod, ctx.reportingQuarter) : null;
    if (period) return { period, by: false, end: token.end + quarter[0].length };
  }
  // "up from 14.7% at the end of March" in a report on Q1 2010/11: March 2010, so a figure of 2009/10.
  const month = ctx ? bareMonthAfter(sentence.slice(token.end)) : null;
  const monthPeriod = month ? financialYearOfBareMonth(month.month, ctx!.reportingPeriod, ctx!.reportingQuarter) : null;
  if (month && monthPeriod) return { period: monthPeriod, by: false, end: token.end + month.length };
  // "1.12 (January to December 2008 cohort)", "46.2% for April to September 2009", "1,234 in the 12-month period
  // to March 2009": a span of months right after.
  const spanLead = /^\s*\)?\s*(?:\(|,\s*)?\s*(?:(?:in|for|during|over)\s+(?:the\s+)?(?:period\s+)?)?/i.exec(sentence.slice(token.end))!;
  const spanText = sentence.slice(token.end + spanLead[0].length);
  const span = monthSpanAt(spanText) ?? yearToMonthAt(spanText);
  if (span) return { period: span.period, by: false, end: token.end + spanLead[0].length + span.length };
  const next = periods.find((p) => p.start >= token.end);
  if (next) {
    const gap = sentence.slice(token.end, next.start);
    const m = OWN_PERIOD_GAP.exec(gap);
    // "(target 65%, 2010/11 outturn 68.9%)": a year after a comma that labels the next figure is that figure's.
    // "4,300 (Q2 2009/10: 4,210)": a year with a colon after it labels the figure after the colon.
    // "hold at 18.5% (2007/08 baseline 18.9%)": a year followed by a kind word labels the figure after the word.
    const labelsNextFigure = (/,/.test(gap) && /^\s*(?:[A-Za-z]+\s+){0,2}[:=–-]?\s*[<>~]?\s*[£\d]/.test(sentence.slice(next.end, next.end + 30)))
      || /^\s*[:=]\s*[<>~]?\s*[£\d]/.test(sentence.slice(next.end, next.end + 12))
      || KIND_LABELS_NEXT.test(sentence.slice(next.end, next.end + 30));
    // "in the first nine months of 2008/09": words naming part of the period do not count against how close it is.
    // Nor do words naming which like period it is ("in the equivalent quarter to June 2006", "over the previous
    // quarter to 31 March 2007").
    const partOfPeriod = PART_OF_PERIOD.exec(gap)?.[0].length ?? 0;
    // A period read with its own "by" ("by 2011") is a deadline like one after a separate "by".
    if (m && gap.length - partOfPeriod <= 26 && !labelsNextFigure) return { period: next.period, by: /^(?:by|to)$/i.test(m[1] ?? '') || /^by\b/i.test(next.raw), end: next.end };
    // "31.2% (Place Survey 2008)", "9.2% (APS2 2007/08)": the dated source the figure comes from.
    if (!labelsNextFigure && /^\s*\(\s*(?:[A-Z][\w&-]*\s+){1,3}$/.test(gap)) return { period: next.period, by: false, end: next.end };
    // "412 net additional homes were delivered in 2008/09": what the figure counts and what was done, then when.
    // (A period read with its own "in" — "in 2008" — leaves that word out of the gap.)
    const ownIn = /^(?:in|during)\s+/i.exec(next.raw)?.[0] ?? '';
    if (!labelsNextFigure && COUNTED_THEN_WHEN.test(gap + ownIn)) return { period: next.period, by: false, end: next.end };
  }
  const before = [...periods].reverse().find((p) => p.end <= token.start);
  if (before && /^\s*[(:=–,-]?\s*(?:£\s*)?$/.test(sentence.slice(before.end, token.start))) return { period: before.period, by: false };
  // "2008 Place Survey: 79.3%": the year of the source a label names.
  if (before && DATED_SOURCE_LABEL.test(sentence.slice(before.start, token.start))) return { period: before.period, by: false };
  return null;
}

/** A kind word right after a year, then the figure it labels: " baseline 18.9%", " target: 50%". */
const KIND_LABELS_NEXT = new RegExp(String.raw`^\s*(?:${LABEL_WORDS})s?\s*(?:of|was|is|[:=–-])?\s*[<>~]?\s*[£\d]`, 'i');

/** "In Feb 09, … stood at 6.8%", "in 2008/09, £412,000 was secured": the last period an adverbial puts before the figure. */
function adverbialPeriod(sentence: string, periods: PeriodMatch[], figureAt: number): string | null {
  // "2009/10 Outturn 51% (target 55.5%)": a year opening the sentence dates all of it, like "In 2009/10, …".
  // "… against 58% in 2008/09 and a target of 60%": a year right after a figure is that figure's, not the sentence's.
  // (A year before the words is no figure: "Sickness Absence – 2008/09 In 2008/09 the …" opens with an adverbial.)
  const figuresOwn = (p: PeriodMatch) => /(?:^|[^\d/.])(?!(?:19|20)\d{2}(?:\s*\/\s*\d{1,2})?\s)\d[\d,]*(?:\.\d+)?\s*(?:%|per\s?cent|[a-z]+)?\s*(?:in|during|for)\s+(?:the\s+)?(?:year\s+)?$/i.test(sentence.slice(Math.max(0, p.start - 40), p.start));
  const before = periods.filter((p) => p.end <= figureAt && !figuresOwn(p) && (TEMPORAL.test(sentence.slice(Math.max(0, p.start - 22), p.start)) || /^[\s•·*–-]*$/.test(sentence.slice(0, p.start))));
  return before.length ? before[before.length - 1].period : null;
}

/** Sentences, keeping their offsets: split after . ; ! ? when the next word starts a sentence. */
export function sentencesOf(text: string): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let at = 0;
  for (const m of text.matchAll(/(?<=[.;!?])\s+(?=[A-Z(•–-])/g)) {
    // "(target 7.2%; England average 6.4%)": a semicolon inside brackets parts the bracket's items, not sentences.
    if (text[m.index - 1] === ';' && openBrackets(text.slice(at, m.index)) > 0) continue;
    out.push({ text: text.slice(at, m.index), at });
    at = m.index + m[0].length;
  }
  out.push({ text: text.slice(at), at });
  return out.filter((s) => s.text.trim());
}

function openBrackets(text: string): number {
  return (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);
}

/** A figure of the sentence worth reading at all: not a page, list, age or money without a cue. */
function isFigure(sentence: string, token: ValueToken): boolean {
  // "a 5% reduction on the 2007/08 baseline": a relative change is read as one (classify), with no level.
  if (token.state !== 'value' || (token.value === null && token.relativeChange === null) || token.doubts.includes('one end of a range')) return false;
  // "+0.24% on the performance to the end of November": a signed figure is a change, not a level.
  if (sentence[token.start] === '+' || /\+\s*$/.test(sentence.slice(0, token.start))) return false;
  const before = sentence.slice(Math.max(0, token.start - 40), token.start);
  const after = sentence.slice(token.end, token.end + 40);
  if ((NOT_A_FIGURE_BEFORE.test(before) && !TARGETED_CHANGE_BEFORE.test(before)) || NOT_A_FIGURE_AFTER.test(after) || /\d\/$/.test(before) || SOMEONE_ELSES.test(before) || CODE_PREFIX_BEFORE.test(before)) return false;
  // "Stretch target 3: Increase the number of …": the number of a heading, not a figure.
  if (token.unit === null && NUMBERED_HEADING_BEFORE.test(before) && /^\s*[:.)]\s/.test(after)) return false;
  // "3.10 The target for NI 195a …", "12 Members noted …": a bare number opening a sentence, before a word
  // with a capital, numbers the paragraph (a figure opening one is followed by what it counts or a unit).
  if (token.unit === null && /^[\s•·*–-]*$/.test(sentence.slice(0, token.start)) && PARAGRAPH_OPENING_AFTER.test(after)) return false;
  if (token.unit === null && COUNT_IN_PHRASE_BEFORE.test(before) && !TARGET_AFTER.test(after)) return false;
  if (token.unit === null && COUNT_OF_INDICATORS_BEFORE.test(before)) return false;
  // "21.3% (top quartile 24%)": quartile words followed by a figure label that figure, not the one before them.
  const quartileAfter = NOT_A_FIGURE_OF_OURS.exec(after.slice(0, 25));
  const labelsNext = quartileAfter && /^\s*(?:of|at|is|was|=|:)?\s*\d/i.test(after.slice(quartileAfter.index + quartileAfter[0].length));
  // "Top quartile performance for BV 9 is 98.5%": a quartile named as the subject the figure is stated of.
  if (QUARTILE_STATED_BEFORE.test(sentence.slice(Math.max(0, token.start - 80), token.start).replace(CODE_LIKE, 'code'))) return false;
  return !NOT_A_FIGURE_OF_OURS.test(before.slice(-30)) && (!quartileAfter || !!labelsNext);
}

/** An indicator code's letters and number ("BV 9", "NI 195a"), which are no figure between a subject and its verb. */
const CODE_LIKE = /\b[A-Z]{2,5}\s?\d{1,3}[a-z]{0,3}\b/g;
/** A quartile or median, a few words about it, then the verb or preposition stating its figure. */
const QUARTILE_STATED_BEFORE = new RegExp(String.raw`(?:${NOT_A_FIGURE_OF_OURS.source})[^.;\d]{0,50}\b(?:is|was|are|were|of|at|stands at|stood at|[:=])\s*$`, 'i');

/**
 * Between a result and the target it is measured against: ", below the target of", "against a target of", "on
 * course for the year-end target of", or the target in brackets after it ("1,912 per 100,000 (target 1,850)").
 */
const SET_AGAINST_TARGET = /^[^.;\d]{0,20}\b(?:against|below|above|under|over|short of|ahead of|behind|beating|missing|exceeding|compared (?:with|to)|on (?:course|track) (?:for|to (?:meet|reach|hit)))\s+(?:the|a|its|our)?\s*(?:[\w-]+\s+)?targets?\b[^.;\d]{0,12}$|^\s*\(\s*(?:the\s+|a\s+)?(?:[\w-]+\s+)?target\b[^.;\d()]{0,12}$/i;

/** "Target:", "Baseline (2006/07):", "Latest outturn 2009/10:": a kind's label opening a sentence, with its colon. */
const LABEL_OPENS = new RegExp(String.raw`^[\s•·*–-]*(?:${LABEL_QUALIFIER}\s+)?(?:${LABEL_WORDS})s?\b[^:.;\d%]{0,12}(?:\(?(?:19|20)\d\d(?:\/\d\d)?\)?)?\s*:`, 'i');

/**
 * "Year to date: 92.3", "Same quarter last year: 81.0%", "Q4 2009/10: 3,180": a label naming the period a figure
 * is for, opening a sentence with its colon, in a line of the indicator's own block like a kind's label.
 */
const PERIOD_LABEL_OPENS = new RegExp(String.raw`^[\s•·*–-]*(?:(?:financial\s+)?year[- ]to[- ]date|ytd|(?:the\s+)?(?:${SAME_PERIOD}\s+)?(?:last|previous)\s+year|(?:Q|qtr|quarter)\s*[1-4](?:\s+(?:19|20)\d\d\s*\/\s*\d\d)?)\s*:\s*[<>~]?\s*\d`, 'i');

/** Words that make a change in a sentence one the plan aims at: "the stretch target … is a 5% reduction". */
const AIMED_BEFORE = /\b(?:targets?|aims?|aiming|stretch|ambition|aspiration|agreed|commit(?:s|ted|ment)?|plans?\s+to|planned|seeks?\s+to|will)\b/i;
/** "… by March 2011", "… by the end of 2010/11": a change to be made by a date. */
const BY_A_DATE_AFTER = /^[^.;]*?\bby\s+(?:the\s+end\s+of\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+)?(?:19|20)\d\d/i;

/** Words that set a period against the one reported: "compared with 2008/09", "on the same period in 2008",
 * "compared with April to September 2008". */
const SET_AGAINST_PERIOD = new RegExp(String.raw`\b(?:compared\s+(?:with|to)|than|versus|vs\.?|on)\s+(?:the\s+)?(?:${SAME_PERIOD}\s+(?:in|of)\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*(?:to|-|–)\s*)?$`, 'i');

/** "… for the year", "… for the whole year", "… for the year as a whole" right after a figure. */
const FOR_THE_YEAR_AFTER = /^\s*(?:for|over)\s+the\s+(?:whole\s+|full\s+|financial\s+)?year\b(?!\s+(?:to|ending|ended|before)\b)/i;
/** "in the previous quarter", "over the preceding quarter" right after a figure, with no date of its own ("the previous
 * quarter to 31 March 2007" is dated by its date). */
const PREVIOUS_QUARTER_AFTER = /^\s*(?:(?:in|for|at|over|during)\s+)?(?:the\s+)?(?:previous|preceding|prior)\s+(?:quarter|qtr)\b(?!\s+(?:to|ending|ended)\b)/i;
/** "… in the same quarter last year", "… in Quarter 2 of the previous year", "… the year before". */
const LAST_YEAR_AFTER = new RegExp(String.raw`^\s*(?:(?:in|for|at|over)\s+)?(?:the\s+)?(?:${SAME_PERIOD}\s+|(?:quarter|qtr|q)\s*([1-4])\s+)?(?:of\s+)?(?:(?:last|previous)\s+year|year\s+before|a\s+year\s+(?:earlier|before))\b`, 'i');

/** After a paragraph's number: a capitalised word opening its first sentence ("The", "Members"), not a month ("12 May 2009"). */
const PARAGRAPH_OPENING_AFTER = /^\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]+\b/;
/** Words a heading numbers: "Stretch target 3:", "Priority 2.", "Outcome 4)". */
const NUMBERED_HEADING_BEFORE = /\b(?:targets?|priority|priorities|outcomes?|objectives?|themes?|aims?|goals?)\s*$/i;

/** "is around 33%", "of about 6.1": words that round a figure, between its cue and the figure. */
const ABOUT = String.raw`(?:\s+(?:around|about|approximately|roughly|some|nearly|almost|just over|just under))?`;
/** "the Tyne and Wear average", "an IPF group average", "the family group average": the named area before it. */
const NAMED_AVERAGE_BEFORE = new RegExp(String.raw`([A-Z][\w&'-]*(?:\s+(?:and|&|of|the|group|family|[A-Z][\w&'-]*)){0,4})\s+(?:average|avg\.?|mean)s?\s*(?:of|was|is|at|=|:)?${ABOUT}\s*\(?\s*$`);
// "the regional figure of 18.3%": a figure word counts where a comparator place names it (checked below).
// "the England rate of 40.5", "the regional level (39.8)": so do the words of a measure's level.
const AVERAGE_BEFORE = new RegExp(String.raw`(?:average|avg\.?|mean|figure|rate|level|percentage|score)s?\s*(?:of|was|is|at|=|:)?${ABOUT}\s*\(?\s*$`, 'i');

/** "the Tyne and Wear average (78%)", "England average of 53%": the area a comparator figure is for. */
function comparatorBefore(before: string): string | null {
  const named = NAMED_AVERAGE_BEFORE.exec(before);
  if (named && !/^(?:The|This|An?|Our|Its)$/.test(named[1])) return named[1].replace(/^The\s+/, '');
  const tail = before.slice(-50);
  if (!AVERAGE_BEFORE.test(tail)) return null;
  // The comparator nearest the figure: "a national average of 112 and a regional average of 104" gives 104 to
  // the region, "the England rate of 6.4% and the North East rate of 8.1%" 8.1% to the North East.
  const m = [...tail.matchAll(COMPARATORS)].pop();
  const place = placeComparator(tail, true);
  if (place && (!m || place.at > m.index)) return place.area;
  return m ? comparatorArea(m[0]) : null;
}

interface Clause {
  sentence: string;
  token: ValueToken;
  /** Where the clause the figure closes starts: after the previous figure, or the sentence start. */
  from: number;
  periods: PeriodMatch[];
  ctx: PhraseContext;
  sentencePeriod: string | null;
  /** The code stands right before the figure with a colon ("LI 4.3 (average days …): 27 days in 2008/09"). */
  reportedAfterCode: boolean;
  /** The code opens the sentence (after a bullet): what the sentence says "is" is the indicator's value. */
  codeIsSubject: boolean;
  /** The period of the figure read before this one in the sentence, if any. */
  previousPeriod?: string | null;
}

function classify(c: Clause): Reading | null {
  const { sentence, token, periods, ctx } = c;
  const before = sentence.slice(c.from, token.start);
  const after = sentence.slice(token.end, token.end + 60);
  const own = ownPeriod(sentence, token, periods, ctx);
  const dated = (fallback: string | null) => own?.period ?? c.sentencePeriod ?? fallback;
  const area = comparatorBefore(sentence.slice(Math.max(0, token.start - 60), token.start));
  // A comparator is for the period of the figure it is set beside: "12.4% in May 2009 (Great Britain 12.0%)".
  if (area) return { kind: 'result', period: dated(c.previousPeriod ?? ctx.reportingPeriod), area, strong: true, why: 'comparator average' };
  // "The stretch target for NI 30 is a 5% reduction on the 2007/08 baseline … by March 2011": a change the plan
  // aims at is a relative target; a change reported ("a 5% reduction in crime this year") is not a figure of ours.
  if (token.relativeChange !== null) {
    if (!AIMED_BEFORE.test(sentence.slice(0, token.start)) && !BY_A_DATE_AFTER.test(sentence.slice(token.end))) return null;
    const by = periods.find((p) => p.start >= token.end && /\bby\s+(?:the\s+end\s+of\s+)?$/i.test(sentence.slice(Math.max(token.end, p.start - 20), p.start)));
    return { kind: 'target', period: own?.period ?? by?.period ?? null, area: null, strong: true, why: 'relative target', relative: token.relativeChange < 0 ? -1 : 1 };
  }
  // "reduce under-18 conceptions by 45% by 2010", "a target reduction of 45% by 2010": the change is the target;
  // the level reached is not written.
  if (token.unit === '%' && (/\b(?:reduce|reducing|reduction|cut|lower|increase|increasing|raise|improve)\b[^.;]{0,60}?\bby\s*$/i.test(before) || TARGETED_CHANGE_BEFORE.test(before))) {
    return { kind: 'target', period: own?.period ?? null, area: null, strong: true, why: 'relative target', relative: /\b(?:reduc|cut|lower)/i.test(before) ? -1 : 1 };
  }
  // "reduce by 1.5 percentage points", "cut the number by 120": the size of a change, in any other unit, is no level.
  if (/\b(?:reduce|reducing|reduction|cut|lower|increase|increasing|raise|improve|narrow|widen)\b[^.;]{0,60}?\bby\s*$/i.test(before)) return null;
  // "above the Tyne and Wear average (78%) and 2006/7 BVPI Survey (76%)": a dated earlier figure in a comparison.
  const datedSource = DATED_SOURCE.exec(before);
  if (datedSource && COMPARING.test(sentence.slice(0, token.start))) return { kind: 'result', period: findPeriods(datedSource[1])[0]?.period ?? null, area: null, strong: true, why: 'earlier result compared' };
  if (TARGET_AFTER.test(after)) return { kind: 'target', period: own?.period ?? periodJustAfterTarget(after) ?? dated(ctx.reportingPeriod), area: null, strong: true, why: 'figure naming its target' };
  if (REQUIRED_AFTER.test(after)) return { kind: 'target', period: own?.period ?? c.sentencePeriod ?? null, area: null, strong: true, why: 'level required' };
  // "£1,250,000 were achieved in 2008/09": the period the words after the verb name.
  const done = DONE_AFTER.exec(after);
  if (done) return { kind: 'result', period: own?.period ?? periodOpening(after.slice(done[0].length)) ?? dated(ctx.reportingPeriod), area: null, strong: true, why: 'result reported as done' };
  const decided = token.unit === '%' ? SHARE_DECIDED_AFTER.exec(after) : null;
  if (decided) return { kind: 'result', period: own?.period ?? periodOpening(after.slice(decided[0].length)) ?? dated(ctx.reportingPeriod), area: null, strong: true, why: 'share decided' };
  // "86% (Q1 84%, target 90%)": an earlier quarter of the year reported, set beside the figure.
  const quarterLabel = /\(\s*(?:Q|qtr|quarter)\s*([1-4])\s*[:=–-]?\s*$/i.exec(before);
  const quarter = quarterLabel && !own ? quarterOfYearReported(Number(quarterLabel[1]), ctx.reportingPeriod, ctx.reportingQuarter) : null;
  if (quarter) return { kind: 'result', period: quarter, area: null, strong: true, why: 'earlier quarter compared', adjacent: true };
  // "46.9% in 2009/10 (2008/09: 43.1%)": an earlier year set beside the figure, in brackets, is that year's result.
  const bracketYear = /\(\s*((?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?)\s*[:=–-]\s*$/.exec(before);
  const bracketPeriod = bracketYear ? (findPeriods(bracketYear[1])[0]?.period ?? null) : null;
  const laterOne = c.previousPeriod ?? ctx.reportingPeriod;
  if (bracketPeriod && laterOne && periodEndYear(bracketPeriod) < periodEndYear(laterOne)) {
    return { kind: 'result', period: bracketPeriod, area: null, strong: true, why: 'earlier result compared', adjacent: true };
  }
  // "a reduction of 18% on 2008/09, when there were 363", "8% lower than 2007/08, when the rate was 15.4": the
  // figure of the period a relative clause names (before the cues: "the rate was" would date it as reported).
  const whenThen = WHEN_THERE_WERE.exec(before);
  if (whenThen) return { kind: 'result', period: findPeriods(whenThen[1])[0]?.period ?? null, area: null, strong: true, why: 'earlier result compared', adjacent: true };
  let first: { cue: Cue; at: number; adjacent?: boolean } | null = null;
  for (const cue of ADJACENT) {
    const m = cue.re.exec(before);
    if (m && !first) first = { cue, at: m.index, adjacent: true };
  }
  // "showing off target with a Quarter 1 score of 18.08%": a status remark names no figure's kind.
  const unstated = before.replace(STATUS_REMARK, (m) => ' '.repeat(m.length));
  for (const cue of first ? [] : CUES) {
    const m = cue.re.exec(unstated);
    if (m && (!first || m.index < first.at)) first = { cue, at: m.index };
  }
  if (first) {
    const { kind, why } = first.cue;
    if (kind === 'result' && CHANGE_AFTER.test(after)) return null;
    // "from 88.2% in Mar 2008 to 90.5% by 2010/11", "will be reduced to 20% by 2010/11": a figure dated "by" a
    // year is where the plan aims.
    // But "fell back to 27 days by March 2007", after a change only a report writes, is where it had got to by then
    // (unless that date is after the period reported, which no report can have seen).
    if (own?.by && kind !== 'baseline') {
      const reached = why === CHANGE_ENDED && DONE_CHANGE_BEFORE.test(before) && (!ctx.reportingPeriod || periodEndYear(own.period) <= periodEndYear(ctx.reportingPeriod));
      return reached ? { kind, period: own.period, area: null, strong: true, why } : { kind: 'target', period: own.period, area: null, strong: true, why: 'figure to reach by a date' };
    }
    if (kind === 'result' && FORECAST.test(before)) return null;
    // "45% by 2010/11; current performance is 38.4%": a deadline dates the figure before it, not this one.
    // "fell by 11% compared with April to September 2008, to 14.2": nor does the period a figure is set against.
    // "on the 2007/08 baseline of 1,234": a year naming the baseline dates it, whatever word comes before.
    const namesBaseline = (p: PeriodMatch) => kind === 'baseline' && /^\s*baseline\b/i.test(before.slice(p.end));
    const clausePeriod = findPeriods(before).filter((p) => !/\bby\s+(?:the\s+end\s+of\s+)?$/i.test(before.slice(0, p.start)) && (namesBaseline(p) || !SET_AGAINST_PERIOD.test(before.slice(0, p.start)))).pop()?.period ?? null;
    // "… last year", "compared to 27 days last year": the year before the one reported on.
    // "compared with 24 in Quarter 2 last year": that quarter of the year before.
    // "… 455 the year before", "… a year earlier": the year before the figure it is compared with, when one is dated.
    const lastYearAfter = LAST_YEAR_AFTER.exec(after);
    // "… down from 7.4% in the preceding quarter": the quarter before the one reported, or no period if that is unknown.
    if (kind === 'result' && !own && PREVIOUS_QUARTER_AFTER.test(after)) {
      return { kind, period: quarterBeforeReported(ctx.reportingPeriod, ctx.reportingQuarter), area: null, strong: true, why, adjacent: first.adjacent };
    }
    const saysLastYear = /(?:same|this) period last year|last year|previous year/i.test(before) || lastYearAfter !== null;
    const lastYear = saysLastYear && kind === 'result' ? yearBefore(c, lastYearAfter?.[1]) : null;
    // "Position at 30 September 2008: 45 homes, against a target of 120 for the year": a target for the year is
    // the year's, whatever month the sentence opened with.
    if (kind === 'target' && !own && !clausePeriod && FOR_THE_YEAR_AFTER.test(after)) {
      const year = ctx.reportingPeriod ?? (c.sentencePeriod ? financialYearOfMonth(c.sentencePeriod) : null);
      return { kind, period: year, area: null, strong: true, why, adjacent: first.adjacent };
    }
    // Words right after the figure naming the year before date it over any period the sentence opened with.
    const period = own?.period ?? (lastYearAfter ? lastYear : null) ?? clausePeriod ?? c.sentencePeriod ?? lastYear ?? (kind === 'baseline' ? null : ctx.reportingPeriod);
    return { kind, period, area: null, strong: true, why, adjacent: first.adjacent };
  }
  // "target 5.9%, England 6.4%", "(Great Britain 12.0%)": a comparator place written right before a figure.
  const place = token.area ? placeComparator(token.area) : null;
  if (place && place.at === 0 && place.length === token.area!.length) return { kind: 'result', period: dated(c.previousPeriod ?? ctx.reportingPeriod), area: place.area, strong: true, why: 'comparator average' };
  // "defined as 88% as at 21 November 2005": a figure dated as a position at a date is the result then.
  if (/^\s*\)?\s*,?\s*as (?:at|of)\b/i.test(after) && own) return { kind: 'result', period: own.period, area: null, strong: true, why: 'position at a date' };
  if (own && !own.by && SET_AGAINST_BEFORE.test(before)) return { kind: 'result', period: own.period, area: null, strong: true, why: 'earlier result compared', adjacent: true };
  // "42.3 per cent …, against 40 per cent last year": the year before, set against the one reported.
  const againstLastYear = !own && SET_AGAINST_BEFORE.test(before) ? LAST_YEAR_AFTER.exec(after) : null;
  if (againstLastYear) return { kind: 'result', period: yearBefore(c, againstLastYear[1]), area: null, strong: true, why: 'earlier result compared', adjacent: true };
  // "…, against 39.8% in the previous quarter": the quarter before the one reported.
  if (!own && SET_AGAINST_BEFORE.test(before) && PREVIOUS_QUARTER_AFTER.test(after)) {
    return { kind: 'result', period: quarterBeforeReported(ctx.reportingPeriod, ctx.reportingQuarter), area: null, strong: true, why: 'earlier result compared', adjacent: true };
  }
  if (COMPARED_AFTER.test(after)) return { kind: 'result', period: dated(ctx.reportingPeriod), area: null, strong: true, why: 'result set against another figure' };
  if (own?.by && /\b(?:to|reach|increase|reduce|raise|improve|cut|lower)\b/i.test(before)) return { kind: 'target', period: own.period, area: null, strong: true, why: 'figure to reach by a date' };
  // "Reduce the rate to 17.5% by 2010/11 from 18.9% in 2007/08": where a planned change starts.
  if (/\bfrom\s*$/i.test(before) && /\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d/i.test(sentence)) return { kind: 'baseline', period: own?.period ?? null, area: null, strong: true, why: 'starting point of a planned change' };
  // "improved to 21 days from 28 days last year": where it started, in the year before when the words say so.
  if (/\bfrom\s*$/i.test(before) && REPORTED_CHANGE.test(sentence.slice(Math.max(0, token.start - 80), token.start))) {
    const lastYearAfter = LAST_YEAR_AFTER.exec(after);
    return { kind: 'result', period: own?.period ?? (lastYearAfter ? yearBefore(c, lastYearAfter[1]) : null), area: null, strong: true, why: 'where a reported change started' };
  }
  // "… provided: 450 homes are planned over the next three years": a figure the words after call planned is no result.
  if (c.reportedAfterCode && !PLANNED_AFTER.test(after)) return { kind: 'result', period: dated(ctx.reportingPeriod), area: null, strong: true, why: 'figure reported after the code' };
  // "A1, the proportion of Looked After children with 3 placements or more, is 12%": the indicator is the
  // subject and the figure its present value.
  if (c.codeIsSubject && /\b(?:is|are|was|were|stands at|stood at|now)\s*$/i.test(before)) return { kind: 'result', period: dated(ctx.reportingPeriod), area: null, strong: true, why: 'value stated of the indicator' };
  if (SURVEY_AFTER.test(after)) return { kind: 'result', period: dated(ctx.reportingPeriod), area: null, strong: false, why: 'survey or outcome statement' };
  return null;
}

/**
 * The year before the one the figure is compared with (the figure read before it, else the report's), or that
 * quarter of it when one is named ("in Quarter 2 last year").
 */
function yearBefore(c: Clause, quarter: string | undefined): string | null {
  const comparedWith = c.previousPeriod ?? c.ctx.reportingPeriod;
  const year = comparedWith ? previousPeriod(comparedWith) : null;
  return year && quarter ? (quarterEnd(year, Number(quarter)) ?? year) : year;
}

/**
 * Paragraph numbers of minutes run together into one block ("1.0 Background: 1.1 The City Council … 1.2 currently
 * 44 of our 99 … 1.3 In 2005/6 …"): where the text holds a run of at least three numbers stepping as an outline
 * does from its start (1.1, 1.2, 1.3; 2.0, 2.1), their offsets; those are list numbers, not figures.
 */
function outlineNumbers(text: string): Set<number> {
  const marks = [...text.matchAll(/(?:^|[.:;)]\s+|\s)(\d{1,2})\.(\d{1,2})(?=\s+[A-Za-z£(])/g)].map((m) => ({
    at: m.index + m[0].length - m[1].length - m[2].length - 1, major: Number(m[1]), minor: Number(m[2]),
  }));
  const steps = (a: (typeof marks)[number], b: (typeof marks)[number]) => (b.major === a.major && b.minor === a.minor + 1) || (b.major === a.major + 1 && b.minor <= 1);
  const out = new Set<number>();
  let run: typeof marks = [];
  // An outline starts at x.0 or x.1; "9.7 days, 9.8 days and 9.9 days" are figures that happen to step.
  const close = () => {
    if (run.length >= 3 && run[0].minor <= 1) for (const m of run) out.add(m.at);
    run = [];
  };
  for (const m of marks) {
    if (run.length && !steps(run[run.length - 1], m)) close();
    run.push(m);
  }
  close();
  return out;
}

/**
 * The second of two figures compared with the first ("This compares with 2.61 days over the previous quarter and
 * 2.24 days in the same quarter last year"): joined by "and" to an earlier result compared, with a period of
 * its own, it is one too.
 */
function comparedAlongside(sentence: string, token: ValueToken, periods: PeriodMatch[], previous: { token: ValueToken; reading: Reading } | null): Reading | null {
  if (!previous || previous.reading.why !== 'earlier result compared') return null;
  if (!/^(?:[^.;\d]|(?:19|20)\d\d(?:\/\d{1,2})?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+)*\band\s*$/.test(sentence.slice(previous.token.end, token.start))) return null;
  const own = ownPeriod(sentence, token, periods);
  return own ? { kind: 'result', period: own.period, area: null, strong: true, why: 'earlier result compared', adjacent: previous.reading.adjacent } : null;
}

/**
 * "targets 6.7 (2008/09), 6.5 (2009/10), 6.3 (2010/11)": a list of dated figures goes on with the kind of the
 * first, each figure dated by its own bracket. Only where nothing but the bracketed period and a comma or
 * "and" stands between one figure and the next.
 */
function datedListItem(sentence: string, token: ValueToken, periods: PeriodMatch[], previous: { token: ValueToken; reading: Reading } | null): Reading | null {
  if (!previous) return null;
  // "2004 – 52.1%, 2005 – 54.3%": items each led by its year, after a first dated the same way.
  const led = YEAR_LED_ITEM.exec(sentence.slice(previous.token.end, token.start));
  const leadingYear = YEAR_LEADING_FIGURE.exec(sentence.slice(0, previous.token.start));
  if (led && leadingYear && !previous.reading.area && previous.reading.period === findPeriods(leadingYear[1])[0]?.period) {
    const period = findPeriods(led[1])[0]?.period ?? null;
    return period ? { ...previous.reading, period } : null;
  }
  const between = /^\s*\(([^()]{2,20})\)\s*(?:,|;|and|&)\s*(?:and\s+)?$/i.exec(sentence.slice(previous.token.end, token.start));
  if (!between || !findPeriods(between[1]).length) return null;
  const own = ownPeriod(sentence, token, periods);
  return own && /^\s*\(/.test(sentence.slice(token.end)) ? { ...previous.reading, period: own.period, area: null } : null;
}

/**
 * "96.2% (target 97%; 2006/07 95.4%)", "1,912 (target 1,850; 2007/08: 1,788)": in the brackets after a figure, an
 * item labelled by a year alone, a year before the one reported, is that year's result; a later year's figure
 * without a kind word could be an aim, and is left.
 */
function earlierYearInBrackets(sentence: string, token: ValueToken, previous: { token: ValueToken; reading: Reading } | null, ctx: PhraseContext): Reading | null {
  if (!previous || !ctx.reportingPeriod || openBrackets(sentence.slice(0, token.start)) <= 0) return null;
  const item = BRACKET_YEAR_ITEM.exec(sentence.slice(previous.token.end, token.start));
  const period = item ? (findPeriods(item[1])[0]?.period ?? null) : null;
  if (!period || periodEndYear(period) >= periodEndYear(ctx.reportingPeriod)) return null;
  return { kind: 'result', period, area: null, strong: true, why: 'earlier year in brackets' };
}

/** A year written in prose: "2009", "2009/10", "2009/2010", "2006/7". */
const YEAR = String.raw`(?:19|20)\d\d(?:\s*[/-]\s*\d{1,4})?`;
/** Between a bracket's items, the next led by its year alone: "; 2006/07 ", ", 2007/08: ". */
const BRACKET_YEAR_ITEM = new RegExp(String.raw`^\s*[;,]\s*(${YEAR})\s*[:=–-]?\s*$`);
/** Between two items of a list each led by its year: ", 2005 – ". */
const YEAR_LED_ITEM = new RegExp(String.raw`^\s*[,;]\s*(?:and\s+)?(${YEAR})\s*[:=–-]\s*$`);
/** The year leading the first item: "… 2004 – ". */
const YEAR_LEADING_FIGURE = new RegExp(String.raw`(?:^|[\s(,;:])(${YEAR})\s*[:=–-]\s*$`);

/** A quarter, year or month standing for a clause left out: "and Quarter 2 as", "and for 2010/11", ") and Q2 (". */
const GAPPED_CLAUSE = new RegExp(String.raw`^\s*\)?\s*,?\s*(?:and|&|while|whilst|whereas)\s+(?:(?:for|in|at|by|during)\s+)?(?:the\s+)?((?:(?:Q|Qtr|Quarter)\s*[1-4](?:\s+(?:of\s+)?${YEAR})?|${YEAR}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+${YEAR})?))\s*(?:\(|as|at|was|were|is|of|[:=–-])?\s*$`, 'i');

/**
 * The second figure of a clause shortened by leaving out what it shares with the first: "Quarter 1 was reported
 * as 2.84 days and Quarter 2 as 2.66 days", "the target for 2009/10 is 9.8 and for 2010/11 9.5", "higher than Q1
 * 2006/7 (2.25 days) and Q2 (2.8 days)". It is the same kind of figure, for the period it names; a quarter
 * named without its year is a quarter of the first figure's year.
 */
function gappedItem(sentence: string, token: ValueToken, periods: PeriodMatch[], previous: { token: ValueToken; reading: Reading } | null): Reading | null {
  if (!previous || previous.reading.relative || previous.reading.area) return null;
  const previousEnd = Math.max(previous.token.end, ownPeriod(sentence, previous.token, periods)?.end ?? 0);
  const gap = GAPPED_CLAUSE.exec(sentence.slice(previousEnd, token.start).replace(/^\s*\)/, ''));
  if (!gap) return null;
  const named = findPeriods(gap[1])[0]?.period ?? null;
  const quarterOfYear = !named && /^(?:Q|Qtr|Quarter)/i.test(gap[1]) && previous.reading.period && /^\d{4}\/\d{2}$/.test(previous.reading.period) ? previous.reading.period : null;
  if (!named && !quarterOfYear) return null;
  return { ...previous.reading, period: named ?? quarterOfYear };
}

/** "in 2007/08", "during 2006", "at 30 September 2010": a period the words start with. */
function periodOpening(text: string): string | null {
  const lead = /^\s*(?:in|for|during|at|as at|as of)?\s*(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?=[A-Za-z]))?/i.exec(text)![0].length;
  const p = findPeriods(text.slice(lead))[0];
  return p && p.start === 0 ? p.period : null;
}

function periodJustAfterTarget(after: string): string | null {
  const m = /^\s*\)?\s*(?:\w+\s+)?target\s+(?:for|in|by)?\s*/i.exec(after);
  if (!m) return null;
  const p = findPeriods(after.slice(m[0].length))[0];
  return p && p.start === 0 ? p.period : null;
}

/** "the 2007/08 figure has been restated from", "outturn … was revised from": a result corrected; group 1 the year named. */
const RESULT_RESTATED_FROM = /\b(?:the\s+)?((?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\s+)?(?:figure|outturn|out-turn|result|data|performance|position)s?\b[^.;\d]{0,60}?\b(?:restated|revised|amended|corrected|re-?calculated|adjusted)\b[^.;\d]{0,40}?\bfrom\s*$/i;
/** "450 homes are planned over the next three years", "… is expected to be delivered": a figure still to come. */
const PLANNED_AFTER = /^[^.;\d]{0,40}?\b(?:are|is|were|was)\s+(?:planned|proposed|expected|forecast|projected|programmed|anticipated)\b|^[^.;\d]{0,40}?\bto be (?:delivered|built|achieved|completed)\b/i;

/** "has improved from", "fell from", "was reduced from" (not "to be reduced from"): a change reported as done, right before "from". */
const REPORTED_DONE_BEFORE_FROM = new RegExp(String.raw`(?<!\b(?:be|to|will|shall|would|should|must|can|could)\s+)\b(?:${CHANGE_VERBS}|reduced)\s+from\s*$`, 'i');

/**
 * A target and a word changing it in one clause, then "from" just before the figure it was: "target change for
 * … from"; not where a result is what changed ("against target, performance has changed from …").
 */
const TARGET_CHANGED_FROM = /\btargets?\b(?:(?!performance|outturn|result|actual|achiev)[^.;]){0,90}?\b(?:chang\w*|revis\w*|amend\w*|adjust\w*|re-?set|re-?bas\w*|lower\w*|rais\w*)\b[^.;\d]{0,80}?\bfrom\s*$|\b(?:chang\w*|revis\w*|amend\w*|adjust\w*|re-?set|lower\w*|rais\w*)\s+(?:the|its|our|this|that)?\s*(?:[\w-]+\s+){0,2}targets?\b[^.;\d]{0,40}?\bfrom\s*$/i;

/**
 * "rose from 5.2 days to 6.1 days compared with the same period last year" (two results, a year apart);
 * "from 88.2% in Mar 2008 to 90.5% by 2010/11", "12.4% → 15.0% by 2010/11" (a baseline and a target).
 */
function fromTo(sentence: string, figures: ValueToken[], periods: PeriodMatch[], ctx: PhraseContext): Map<ValueToken, Reading | null> {
  const out = new Map<ValueToken, Reading | null>();
  for (let i = 0; i + 1 < figures.length; i++) {
    const [a, b] = [figures[i], figures[i + 1]];
    const lead = sentence.slice(Math.max(0, a.start - 50), a.start);
    const between = sentence.slice(a.end, b.start);
    const arrow = /^\s*(?:\([^)]{0,30}\))?\s*(?:→|->|=>)\s*$/.test(between);
    // "from 88.2% in Mar 2008 to 90.5%", "from a 2008 baseline of 27% to 30% in 2011".
    const fromLead = /\bfrom\b(?:\s+(?:a|an|the|its|our)\b)?(?:[^\d.;%]|(?:19|20)\d\d(?:\/\d\d)?){0,30}$/i.test(lead) && !/\d/.test(lead.slice(lead.search(/\bfrom\b[^\d]*$/i)).replace(/(?:19|20)\d\d(?:\/\d\d)?/g, ''));
    if (!arrow && !(fromLead && /^[^.;]{0,40}?\bto\s*$/i.test(between))) continue;
    const ownA = ownPeriod(sentence, a, periods, ctx);
    const ownB = ownPeriod(sentence, b, periods, ctx);
    // "the proposed target change for … [NI191] from 585kg to 560kg", "the target … be revised from 120 to 95":
    // the figure changed to is the target; the one changed from is a target no longer set, stored as nothing.
    // The clause before the first figure, codes blanked (their digits are no figure between its words).
    const clause = sentence.slice(Math.max(0, a.start - 120), a.start).replace(CODE_LIKE, 'code');
    if (TARGET_CHANGED_FROM.test(clause)) {
      out.set(a, null);
      out.set(b, { kind: 'target', period: ownB?.period ?? ctx.reportingPeriod, area: null, strong: true, why: 'target changed to' });
      continue;
    }
    // "the 2007/08 figure has been restated from 10.1 to 9.8 days": the figure a result was corrected to, for
    // the year the clause names; the one it replaced is stored as nothing.
    const restated = RESULT_RESTATED_FROM.exec(clause);
    if (restated) {
      out.set(a, null);
      out.set(b, { kind: 'result', period: ownB?.period ?? (restated[1] ? (findPeriods(restated[1])[0]?.period ?? null) : null) ?? ctx.reportingPeriod, area: null, strong: true, why: 'result restated as' });
      continue;
    }
    // "the national average rose from 17.5% to 18.3%": a comparator's change, results for that area.
    const comparator = [...lead.matchAll(COMPARATORS)].pop();
    const comparatorAreaOfChange = comparator && !/\d/.test(lead.slice(comparator.index + comparator[0].length)) ? comparatorArea(comparator[0]) : null;
    // "reduce the rate from 8.1 to 7.2 per 1,000 population by 2011": a plan's verb, or a deadline after the
    // second figure's unit, makes the change planned.
    const byAfter = /^[^.;\d]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?((?:[A-Za-z]+\s+)?(?:19|20)\d\d(?:\s*\/\s*\d{1,2})?)/i.exec(sentence.slice(b.end));
    const planVerb = /\b(?:reduce|increase|improve|raise|cut|lower|halve|maintain)\b[^.;]{0,40}$/i.test(lead);
    // "against target, performance has improved from 38% to 41%": a change reported as done is no plan, whatever
    // words stand before it (unless a deadline or a plan's verb makes it one).
    const reportedDone = REPORTED_DONE_BEFORE_FROM.test(lead);
    const planned = ownB?.by || arrow || byAfter || planVerb || (!reportedDone && /\b(?:aim|target|plan|want|expect|baseline)\w*\b/i.test(lead));
    if (planned) {
      const leadPeriod = findPeriods(lead.slice(lead.search(/\bfrom\b[^]*$/i))).pop()?.period ?? null;
      out.set(a, { kind: 'baseline', period: ownA?.period ?? leadPeriod, area: null, strong: true, why: 'starting point of a planned change' });
      out.set(b, { kind: 'target', period: ownB?.period ?? (byAfter ? (findPeriods(byAfter[1])[0]?.period ?? null) : null), area: null, strong: true, why: 'end point of a planned change' });
    } else {
      const span = changeSpanIn(sentence) ?? ctx.changeSpan ?? null;
      const current = ownB?.period ?? span?.[1] ?? ctx.reportingPeriod;
      const earlier = ownA?.period ?? span?.[0] ?? (current && /same period last year|last year|previous year/i.test(sentence) ? previousPeriod(current) : null);
      out.set(a, { kind: 'result', period: earlier, area: comparatorAreaOfChange, strong: true, why: 'earlier result of a change' });
      out.set(b, { kind: 'result', period: current, area: comparatorAreaOfChange, strong: true, why: 'result after a change' });
    }
  }
  return out;
}

/**
 * Figures of coded indicators in a text unit's sentences. A sentence with no code of its own continues the
 * sentence before only when it refers back to it ("This is above the regional average (78%)"), and then only
 * its strongly cued figures count.
 */
export function readPhrases(unit: TextUnit, ctx: PhraseContext, carriedFrom: Mention | null = null, subject = false): Candidate[] {
  const out: Candidate[] = [];
  // The indicator the paragraph before named ("• NI 136 People supported …" then "Performance at the end of
  // Quarter 2 was 2334.36 …") carries on like a sentence before would.
  let previous: Mention[] = carriedFrom ? [carriedFrom] : [];
  let seenOwn = false;
  // The words of the sentences that name the paragraph's indicator ("Sickness absence is measured by BV 12 …").
  const namingWords = new Set<string>();
  // Codes found in the whole unit: a few forms are codes only by the words around them ("D78, … children Looked
  // After …"), and those words may stand in the next sentence.
  const sentences = sentencesOf(unit.text);
  const inUnit = sentences.length > 1 ? findMentions(unit) : [];
  const outline = outlineNumbers(unit.text);
  const aboutOne = sentences.length > 2 && new Set(inUnit.map((m) => m.code)).size === 1;
  for (const { text: sentence, at } of sentences) {
    const inSentence = findMentions({ ...unit, text: sentence }).map((m) => shift(m, unit, at));
    const coded = [
      ...inSentence,
      ...inUnit.filter((m) => m.source.start >= at && m.source.end <= at + sentence.length && !inSentence.some((o) => o.source.start < m.source.end && m.source.start < o.source.end)),
    ];
    // "NI 195 street cleanliness: litter 6%, detritus 11%": parts the sentence lists by subject after the code.
    const listedParts = coded.filter((m) => hasParts(m.code)).flatMap((m) => partsListedIn(unit, m, m.source.end, at + sentence.length));
    const own = [...coded, ...listedParts].sort((a, b) => a.source.start - b.source.start);
    // In a cell of an indicator's row (`subject`), every sentence is about that indicator, anaphor or not.
    // A sentence opening with a kind's label ("Target: hold the rate to no more than 1,900 by 2010/11") is a line
    // of the indicator's own block, like a labelled figure.
    const referred = !own.length && previous.length === 1 && ((refersBack(sentence) && !namesAnotherMeasure(sentence, previous[0])) || THIS_INDICATOR.test(sentence) || (subject && previous[0] === carriedFrom) || echoesTitle(sentence, previous[0]) || subjectEchoes(sentence, previous[0]) || LABEL_OPENS.test(sentence) || PERIOD_LABEL_OPENS.test(sentence));
    // In a paragraph about one indicator, a sentence that does not refer back still speaks of it where the words
    // right at a figure say what the figure is ("… with an increase in 2006/7 to an outturn level of 11.26 days",
    // "Sickness absence for Quarter 1 was reported as 2.84 days"); only such figures are read from it.
    const atFigureOnly = !referred && !own.length && previous.length === 1 && aboutOne;
    // Under a line naming one indicator, before the paragraph names any code of its own, a baseline or target
    // written as such right at its figure ("The 2008 Place Survey gave a baseline of 22.1 per cent") is that
    // indicator's; other figures of such a sentence are left alone (counts, changes, other measures).
    const kindWordOnly = !referred && !atFigureOnly && !own.length && previous.length === 1 && previous[0] === carriedFrom && !seenOwn;
    const carried = referred || atFigureOnly || kindWordOnly;
    const mentions = own.length ? own : carried ? previous : [];
    // "Best Value Performance Indicator 12 (BVPI 12)" names one indicator twice: it is still one to refer back to.
    if (own.length) previous = own.filter((m, i) => own.findIndex((o) => o.code === m.code) === i);
    // A paragraph about the indicator named before it stays about it until it names another; a sentence with
    // no figure and no code ("Figure 2 shows how the total was reached.") does not change the subject.
    // A paragraph that names one indicator and no other is about it throughout: a sentence of other figures
    // in between does not end that, and the next that refers back is still about it.
    else if (!carried && !aboutOne && parseValues(sentence).some((t) => isFigure(sentence, t))) previous = carriedFrom && !seenOwn ? [carriedFrom] : [];
    if (own.length) {
      seenOwn = true;
      for (const w of contentWords(sentence)) namingWords.add(stem(w));
    }
    if (!mentions.length) continue;
    const periods = findPeriods(sentence);
    // Periods are read here from the words around each figure, so the slot reader's doubts about bare second figures
    // and bracketed years do not apply.
    const tokens = parseValues(sentence).filter((t) => !outline.has(at + t.start));
    // A range ("a target of 10 – 15%") is not read, but it still closes the clause its cue words belong to.
    // Only a range that would be a figure counts: "(16-18 year olds NEET)" names ages, and a cue before it
    // still reaches the figure after it.
    const rangeEnds = tokens.filter((t) => t.doubts.includes('one end of a range') && isFigure(sentence, { ...t, doubts: t.doubts.filter((d) => d !== 'one end of a range') })).map((t) => t.end);
    const figures = tokens
      .filter((t) => isFigure(sentence, t))
      .map((t) => ({ ...t, doubts: t.doubts.filter((d) => d !== UNPLACED_SECOND_FIGURE && d !== FIGURE_OF_BRACKETED_YEAR) }));
    const pairs = fromTo(sentence, figures, periods, ctx);
    // The reading of the figure before, for a list of compared figures ("compares with 9.84 days for … and 9.55 days for …").
    let previousReading: { token: ValueToken; reading: Reading } | null = null;
    figures.forEach((token, i) => {
      const owner = ownerOf(mentions, token.start + at, carried, sentence, at);
      if (!owner) return;
      // "9.8% (NI 55) and 19.1% (NI 56) …, compared with 9.6% and 18.3% nationally": figures listed together after
      // two or more codes go with them in order, which the words do not say for sure; none is stored.
      if (!carried && inFigureList(sentence, token) && new Set(mentions.filter((m) => m.source.end - at <= token.start).map((m) => m.code)).size >= 2) return;
      // The figure's clause starts after the previous figure, or after the code before this figure's own code,
      // or after the title written beside the code: "NI 72 Achievement of at least 78 points …" is a name.
      const otherCode = mentions.filter((m) => m !== owner.mention && m.source.end - at <= token.start).pop();
      // A figure dated by a deadline ("Increase the take up of school lunches to 54% by March 2011") is where
      // the plan aims, not part of the indicator's name, however close the words are to the catalogue title.
      const titleEnd = ownPeriod(sentence, token, periods)?.by ? null : titleEndOf(sentence, owner.mention, at);
      if (titleEnd !== null && token.start < titleEnd && token.start > owner.mention.source.end - at) return;
      // The same name written before a closing "(NI 72)": "Achievement of at least 78 points … (NI 72)".
      if (token.end <= owner.mention.source.start - at && namedBefore(sentence.slice(0, owner.mention.source.start - at), sentence.slice(token.start, token.end), owner.mention)) return;
      // Cues far before the figure's own code belong to other things ("… Target 2010/11 … LAA NI 32 … 10").
      // A code in brackets labels the clause it closes ("Hold admissions (NI 39) to no more than …"): its cues
      // may stand anywhere in that clause.
      const codeAt = owner.mention.source.start - at;
      const bracketed = /\(\s*$/.test(sentence.slice(0, codeAt));
      const ownStart = codeAt <= token.start && !bracketed ? codeAt - CUE_REACH_BEFORE_CODE : 0;
      const rangeBefore = Math.max(0, ...rangeEnds.filter((end) => end <= token.start));
      // The clause starts after the figure before, its cue words and the words dating it ("41.2% for April to
      // December 2009, on course for the year-end target of 42%": the months are the result's, not the target's);
      // but after a relative change ("19 (25% reduction on 25 repeat incidents)") it takes in the change's words,
      // which say what the next figure is (the base the change is worked from).
      const previousFigure = i > 0 ? figures[i - 1] : null;
      const afterPrevious = !previousFigure ? 0 : previousFigure.relativeChange !== null ? previousFigure.start
        : Math.max(afterCueEnd(sentence, previousFigure), ownPeriod(sentence, previousFigure, periods)?.end ?? 0);
      const from = Math.max(afterPrevious, rangeBefore, otherCode ? otherCode.source.end - at : 0, titleEnd ?? 0, ownStart);
      // A part named by subject at the start of its own line ("Major applications: 68%", "Litter 5%") is
      // written in this line like a code: the figure right after its name is reported for it.
      const namedHere = subject && owner.mention === carriedFrom && owner.mention.source.text === unit.text;
      const between = sentence.slice(owner.mention.source.end - at, token.start);
      const listedPart = listedParts.includes(owner.mention) && /^\s*(?:[:=–-]\s*)?$/.test(between);
      const reportedAfterCode = (!carried && (reportedAfter(between, owner.mention) || STATED_AFTER_BRACKETED_CODE.test(between))) || ((namedHere || listedPart) && (REPORTED_AFTER.test(between) || /^\s*$/.test(between)));
      let reading = pairs.has(token) ? pairs.get(token)! : classify({ sentence, token, from, periods, ctx, sentencePeriod: adverbialPeriod(sentence, periods, token.start), reportedAfterCode, codeIsSubject: !carried && codeIsSubjectOf(sentence.slice(0, owner.mention.source.start - at), owner.mention), previousPeriod: previousReading?.reading.period })
        ?? comparedAlongside(sentence, token, periods, previousReading)
        ?? gappedItem(sentence, token, periods, previousReading)
        ?? datedListItem(sentence, token, periods, previousReading)
        ?? earlierYearInBrackets(sentence, token, previousReading, ctx)
        ?? (carried ? titleCount(sentence, token, owner.mention, periods, ctx) : null);
      // "84.6% of assessments were completed …, against a target of 80%" under the indicator's heading.
      const opensAgainstTarget = carried && i === 0 && opensSentenceAgainstTarget(sentence, token, owner.mention);
      if (opensAgainstTarget && (!reading || (reading.kind === 'result' && !reading.strong))) {
        reading = { kind: 'result', period: reading?.period ?? ownPeriod(sentence, token, periods, ctx)?.period ?? adverbialPeriod(sentence, periods, token.start) ?? ctx.reportingPeriod, area: null, strong: true, why: 'figure opening a sentence, set against its target' };
      }
      // "The 2009 result was 49.3%, below the target of 52%": a target the result before it is set against is
      // for that result's period, when nothing else dates it ("… a target of 120 for the year" is the year's).
      if (reading?.kind === 'target' && previousReading?.reading.kind === 'result' && previousReading.reading.period && reading.period === ctx.reportingPeriod
        && !ownPeriod(sentence, token, periods) && !FOR_THE_YEAR_AFTER.test(sentence.slice(token.end)) && SET_AGAINST_TARGET.test(sentence.slice(Math.max(previousReading.token.end, ownPeriod(sentence, previousReading.token, periods)?.end ?? 0), token.start))) {
        reading = { ...reading, period: previousReading.reading.period };
      }
      previousReading = reading ? { token, reading } : null;
      if (!reading || (!reading.strong && (carried || owner.afterCode))) return;
      // "Staff turnover in the housing team is recorded at 12%" under NI 155: the figure is another measure's.
      if (kindWordOnly && !(reading.adjacent && KIND_NAMED_AT_FIGURE.has(reading.why)) && !(reading.kind === 'result' && (opensAgainstTarget || ofTitleAgainstTarget(sentence, token, owner.mention)))) {
        previousReading = null;
        return;
      }
      if (atFigureOnly && (!reading.adjacent || !sharesWord(sentence.slice(0, token.start), new Set([...countedStems(owner.mention), ...namingWords])))) {
        previousReading = null;
        return;
      }
      // Money is an indicator's figure only when its own code stands in the sentence ("LI 9.2 … £412,000 was secured").
      if (token.unit === 'gbp' && (carried || (reading.why !== 'target phrase' && reading.why !== 'result reported as done' && reading.why !== 'result phrase'))) return;
      // "NI 39 funding of £250,000 has been secured": of the National Indicators only NI 179 counts money.
      if (token.unit === 'gbp' && isNationalIndicator(owner.mention.code) && !COUNTS_MONEY.test(catalogueTitle(owner.mention.code) ?? '')) return;
      // "of 12,400 contacts sampled, 3,100 were avoidable, a rate of 25%": a count over 100 is not the figure of an
      // indicator its title measures as a percentage or proportion (NI 14 is the share of contact that is avoidable).
      const measure = catalogueTitle(owner.mention.code) ?? owner.mention.title ?? '';
      if (token.unit === null && token.value !== null && token.value > 100 && MEASURED_AS_SHARE.test(measure)) return;
      // "fell to 1,012 offences in 2008/09, a rate of 7.6 per 1,000": beside the rate, a bare count is what the rate
      // is worked out from, not the figure of an indicator that measures the rate.
      if (token.unit === null && COUNT_OF_THINGS_AFTER.test(sentence.slice(token.end)) && figures.some((f) => f !== token && f.unit !== null && /^per\b/.test(f.unit)) && MEASURED_AS_RATE.test(measure)) return;
      out.push({
        indicator: owner.mention,
        kind: reading.kind,
        token: reading.relative
          ? token.relativeChange !== null
            // Read as a relative change already, with the level it leads to when one is written beside it.
            ? { ...token, periods: [], value: Number.isFinite(token.value) ? token.value : null, unit: Number.isFinite(token.value) ? token.unit : null }
            : { ...token, periods: [], value: null, unit: null, relativeChange: reading.relative * Math.abs(token.value ?? 0) }
          // The part's own name before its figure ("Litter 5%") is not a place.
          // Nor is a dated source's name ("2008 Place Survey: 79.3%").
          : { ...token, periods: [], area: reading.area ?? ((reportedAfterCode && (namedHere || titleWords(owner.mention, token.area))) || DATED_SOURCE_BEFORE.test(sentence.slice(0, token.start)) ? null : token.area) },
        labelPeriod: reading.period,
        source: sourceOf(unit, at + token.start, at + token.end),
        headerSource: null,
        baseConfidence: carried ? 0.65 : 0.72,
        reasons: [`read from prose (${reading.why})`],
        ordinal: figureIndex(unit.text, at + token.start),
        area: reading.area,
      });
    });
  }
  return out;
}

/**
 * The code opens the sentence ("A1, the proportion of … is 12%"), or closes its subject in brackets after the
 * title ("Satisfaction with the local area (NI 5) was 79%").
 */
function codeIsSubjectOf(lead: string, mention: Mention): boolean {
  if (/^[\s•·*-]*$/.test(lead)) return true;
  const bracketed = /^[\s•·*-]*(.+?)\s*\(\s*$/.exec(lead);
  return !!bracketed && !!mention.title && bracketed[1].trim() === mention.title;
}

/** "NI 195a Litter: 6%": the words before the figure are the indicator's own subject, not a place. */
function titleWords(mention: Mention, words: string | null): boolean {
  // A lettered part ("NI 195a") is named in its parent's national title.
  const title = `${mention.title ?? ''} ${mention.catalogueTitle ?? catalogueTitle(mention.code.replace(/[a-z]+$/, '')) ?? ''}`.toLowerCase();
  return !!words && title.includes(words.toLowerCase());
}

const OTHER_KIND_WORD = new RegExp(String.raw`\b(?:${LABEL_WORDS}|latest|previous|last|average|quartile)\b`, 'i');

/** Between a code (and its title) and a figure: a colon or dash, perhaps a bracketed aside or "in 2009/10," first. */
const REPORTED_AFTER = /^\s*\)?\s*(?:\([^)]{0,80}\))?\s*[:=–-]\s*(?:in\s+[\w/]+,?\s*)?$/;
/**
 * "Residual waste per household (NI 191) was 268 kg", "The recycling rate (NI 192) for April to September was
 * 46.2%": a code in brackets after its subject, then the verb that states the figure.
 */
const STATED_AFTER_BRACKETED_CODE = /^\s*\)\s*(?:(?:for|in|at|during|by)\s+[^.;:\d%]{0,30}?\s+)?(?:was|is|stood at|stands at|remained at|remains at)\s*$/i;

/** A catalogue title of an indicator that counts money ("Value for money – total net value of … cash-releasing …"). */
const COUNTS_MONEY = /\b(?:value for money|cash|£|pounds|spend|cost)\b/i;
/** An indicator's title that measures a share: its figures are percentages, never counts over a hundred. */
const MEASURED_AS_SHARE = /\b(?:percentage|proportion|per cent)\b|%/i;
/** After a count, the things counted: "1,012 offences", "2,130 serious crimes" (not "per 1,000", nor a rate's own unit). */
const COUNT_OF_THINGS_AFTER = /^\s+(?!per\b)(?:[a-z-]+\s+){0,2}[a-z-]+s\b/;
/** A title measuring a rate: "crime rate per 1,000 population", "admission rates", "per 100,000". */
const MEASURED_AS_RATE = /\brates?\b|\bper\s+(?:1,?000|10,?000|100,?000)\b/i;

/** "2008 Place Survey: ", "2009/10 Outturn: ": a year and the (capitalised) source or kind it labels, then a colon. */
const DATED_SOURCE_NAMED = String.raw`(?:19|20)\d\d(?:\s*\/\s*\d{2})?\s+(?:[A-Z][\w&-]*\s+){0,2}[A-Z][\w&-]*\s*[:=]\s*$`;
const DATED_SOURCE_LABEL = new RegExp(`^${DATED_SOURCE_NAMED}`);
/** The same label ending right before a figure, anywhere in the sentence. */
const DATED_SOURCE_BEFORE = new RegExp(String.raw`(?:^|\s)${DATED_SOURCE_NAMED}`);

/** "NI 32: 19%", "NI 32 Repeat incidents of domestic violence – 19%": the figure reported for the code. */
function reportedAfter(between: string, mention: Mention): boolean {
  if (REPORTED_AFTER.test(between)) return true;
  // "NI 5 Overall satisfaction with the local area – 2008 Place Survey: 79.3%": a dated label after the title.
  const dated = /\s[–-]\s+((?:19|20)\d\d[^:=]*[:=]\s*)$/.exec(between);
  if (dated && DATED_SOURCE_LABEL.test(dated[1]) && (!mention.title || between.replace(/^\s*[:–—-]?\s*/, '').startsWith(mention.title))) return true;
  // "NI 195a Litter: 6%": a short name the title reading did not keep (one word), then a colon — words of the
  // indicator's own title ("NI 8 Comments: 3 sessions" names no figure of NI 8).
  const name = /^\s*([A-Za-z][^:.;!?\d()]{0,40}):\s*$/.exec(between);
  if (name && !OTHER_KIND_WORD.test(between) && titleWords(mention, name[1].trim())) return true;
  const lead = between.replace(/^\s*[:–—-]?\s*/, '');
  return !!mention.title && lead.startsWith(mention.title) && REPORTED_AFTER.test(lead.slice(mention.title.length));
}

/** A figure joined to the one before or after it by "and" or a comma alone ("9.6% and 18.3%"). */
function inFigureList(sentence: string, token: ValueToken): boolean {
  return /^\s*(?:%|per\s?cent)?\s*(?:,|and|&)\s*[£]?\d/i.test(sentence.slice(token.end)) || /\d\s*(?:%|per\s?cent)?\s*(?:,|and|&)\s*$/i.test(sentence.slice(0, token.start));
}

/** The sentence, or a clause of it after a semicolon ("Data is published annually; the 2008/09 rate was …"), opens by referring back. */
function refersBack(sentence: string): boolean {
  return sentence.split(/;\s+/).some((clause) => ANAPHOR.test(clause));
}

/**
 * "84.6% of assessments were completed within 28 days, against a target of 80%" under "NI 132 Timeliness of
 * social care assessment": a figure opening the sentence, of something the title names, set against a target in
 * the same sentence, is the indicator's result. Without the target, a figure of the same subject may be another
 * measure ("45% of respondents said the area had got worse" under NI 5), and is left.
 */
function opensSentenceAgainstTarget(sentence: string, token: ValueToken, mention: Mention): boolean {
  if (!/^[\s•·*–-]*$/.test(sentence.slice(0, token.start))) return false;
  const rest = sentence.slice(token.end);
  const target = TARGET_IN_SAME_SENTENCE.exec(rest);
  // What the figure is of, and what is said of it, up to the target: words of the title among them.
  const said = target ? rest.slice(0, target.index) : '';
  return /^\s*(?:of\s+)?(?:[A-Za-z'-]+\s+){1,8}?(?:were|was|are|is|had|have|has)\b/.test(said) && sharesWord(said, countedStems(mention));
}
/** Readings whose cue names the figure's kind right at it ("a baseline of 22.1", "against a profile of 57.5%"). */
const KIND_NAMED_AT_FIGURE = new Set(['baseline phrase', 'target phrase', 'target profiled for the period']);

/**
 * "found 5% of land below standard for litter, better than the annual target of 7%" under NI 195a's heading: a
 * result whose own words, up to a target set against it in the same sentence, name what the title names.
 */
function ofTitleAgainstTarget(sentence: string, token: ValueToken, mention: Mention): boolean {
  const rest = sentence.slice(token.end);
  const target = TARGET_IN_SAME_SENTENCE.exec(rest);
  return !!target && sharesWord(rest.slice(0, target.index), countedStems(mention));
}

/** ", against a target of 80%", "(target 28%)", "compared with the target of 9 days", "better than the annual target". */
const TARGET_IN_SAME_SENTENCE = /\b(?:against|compared (?:with|to)|versus|vs\.?|below|above|short of|ahead of|beating|exceeding|missing|(?:better|worse|higher|lower) than)\s+(?:a|the|its|our|this year's)?\s*(?:[\w-]+\s+)?target\b|\(\s*target\b/i;

/**
 * A bare count followed by the words of what its indicator counts ("there were 26 footway trip claims") is the
 * indicator's figure, a result: a plan's aim would carry a target word, which the cues read first. Only for an
 * indicator named before the sentence: beside its own code, the words after a figure may be the title itself.
 */
function titleCount(sentence: string, token: ValueToken, mention: Mention, periods: PeriodMatch[], ctx: PhraseContext): Reading | null {
  const words = countedWords(mention);
  if (token.unit !== null || words.size < ECHO_WORDS || !echoAfter(sentence, token, words)) return null;
  // "There were 2,130 serious acquisitive crimes" under NI 16's "crime rate per 1,000 population": a count of
  // what a rate is worked out from is not the rate.
  if (MEASURED_AS_RATE.test(mention.title ?? mention.catalogueTitle ?? '')) return null;
  // "412 first time entrants in 2008/09": the period right after the words of what it counts.
  const named = periodOpening(sentence.slice(echoEnd(sentence, token, words) ?? token.end).replace(/^\s*,/, ''));
  const period = ownPeriod(sentence, token, periods)?.period ?? named ?? adverbialPeriod(sentence, periods, token.start) ?? ctx.reportingPeriod;
  return { kind: 'result', period, area: null, strong: true, why: 'count of what the indicator counts' };
}

/**
 * Where the indicator's name written right after its code ends, when that name is the catalogue's title
 * ("NI 72 Achievement of at least 78 points …"): its figures and cue words are part of the name.
 */
function titleEndOf(sentence: string, mention: Mention, at: number): number | null {
  if (!mention.title || !mention.catalogueTitle || titleSimilarity(mention.title, mention.catalogueTitle) < NAME_SIMILARITY) return null;
  const codeEnd = mention.source.end - at;
  if (codeEnd < 0) return null;
  const found = sentence.indexOf(mention.title.slice(0, 40), codeEnd);
  return found >= 0 && found - codeEnd <= 4 ? found + mention.title.length : null;
}

/**
 * Whether a figure before a closing code is part of the indicator's national title written out there: the title
 * holds that figure ("… at least 78 points …", "… the lowest achieving 20% …") and the words are the title's.
 */
function namedBefore(lead: string, figure: string, mention: Mention): boolean {
  const title = mention.catalogueTitle;
  const digits = /\d[\d.,]*/.exec(figure)?.[0];
  if (!title || !digits || !new RegExp(String.raw`(?<![\d.])${digits.replace(/[.]/g, '\\.')}(?![\d])`).test(title)) return false;
  const name = lead.replace(/^[\s•·*–-]+|[\s(\[–-]+$/g, '');
  return name.length <= title.length * 1.3 + 12 && titleSimilarity(name, title) >= NAME_SIMILARITY;
}

/** Where a figure's own words end: "its 85% target" and "212 homes were delivered" take the cue after them. */
function afterCueEnd(sentence: string, token: ValueToken): number {
  const after = sentence.slice(token.end);
  const m = TARGET_AFTER.exec(after) ?? DONE_AFTER.exec(after);
  return token.end + (m ? m[0].length : 0);
}

function shift(m: Mention, unit: TextUnit, at: number): Mention {
  return { ...m, source: { ...m.source, text: unit.text, start: m.source.start + at, end: m.source.end + at } };
}

/**
 * Which mention a figure belongs to: the code before it in the sentence, or — for a figure before every code —
 * the first code. A code written as a trailing label "(NI 5)" owns the clause before it.
 */
function ownerOf(mentions: Mention[], figureAt: number, carried: boolean, sentence: string, at: number): { mention: Mention; afterCode: boolean } | null {
  if (carried) return { mention: mentions[0], afterCode: false };
  const before = mentions.filter((m) => m.source.end <= figureAt);
  const after = mentions.filter((m) => m.source.start >= figureAt);
  const last = before[before.length - 1];
  if (!last) return after.length ? { mention: after[0], afterCode: false } : null;
  const trailingLabel = /\(\s*$/.test(sentence.slice(0, last.source.start - at)) && /^\s*\)/.test(sentence.slice(last.source.end - at));
  // Figures after a bracketed label belong to the next code's clause when there is one.
  if (trailingLabel && after.length) return { mention: after[0], afterCode: false };
  return { mention: last, afterCode: trailingLabel };
}
