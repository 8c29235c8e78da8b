// Whether words name what an indicator's title counts: the title's counted words (and their stems), a figure
// followed by them ("there were 26 footway trip claims"), a sentence whose subject names them ("Sickness absence
// levels have fallen to …"), and a sentence opening on another measure ("the response rate was 41%"). The phrase
// reader asks these before it lets a sentence with no code of its own speak of the indicator named before it.
import { catalogueTitle, stem } from '../detect/catalogue.ts';
import type { Mention } from '../detect/mentions.ts';
import { CHANGE_VERBS, SAME_MEASURE_QUALIFIER } from '../vocabulary/cues.ts';
import { parseValues, type ValueToken } from './values.ts';

/** Words that say what a sentence is about: not figures, short words or the words of any sentence. */
export function contentWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z'-]+/).filter((w) => w.length > 3 && !TITLE_FILLER.test(w) && !COMMON_WORD.test(w));
}
const COMMON_WORD = /^(?:this|that|these|those|there|their|they|with|from|into|have|been|were|which|what|when|where|will|would|should|could|than|then|also|each|every|more|most|less|over|under|about|after|before|during|year|years|quarter|quarters|month|months|period|figure|figures|target|targets|performance|result|results|outturn|measured|reported|recorded|shows?|council|authority|indicator|indicators)$/;

/** Whether the words hold one of the given ones ("Sickness absence for Quarter 1 …" after "… lost to sickness absence"). */
export function sharesWord(text: string, stems: Set<string>): boolean {
  return contentWords(text).some((w) => stems.has(stem(w)));
}

/**
 * "The response rate was 41%" after NI 5: a sentence opening on a measure that a word outside the indicator's
 * title qualifies speaks of that other measure, not of the indicator ("the recycling rate" for NI 192 does not).
 */
export function namesAnotherMeasure(sentence: string, mention: Mention): boolean {
  const m = /^\s*(?:the|our|its|their)\s+((?:[\w-]+\s+){1,3}?)(?:rate|level|percentage|proportion|total|score)\b/i.exec(sentence);
  if (!m) return false;
  const counted = countedStems(mention);
  return m[1].trim().toLowerCase().split(/\s+/).some((w) => !counted.has(stem(w)) && !SAME_MEASURE_QUALIFIER.test(w));
}

/** Words of a title that say what it counts: not the measure words around them. */
const TITLE_FILLER = /^(?:number|numbers|of|the|a|an|and|or|in|on|to|for|by|with|per|percentage|proportion|rate|total|level|%|no|no\.)$/i;
/** The fewest title words a figure must be followed by to count what the indicator counts. */
export const ECHO_WORDS = 2;

