// Indicator codes as plans write them: "NI175:", "N.I. 154", "National Indicator 47", "(NI 16)", "LI 5.1a",
// "LPI 12", "BV009", "BVPI 199", "PAF B11", "NAS1", "LI (NI 165)", "NI 195 (a)"; and several codes for one
// indicator side by side ("BV 66a, PAFB12, SP104", "LI 3 (NI 11)"). The spellings live in vocabulary/schemes.ts.
import { memoByText } from '../memo-by-text.ts';
import { normaliseCode, NOT_A_LOCAL_SCHEME, outsideScheme, SCHEMES, SCHEME_COLUMN_WORDS, SOCIAL_CARE, type SchemeForm } from '../vocabulary/schemes.ts';

export interface CodeMatch {
  code: string;
  scheme: string;
  /** The code as written, e.g. "NI175" or "LI (NI 165)". */
  raw: string;
  start: number;
  end: number;
  /** "LI (NI 165)": a local indicator that is a National Indicator; the NI code is the indicator. */
  viaLocal?: boolean;
  /** Other codes written beside this one for the same indicator ("BV 66a, PAFB12" → PAF B12 here). */
  aliases?: string[];
}

// A number that is not the start of a longer number, a thousands group, a decimal or a word.
const END = String.raw`(?!\d|,\d|\.\d|[A-Za-z])`;
// A letter suffix, with a roman sub-part as Best Value writes them ("BV 82bi", "BVPI 82a ii").
const SUFFIX = String.raw`([a-zA-Z](?:\s?(?:iii|ii|iv|i|v)(?![A-Za-z]))?)?`;
const NUMBER = String.raw`(\d{1,3})${SUFFIX}${END}`;
const DOTTED = String.raw`(\d{1,3}(?:\.\d{1,2})?)${SUFFIX}${END}`;
// "NI 195 (a)" writes the suffix in brackets.
const BRACKET_SUFFIX = String.raw`(?:\s?\(([a-z])\))?`;

interface CompiledScheme {
  form: SchemeForm;
  re: RegExp;
}

function compile(form: SchemeForm): CompiledScheme {
  const prefix = `(?:${form.prefixes.join('|')})`;
  const body = form.letter ? String.raw`([A-Z])\s?(\d{1,2})${END}` : `${form.dotted ? DOTTED : NUMBER}${BRACKET_SUFFIX}`;
  return { form, re: new RegExp(String.raw`(?<![A-Za-z0-9])${prefix}\s?[-–.]?\s?${body}`, 'g') };
}

const COMPILED = SCHEMES.map(compile);
const VIA_LOCAL = new RegExp(String.raw`(?<![A-Za-z0-9])LI\s?\(\s?NI\s?${NUMBER}${BRACKET_SUFFIX}\s?\)`, 'g');

// "BVPI 126, 127 and 128", "NIs 5, 7, 17": bare numbers listed after a code are codes of the same scheme,
// when each is followed by another separator, a bracket, a capitalised word or the end (not "10 days"). An
// item may carry a gloss in square brackets ("BVPI 126 [domestic burglaries], 127 [violent crimes]"), and a
// comma the copy lost ("NIs 30, 39, 40 53, 124") is a separator when more of the list follows.
const LISTED = /^(\s*(?:\[[^\]]{0,160}\]\s*)?(?:,|&|\band\b|\/)\s*|\s+(?=\d{1,3}[a-z]?\s*,\s*\d))(\d{1,3})([a-z]{1,3})?(?![\d]|[,.]\d)(?=\s*(?:,|&|\band\b|\/|;|\)|\[|$)|\s+[A-Z(]|\s+\d{1,3}[a-z]?\s*,\s*\d)/;

function matchesOf({ form, re }: CompiledScheme, text: string): CodeMatch[] {
  const out: CodeMatch[] = [];
  for (const m of text.matchAll(re)) {
    // "BV 079b(i)": a roman sub-part in brackets after the letter belongs to the suffix (→ BV 79bi).
    const suffix = m[2] && m[3] && /^(?:i|v)$/i.test(m[3]) ? `${m[2]}${m[3]}` : (m[2] ?? m[3]);
    const code = form.letter ? normaliseCode(form.scheme, m[2], undefined, m[1]) : normaliseCode(form.scheme, m[1], suffix);
    out.push({ code, scheme: form.scheme, raw: m[0], start: m.index, end: m.index + m[0].length });
    if (form.letter) continue;
    let end = m.index + m[0].length;
    for (let next = LISTED.exec(text.slice(end)); next; next = LISTED.exec(text.slice(end))) {
      const start = end + next[1].length;
      end += next[0].length;
      out.push({ code: normaliseCode(form.scheme, next[2], next[3]), scheme: form.scheme, raw: text.slice(start, end), start, end });
    }
  }
  return out;
}

/** Text between two codes that makes them one indicator: a bracket or slash anywhere, a comma in a short cell. */
function joinsAliases(gap: string, shortText: boolean): boolean {
  if (/^\s*[(/[]\s*$/.test(gap) || /^\s*[)\]]\s*[(/[]\s*$/.test(gap)) return true;
  return shortText && /^\s*[)\]]?\s*[,;]\s*$/.test(gap);
}

/**
 * Codes of different schemes written side by side name one indicator: the NI code (else the first) is the
 * indicator, the rest its aliases. Two codes of one scheme are two indicators ("NI 171 & NI 153").
 */
function groupAliases(matches: CodeMatch[], text: string): CodeMatch[] {
  const shortText = text.replace(/\s+/g, ' ').trim().length <= 60;
  const groups: CodeMatch[][] = [];
  for (const m of matches) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && !group.some((g) => g.scheme === m.scheme) && joinsAliases(text.slice(last.end, m.start), shortText)) group.push(m);
    else groups.push([m]);
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0];
    const primary = group.find((g) => g.scheme === 'NI') ?? group[0];
    const first = group[0];
    const last = group[group.length - 1];
    return { ...primary, raw: text.slice(first.start, last.end), start: first.start, end: last.end, aliases: group.filter((g) => g !== primary).map((g) => g.code) };
  });
}

