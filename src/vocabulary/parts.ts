// Indicators reported in lettered parts, which documents often name only by subject under the parent code
// ("all three BV 109 targets were met … Major applications: target 60% - out-turn 61%"). Facts from the Best
// Value Performance Indicator definitions (ODPM and DCLG guidance, 2000/01–2007/08) and the National Indicator
// definitions (DCLG, 2008). A part is recognised only
// while its parent code is in scope and only from the words a line opens with.

export interface IndicatorPart {
  parent: string;
  code: string;
  /** The words a line naming this part opens with. */
  opens: RegExp;
}

const APPLICATIONS = String.raw`(?:planning\s+)?(?:applications?|schemes?|developments?)\b`;

export const INDICATOR_PARTS: IndicatorPart[] = [
  // Planning applications determined in time: major in 13 weeks, minor and other in 8.
  { parent: 'BV 109', code: 'BV 109a', opens: new RegExp(String.raw`^major\s+${APPLICATIONS}`, 'i') },
  { parent: 'BV 109', code: 'BV 109b', opens: new RegExp(String.raw`^minor\s+${APPLICATIONS}`, 'i') },
  { parent: 'BV 109', code: 'BV 109c', opens: new RegExp(String.raw`^other\s+${APPLICATIONS}`, 'i') },
  // The National Indicator that replaced it in 2008: NI 157a major, 157b minor, 157c other applications.
  { parent: 'NI 157', code: 'NI 157a', opens: new RegExp(String.raw`^major\s+${APPLICATIONS}`, 'i') },
  { parent: 'NI 157', code: 'NI 157b', opens: new RegExp(String.raw`^minor\s+${APPLICATIONS}`, 'i') },
  { parent: 'NI 157', code: 'NI 157c', opens: new RegExp(String.raw`^other\s+${APPLICATIONS}`, 'i') },
  // Street and environmental cleanliness (NI 195, 2008–2011): litter, detritus, graffiti, fly-posting.
  { parent: 'NI 195', code: 'NI 195a', opens: /^litter\b/i },
  { parent: 'NI 195', code: 'NI 195b', opens: /^detritus\b/i },
  { parent: 'NI 195', code: 'NI 195c', opens: /^graffiti\b/i },
  { parent: 'NI 195', code: 'NI 195d', opens: /^fly[\s-]?posting\b/i },
  // Household waste recycled, composted, used to recover heat and power, landfilled.
  { parent: 'BV 82', code: 'BV 82a', opens: /^(?:household\s+waste\s+)?recycl(?:ed|ing)\b/i },
  { parent: 'BV 82', code: 'BV 82b', opens: /^(?:household\s+waste\s+)?compost(?:ed|ing)\b/i },
  { parent: 'BV 82', code: 'BV 82d', opens: /^(?:household\s+waste\s+)?landfill(?:ed)?\b/i },
  // Unacceptable levels of litter and detritus, graffiti, fly-posting; fly-tipping.
  { parent: 'BV 199', code: 'BV 199a', opens: /^litter(?:\s+and\s+detritus)?\b/i },
  { parent: 'BV 199', code: 'BV 199b', opens: /^graffiti\b/i },
  { parent: 'BV 199', code: 'BV 199c', opens: /^fly[\s-]?posting\b/i },
  { parent: 'BV 199', code: 'BV 199d', opens: /^fly[\s-]?tipping\b/i },
  // Housing and council tax benefit: new claims, changes of circumstances.
  { parent: 'BV 78', code: 'BV 78a', opens: /^new\s+claims?\b/i },
  { parent: 'BV 78', code: 'BV 78b', opens: /^changes?\s+(?:of|in)\s+circumstances?\b/i },
];

/** Whether a code has parts a line may name by subject. */
export function hasParts(code: string): boolean {
  return INDICATOR_PARTS.some((p) => p.parent === code);
}

/** The part of `parent` a line opens with ("• Major applications: …"), and where its name ends. */
export function partOpening(text: string, parent: string): { part: IndicatorPart; start: number; end: number } | null {
  const lead = /^[\s•·*–-]*/.exec(text)![0].length;
  for (const part of INDICATOR_PARTS) {
    if (part.parent !== parent) continue;
    const m = part.opens.exec(text.slice(lead));
    if (m) return { part, start: lead, end: lead + m[0].length };
  }
  return null;
}
