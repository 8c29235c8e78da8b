// Figures written the way plans write them (16,022; 24.9%; 6.7 tonnes per capita), for finding messages
// and reports.

// One formatter per precision: toLocaleString builds a new one on every call, which costs more than the checks.
const formatters = new Map<number, Intl.NumberFormat>();

export function formatNumber(n: number, maxDecimals = 2): string {
  let format = formatters.get(maxDecimals);
  if (!format) formatters.set(maxDecimals, (format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxDecimals })));
  return format.format(n);
}

export function formatValue(value: number | null, unit: string | null, maxDecimals = 2): string {
  if (value === null) return 'no figure';
  const n = formatNumber(value, maxDecimals);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** A stored figure as a reviewer reads it: its value and unit, or "pending" for a slot without one. */
export function formatFigure(f: { state: string; value: number | null; unit: string | null }): string {
  return f.state === 'pending' ? 'pending' : formatValue(f.value, f.unit);
}

/** A relative change as written in plans: "− 4%", "+ 3%". */
export function formatChange(relativeChange: number): string {
  return `${relativeChange < 0 ? '−' : '+'} ${formatNumber(Math.abs(relativeChange))}%`;
}