// Social care's Performance Assessment Framework written without its scheme ("A1, the proportion of Looked
// After children …", "C28 (households receiving intensive home care …)", "D36 Users who said …"): the letter
// and number shape alone is a road or a paper size as often, so the words after it must be social care's.
const BARE_PAF = /(?<![A-Za-z0-9])([A-E])(\d{1,2})(?![\d%.,]\d|\d|[A-Za-z])/g;
/** What follows a bare code that names its indicator: a gloss in brackets, a dash, a comma or a capitalised title. */
const NAMED_AFTER = /^\s*(?:,|\(|[-–]|\s[A-Z])/;
/** What follows an item of a list of codes: a gloss, the next separator, or the end of the list. */
const LIST_ITEM_AFTER = /^\s*(?:[,;(&)]|and\b|or\b|\.|$|\s[a-z])/;

// "C28 (households receiving intensive home care …), C51 (direct payments …) and D56 (waiting time …)": an item
// joined to a social care code by a separator, after that code's gloss in brackets, is one too.
const LISTED_AFTER_CODE = /^\s*(?:\([^()]{0,160}\)\s*)?(?:,|;|&|\band\b|\bor\b)\s*(?:and\s+|or\s+)?$/;

function barePafCodes(text: string, found: CodeMatch[]): CodeMatch[] {
  const out: CodeMatch[] = [];
  for (const m of text.matchAll(BARE_PAF)) {
    const before = [...found, ...out].filter((f) => f.scheme === 'PAF' && f.end <= m.index).sort((a, b) => a.end - b.end).pop();
    const end = m.index + m[0].length;
    const listed = before && LISTED_AFTER_CODE.test(text.slice(before.end, m.index)) && LIST_ITEM_AFTER.test(text.slice(end));
    if (!listed && !(NAMED_AFTER.test(text.slice(end)) && SOCIAL_CARE.test(text.slice(m.index, m.index + 160)))) continue;
    out.push({ code: normaliseCode('PAF', m[2], undefined, m[1]), scheme: 'PAF', raw: m[0], start: m.index, end });
  }
  return out;
}

function readCodes(text: string): CodeMatch[] {
  const found: CodeMatch[] = [];
  for (const m of text.matchAll(VIA_LOCAL)) {
    found.push({ code: normaliseCode('NI', m[1], m[2] ?? m[3]), scheme: 'NI', raw: m[0], start: m.index, end: m.index + m[0].length, viaLocal: true });
  }
  for (const compiled of COMPILED) {
    for (const m of matchesOf(compiled, text)) {
      // NI numbers have no sub-numbers; a match inside one already taken (LPI's "PI", "LI (NI 5)") is not a code.
      if (found.some((f) => m.start < f.end && m.end > f.start)) continue;
      found.push(m);
    }
  }
  for (const m of barePafCodes(text, found)) if (!found.some((f) => m.start < f.end && m.end > f.start)) found.push(m);
  return groupAliases(found.sort((a, b) => a.start - b.start), text);
}

/** Every indicator code in `text`, left to right, aliases grouped; the same text read again is not matched again. */
export const findCodes: (text: string) => CodeMatch[] = memoByText(readCodes);

/** The scheme a column header names for the bare codes below it ("BVPI No." → BV); null for "PI Ref". */
export function schemeOfColumn(header: string): { scheme: string | null } | null {
  const text = header.replace(/\s+/g, ' ').trim();
  const hit = SCHEME_COLUMN_WORDS.find((w) => w.re.test(text));
  return hit ? { scheme: hit.scheme } : null;
}

/** A bare code in a column whose header names the scheme ("BVPI No." over "82a", "NI" over "047"). */
export function codeFromBareCell(text: string, scheme: string): CodeMatch | null {
  const own = findCodes(text);
  if (own.length && text.slice(0, own[0].start).trim() === '') return own[0];
  const m = /^\s*(\d{1,3}(?:\.\d{1,2})?)([a-z])?(?:\s?\(([a-z])\))?(?=$|[\s:.)–-])/i.exec(text);
  if (!m) return null;
  if (scheme === 'NI' && m[1].includes('.')) return null;
  const start = m.index + (m[0].length - m[0].trimStart().length);
  return { code: normaliseCode(scheme, m[1], m[2] ?? m[3]), scheme, raw: m[0].trim(), start, end: m.index + m[0].length };
}

const LOCAL_CODE = /^[\s•·*]*([A-Z]{1,4})\s?[.-]?\s?(\d{1,3}(?:\.\d{1,2})?)([a-z]{1,3})?(?![\d%,]|\.\d)/;

/**
 * A local code leading a cell or row of a performance-indicator table ("CH8", "HO 001", "ENV 3.2a"): only
 * where a column or header says it holds indicator references, never in running text.
 */
export function localCodeAt(text: string): CodeMatch | null {
  const m = LOCAL_CODE.exec(text);
  if (!m || NOT_A_LOCAL_SCHEME.test(m[1])) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return { code: normaliseCode(m[1], m[2], m[3]), scheme: m[1], raw: m[0].trim(), start, end: m.index + m[0].length };
}

/** The 2008 National Indicator Set numbers NI 1–199 with NI 31 withdrawn. */
export function isNationalIndicator(code: string): boolean {
  return code.startsWith('NI ') && !outsideScheme(code);
}
