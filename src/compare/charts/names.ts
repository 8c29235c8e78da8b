// How units and indicators are named in chart titles and file names.

/** "%" stays "%"; no unit is said so, never left blank (a blank axis would invite mixing). */
export function unitLabel(unit: string | null): string {
  return unit ?? 'no unit';
}

/** For file names: "NI 186" → "ni-186", "%" → "percent", "tonnes per capita" → "tonnes-per-capita". */
export function slug(text: string | null): string {
  if (text === null) return 'no-unit';
  if (text === '%') return 'percent';
  return text.toLowerCase().replace(/%/g, 'percent').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}
