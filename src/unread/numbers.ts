// Every number written in a piece of text, each with what it is: a figure that could be an indicator's value,
// or one of the numbers plans write that never are (years and dates, money, list and section numbers, page
// numbers, codes' own digits, names like "CO2", references like "Key Stage 2", ages, the base of a rate).
// The unread-figure check counts only the figures; the other kinds are returned so tests and reviewers can
// see why a number was left out.
import { findCodes } from '../detect/codes.ts';
import { findPeriods } from '../vocabulary/periods.ts';

export type NumberKind =
  | 'figure'
  | 'period' // years, financial years, "Feb 08", "2008-11"
  | 'date' // "31/03/2009", "31st March", "10:30"
  | 'money' // "£1,200", "£2.5 million", "250k", "1.2bn"
  | 'list-number' // "1." "2)" "(3)" at the start of a line, "(1)" inside a sentence, "3.2 Priorities"
  | 'page' // "page 3", "p. 12", "Page 3 of 12"
  | 'code' // the digits of an indicator code, or of the indicator's own title
  | 'name' // digits glued to letters: "CO2", "Q3", "KS2", "82a"
  | 'ordinal' // "1st", "3rd quartile"
  | 'reference' // "Key Stage 2", "Level 3", "Year 6", "Quarter 2", "Appendix 4", "paragraph 3.2.1"
  | 'age' // "aged 16", "16-18 year olds", "over 65s", "65+"
  | 'rate-base' // the 100,000 of "per 100,000"
  | 'fraction'; // "(14/97)" after a percentage: the count behind it, which the extractor leaves to the figure before

export interface NumberToken {
  /** Offsets of the number as written; a figure's span includes its "%" or "per cent". */
  start: number;
  end: number;
  text: string;
  kind: NumberKind;
  /** The number (NaN for section numbers such as 3.2.1). */
  value: number;
}

export interface Range {
  start: number;
  end: number;
}

