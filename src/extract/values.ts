// Figures in the words of a value slot: "29% (05/06) 28% (06/07 & 07/08)", "Herts - 4% reduction (15,381)",
// "4.2% reduction on baseline (6.4 tonnes per capita 2008)", "10 out of 16 (Feb 08)", "tbc", "822/100,000".
import { findCodes } from '../detect/codes.ts';
import { findPeriods, type PeriodMatch } from '../vocabulary/periods.ts';
import { NOT_APPLICABLE, PENDING } from '../vocabulary/pending.ts';
import { detectUnit } from '../vocabulary/units.ts';

/** The doubt on "8.6% (summer 2007) 11": a bare figure after a dated one in the same slot. */
export const UNPLACED_SECOND_FIGURE = 'second figure in the slot without its own period';
/** The mark on the second figure of "9.6 days (2007/08: 10.2 days)": a bracket after a figure, opened by a year
 * that dates the figure inside it. An outturn's slot gives that year's result; any other slot cannot say whether
 * it is a result or an earlier target, so it stays unread. */
export const FIGURE_OF_BRACKETED_YEAR = 'figure in brackets after another, dated by the year opening the brackets';

export interface ValueToken {
  state: 'value' | 'pending';
  value: number | null;
  unit: string | null;
  /** Periods written with the figure; two for "(06/07 & 07/08)". */
  periods: string[];
  area: string | null;
  relativeChange: number | null;
  denominator: number | null;
  pendingReason: string | null;
  /** Offsets of the figure (or pending words) in the parsed text. */
  start: number;
  end: number;
  /** Reasons this reading is less certain than a plain labelled figure. */
  doubts: string[];
}

const DASH_ONLY = /^\s*[-–—]\s*$/;

const FIGURE = /(£\s?)?([-–−+]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g;
const RELATIVE_AFTER = /^\s*(?:%\s*)?(reduction|decrease|decline|fall|drop|lower|fewer|less|increase|improvement|rise|higher|more|growth)\b/i;
const OUT_OF = /^\s*(?:out\s+of|of|\/)\s*(\d{1,3}(?:,\d{3})+|\d+)(?![\d%])/i;
const RATE_PER = /^\s*(?:\/|per)\s*(1,?000|10,?000|100,?000|1,?000,?000)\b/i;
const AREA_BEFORE = /([A-Z][\w&'.]*(?:[ \t]+(?:[A-Z&][\w&'./]*|upon|on|and|of))*)\s*[:–—-]?\s*$/;
/**
 * Services and topics a report heads its paragraphs with ("4.4 Planning: 81% of minor applications …",
 * "Waste – 38.4%"): capitalised like a place, but never one.
 */
const SERVICE_TOPIC = String.raw`Planning|Benefits?|Waste|Housing|Recycling|Environment|Education|Health|Transport|Libraries|Leisure|Sickness|Absence|Finance|Crime|Safety|Employment|Children|Adults?|Schools|Licensing|Parking|Highways|Regeneration|Revenues|Collection|Customers?|Services|Cleansing|Culture|Sport|Communities|Economy|Satisfaction|Homelessness|Complaints|Staff|Procurement|Audit|Fraud`;
const NOT_AREA = new RegExp(String.raw`^(?:${SERVICE_TOPIC}|Only|Just|Almost|Nearly|Around|About|Approximately|Some|Still|Now|Currently|Baseline|Base|Target|Targets|Result|Actual|Outturn|Achieved|By|In|At|Q[1-4]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December|Summer|Spring|Autumn|Winter|LTP|DCSF|The|A|An|Reduce|Increase|Maintain|Achieve|Total|Rate|Current|Predicted|Projected|Tellus|Revised|Provisional|Performance|Latest|Position|Figure|Previous|Last|Annual|Quarter|Year|Outturns|Results|Actuals)$`, 'i');

function toNumber(digits: string, decimals: string | undefined): number {
  return Number(digits.replace(/,/g, '') + (decimals ?? ''));
}

interface Masked {
  start: number;
  end: number;
}

function overlaps(ranges: Masked[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && end > r.start);
}

/** A parenthesised place after a figure, "14.1% (West Herts)": capitalised words, not a source acronym. */
function trailingArea(text: string): { area: string; length: number } | null {
  const m = /^\s*\(([A-Z][a-z][\w&'.]*(?:\s+[A-Z&][\w&'.]*){0,3})\)/.exec(text);
  if (!m || NOT_AREA.test(m[1].split(/\s+/)[0])) return null;
  return { area: m[1], length: m[0].length };
}

