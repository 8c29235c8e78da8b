// Units written after a figure, normalised to the lower-case names the export contract uses.
// Counted nouns ("212 homes") name what is counted, not a unit: they stay unit-less.

interface UnitRule {
  re: RegExp;
  unit: string;
}

// Longest phrases first: "tonnes per capita" before "tonnes".
const RULES: UnitRule[] = [
  // "narrowed to 21 percentage points": a difference of percentages, not a percentage.
  { re: /^\s*(?:percentage|%)[- ]?points?\b/i, unit: 'percentage points' },
  { re: /^\s*%/, unit: '%' },
  { re: /^\s*(?:per ?cent|percent)\b/i, unit: '%' },
  { re: /^\s*(?:tonnes?|t)\s*(?:of\s+co2\s*)?(?:per\s+(?:capita|head|person)|\/\s*capita)\b/i, unit: 'tonnes per capita' },
  { re: /^\s*(?:kg|kilograms?|kilos?)\b(?:\s*per\s+household\b)?/i, unit: 'kg' },
  { re: /^\s*(?:tonnes?|tons?)\b/i, unit: 'tonnes' },
  { re: /^\s*(?:working\s+)?days?\b/i, unit: 'days' },
  { re: /^\s*weeks?\b/i, unit: 'weeks' },
  { re: /^\s*(?:minutes?|mins?)\b/i, unit: 'minutes' },
  { re: /^\s*points?\b/i, unit: 'points' },
];

export function detectUnit(textAfterFigure: string): { unit: string; length: number } | null {
  for (const rule of RULES) {
    const m = rule.re.exec(textAfterFigure);
    if (m) return { unit: rule.unit, length: m[0].length };
  }
  return null;
}

/**
 * A unit a label closes with in brackets: "Invoices paid within 30 days (%)", "Time taken to process new claims
 * (days)", "Outturn (kg)". The figures under or beside such a label are in that unit when they write none.
 */
export function unitInBrackets(label: string | null | undefined): string | null {
  const m = label ? /\(\s*([^()]{1,30}?)\s*\)\s*$/.exec(label) : null;
  if (!m) return null;
  const unit = detectUnit(m[1]);
  return unit && unit.length >= m[1].length ? unit.unit : null;
}
