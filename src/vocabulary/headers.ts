// The words of table headers: which columns hold titles, places, periods or statuses rather than figures, the
// kind and quarter tokens of header lines, and the other labels a header run passes over. Used by the table,
// text-table and flattened-table readers alike.

/** A column of indicator titles ("Description", "Indicator title"). */
export const TITLE_COLUMN = /^(?:description|indicator (?:title|description|name)|title|definition)$/i;
/** A column of places: each row's area ("District", "PCT", "Ward"). */
export const AREA_COLUMN = /^(?:district|borough|area|locality|local authority|authority|ward|pct|place|partnership area|cdrp|county|town)s?$/i;
/** A column (or a one-cell-per-line header cell) of periods ("Year", "Period"). */
export const PERIOD_COLUMN = /^(?:year|period|financial year|date|time ?period|reporting period|data period|as at)$/i;
/** A column of statuses ("RAG", "Direction of travel"). */
export const STATUS_COLUMN = /^(?:status|rag|rag status|traffic light|progress status|direction of travel)$/i;
/** Other labels a run of header cells passes over ("Polarity", "Comments", "Lead officer"). */
export const OTHER_COLUMN = /^(?:direction(?: of travel)?|polarity|status|rag|trend|comments?|notes?|lead(?: officer| partner)?|indicator|description|measure|pi|ref(?:erence)?|priority|outcome|theme|owner|dot|good is|better|rating)\b/i;

/** A kind token in a header line; "Target Owner", "Target date", "Result comments" name other columns. */
export const HEADER_KIND_TOKEN = /^(?:base\s?-?line|target|actual|outturn|out-turn|outurn|result|achieved|estimated?|forecast|projected|ytd|year to date)s?\b(?!\s+(?:owner|officer|lead|date|setter|source|comments?|notes?)\b)/i;
/** A quartile threshold column ("Top quartile"). */
export const QUARTILE_TOKEN = /^(?:(?:top|upper|bottom|lower|best)\s+)?quartile\b/i;
/** A quarter column ("Q2", "Qtr 3", "Quarter 1"); group 1 is the quarter. */
export const QUARTER_TOKEN = /^(?:quarter|qtr|q)\s*([1-4])\b/i;
/** A financial year's quarter written as its months, with no year ("Apr-Jun", "Oct – Dec"): the quarter it is. */
const MONTH_QUARTER = /^(?:(apr)(?:il)?|(jul)(?:y)?|(oct)(?:ober)?|(jan)(?:uary)?)\s*(?:-|–|to)\s*(?:jun(?:e)?|sep(?:t(?:ember)?)?|dec(?:ember)?|mar(?:ch)?)\b(?!\.?\s*(?:19|20)?\d{2}\b)/i;
const MONTH_QUARTER_ENDS: Record<string, RegExp> = { apr: /jun/i, jul: /sep/i, oct: /dec/i, jan: /mar/i };

/** "Apr-Jun" → 1, "Jan – Mar" → 4; the length of the words; null for any other span ("Apr-Sep"). */
export function monthQuarterAt(text: string): { quarter: number; length: number } | null {
  const m = MONTH_QUARTER.exec(text);
  if (!m) return null;
  const index = [1, 2, 3, 4].find((i) => m[i]);
  const first = m[index!].toLowerCase();
  return MONTH_QUARTER_ENDS[first].test(m[0].slice(m[index!].length)) ? { quarter: index!, length: m[0].length } : null;
}

/** A caption's label opening a line ("Figure 1:", "Table 3 –", "Chart 2."): what follows names what the figure or table shows. */
export const CAPTION_LABEL = /(?:figure|fig\.|table|chart|graph)\s+\d{1,2}[a-z]?\s*[:.–-]\s*/i;

/**
 * A label saying an indicator follows ("Indicator:", "Key performance indicator –", "LAA target:", "Measure and
 * target used to deliver the short term action –"): a code after it names what the lines below are about.
 */
export const INDICATOR_LABEL = /(?:(?:key|headline|priority|lead|main|core|stretch)\s+)?(?:performance indicators?|indicators?|pis?|laa target|laa indicator|measure(?:\s+and\s+target)?(?:\s+used to deliver the short term action)?|national indicator|local indicator|kpi)\s*[:–—-]\s*/i;
