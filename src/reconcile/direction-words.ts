// Whether higher or lower figures are better for an indicator, read from the wording of its titles: "reduce",
// "crime rate", "landfilled", "re-offending" mean lower is better; "increase", "achieving", "recycled" mean
// higher is better. Unclear or contradictory wording gives no direction, and no direction finding.
// "Improved" is deliberately no cue on its own: "Improved street cleanliness (levels of litter)" is measured
// as the litter, where lower is better; only a leading verb ("Improve the ...") says which way.

export type Direction = 'higher' | 'lower';

export interface DesiredDirection {
  direction: Direction;
  /** The words that decided it, quoted in findings so a reviewer can disagree. */
  cue: string;
  from: 'title' | 'catalogue title';
}

const LEADING_VERB = /^\s*(?:to\s+)?(increase|improve|raise|maximise|reduce|decrease|lower|cut|minimise|tackle)\b/i;
const LOWER_VERBS = /^(?:reduce|decrease|lower|cut|minimise|tackle)$/i;

const GAP = /\b(?:narrow(?:ing)?|clos(?:e|ing))\s+the\s+gap\b|\bgap\s+between\b|\b(?:achievement|attainment|inequality|SEN\/non-SEN)\s+gap\b/i;

const LOWER_CUES: RegExp[] = [
  /\breduc(?:e|es|ed|ing|tion)\b/i, /\bcrime\b/i, /\bre-?offend\w*/i, /\boffending rate\b/i, /\blandfill\w*|\bland ?filled\b/i,
  /\brepeat incidents\b/i, /\babsence\b/i, /\bpoverty\b/i, /\bemissions?\b/i, /\bresidual\b/i, /\bdifficult\w*/i, /\bbullying\b/i,
  /\bobesity\b/i, /\bconceptions?\b/i, /\bmortality\b/i, /\bdeaths\b/i, /\bkilled\b/i, /\bcasualties\b/i, /\bhospital admissions?\b/i,
  /\bnot in education\b/i, /\bNEET\b/, /\bout of work benefits\b/i, /\banti-social behaviour\b/i, /\bdelayed transfers?\b/i,
  /\blitter\b|\bgraffiti\b|\bfly.?posting\b/i,
];

const HIGHER_CUES: RegExp[] = [
  /\bincreas(?:e|es|ed|ing)\b/i, /\bachiev\w*/i, /\bparticipation\b/i, /\bengagement\b/i, /\bsatisf\w*/i,
  /\brecycl\w*|\bcompost\w*/i, /\bqualified\b/i, /\bvolunteering\b/i, /\bemployment growth\b/i, /\beffective treatment\b/i,
  /\bindependen(?:t|tly|ce)\b/i, /\bon time\b/i, /\bwithin\b.{0,40}\b(?:days|timescales?)\b/i, /\bhomes (?:provided|delivered)\b/i,
  /\bprogression\b/i, /\breaching level\b/i, /\beffectiveness\b/i, /\bthriving\b/i, /\bfeel(?:ing)? safe\b/i, /\bstopping smoking\b/i,
];

function cueIn(text: string, cues: RegExp[]): string | null {
  for (const re of cues) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** The direction one title's wording gives, or null when it gives none or both. */
export function directionOf(title: string): { direction: Direction; cue: string } | null {
  // A gap between groups is to be narrowed, whatever the groups are "achieving".
  const gap = GAP.exec(title);
  if (gap) return { direction: 'lower', cue: gap[0] };
  const verb = LEADING_VERB.exec(title);
  if (verb) return { direction: LOWER_VERBS.test(verb[1]) ? 'lower' : 'higher', cue: verb[1] };
  const lower = cueIn(title, LOWER_CUES);
  const higher = cueIn(title, HIGHER_CUES);
  if (lower && !higher) return { direction: 'lower', cue: lower };
  if (higher && !lower) return { direction: 'higher', cue: higher };
  return null;
}

/** The document's own title speaks first; the catalogue's when the document says nothing; disagreement gives none. */
export function desiredDirection(title: string | null, catalogueTitle: string | null): DesiredDirection | null {
  const own = title ? directionOf(title) : null;
  const catalogue = catalogueTitle ? directionOf(catalogueTitle) : null;
  if (own && catalogue && own.direction !== catalogue.direction) return null;
  if (own) return { ...own, from: 'title' };
  if (catalogue) return { ...catalogue, from: 'catalogue title' };
  return null;
}
