// Indicator codes as plans write them: "NI175:", "NI 186", "(NI 16)", "[LAA Target – NI 152]", "LI 5.1a",
// "LI188", "LI (NI 165)", "BV 82a", "BVPI 199", "PSA 16". Normalised to scheme, one space, number + suffix.
import type { IndicatorScheme } from '../model/observation.ts';

export interface CodeMatch {
  code: string;
  scheme: IndicatorScheme;
  /** The code as written, e.g. "NI175" or "LI (NI 165)". */
  raw: string;
  start: number;
  end: number;
  /** "LI (NI 165)": a local indicator that is a National Indicator; the NI code is the indicator. */
  viaLocal?: boolean;
}

const SCHEME_OF: Record<string, IndicatorScheme> = { NI: 'NI', LI: 'LI', LPI: 'LI', BV: 'BV', BVPI: 'BV', PSA: 'PSA' };

// Number part: 1-3 digits, optional ".n" sub-number, optional letter suffix glued on ("82a", "5.1a").
// The negative look-ahead keeps "NI 186,000" or "NI 2008" (years) from reading as codes.
const NUMBER = String.raw`(\d{1,3}(?:\.\d{1,2})?)([a-zA-Z])?(?!\d|,\d|\.\d|[A-Za-z])`;
// "NI 195 (a)" writes the suffix in brackets.
const BRACKET_SUFFIX = String.raw`(?:\s?\(([a-z])\))?`;
const CODE_RE = new RegExp(String.raw`\b(NI|LI|LPI|BVPI|BV|PSA)\s?(?:\(\s?NI\s?${NUMBER}\s?\)|[-–.]?\s?${NUMBER}${BRACKET_SUFFIX})`, 'g');

export function normaliseCode(scheme: IndicatorScheme, number: string, suffix?: string): string {
  const n = number.replace(/^0+(?=\d)/, '');
  return `${scheme} ${n}${(suffix ?? '').toLowerCase()}`;
}

export function findCodes(text: string): CodeMatch[] {
  const out: CodeMatch[] = [];
  for (const m of text.matchAll(CODE_RE)) {
    const prefix = m[1];
    const start = m.index;
    const end = start + m[0].length;
    if (m[2] !== undefined) {
      // LI (NI 165)
      out.push({ code: normaliseCode('NI', m[2], m[3]), scheme: 'NI', raw: m[0], start, end, viaLocal: true });
      continue;
    }
    const scheme = SCHEME_OF[prefix];
    const number = m[4];
    if (scheme === 'NI' && number.includes('.')) continue; // NI numbers have no sub-numbers
    out.push({ code: normaliseCode(scheme, number, m[5] ?? m[6]), scheme, raw: m[0], start, end });
  }
  return out;
}

/** A bare code in a column whose header names the scheme ("BVPI No." over "82a"). */
export function codeFromBareCell(text: string, scheme: IndicatorScheme): CodeMatch | null {
  const m = /^\s*(?:(NI|LI|LPI|BVPI|BV|PSA)\s?)?(\d{1,3}(?:\.\d{1,2})?)([a-z])?\b/i.exec(text);
  if (!m) return null;
  const own = m[1] ? SCHEME_OF[m[1].toUpperCase()] : scheme;
  return { code: normaliseCode(own, m[2], m[3]), scheme: own, raw: m[0].trim(), start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length };
}

/** The 2008 National Indicator Set numbers NI 1–199 with NI 31 withdrawn. */
export function isNationalIndicator(code: string): boolean {
  const m = /^NI (\d+)$/.exec(code);
  if (!m) return false;
  const n = Number(m[1]);
  return n >= 1 && n <= 199 && n !== 31;
}
