// Periods as plans write them, normalised as CONTRACT.md says: "08/09" -> "2008/09", "(2005)" -> "2005",
// "Feb 08" -> "2008-02", "summer 2007" -> "2007".
import { memoByText } from '../memo-by-text.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function fullYear(yy: string): number {
  const n = Number(yy);
  if (yy.length === 4) return n;
  return n <= 40 ? 2000 + n : 1900 + n;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
}

function financialYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export interface PeriodMatch {
  period: string;
  start: number;
  end: number;
  /** The text matched, e.g. "(06/07 & 07/08)". */
  raw: string;
}

const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

interface Rule {
  re: RegExp;
  toPeriods(m: RegExpExecArray): string[] | null;
}

/** Two consecutive years "06/07", "2006/07", "2006-2007", "06.07" — a financial or academic year. */
function yearPair(a: string, b: string): string | null {
  if (b.length === 1) b = `0${b}`;
  const first = fullYear(a);
  const second = b.length === 4 ? Number(b) : Math.floor(first / 100) * 100 + Number(b);
  if (second !== first + 1 && !(b.length === 2 && (first + 1) % 100 === Number(b))) return null;
  if (first < 1990 || first > 2040) return null;
  return financialYear(first);
}

const RULES: Rule[] = [
  // "the twelve months to 31 March 2007", "year ending 31st March 2009": a financial year; "the twelve months to
  // 30 June 2006": a rolling year, named by the month it ends.
  {
    re: new RegExp(String.raw`\b(?:(?:twelve|12)\s+months|year)\s+(?:to|ending|ended)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s*)?${MONTH_NAME}\s+((?:19|20)\d{2})\b`, 'gi'),
    toPeriods: (m) => {
      const month = monthNumber(m[1]);
      const year = Number(m[2]);
      if (!month) return null;
      if (month === 3) return [financialYear(year - 1)];
      return /^year/i.test(m[0]) ? null : [`${year}-${String(month).padStart(2, '0')}`];
    },
  },
  // "31/03/2009", "30.06.07", "1/4/08": a date written in figures is the month it falls in, and none of its parts
  // is a figure. Dots only between two-digit day and month ("3.10.07" may number a paragraph).
  {
    re: /(?<![\d./,£])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d%]|[./,]\d)/g,
    toPeriods: (m) => {
      const [day, month] = [Number(m[1]), Number(m[3])];
      if (day < 1 || day > 31 || month < 1 || month > 12 || (m[2] === '.' && (m[1].length !== 2 || m[3].length !== 2))) return null;
      const year = fullYear(m[4]);
      return year >= 1990 && year < 2040 ? [`${year}-${String(month).padStart(2, '0')}`] : null;
    },
  },
  // "06/07 & 07/08" — two years joined: one observation each.
  {
    re: /\b((?:19|20)?\d{2})[/.](\d{2})\s*(?:&|and)\s*((?:19|20)?\d{2})[/.](\d{2})\b/gi,
    toPeriods: (m) => {
      const a = yearPair(m[1], m[2]);
      const b = yearPair(m[3], m[4]);
      return a && b ? [a, b] : null;
    },
  },
  { re: /\b((?:19|20)\d{2})\s*[/-]\s*((?:19|20)?\d{1,2})\b/g, toPeriods: (m) => { const p = yearPair(m[1], m[2]); return p ? [p] : null; } },
  { re: /(?<![\d/.,£])(\d{2})\/(\d{2})(?![\d/]|\.\d|,\d)/g, toPeriods: (m) => { const p = yearPair(m[1], m[2]); return p ? [p] : null; } },
  // "IWC 99 / 00": a year pair set apart by spaces, as tables copied from PDFs write them.
  { re: /(?<![\d/.,£]\s?)(\d{2}) \/ (\d{2})(?![\d/%]|\.\d)/g, toPeriods: (m) => { const p = yearPair(m[1], m[2]); return p ? [p] : null; } },
  // "9.1% (06.07)": a dotted year pair only in brackets — bare, "10.11" is a decimal.
  { re: /\((\d{2})\.(\d{2})\)/g, toPeriods: (m) => { const p = yearPair(m[1], m[2]); return p ? [p] : null; } },
  { re: /(?<![\d/])(\d{2})[/](\d)(?![\d/%])/g, toPeriods: (m) => { const p = yearPair(m[1], `0${m[2]}`); return p ? [p] : null; } },
  {
    // "March 2009", "Mar. 09", "March, 2009" (a comma only before a four-digit year); not "In November 35 days
    // were lost", where two digits and a unit are a figure.
    re: new RegExp(String.raw`\b${MONTH_NAME}\.?(?:,\s*(?=(?:19|20)\d{2}\b)|\s+)((?:19|20)\d{2}|'?\d{2})\b(?!\s*[/%])(?!\s+(?:days?|weeks?|hours?|months?|people|cases|incidents|offences|households|calls|visits|per\b))`, 'gi'),
    toPeriods: (m) => {
      const month = monthNumber(m[1]);
      const year = fullYear(m[2].replace("'", ''));
      return month ? [`${year}-${String(month).padStart(2, '0')}`] : null;
    },
  },
  { re: /\b(?:summer|spring|autumn|winter|end of|end|by|in|during|year)\s+((?:19|20)\d{2})\b(?![./]\d)/gi, toPeriods: (m) => [m[1]] },
  { re: /\(((?:19|20)\d{2})\)/g, toPeriods: (m) => [m[1]] },
  { re: /\((\d{2})\)/g, toPeriods: (m) => [String(fullYear(m[1]))] },
  { re: /(?<![\d.,£/])((?:199|20[0-3])\d)(?![\d%/]|[.,]\d|\s*(?:%|per\b|kg|tonnes))/g, toPeriods: (m) => [m[1]] },
];