// A section number (3.2.1) first, else a number with thousands separators or plain digits, with decimals.
const NUMBER = /\d+(?:\.\d+){2,}|(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/g;

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** "31/03/2009", "30.06.07": a date written in figures. */
const NUMERIC_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/g;
/** Dates in words, times and "due 1/09" (a date in figures is NUMERIC_DATE, matched apart). */
const DATES: RegExp[] = [
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s+(?:19|20)\d{2})?`, 'gi'),
  new RegExp(String.raw`\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*[%/])(?:,?\s+(?:19|20)\d{2})?`, 'gi'),
  /\b\d{1,2}[:.]\d{2}\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b/gi,
  // "results due 1/09": a month and year after a word that says when.
  /\b(?:due|by|from|until|till|since|before|after|end|in)\s+(?:0?[1-9]|1[0-2])\/\d{2}\b(?!\/)/gi,
];
// A plan's span of years that is not one financial year: "2008-11", "2008-2011", "2005 – 2010".
const YEAR_RANGE = /\b(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)\d{2}|\d{2})\b/g;
const FRACTION_AFTER_FIGURE = /%\s*\(\s*\d[\d,]*\s*\/\s*\d[\d,]*\s*\)/g;

const REFERENCE_BEFORE =
  /\b(?:key\s+stage|stage|ks|level|nvq|year|yr|quarter|qtr|priority|objective|outcome|theme|section|sections|table|appendix|annex|schedule|figure|fig\.|chapter|para(?:graph)?s?|phase|tier|part|block|step|goal|aim|action|round|wave|version|no\.|ref\.?|item|question|strand|workstream|option|band|grade|ward)\s*$/i;
const PAGE_BEFORE = /\b(?:pages?|pp?\.|pg\.?)\s*(?:\d+\s*(?:of|[-–]|to)\s*)?$/i;
const AGE_BEFORE = /\b(?:aged?|ages|age\s+of)\s+(?:\d{1,2}\s*(?:[-–]|to)\s*)?$|\b(?:under|over)[\s-]$/i;
const AGE_AFTER = /^(?:\s*(?:[-–]|to)\s*\d{1,2})?\s*(?:years?|yrs?)[\s-]*olds?\b|^(?:\s*[-–]\s*\d{1,2})?\s+for\s+(?:males|females|men|women|boys|girls)\b|^\+|^s\b/i;
// "on a 6 monthly basis", "2-weekly": how often, not how much.
const FREQUENCY_AFTER = /^[\s-]*(?:daily|weekly|monthly|quarterly|yearly|annually|hourly)\b/i;
const GLUED_UNIT = /^(?:kg|t|km|mph|hrs?|mins?|pts?|ha|mw|gwh|kwh|yrs?|days?|wks?|pc|x)\b/i;
const MONEY_AFTER = /^(?:k|m|bn|mn)\b|^\s*(?:pounds|gbp)\b/i;

function within(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && end > r.start);
}

function matches(text: string, res: RegExp[]): Range[] {
  const out: Range[] = [];
  for (const re of res) for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Whether the number opens its line (after any bullet). */
function atLineStart(text: string, start: number): boolean {
  return /^[\s•·*▪–-]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));
}

interface Around {
  token: string;
  /** Up to 40 characters each side. */
  before: string;
  after: string;
  lineStart: boolean;
}

function isListNumber({ token, before, after, lineStart }: Around): boolean {
  if (lineStart) {
    if (/^[.)]\s+\S/.test(after) && /^\d{1,2}$/.test(token)) return true; // "1. Improve", "2) Reduce"
    if (/\($/.test(before) && /^\)/.test(after)) return true; // "(3) ..."
    if (/^\d{1,2}\.\d{1,2}(?:\.\d{1,2})*$/.test(token) && /^\.?\s+[A-Z]/.test(after) && !GLUED_UNIT.test(after.trim())) return true; // "3.2 Priorities"
  }
  // "(1) the development of ... and (2) local authority delivery": markers inside a sentence.
  return /\($/.test(before) && /^\)\s+[a-z]/i.test(after) && /^\d{1,2}$/.test(token);
}

function isMoney({ before, after }: Around): boolean {
  return /(?:£|\bGBP)\s?[-–]?\s?$/.test(before) || MONEY_AFTER.test(after);
}

/** "NI 1 & 4", "NI 171 and 172", "BV 82a, 83": a further number of the code just before. */
function continuesCode(text: string, start: number, codes: Range[]): boolean {
  return codes.some((c) => c.end <= start && /^\s*(?:&|and|or|,|\/)\s*$/i.test(text.slice(c.end, start)));
}

function isRateBase({ token, before }: Around): boolean {
  return /(?:\bper|\/)\s*$/i.test(before) && /^10{2,}$/.test(token.replace(/,/g, ''));
}

/** The kind of one number, given its surroundings; `masked` holds code spans and period/date/range spans. */
function kindOf(text: string, around: Around, start: number, end: number, spans: { codes: Range[]; periods: Range[]; dates: Range[]; numericDates: Range[]; fractions: Range[] }, titleNumbers: Set<string>): NumberKind {
  const { token, before, after } = around;
  if (within(spans.codes, start, end) || (/^\d{1,3}[a-z]?$/.test(token) && continuesCode(text, start, spans.codes))) return 'code';
  // "31/03/2009" is a date, though the period reader also reads it as its month.
  if (within(spans.numericDates, start, end)) return 'date';
  if (within(spans.periods, start, end)) return 'period';
  if (within(spans.dates, start, end)) return 'date';
  if (isMoney(around)) return 'money';
  if (within(spans.fractions, start, end)) return 'fraction';
  if (PAGE_BEFORE.test(before)) return 'page';
  if (isListNumber(around)) return 'list-number';
  if (/[A-Za-z]$/.test(before)) return 'name';
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return 'ordinal';
  if (AGE_BEFORE.test(before) || (/^\d{1,2}$/.test(token) && AGE_AFTER.test(after))) return 'age';
  if (/^[A-Za-z]/.test(after) && !GLUED_UNIT.test(after)) return 'name';
  if (/\d\.\d+\./.test(token) || FREQUENCY_AFTER.test(after)) return 'reference';
  if (REFERENCE_BEFORE.test(before) && /^\d{1,3}(?:\.\d{1,2})?$/.test(token) && !/^\s*%/.test(after)) return 'reference';
  if (isRateBase(around)) return 'rate-base';
  // "Achievement of 5 or more A*-C grades" beside NI 75: a number of the indicator's own title.
  if (titleNumbers.has(token) && !/^\s*%/.test(after)) return 'code';
  return 'figure';
}

/** "%", " per cent", "percent" right after a figure belong to it. */
function percentAfter(after: string): number {
  const m = /^\s?%|^\s*per\s?cent\b/i.exec(after);
  return m ? m[0].length : 0;
}

export interface ReadNumbersOptions {
  /** Spans to treat as codes beyond those findCodes sees (indicator mentions, including titles matched to the catalogue). */
  codeSpans?: Range[];
  /** Titles of the indicators the text is about: their numbers are not figures ("16 to 18 year olds"). */
  titles?: Array<string | null>;
}

export function readNumbers(text: string, options: ReadNumbersOptions = {}): NumberToken[] {
  const spans = {
    codes: [...findCodes(text), ...(options.codeSpans ?? [])],
    periods: [...findPeriods(text), ...matches(text, [YEAR_RANGE])],
    dates: matches(text, DATES),
    numericDates: matches(text, [NUMERIC_DATE]),
    fractions: matches(text, [FRACTION_AFTER_FIGURE]),
  };
  const titleNumbers = new Set((options.titles ?? []).flatMap((t) => (t ? (t.match(/\d[\d,.]*\d|\d/g) ?? []) : [])));
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const around = { token: m[0], before: text.slice(Math.max(0, start - 40), start), after: text.slice(end, end + 40), lineStart: atLineStart(text, start) };
    const kind = kindOf(text, around, start, end, spans, titleNumbers);
    const close = kind === 'figure' ? end + percentAfter(around.after) : end;
    out.push({ start, end: close, text: text.slice(start, close), kind, value: Number(m[0].replace(/,/g, '')) });
  }
  return out;
}

/** Only the numbers that could be an indicator's value. */
export function findFigures(text: string, options: ReadNumbersOptions = {}): NumberToken[] {
  return readNumbers(text, options).filter((n) => n.kind === 'figure');
}