/** Words that join a place's name ("Newcastle upon Tyne", "Tyne and Wear") but are none on their own. */
const JOINING_WORD = /^(?:of|on|and|upon)$/;

function areaBefore(gap: string): string | null {
  const cleaned = gap.replace(/\([^)]*\)/g, ' ');
  const m = AREA_BEFORE.exec(cleaned);
  if (!m) return null;
  const words = m[1].trim().split(/\s+/);
  // Drop leading label words ("Baseline Herts" -> "Herts") and the joining words they leave ("December of").
  while (words.length && (NOT_AREA.test(words[0]) || JOINING_WORD.test(words[0]))) words.shift();
  while (words.length && JOINING_WORD.test(words[words.length - 1])) words.pop();
  if (!words.length || words.length > 5) return null;
  const area = words.join(' ');
  if (/^[A-Z]{2,}$/.test(area) && area.length <= 3) return null;
  return area;
}

/**
 * Read every figure in `text`. Periods and indicator codes are masked first so their digits are never
 * figures; a relative change followed by a bracketed absolute figure is one reading.
 */
export function parseValues(text: string, options: { slot?: boolean } = {}): ValueToken[] {
  const trimmed = text.trim();
  if (!trimmed || NOT_APPLICABLE.test(trimmed)) return [];
  const periods = findPeriods(text);
  const pendingWord = PENDING.exec(text);
  const masked: Masked[] = [...periods, ...findCodes(text)];
  // Fractions in brackets "(14/97)" qualify the figure before them; they are not readings of their own.
  for (const m of text.matchAll(/\(\s*\d+\s*\/\s*\d+\s*\)/g)) masked.push({ start: m.index, end: m.index + m[0].length });

  const tokens: ValueToken[] = [];
  let lastEnd = 0;
  let consumedTo = 0;
  for (const m of text.matchAll(FIGURE)) {
    let start = m.index;
    let end = start + m[0].length;
    if (start < consumedTo || overlaps(masked, start, end)) continue;
    // Figures after "tbc"/"TBA by 12 January" are deadlines or notes, not values.
    if (pendingWord && pendingWord.index < start) break;
    // "£1.2m", "£350k": money with a multiplier.
    const multiplier = /^(m|k|bn)\b/i.exec(text.slice(end));
    // Digits glued to letters ("CO2", "Q3", "LAA11", "HPS.3.2") are names, not figures; a unit glued on ("474kg",
    // "31.02days") is still a figure.
    const gluedUnit = /^[A-Za-z]/.test(text.slice(end)) && detectUnit(text.slice(end)) !== null;
    if (/[A-Za-z]\.?$/.test(text.slice(0, start)) || (!multiplier && !gluedUnit && /^[A-Za-z]/.test(text.slice(end)))) continue;
    // "21,4%", "7.l": a comma before one or two digits is no thousands separator, and a point before a letter no
    // decimal point; OCR misread these figures, and neither part of one is a figure to store.
    const misread = /^,\d{1,2}(?![\d,])|^\.[a-zA-Z](?![a-z])/.exec(text.slice(end));
    if (misread) {
      consumedTo = end + misread[0].length;
      continue;
    }
    // Digits glued to a percent sign ("deemed to be 4.1%94.") are a footnote's number, not a figure.
    if (/%$/.test(text.slice(0, start))) continue;
    // "the 2005-09 average", "2004/2008": a span of years written tight, neither end a figure ("2009 – 12 days",
    // spaced, is a year and then a figure).
    const dash = /^[-–]?/.exec(m[0])![0];
    const bare = m[0].slice(dash.length);
    const yearBefore = /(?:^|[^\d.,])(?:19|20)\d\d[-–/]$/.test(text.slice(0, start) + dash);
    const yearAfter = /^(?:19|20)\d\d$/.test(bare) && /^[-–/](?:\d\d|(?:19|20)\d\d)(?![\d.,%])/.test(text.slice(end));
    if (((yearBefore && /^(?:\d\d|(?:19|20)\d\d)$/.test(bare)) || yearAfter) && !/^\s*(?:%|per\b)/.test(text.slice(end))) continue;
    // "9.2% (rate per 100 offenders)": the base of a rate, written apart from its figure, is no figure.
    if (/\bper\s*$/i.test(text.slice(0, start))) continue;
    // "(Active People Survey 2, 2007/08)", "TellUs wave 3": the number of a survey's edition is part of its name.
    if (/\b(?:survey|wave|sweep|round)\s*$/i.test(text.slice(0, start)) && !/^\s*(?:%|per\b)/i.test(text.slice(end))) continue;
    const sign = m[2]?.trim();
    let value = toNumber(m[3], m[4]);
    if (multiplier) {
      value *= { m: 1e6, k: 1e3, bn: 1e9 }[multiplier[1].toLowerCase() as 'm' | 'k' | 'bn'];
      end += multiplier[0].length;
    }
    const doubts: string[] = [];
    let rest = text.slice(end);
    let unit: string | null = m[1] ? 'gbp' : null;
    let denominator: number | null = null;
    let relativeChange: number | null = null;

    const rate = RATE_PER.exec(rest);
    if (rate) {
      unit = `per ${Number(rate[1].replace(/,/g, '')).toLocaleString('en-GB')}`;
      end += rate[0].length;
      rest = text.slice(end);
    } else {
      const detected = detectUnit(rest);
      if (detected) {
        unit = unit ?? detected.unit;
        end += detected.length;
        rest = text.slice(end);
      }
      const outOf = OUT_OF.exec(rest);
      if (outOf && /out\s+of/i.test(outOf[0])) {
        denominator = toNumber(outOf[1], undefined);
        end += outOf[0].length;
        rest = text.slice(end);
      }
    }

    const relative = RELATIVE_AFTER.exec(rest);
    if (relative && (unit === '%' || unit === null)) {
      const down = /reduction|decrease|decline|fall|drop|lower|fewer|less/i.test(relative[1]);
      relativeChange = down ? -Math.abs(value) : Math.abs(value);
      end += relative[0].length;
      rest = text.slice(end);
      const onBaseline = /^\s*(?:on|from|against)\s+(?:the\s+)?baseline/i.exec(rest);
      if (onBaseline) {
        end += onBaseline[0].length;
        rest = text.slice(end);
      }
      // The absolute figure the relative change leads to, in brackets: "(15,381)", "(6.4 tonnes per capita 2008)".
      const absolute = /^\s*\(\s*(£\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/.exec(rest);
      if (absolute) {
        const afterNumber = rest.slice(absolute[0].length);
        const absUnit = detectUnit(afterNumber);
        value = toNumber(absolute[2], absolute[3]);
        unit = absolute[1] ? 'gbp' : (absUnit?.unit ?? null);
        const close = rest.indexOf(')', absolute[0].length);
        end += close >= 0 ? close + 1 : absolute[0].length;
      } else {
        value = Number.NaN;
        unit = null;
      }
    } else if (sign && /[-–−]/.test(sign) && m[2] === sign && !/[\d%]\s*$/.test(text.slice(0, start))) {
      // "-9" glued to its digits is a negative figure; "Herts - 4" uses the dash as a separator and
      // "40-45%" joins a range.
      value = -value;
    } else if (sign && /[-–−]/.test(sign) && m[2] !== sign) {
      // "rates - 1,650": a spaced dash separates the figure from the words before; it is not the figure's.
      start += m[2].length;
    }

    const gap = text.slice(lastEnd, start);
    let area = areaBefore(gap);
    const tail = trailingArea(text.slice(end));
    if (tail) {
      area = area ?? tail.area;
      end += tail.length;
    }
    if (/^\s*\)/.test(text.slice(end)) && /\(\s*$/.test(gap)) doubts.push('figure given in brackets only');

    tokens.push({
      state: 'value',
      value: Number.isNaN(value) ? null : value,
      unit,
      periods: [],
      area,
      relativeChange,
      denominator,
      pendingReason: null,
      start,
      end,
      doubts,
    });
    lastEnd = end;
    consumedTo = end;
  }

  const pendingAfter = pendingWord && tokens.length && pendingWord.index >= tokens[tokens.length - 1].end ? pendingWord : null;
  attachPeriods(tokens, pendingAfter ? periods.filter((p) => p.start < pendingAfter.index) : periods, text);
  markRanges(tokens, text);
  if (pendingAfter) {
    tokens.push({
      // "TBA by March 09 (2010/11)": the deadline is not the slot's period.
      state: 'pending', value: null, unit: null, periods: pendingPeriods(text, periods.filter((p) => p.start > pendingAfter.index)), area: null,
      relativeChange: null, denominator: null, pendingReason: pendingAfter[1].toLowerCase(), start: pendingAfter.index,
      end: pendingAfter.index + pendingAfter[0].length, doubts: [],
    });
  }

  if (!tokens.length) {
    const pending = pendingWord;
    if (pending || DASH_ONLY.test(text)) {
      const at = pending ? pending.index : text.indexOf(trimmed);
      return [
        {
          state: 'pending',
          value: null,
          unit: null,
          periods: pendingPeriods(text, periods),
          area: null,
          relativeChange: null,
          denominator: null,
          pendingReason: pending ? pending[1].toLowerCase() : 'dash',
          start: at,
          end: pending ? at + pending[0].length : at + trimmed.length,
          doubts: [],
        },
      ];
    }
    if (options.slot && trimmed.length <= 40) {
      // A value slot (a Baseline cell, a target column) holding words but no figure: the value is missing.
      const area = trailingWordsArea(text, periods);
      return [
        {
          state: 'pending', value: null, unit: null, periods: pendingPeriods(text, periods), area,
          relativeChange: null, denominator: null, pendingReason: 'no figure given',
          start: text.indexOf(trimmed), end: text.indexOf(trimmed) + trimmed.length, doubts: ['slot holds words but no figure'],
        },
      ];
    }
  }
  return tokens;
}

/** "40-45%": both ends of a range are readings to check, and share the unit written at the end. */
function markRanges(tokens: ValueToken[], text: string): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    // The dash may sit between the figures or open the second one's match.
    const between = text.slice(tokens[i].end, tokens[i + 1].start) + (/^[-–]/.test(text.slice(tokens[i + 1].start)) ? '-' : '');
    if (!/^\s*[-–]\s*$/.test(between)) continue;
    // "within 13 weeks – 72%": figures of two units either side of a dash are a name and a figure, not a range.
    if (tokens[i].unit && tokens[i + 1].unit && tokens[i].unit !== tokens[i + 1].unit) continue;
    tokens[i].unit = tokens[i].unit ?? tokens[i + 1].unit;
    for (const t of [tokens[i], tokens[i + 1]]) t.doubts.push('one end of a range');
  }
}

