// What kind of figure a label, header or phrase announces: a baseline, a target or a result. Comparators
// (England, regional or family-group averages) are results for that area; quartile thresholds are nobody's
// figures and are never stored. One table of words: every reader (labels, headers, phrases) asks it.
import type { ObservationKind } from '../model/observation.ts';

export const KIND_WORDS: Array<{ re: RegExp; kind: ObservationKind }> = [
  { re: /^(?:base\s?-?line|base year|starting point)s?\b/i, kind: 'baseline' },
  {
    re: /^(?:actuals?|outturns?|out-turns?|results?|achieved|achievement|performance|perf\.?|current (?:performance|position|figure)|latest (?:data|performance|result|position|figure|outturn)|latest(?=\s*$|\s+(?:(?:19|20)\d\d|\d\d\/\d\d|q[1-4]\b|(?:[a-z]+\s+){0,2}(?:survey|aps\s?\d?|tellus\s?\d?)\b))|position (?:at|as at)|year to date|ytd|cumulative)\b/i,
    kind: 'result',
  },
  { re: /^(?:target|improvement target|stretch(?:ed)? target|un-?stretched target|imp\.? target|laa target|aim|goal|trajectory)s?\b/i, kind: 'target' },
];

/** The kind a label names, wherever it sits in the label ("2008/09 Target", "Target 2010/11", "Outturn 07/08"). */
export function kindOfLabel(text: string): ObservationKind | null {
  const words = text.replace(/[()[\]:]/g, ' ').trim();
  for (const { re, kind } of KIND_WORDS) if (re.test(words)) return kind;
  for (const { re, kind } of KIND_WORDS) {
    if (new RegExp(re.source.replace(/^\^/, String.raw`\b`), 'i').test(words)) return kind;
  }
  return null;
}

/** Averages of other places: results for that area ("England average", "Family group", "North West"). */
export const COMPARATOR =
  /\b((?:all\s+)?England|English|national|nat(?:ional)?\.?|regional|region|(?:north|south)(?:[ -](?:east|west))?|east(?:ern)?|west(?:ern)?|midlands|london|yorkshire(?: and (?:the )?humber)?|family group|statistical neighbours?|comparator group|similar authorities|unitary|(?:met(?:ropolitan)?|county|district|shire|ua|nub)s?)\s+(?:average|avg\.?|mean|figure)s?\b|\b(?:family group|statistical neighbours?|comparator group)\b/i;

/** Every comparator a text names, for the one nearest a figure. */
export const COMPARATORS = new RegExp(COMPARATOR.source, 'gi');

/** Thresholds that are not any area's figure: quartiles, medians, bands. */
export const NOT_A_FIGURE_OF_OURS = /\b(?:top|upper|bottom|lower|best|worst|middle)\s+quartile|\bquartile\b|\bmedian\b|\btop\s+25\s*%|\bbottom\s+25\s*%/i;

/** The area a comparator label names, as the document writes it ("England average" → "England"). */
export function comparatorArea(label: string): string | null {
  const m = COMPARATOR.exec(label);
  if (!m) return null;
  const words = m[0].replace(/\s+(?:average|avg\.?|mean|figure)s?$/i, '').trim();
  return words.replace(/^all\s+/i, '').replace(/^nat(?:ional)?\.?$/i, 'England').replace(/^English$/i, 'England').replace(/^region(?:al)?$/i, 'region');
}

/** Label words that open a labelled value ("Baseline: 29%", "Outturn 07/08 – 41%"), as a regex source. */
export const LABEL_WORDS = String.raw`base\s?-?line|target|result|actual|outturn|out-turn|achieved`;
/**
 * Words that may stand before a label word and leave its kind as it is: "Latest result", "Annual target",
 * "Proposed revised target" (one or two of them). Not "LAA", "stretch" or "improvement": "LAA Target: NI 8 …"
 * and "Stretch target 3: Increase the number of …" name what a block is about; they label no figure.
 */
const QUALIFIER_WORD = String.raw`(?:latest|current|previous|final|annual|year[- ]end|proposed|revised|agreed|draft|new|interim|local)`;
export const LABEL_QUALIFIER = String.raw`(?:${QUALIFIER_WORD}(?:\s+${QUALIFIER_WORD})?)`;

/** A cell that is a row or column label of a value table: a label word or a year ("Baseline", "08/09"). */
export const VALUE_LABEL_CELL = new RegExp(String.raw`^(?:<[^>]+>)*\s*(?:${LABEL_WORDS}|\d{2}\/\d{2}|\d{4}(?:\/\d{2,4})?)\b`, 'i');

/** Words of column headings in plan tables and spreadsheets (a row of them is a header row). */
export const HEADER_WORD =
  /\b(?:indicators?|measures?|baselines?|base line|targets?|results?|actuals?|outturns?|out-turns?|performance|ref(?:erence)?|code|NI|BVPI|PSA|LAA|descriptions?|status|lead|trend|RAG|comments?|notes?|years?|period|quarter|Q[1-4]|latest|data|source|units?|direction|priority|theme|outcome|partner|comparator|average|quartile)\b/i;

/**
 * Places and groups whose figures a table sets beside the partnership's own: England, the English regions,
 * family and comparator groups, class averages ("UA av", "NUB av", "county average"). Their figures are results
 * for that area.
 */
const PLACE_COMPARATOR =
  /\b(?:(all\s+)?England|English average|national(?: average)?|Great Britain|United Kingdom|(?:GB|UK)(?= av(?:erage|g)?\b)|(?:the\s+)?region(?:al)?(?: average)?|North East|North West|Yorkshire(?: and (?:the )?Humber)?|East Midlands|West Midlands|East of England|South East|South West|family group|statistical neighbours?|comparator group|similar authorities|nearest neighbours|(?:IPF|CIPFA) (?:group|family)|(?:UA|NUB|county|district|unitary|shire|met(?:ropolitan)?|london)\s+av(?:erage|g)?\.?)(?![\w])/i;

const PLACE_COMPARATORS = new RegExp(PLACE_COMPARATOR.source, 'gi');

/** The first place comparator the text names, or with `last` the one nearest its end (the one a figure after it is for). */
export function placeComparator(text: string, last = false): { area: string; at: number; length: number } | null {
  const m = last ? [...text.matchAll(PLACE_COMPARATORS)].pop() : PLACE_COMPARATOR.exec(text);
  if (!m) return null;
  const words = m[0].replace(/^all\s+/i, '').replace(/\s+av(?:erage|g)?\.?$/i, '').replace(/^the\s+/i, '');
  const area = /^(?:national|English)$/i.test(words) ? 'England' : /^region(?:al)?$/i.test(words) ? 'region' : words;
  return { area, at: m.index, length: m[0].length };
}