/** The words of an indicator's title that name what it counts ("Number of footway trip claims" → footway, trip, claims). */
export function countedWords(mention: Mention): Set<string> {
  // A lettered part ("NI 195a") is named in its parent's national title.
  const title = `${mention.title ?? ''} ${mention.catalogueTitle ?? catalogueTitle(mention.code.replace(/[a-z]+$/, '')) ?? ''}`.toLowerCase();
  return new Set(title.split(/[^a-z0-9'-]+/).filter((w) => w.length > 1 && !TITLE_FILLER.test(w)));
}

/**
 * The same words as stems, for a sentence's subject or topic, which may name them in another form: "assaults with
 * injury" speaks of what "Assault with injury crime rate" counts. A count right after a figure is held to the
 * title's own words ("31 primary schools" is no count of "Obesity in primary school age children").
 */
export function countedStems(mention: Mention): Set<string> {
  return new Set([...countedWords(mention)].map(stem));
}

/** Whether the figure is followed by at least two words of what the title counts, and nothing else between. */
export function echoAfter(sentence: string, token: ValueToken, words: Set<string>): boolean {
  return echoEnd(sentence, token, words) !== null;
}

/** "There were 96 …", "the total was 412 …": a verb right before a count, which makes the words after it what was counted. */
const COUNTED_AFTER_VERB = /\b(?:were|was|are|is|had|have|has|totalled|reached)\s*$/i;

/** Where the words of what the title counts, written right after the figure, end (at least two of them). */
export function echoEnd(sentence: string, token: ValueToken, words: Set<string>): number | null {
  let at = token.end;
  let n = 0;
  let skipped = 0;
  for (const m of sentence.slice(token.end).matchAll(/\s+([A-Za-z'-]+)/gy)) {
    const word = m[1].toLowerCase();
    // "There were 96 households in temporary accommodation": after a verb, a small word between the title's words
    // is passed over ("Progression by 2 levels in English …" is a title's own words, not a count).
    if (n > 0 && TITLE_FILLER.test(word) && skipped === 0 && COUNTED_AFTER_VERB.test(sentence.slice(0, token.start))) {
      skipped += m[0].length;
      continue;
    }
    if (n >= 4 || !words.has(word)) break;
    n++;
    at += skipped + m[0].length;
    skipped = 0;
  }
  return n >= ECHO_WORDS ? at : null;
}

/**
 * "The number of first time entrants fell from 412 …" after "NI 111 First time entrants to the Youth Justice
 * System": the sentence's subject, the words before its first figure, names what the title counts, in words of
 * it that follow each other.
 */
export function subjectEchoes(sentence: string, mention: Mention): boolean {
  const words = countedStems(mention);
  // A time clause before the subject ("During the quarter to 30 June 2007, sickness absence levels have …") is
  // not part of it, and its date is not the first figure.
  // Nor is a paragraph's number ("4 During the quarter …").
  const clause = sentence.replace(PARAGRAPH_NUMBER, '').replace(OPENING_TIME_CLAUSE, '');
  const firstDigit = clause.search(/\d/);
  const subject = clause.slice(0, Math.max(0, firstDigit)).toLowerCase().split(/[^a-z0-9'-]+/).filter(Boolean).slice(0, 12);
  let run = 0;
  for (const [i, w] of subject.entries()) {
    // A small word inside the title's words ("assaults with injury") neither counts nor breaks the run.
    if (run > 0 && TITLE_FILLER.test(w) && words.has(stem(subject[i + 1] ?? ''))) continue;
    run = words.has(stem(w)) ? run + 1 : 0;
    // …and a verb reports on it right after, or after a word for the measure itself ("sickness absence levels
    // have fallen"): "Narrowing the gap between the lowest achieving 20%" is a title, "Improve the take up … to
    // 88%" an aim, "Youth justice staff numbers rose" counts something else.
    const next = subject[i + 1] ?? '';
    const verb = MEASURE_NOUN.test(next) ? subject[i + 2] ?? '' : next;
    if (run >= ECHO_WORDS && !words.has(stem(next)) && REPORTING_VERB.test(verb)) return true;
  }
  return false;
}

const REPORTING_VERB = new RegExp(String.raw`^(?:was|were|is|are|stood|stands|reduced|has|have|had|remained|reached|totalled|${CHANGE_VERBS.split('|').map((v) => v.split(' ')[0]).join('|')})$`);
/** Words for a measure's own size, between its subject and the verb: "absence levels have fallen", "the rate was". */
const MEASURE_NOUN = /^(?:level|levels|rate|rates|figure|figures|total|score)$/;
/** "4 During …", "3.2 Sickness absence …": the number of a report's paragraph opening it. */
const PARAGRAPH_NUMBER = /^\s*\d{1,2}(?:\.\d{1,2}){0,2}\s+(?=[A-Z])/;
/** "During the quarter to 30 June 2007, …", "In 2008/09, …", "Over the last 12 months, …": a time clause that opens a sentence. */
const OPENING_TIME_CLAUSE = /^\s*(?:during|in|for|over|throughout|by|at)\s+(?:the\s+)?(?:[\w/.-]+\s+){0,6}?(?:(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?|quarter|year|months?|period)\s*,\s*/i;

/** "there were 26 footway trip claims" after "Number of footway trip claims (PFI 06di)": the sentence counts what the indicator counts. */
export function echoesTitle(sentence: string, mention: Mention): boolean {
  const words = countedWords(mention);
  return words.size >= ECHO_WORDS && parseValues(sentence).some((t) => t.state === 'value' && t.unit === null && echoAfter(sentence, t, words));
}