/** "06/07 E&N Herts PCT": a place named in an otherwise empty slot. */
function trailingWordsArea(text: string, periods: PeriodMatch[]): string | null {
  let rest = text;
  for (const p of [...periods].reverse()) rest = rest.slice(0, p.start) + ' '.repeat(p.end - p.start) + rest.slice(p.end);
  const area = areaBefore(rest.trimEnd());
  return area && !/baseline|target/i.test(area) ? area : null;
}

/** "TBA by 12 January 09" names a deadline, not the period the baseline is for. */
function pendingPeriods(text: string, periods: PeriodMatch[]): string[] {
  return periods.filter((p) => !/\bby\s*(?:\d{1,2}\s*)?$/i.test(text.slice(0, p.start))).map((p) => p.period);
}

/**
 * A period in brackets or directly after a figure belongs to that figure; one written before all the
 * figures ("(07/08) Herts: 16,022 St Albans: 2,048") belongs to every figure.
 */
function attachPeriods(tokens: ValueToken[], periods: PeriodMatch[], text: string): void {
  if (!tokens.length || !periods.length) return;
  const leading = periods.filter((p) => p.end <= tokens[0].start && !/\bby\s*$/i.test(text.slice(0, p.start)));
  const groups = new Map<number, string[]>();
  for (const p of periods) {
    if (p.end <= tokens[0].start) continue;
    // The nearest figure before the period owns it, unless the period sits inside that figure's brackets —
    // or it opens the next item of a list: "2009/10 28.5%; 2010/11 30%" dates the figure right after it.
    let owner = -1;
    for (let i = 0; i < tokens.length; i++) if (tokens[i].start < p.start) owner = i;
    const next = tokens.findIndex((t) => t.start >= p.end);
    if (owner >= 0 && next >= 0 && /^\s*[:–-]?\s*$/.test(text.slice(p.end, tokens[next].start))) {
      const gap = text.slice(tokens[owner].end, p.start);
      if (/\(\s*$/.test(gap) && /^\s*[:–-]/.test(text.slice(p.end)) && !tokens[next].doubts.includes(FIGURE_OF_BRACKETED_YEAR)) tokens[next].doubts.push(FIGURE_OF_BRACKETED_YEAR);
      if (/[;,]/.test(gap) || tokens[next].doubts.includes(FIGURE_OF_BRACKETED_YEAR)) owner = next;
    }
    if (owner < 0) continue;
    const list = groups.get(owner) ?? [];
    list.push(p.period);
    groups.set(owner, list);
  }
  tokens.forEach((token, i) => {
    const own = groups.get(i);
    if (own) token.periods = [...new Set(own)];
    else if (leading.length) token.periods = [...new Set(leading.map((p) => p.period))];
    // "8.6% (summer 2007) 11": a bare figure after a dated one is a note we cannot read for sure.
    if (!token.periods.length && i > 0 && tokens[i - 1].periods.length && !token.area) token.doubts.push(UNPLACED_SECOND_FIGURE);
  });
}
