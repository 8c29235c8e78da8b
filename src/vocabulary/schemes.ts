// Indicator code schemes as plans write them, and how each is normalised (CONTRACT.md, "Codes"): the scheme
// as the document writes it, upper-case, one space, the number without leading zeros, then any suffix.
// A new scheme or spelling is one entry here; detect/codes.ts compiles the matcher from this table.

export interface SchemeForm {
  /** The scheme the code is stored under ("BVPI 82a" and "Best Value Indicator 82a" are both "BV"). */
  scheme: string;
  /** Regular-expression sources for the ways documents write the prefix. */
  prefixes: string[];
  /** Letter before the number ("PAF B11", "CPA C5"): part of the code. */
  letter?: boolean;
  /** Sub-numbers such as "LI 5.1a" are allowed. */
  dotted?: boolean;
  /** Inclusive number range the scheme uses; codes outside it are flagged, not dropped. */
  range?: [number, number];
  /** Numbers withdrawn from the scheme. */
  withdrawn?: number[];
}

export const SCHEMES: SchemeForm[] = [
  { scheme: 'NI', prefixes: [String.raw`National\s+Indicators?(?:\s+(?:No\.?|number))?`, String.raw`N\.\s?I\.?`, String.raw`N[Ii]s?\.?`], range: [1, 199], withdrawn: [31] },
  { scheme: 'LPI', prefixes: [String.raw`LPI`, String.raw`L\.P\.I\.?`], dotted: true },
  { scheme: 'LI', prefixes: [String.raw`LI`, String.raw`Local\s+Indicator`], dotted: true },
  // "BVPPI 12": a Best Value Performance Plan indicator, the same code.
  { scheme: 'BV', prefixes: [String.raw`BV\s?P?PI`, String.raw`B\.V\.P\.I\.?`, String.raw`BV`, String.raw`Best\s+Value\s+(?:Performance\s+)?Indicator`] },
  { scheme: 'PSA', prefixes: ['PSA'] },
  { scheme: 'PAF', prefixes: ['PAF'], letter: true },
  { scheme: 'CPA', prefixes: ['CPA'], letter: true },
  { scheme: 'NAS', prefixes: ['NAS'] },
  // Police statutory performance indicators (2000–2008): "SPI 1a".
  { scheme: 'SPI', prefixes: ['SPI'] },
  { scheme: 'KPI', prefixes: ['KPI'], dotted: true },
  // A council's own performance indicators written "PI 94" in running text (a "PI Ref" column's bare codes are read there).
  { scheme: 'PI', prefixes: ['PI'], dotted: true },
  { scheme: 'TC', prefixes: ['TC'] },
  { scheme: 'SP', prefixes: ['SP'] },
];

/**
 * A scheme's short prefix right before a number, even glued to the word before it ("…_WEB.gifNI 196", "cfBV 12"):
 * the number is a code's, never a figure. Case-sensitive: "ni" and "bv" in running text are not prefixes.
 */
export const CODE_PREFIX_BEFORE = new RegExp(String.raw`(?:NI|${SCHEMES.flatMap((s) => s.prefixes).filter((p) => /^[A-Z]{2,4}$/.test(p) || p === String.raw`BV\s?PI`).join('|')})\.?\s?$`);

/** Column headers that name a scheme for the bare numbers below them ("BVPI No.", "NI", "PI Ref"). */
export const SCHEME_COLUMN_WORDS: Array<{ re: RegExp; scheme: string | null }> = [
  { re: /^(?:bv\s?pi|bv|best value(?: performance)?(?: indicator)?)\s*(?:no\.?|number|ref\.?|code)?$/i, scheme: 'BV' },
  { re: /^(?:n\.?i\.?|national indicator)\s*(?:no\.?|number|ref\.?|code)?$/i, scheme: 'NI' },
  { re: /^(?:lpi|local performance indicator)\s*(?:no\.?|number|ref\.?|code)?$/i, scheme: 'LPI' },
  { re: /^(?:li|local indicator)\s*(?:no\.?|number|ref\.?|code)?$/i, scheme: 'LI' },
  { re: /^(?:pi|kpi|indicator|performance indicator|measure|measure and target|ref(?:erence)?\.?|code|pi ref\.?|pi no\.?|indicator (?:ref\.?|no\.?|code|number))s?$/i, scheme: null },
];

/** The canonical code: scheme, one space, letter (PAF/CPA), number without leading zeros, lower-case suffix. */
export function normaliseCode(scheme: string, number: string, suffix?: string, letter?: string): string {
  const n = number.replace(/^0+(?=\d)/, '');
  return `${scheme} ${letter ? letter.toUpperCase() : ''}${n}${(suffix ?? '').replace(/\s+/g, '').toLowerCase()}`;
}

export function schemeOf(scheme: string): SchemeForm | undefined {
  return SCHEMES.find((s) => s.scheme === scheme);
}

/** A code whose scheme has a range (NI 1–199 without NI 31) and falls outside it. */
export function outsideScheme(code: string): boolean {
  const m = /^([A-Z]+) [A-Z]?(\d+)/.exec(code);
  if (!m) return false;
  const form = schemeOf(m[1]);
  if (!form?.range) return false;
  const n = Number(m[2]);
  return n < form.range[0] || n > form.range[1] || (form.withdrawn ?? []).includes(n);
}

// Letters that lead numbers without being indicator schemes: quarters, key stages, pollutants, postcodes, roads.
export const NOT_A_LOCAL_SCHEME = /^(?:Q|QTR|KS|CO|NO|PM|UK|EU|GP|IT|TV|PC|DC|MP|QA|HR|AM|AD|ST|ND|RD|TH|NHS|PCT|LSP|LAA|LPSA|CCTV|M|A|B|J|Y|YR|ITEM|PART|PAGE|PARA|ROOM|NOTE|AREA|WARD|UNIT|ZONE|YEAR|STEP|TIER|AIM|TEL|FAX)$/;

/** Social care's words: what makes a bare "C28" or "D36" a Performance Assessment Framework code. */
export const SOCIAL_CARE = /\b(?:looked after|placements?|adoption|foster\w*|child protection|care leavers?|home care|direct payments|residential|nursing|carers?|users who|service users|older people|adults? (?:and older people|with)|social services|social care|assessments?|care packages?|intensive home care|delayed transfers?|equipment)\b/i;
