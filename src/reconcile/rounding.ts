// The precision a document writes its figures to: "56.00%" has two decimals although the stored number is 56.
// Checks compare figures within that precision, so a document's own rounding is never reported as an error.

function decimalsOf(n: number): number {
  const text = String(Math.abs(n));
  if (text.includes('e')) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Decimals of the figure equal to `value` as written in `text` ("15,381" → 0, "6.40" → 2); else the number's own. */
export function writtenDecimals(text: string | null | undefined, value: number): number {
  for (const m of (text ?? '').matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const written = m[0];
    if (Math.abs(Number(written.replace(/,/g, '')) - Math.abs(value)) < 1e-9) {
      const dot = written.indexOf('.');
      return dot < 0 ? 0 : written.length - dot - 1;
    }
  }
  return decimalsOf(value);
}

/** Half a unit in the last written place: a figure written to `decimals` stands for value ± this. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** Two figures that agree once both are rounded to the coarser of their precisions (56.13 and 56.1). */
export function sameAtPrecision(a: number, aDecimals: number, b: number, bDecimals: number): boolean {
  const decimals = Math.min(aDecimals, bDecimals);
  const round = (n: number) => Math.round(n * 10 ** decimals);
  return round(a) === round(b);
}