/**
 * Every period expression in the text, left to right, none overlapping. A match's span lets the value
 * parser keep year digits from being read as figures.
 */
function readPeriods(text: string): PeriodMatch[] {
  const found: Array<PeriodMatch & { periods: string[] }> = [];
  const taken: Array<[number, number]> = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const periods = rule.toPeriods(m as RegExpExecArray);
      if (!periods) continue;
      taken.push([start, end]);
      for (const period of periods) found.push({ period, start, end, raw: m[0], periods });
    }
  }
  return found.sort((a, b) => a.start - b.start).map(({ period, start, end, raw }) => ({ period, start, end, raw }));
}

/** readPeriods, remembered: the same text read again is not matched again. */
export const findPeriods: (text: string) => PeriodMatch[] = memoByText(readPeriods);

/** Normalise a whole label such as "08/09", "2010/11 Target", "(2005)" to one period, or null. */
export function parsePeriod(text: string): string | null {
  const found = findPeriods(text);
  return found.length ? found[0].period : null;
}

/** The year a period ends in, for ordering baselines before targets. */
export function periodEndYear(period: string): number {
  const fy = /^(\d{4})\/(\d{2})$/.exec(period);
  if (fy) return Number(fy[1]) + 1;
  return Number(period.slice(0, 4));
}

/** The period a year before: "2010/11" → "2009/10", "2008" → "2007", "2008-03" → "2007-03". */
export function previousPeriod(period: string): string | null {
  const fy = /^(\d{4})\/(\d{2})$/.exec(period);
  if (fy) return financialYear(Number(fy[1]) - 1);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${Number(month[1]) - 1}-${month[2]}`;
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : null;
}

/** "Between 2002/03 and 2005/06", "from 2007 to 2010": the two periods a change is said to run between. */
export function changeSpanIn(text: string): [string, string] | null {
  const periods = findPeriods(text);
  for (let i = 0; i + 1 < periods.length; i++) {
    const [a, b] = [periods[i], periods[i + 1]];
    if (!/\b(?:between|from)\s*$/i.test(text.slice(0, a.start))) continue;
    // "2002/03 and 2005/06" may be read as one match naming both years.
    if (a.start === b.start || /^\s*(?:and|to|until|[-–])\s*$/i.test(text.slice(a.end, b.start))) return [a.period, b.period];
  }
  return null;
}

/**
 * The period a line introducing a list of results names ("The out-turn position for 05-06 was as follows:",
 * "Performance in 2009/10 was:"): the listed figures that carry no period of their own are results for it.
 * A short year pair ("05-06") counts only right after "for", "in" or "during" and when its years follow each
 * other; a line about targets names no results.
 */
export function listResultsPeriod(text: string): string | null {
  // The introducing sentence decides ("… targets were met in 2005/06. The final out-turn figures were:").
  const last = text.split(/(?<=[.;!?])\s+(?=[A-Z])/).pop() ?? text;
  if (!/:\s*$/.test(text) || !/\b(?:out-?turns?|performance|position|results?|actuals?|achieved)\b/i.test(last) || /\b(?:targets?|aims?|plans?)\b/i.test(last)) return null;
  const periods = new Set(findPeriods(text).map((p) => p.period));
  const short = /\b(?:for|in|during)\s+(\d{2})\s*[-/]\s*(\d{2})\b/i.exec(text);
  if (short && (Number(short[1]) + 1) % 100 === Number(short[2])) periods.add(financialYear(Number(short[1]) + (Number(short[1]) >= 90 ? 1900 : 2000)));
  return periods.size === 1 ? [...periods][0] : null;
}

/** A span of months ending in a year: "April to June 2012", "September 2009 - March 2010". */
const MONTH_SPAN = String.raw`${MONTH_NAME}\s+(?:(?:19|20)\d{2}\s+)?(?:to|-|–)\s*${MONTH_NAME}\s+(?:19|20)\d{2}`;

/**
 * Spans of months a document sets off as the period it reports on, each dating it when the span lies in one
 * financial year: "Quarter 3 - September to December 2010"; "Corporate Healthcheck (April - June 2012)"; "for
 * the period April to June 2012", "indicators for April to December 2009"; "Health Check - April to June 2012"
 * at a line's end.
 */
const REPORT_SPANS = [
  new RegExp(String.raw`\b(?:quarter|qtr|q)\s*[1-4]\s*[-–:,(]?\s*(${MONTH_SPAN})`, 'gi'),
  new RegExp(String.raw`\(\s*(${MONTH_SPAN})\s*\)`, 'gi'),
  new RegExp(String.raw`\b(?:the\s+period\s+(?:from\s+)?|(?:for|covering)\s+)(${MONTH_SPAN})`, 'gi'),
  new RegExp(String.raw`\s[-–:]\s*(${MONTH_SPAN})\s*$`, 'gim'),
];

/** "Half Year ", "half-yearly report for ": the words before a year that make a report a half year's. */
const HALF_YEAR_BEFORE = String.raw`\bhalf[- ]?year(?:ly)?\s+(?:report\s+|review\s+|performance\s+)?(?:for\s+)?`;
/** " half-yearly", " half year": the words after a year that do the same. */
const HALF_YEAR_AFTER = String.raw`\s+half[- ]?year(?:ly)?\b`;

/** What stands between a report's quarter and its year: "Quarter 3 2009/10", "Q2, 2008/09", "quarter 1 of the year
 * 2010/11", "Quarter 4 report 2006/07", "Q2 performance monitoring 2009/10". */
const QUARTER_TO_YEAR = String.raw`\s*,?\s*(?:of\s+)?(?:the\s+)?(?:year\s+)?(?:(?:performance|monitoring|progress|exception|budget)\s+)?(?:(?:report|update|review|monitoring|return|results)\s+(?:for\s+)?)?`;

/** The quarter of its year a report covers, where its title says so ("Quarter 3 2009/10", "third quarter of 2009/10", "2009/10 – Q3"). */
export function reportingQuarterIn(text: string): number | null {
  const FY = String.raw`(?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2}`;
  const m = new RegExp(String.raw`\b(?:quarter|qtr|q)\s*([1-4])${QUARTER_TO_YEAR}${FY}|${FY}\s*(?:[,–—:-]\s*)?(?:quarter|qtr|q)\s*([1-4])\b|\b(first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?${FY}`, 'i').exec(text);
  // "Half Year 2010/11", "2009/10 half-yearly report": the report runs to the end of the second quarter.
  if (!m) return new RegExp(String.raw`${HALF_YEAR_BEFORE}${FY}|${FY}${HALF_YEAR_AFTER}`, 'i').test(text) ? 2 : null;
  return m[1] || m[2] ? Number(m[1] ?? m[2]) : (QUARTER_WORDS[m[3].toLowerCase()] ?? null);
}
const QUARTER_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/**
 * A quarter named without its year ("Q3 outturn – 24%", "(Q1 84%)"): that quarter of the financial year reported,
 * as the month it ends; not a quarter after the one a quarterly report covers (that one is last year's, or unknown).
 */
export function quarterOfYearReported(quarter: number, reportingPeriod: string | null, reportingQuarter: number | null | undefined): string | null {
  if (!reportingPeriod || (reportingQuarter && quarter > reportingQuarter)) return null;
  return quarterEnd(reportingPeriod, quarter);
}

/** See bareMonthAfter. */
const BARE_MONTH_AFTER = new RegExp(String.raw`^\s*\)?\s*(?:\(|,\s*)?\s*(?:at|as at|as of|in|for|during)\s+(?:the\s+)?(?:end\s+of\s+)?${MONTH_NAME}\b(?!\s*,?\s*(?:(?:19|20)\d\d|\d\d\b|'\d\d))`, 'i');

/**
 * "14.7% at the end of March", "(in February)": a month named right after a figure with no year of its own, and
 * how many characters that takes. A year after the month ("March 2010") is a period of its own, read elsewhere.
 */
export function bareMonthAfter(text: string): { month: number; length: number } | null {
  const m = BARE_MONTH_AFTER.exec(text);
  const month = m ? monthNumber(m[1]) : undefined;
  return m && month ? { month, length: m[0].length } : null;
}

/** The financial year a month ("2008-09") falls in ("2008/09"); a period of another form is returned as it is. */
export function financialYearOfMonth(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? financialYear(Number(m[1]) - (Number(m[2]) <= 3 ? 1 : 0)) : period;
}

/**
 * The financial year of a month named without its year in a report on a financial year (up to the quarter it
 * covers, or the whole year): the month is the last such month on or before the end of what is reported, and a
 * position at a month's end is dated by its financial year, as year-to-date figures are. In a report on Q1
 * 2010/11, "June" is in 2010/11 and "March" (March 2010) in 2009/10.
 */
export function financialYearOfBareMonth(month: number, reportingPeriod: string | null, reportingQuarter: number | null | undefined): string | null {
  const m = reportingPeriod ? /^(\d{4})\/\d{2}$/.exec(reportingPeriod) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = quarterEnd(reportingPeriod!, reportingQuarter ?? 4)!;
  const year = month >= 4 ? start : start + 1;
  const inYearReported = `${year}-${String(month).padStart(2, '0')}` <= end;
  return inYearReported ? reportingPeriod : previousPeriod(reportingPeriod!);
}

/**
 * The financial year a document says it reports on: "2010/11 Quarter 4", "Q3 2009/10", "2011/12 Performance
 * Outturns", "year ending 31 March 2009", "the 2008/9 Place Survey", "Performance Monitoring 2010/11", "the first
 * nine months of 2004/05", "the six-month period to September 2007". Null when none or several are named.
 */
export function reportingPeriodIn(text: string): string | null {
  const FY = String.raw`((?:19|20)\d{2}\s*[/-]\s*(?:19|20)?\d{1,2})`;
  const forms = [
    new RegExp(String.raw`\b(?:quarter|qtr|q)\s*[1-4]${QUARTER_TO_YEAR}${FY}`, 'gi'),
    new RegExp(String.raw`\b(?:final|first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?${FY}`, 'gi'),
    new RegExp(String.raw`${FY}\s*(?:[,–—:-]\s*)?(?:quarter|qtr|q)\s*[1-4]\b`, 'gi'),
    new RegExp(String.raw`${FY}\s+(?:annual\s+)?(?:performance\s+)?(?:outturns?|out-turns?|year[- ]end|annual report|place survey|results)\b`, 'gi'),
    new RegExp(String.raw`\b(?:outturns?|out-turns?|year[- ]end|annual (?:performance )?(?:report|review)|performance report|place survey)\s+(?:for\s+)?${FY}`, 'gi'),
    // "Waste and Recycling Performance 2010/11 (April – September)": a title's performance year, closing the line
    // or followed by a bracket or dash.
    // "ADULT SOCIAL CARE PERFORMANCE MONITORING 2010/11": so does a performance report's, monitoring's or review's.
    new RegExp(String.raw`\bperformance(?:\s+(?:monitoring|management|report|review|update|digest|scorecard))?\s+(?:in\s+|for\s+|during\s+)?${FY}(?=\s*(?:\(|[-–:]|$))`, 'gim'),
    // "Council Plan Performance, Half Year 2010/11", "2009/10 half-yearly report": the half of a year reported on.
    new RegExp(String.raw`${HALF_YEAR_BEFORE}${FY}`, 'gi'),
    new RegExp(String.raw`${FY}${HALF_YEAR_AFTER}`, 'gi'),
    // "during the first nine months of 2004/05", "the first half of 2009/10": part of a year reported on.
    new RegExp(String.raw`\b(?:(?:first|last)\s+(?:three|six|nine|3|6|9)\s+months|(?:first|second)\s+half)\s+of\s+(?:the\s+)?(?:year\s+)?${FY}`, 'gi'),
  ];
  const found = new Set<string>();
  for (const re of forms) for (const m of text.matchAll(re)) for (const p of findPeriods(m[1])) found.add(p.period);
  for (const m of text.matchAll(/\b(?:year|twelve months)\s+(?:to|ending|ended)\s+(?:31(?:st)?\s+)?March\s+((?:19|20)\d{2})\b/gi)) found.add(financialYear(Number(m[1]) - 1));
  // "Performance for the six-month period to September 2007": months counted from April, so that April's year.
  for (const m of text.matchAll(new RegExp(String.raw`\b(three|six|nine|3|6|9)[- ]months?(?:\s+period)?\s+(?:to|ending|ended)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH_NAME}\s+((?:19|20)\d{2})\b`, 'gi'))) {
    const months = MONTHS_COUNTED[m[1].toLowerCase()];
    const month = monthNumber(m[2]);
    // Only a span that starts in April is a part of one financial year counted from its start.
    if (month && (month - months + 12) % 12 === 3) found.add(financialYear(Number(m[3]) - (month <= 3 ? 1 : 0)));
  }
  for (const re of REPORT_SPANS) {
    for (const m of text.matchAll(re)) {
      const span = monthSpanPeriod(m[1]);
      if (span?.period) found.add(span.period);
    }
  }
  // "In the quarter ending 30th June 2006": the financial year that quarter belongs to ("the quarter to June
  // 2006" is as often a comparison with last year's, so only "ending" and "ended" name the report's own).
  for (const m of text.matchAll(new RegExp(String.raw`\bquarter\s+(?:ending|ended)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s*)?${MONTH_NAME}\s+((?:19|20)\d{2})\b`, 'gi'))) {
    const month = monthNumber(m[1]);
    if (month) found.add(financialYear(Number(m[2]) - (month <= 3 ? 1 : 0)));
  }
  return found.size === 1 ? [...found][0] : null;
}

const MONTHS_COUNTED: Record<string, number> = { three: 3, six: 6, nine: 9, '3': 3, '6': 6, '9': 9 };

/**
 * A caption that is a span of months and nothing else ("April to June 2006", "Apr - Sep 2009", "July 2005 to
 * June 2006"): the financial year the span lies in, or period null for a span across two (a rolling year, which
 * no financial year dates). Null when the text is not such a span.
 */
export function monthSpanPeriod(text: string): { period: string | null } | null {
  const span = readMonthSpan(text.replace(/\s+/g, ' ').trim(), true);
  return span && { period: span.financialYear };
}

interface MonthSpan {
  first: number;
  last: number;
  firstYear: number;
  lastYear: number;
  /** The financial year the span lies in; null for a span across two. */
  financialYear: string | null;
  /** How much of the text the span takes. */
  length: number;
}

/** A span of months opening `text` (the whole of it when `whole`), with the years each end falls in. */
function readMonthSpan(text: string, whole: boolean): MonthSpan | null {
  const m = new RegExp(String.raw`^${MONTH_NAME}\.?(?:\s+((?:19|20)\d{2}))?\s*(?:to|[-–]|until)\s*${MONTH_NAME}\.?,?\s+((?:19|20)\d{2})${whole ? '$' : String.raw`\b`}`, 'i').exec(text);
  const [first, last] = m ? [monthNumber(m[1]), monthNumber(m[3])] : [undefined, undefined];
  if (!m || !first || !last) return null;
  const lastYear = Number(m[4]);
  const firstYear = m[2] ? Number(m[2]) : first <= last ? lastYear : lastYear - 1;
  if (lastYear * 12 + last < firstYear * 12 + first) return null;
  const yearStarting = (year: number, month: number) => (month <= 3 ? year - 1 : year);
  const [a, b] = [yearStarting(firstYear, first), yearStarting(lastYear, last)];
  return { first, last, firstYear, lastYear, financialYear: a === b ? financialYear(a) : null, length: m[0].length };
}

/**
 * A span of months opening `text` ("January to December 2008", "Apr - Sep 2009", "July 2008 to June 2009"),
 * as the period a figure for it has: the financial year it lies in, the calendar year when it runs January to
 * December, or else the month it ends (a rolling year: "the twelve months to June 2009"). Null when `text`
 * does not open with such a span.
 */
export function monthSpanAt(text: string): { period: string; length: number } | null {
  const span = readMonthSpan(text, false);
  if (!span) return null;
  const { first, last, firstYear, lastYear, length } = span;
  if (first === 1 && last === 12 && firstYear === lastYear) return { period: String(lastYear), length };
  return { period: span.financialYear ?? `${lastYear}-${String(last).padStart(2, '0')}`, length };
}

/**
 * A year ending in a month, opening `text` ("12-month period to March 2009", "year ending 31 March 2010",
 * "twelve months to June 2009"): the financial year when it ends in March, else the month it ends.
 */
export function yearToMonthAt(text: string): { period: string; length: number } | null {
  const m = new RegExp(String.raw`^(?:(?:12|twelve)[- ]months?|year)(?:\s+period)?\s+(?:to|ending|ended)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH_NAME}\.?,?\s+((?:19|20)\d{2})\b`, 'i').exec(text);
  const month = m ? monthNumber(m[1]) : undefined;
  if (!m || !month) return null;
  const year = Number(m[2]);
  return { period: month === 3 ? financialYear(year - 1) : `${year}-${String(month).padStart(2, '0')}`, length: m[0].length };
}

/**
 * The month a quarter of a financial year ends, as the contract's "YYYY-MM": Q1 of 2008/09 (April–June)
 * ends 2008-06, Q4 ends 2009-03.
 */
export function quarterEnd(financialYear: string, quarter: number): string | null {
  const m = /^(\d{4})\/\d{2}$/.exec(financialYear);
  if (!m) return null;
  const start = Number(m[1]);
  const [year, month] = [[start, 6], [start, 9], [start, 12], [start + 1, 3]][quarter - 1];
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The quarter before the one a quarterly report covers, as the month it ends (Q1's is the year before's Q4); null
 * when the report's year or quarter is not known. */
export function quarterBeforeReported(reportingPeriod: string | null, reportingQuarter: number | null | undefined): string | null {
  if (!reportingPeriod || !reportingQuarter) return null;
  if (reportingQuarter > 1) return quarterEnd(reportingPeriod, reportingQuarter - 1);
  const before = previousPeriod(reportingPeriod);
  return before ? quarterEnd(before, 4) : null;
}
