// The words of phrases about figures, as data for the phrase reader (extract/phrases.ts): cues before and after
// a figure that say what kind of figure it is, remarks that only mention a target, words around digits that are
// not figures at all (ages, list and page numbers, dates, durations, comparisons), and the words by which a
// sentence refers back to the indicator of the one before. A new cue is one edit here.
import type { ObservationKind } from '../model/observation.ts';

export interface Cue {
  re: RegExp;
  kind: ObservationKind;
  why: string;
}

/**
 * "The measure used for this service is BVPI 199a", "performance is monitored through NI 195": a sentence naming
 * the indicator as the measure of what the paragraphs around it discuss, so the next paragraph's figures are its.
 */
export const NAMED_AS_MEASURE_BEFORE = /(?:\b(?:the|our|its|their|this|that)\s+(?:[\w-]+\s+){0,2}(?:measure|indicator|pi|kpi)\s+(?:(?:used|adopted|chosen|reported)\s+)?(?:(?:for|of|in)\s+(?:this|the|our|that)\s+(?:[\w-]+\s+){0,2})?(?:is|are|will be|remains)|\b(?:measured|monitored|assessed|tracked|reported)\s+(?:by|through|using|via|under|against))\s+(?:the\s+)?$/i;

/** "the same period", "the equivalent quarter", "the corresponding months": the like part of another year. */
export const SAME_PERIOD = String.raw`(?:same|equivalent|corresponding|comparable)\s+(?:period|quarter|time|point|stage|months?)`;

// Words before a figure, in the clause since the previous figure, that say what it is. The first cue of the
// clause is its subject ("PSA target for % achievement of L2 … is 82%" is a target), so it wins.
/** Verbs reporting a change that has happened ("rose", "fell", "went down", "edged up"), as a regex source. */
export const CHANGE_VERBS = String.raw`rose|risen|fell|fallen|increased|decreased|improved|dropped|declined|narrowed|widened|went up|went down|climbed|slipped|dipped|grew|grown|jumped|edged up|edged down|crept up|crept down|deteriorated|recovered`;

/** Why a figure is read where a change reported as done ended ("fell to 41"): a deadline-like "by" after it dates it. */
export const CHANGE_ENDED = 'where a reported change ended';

/** "fell to", "rose to", "has recovered to": a change reported in a form no plan's aim takes ("NI 17 reduced to 17% by
 * 2011" in an action plan is an aim; "… fell to 27 days by March 2007" a result then). */
export const DONE_CHANGE_BEFORE = new RegExp(String.raw`\b(?:rose|fell|grew|went\s+(?:up|down)|(?:has|have|had)\s+(?:\w+ly\s+)?(?:${CHANGE_VERBS}|reduced))\b[^.;%\d]{0,60}?\bto\s*$`, 'i');

export const CUES: Cue[] = [
  // "below target at 92%", "exceeded its target with 95%": a result measured against the target.
  { re: /\b(?:above|below|under|over|short of|on|exceed(?:ed|ing|s)?|met|meeting|missed|beat(?:ing)?)\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:\w+\s+)?target\s+(?:at|with)\b/i, kind: 'result', why: 'result measured against its target' },
  { re: /\b(?:target|aim|ambition|goal|trajectory|aspiration)s?\b/i, kind: 'target', why: 'target phrase' },
  { re: /\bbase\s?-?line\b/i, kind: 'baseline', why: 'baseline phrase' },
  // "In 2005/06 we collected 98.1% of council tax (BV 9)": the service's own work, reported as done.
  { re: /\b(?:we|the council|the authority|the service|the team)\s+(?:have\s+|has\s+|had\s+)?(?:collected|processed|determined|answered|paid|resolved|inspected|re-?let|cleared|repaired|recycled|composted)\b/i, kind: 'result', why: 'result reported as done' },
  {
    re: /\b(?:achieved|(?<!\b(?:in|towards?|on|for|of|to)\s)achieving|achievement|outturns?|out-turns?|performance(?!\s+indicators?\b)|results?|actual|reported|recorded|delivered|stood at|stands at|standing at|reached|score|scored|figure|currently|latest (?:data|figures?|position|outturn)|latest(?=\s*[:=–-]\s*[<>~]?\s*(?:\d|$))|now at|remained at|remains at|remaining at|stayed at|held (?:steady |constant )?at|rose to|risen to|fell to|fallen to|increased to|decreased to|improved to|dropped to|reduced to|went up to|went down to|position|performing at|(?:this|which|that|it)\s+represent(?:s|ed)|(?:were|are|was|is)\s+(?:helping|supporting)|(?:financial\s+)?year to date|ytd|(?:ac)?cumulative)\b/i,
    kind: 'result',
    why: 'result phrase',
  },
];

// A cue phrase ending right at the figure decides it, whatever the clause began with ("212 homes were
// delivered against a target of 250", "down from a baseline of 34 days").
export const ADJACENT: Cue[] = [
  // "hold admissions to no more than 1,650", "raise the rate to at least 80%": a level the plan sets.
  { re: /\b(?:reduce|reducing|increase|increasing|hold|holding|keep|keeping|raise|raising|cut|lower|improve|maintain|bring\s+(?:down|up))\b[^.;%]{0,60}?\bto\s+(?:no more than|no less than|at least|at most|below|under|above|over|fewer than|less than|more than)?\s*$/i, kind: 'target', why: 'level the plan sets' },
  // "hold at 18.5%", "maintain performance at or above 95%": a level the plan keeps (not "held at", a result).
  { re: /\b(?:hold|keep|maintain|cap|stabilise|stabilize)\s+(?:(?:it|this|them|the\s+[\w-]+|performance|levels?|the\s+rate)\s+)?(?:at|below|under|above|at or (?:below|above|under))\s*$/i, kind: 'target', why: 'level the plan sets' },
  // "collection dipped very slightly in 2004/5 to 97.8%", "which raised the Q2 value to 98%", "fell by 11% on
  // last year, to 14.2": where a reported change ended, a result (the present-tense "reduce … to" above and the
  // future "will be reduced to" are a plan's level).
  {
    re: new RegExp(String.raw`(?<!\b(?:will|shall|should|must|would|to)\s+(?:be\s+|have\s+)?)\b(?:${CHANGE_VERBS}|rising|falling|climbing|reduced|raised|lowered|moved|bringing|brought|taking|took|(?:a|an|the)\s+(?:[\w-]+\s+)?(?:decrease|reduction|fall|drop|rise|improvement))\b(?:[^.;%\d]|(?:19|20)\d\d(?:\/\d{1,2})?|Q[1-4]|\bby\s+[\d.]+\s*(?:%|per\s?cent)?){0,60}?\bto\s*$`, 'i'),
    kind: 'result',
    why: CHANGE_ENDED,
  },
  // "The target of 97% was exceeded, with 98.1% of invoices paid on time": the level that met or missed it.
  { re: /\b(?:exceeded|met|achieved|surpassed|beaten|bettered|missed|narrowly missed)\s*,?\s+with\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:of\s+)?)?$/i, kind: 'result', why: 'level that met or missed a target' },
  // "The first tranche survey (April to July) found 5% of land below standard", "Active People Survey 3 shows
  // 21.8%": what a named survey of the measure, or a tranche of one, found — the figure right after the verb.
  // Not "The survey found that 64% of respondents would like …": an unnamed survey's findings are opinions.
  { re: /\b(?:(?:[A-Z][\w'-]*\s+){1,3}Survey(?:\s+\d{1,2})?|tranche\s+(?:\d\s+)?survey|(?:first|second|third|\d(?:st|nd|rd))\s+tranche)\b[^.;\d]{0,40}?\b(?:found|finds|showed|shows|gave|gives|recorded|records|revealed|reveals)\s*$/, kind: 'result', why: 'what a survey found' },
  // "This is a percentage of 18%", "a rate of 6.2 per 1,000": the level stated (a "target rate of" is a target's).
  // "612 offences between April and December, a rate of 4.9 per 1,000": the same level, set beside a count.
  { re: /(?:\b(?:is|was|were|are|gives|giving|at)|,)\s+(?:a|an)\s+(?:overall\s+)?(?:percentage|rate|proportion|level|score)\s+of\s*$/i, kind: 'result', why: 'level stated' },
  // "to an outturn level of 11.26 days", "the actual figure of 62%": the level reached, by its kind word.
  { re: /\b(?:an?|the|its|their|our)\s+(?:outturn|out-turn|actual|year-end|end of year)\s+(?:level|figure|position|rate|result|performance)\s+(?:of|was|is|at)\s*$/i, kind: 'result', why: 'level stated' },
  // "312 people now received a personal budget, which equated to 14.2%": the same level, restated in another measure.
  { re: /\b(?:which|this|that)\s+(?:equated|equates|is equivalent|was equivalent|equals|equalled|amounts|amounted)\s+to\s*$/i, kind: 'result', why: 'level restated' },
  // "Absence for Quarter 1 was reported as 2.84 days", "performance is recorded at 91%": the level reported.
  { re: /\b(?:was|were|is|are|has been|have been|had been)\s+(?:reported|recorded|measured|calculated|confirmed)\s+(?:as|at)\s*$/i, kind: 'result', why: 'level reported' },
  // "the rate was 24%", "the overall percentage is 81%": the level the indicator's measure stands at.
  // "The NI 39 rate for April to June 2009 is 1,480": with the code, and the period it is for, in between.
  { re: /\b(?:the|its|this)\s+(?:[\w/-]+\s+){0,3}(?:rate|level|percentage|proportion|total|score|(?:rolling|three-month|3-month|12-month|twelve-month|monthly|quarterly|annual|yearly)\s+average)\s+(?:(?:for|in|during|over|at)\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,4}(?:(?:19|20)\d\d(?:\s*\/\s*\d{1,4})?\s+)?)?(?:was|is|were|are|stood at|stands at|has been)\s*$/i, kind: 'result', why: 'level stated' },
  // "progress towards achieving 100% of services online": the figure aimed at.
  { re: /\b(?:in|towards?|for)\s+(?:achieving|reaching|meeting|delivering)(?:\s+(?:the|a|its|their|our)\s+(?:[\w-]+\s+){0,3}(?:of|at)\s*|\s*)$/i, kind: 'target', why: 'figure aimed at' },
  { re: /\b(?:above|below|under|over|short of|on|exceed(?:ed|ing|s)?|met|meeting|missed|beat(?:ing)?)\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:\w+\s+)?target\s+(?:at|with)\s*$/i, kind: 'result', why: 'result measured against its target' },
  { re: /\btargets?\s*(?:\([^)]{0,20}\)\s*)?(?:set\s+)?(?:(?:for|in|by)\s+(?:the\s+end\s+of\s+)?\S+\s+)?(?:of|is|was|at|=|:|–|-|set at|to reach|to achieve|to be|of reaching)?\s*(?:\(\s*)?$/i, kind: 'target', why: 'target phrase' },
  // "1,012 against a profile of 1,100", "ahead of the quarterly profile (540)": the target profiled for the period.
  { re: /\b(?:against|below|above|under|over|ahead of|behind|short of|to)\s+(?:the\s+|a\s+|its\s+|our\s+)?(?:quarterly\s+|monthly\s+|year[- ]to[- ]date\s+|ytd\s+)?profiled?\s+(?:target\s+)?(?:of\s*|\(\s*)?$/i, kind: 'target', why: 'target profiled for the period' },
  // "19 (25% reduction on 25 repeat incidents)": the base a relative target is worked from.
  { re: /\d\s*%\s*(?:reduction|decrease|cut|increase|improvement|rise)\s+(?:on|from)\s+(?:the\s+)?(?:baseline\s+(?:of\s+)?)?$/i, kind: 'baseline', why: 'base of a relative target' },
  // "31 days year to date; last year 35 days", "same period last year: 412": the year before's figure.
  { re: new RegExp(String.raw`\b(?:(?:the\s+)?${SAME_PERIOD}\s+)?(?:last|previous)\s+year(?:['’]s\s+(?:figure|outturn|result|performance))?\s*(?:was|[:=–-])?\s*$`, 'i'), kind: 'result', why: 'earlier result compared' },
  // "472 kg (2003/04: 481 kg)": an earlier year's figure, set beside the figure in brackets.
  { re: /\(\s*(?:19|20)\d{2}\s*[/-]\s*\d{2,4}\s*[:=]\s*$/i, kind: 'result', why: 'earlier result compared' },
  // "(Q2 2009/10: 4,210)": the same quarter of an earlier year, set beside the figure.
  { re: /\(\s*(?:Q|qtr|quarter)\s*[1-4]\s+(?:19|20)\d{2}\s*[/-]\s*\d{2,4}\s*[:=–-]\s*$/i, kind: 'result', why: 'earlier quarter compared' },
  // "an improvement on 2009/10 (88.1%)", "compared with 53% in 2006/7", "up from 2,358 in 2009/10", "a reduction
  // of 6% on 2008 (332)".
  { re: /\b(?:(?:improvement|increase|decrease|reduction|rise|fall|drop|change|up|down)(?:\s+of\s+[\d.,]+\s*(?:%|per\s?cent)?)?\s+(?:on|from)|compare[sd]?\s+(?:(?:un)?favourably\s+|well\s+|poorly\s+)?(?:with|to)|versus|vs\.?)\s+(?:the\s+)?(?:(?:same period|period|quarter|time|year) last year\s*|(?:19|20)\d\d(?:\s*\/\s*\d{1,2})?\s*|\d\d\/\d\d\s*)?[(:,]?\s*$/i, kind: 'result', why: 'earlier result compared' },
  { re: /\bbase\s?-?line\s*(?:\([^)]{0,20}\)\s*)?(?:(?:for|in|of)\s+\S+\s+)?(?:of|is|was|at|=|:|–|-|figure (?:of|is|was)|position (?:of|is|was)|stood at)?\s*(?:\(\s*)?$/i, kind: 'baseline', why: 'baseline phrase' },
];

// "fell to 41 in 2009 from 48 in 2008": a change reported as done; the figure it started "from" is an earlier
// result (a plan's "reduce … from" names a deadline and is read as a baseline).
export const REPORTED_CHANGE = new RegExp(String.raw`\b(?:${CHANGE_VERBS})\b`, 'i');

// "This represents a 5% increase", "achieved a 12% rise": a figure naming a change is not the level reached.
export const CHANGE_AFTER = /^\s*(?:increase|decrease|rise|fall|reduction|improvement|drop|change|uplift|growth)\b/i;

// Remarks on status that mention a target without giving one: "on target", "off target", "behind target".
export const STATUS_REMARK = /\b(?:on|off|behind|ahead of|above|below|under|over|short of|missed|met|meeting|exceeded|hit|against)\s+(?:the\s+|its\s+|their\s+)?targets?\b(?!\s+(?:of|is|was|=|:))/gi;

export const DATED_SOURCE = /\b((?:19|20)\d\d(?:\s*\/\s*\d{1,2})?)\s+(?:[A-Z][\w-]*\s+){1,3}\(\s*$/;
export const COMPARING = /\b(?:above|below|higher than|lower than|better than|worse than|compared with|compared to|against)\b/i;

// Cues written after the figure.
// "its 85% target", "the 50% target for 2011/12": the figure names the target it precedes.
// (Not "Performance: 45% Target: 50%": a target word with its colon labels the figure after it.)
export const TARGET_AFTER = /^\s*\)?\s*(?:\w+\s+)?target\b(?!\s*[:=]|\s*\(?(?:for\s+)?(?:(?:19|20)\d\d(?:\/\d\d)?|\d\d\/\d\d)\)?\s*[:=–-])/i;
// "60% of major applications should be determined within 13 weeks": a level the indicator is required to meet.
export const REQUIRED_AFTER = /^\s*\)?\s*(?:of\s+(?:['‘’]?[\w-]+['‘’]?\s+){1,4})?(?:should|must|are to|is to|need to)\s+(?:be|have|receive)\b/i;
// "212 homes were delivered", "£412,000 was secured": a result reported as done.
export const DONE_AFTER = /^\s*\)?\s*(?:(?:of\s+)?(?:[a-z-]+\s+){0,2}(?:\([^()]{1,20}\)\s+)?(?:were|was|have been|has been|had been)\s+(?:delivered|achieved|completed|recorded|secured|provided|built|reached|housed|helped|supported|composted|recycled|collected|processed|paid|determined|decided|answered|resolved|inspected|visited|cleared|repaired|let|re-let|assessed|reviewed)|currently|at present|(?:financial\s+)?(?:year\s+)?to date|ytd|so far)\b/i;
// "27% of appeals were upheld", "61% of applications were approved": a share decided, the result. Only a
// share: "4 have been upheld" counts cases, and the indicator is their share.
export const SHARE_DECIDED_AFTER = /^\s*\)?\s*(?:of\s+(?:[a-z-]+\s+){1,3})?(?:were|was|have been|has been|had been)\s+(?:upheld|allowed|dismissed|granted|approved|refused|determined)\b/i;
// "71.3% compared with an IPF group average of 65.2%": the figure set against another is the present result.
export const COMPARED_AFTER = /^\s*\)?\s*,?\s*(?:compared (?:with|to)|against|versus|vs\.?)\s+(?:(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}(?:average|figure|result|outturn|performance|last year|(?:19|20)\d\d)\b|[\d.,]+\s*(?:%|per\s?cent)?\s+(?:for|in|at|during)\s+(?:the\s+)?(?:same|last|previous|(?:19|20)\d\d))/i;
// Survey and outcome statements: "80% satisfied", "36% considered there was a problem", "48.5% of pupils gained
// five or more A*-C". Weak: they count only before the code that labels the statement ("… (NI 5)").
export const SURVEY_AFTER = /^\s*\)?\s*(?:of\s+(?:[a-z-]+\s+){1,4})?(?:were\s+|are\s+|felt\s+|feel\s+)?(?:satisfied|dissatisfied|agreed?|disagreed?|considered|consider|said|say|felt|feel|thought|think|believe[ds]?|reported|gained|achieved|reached|met|were|had)\b/i;
// "within the 10 British Crime Survey categories", "across the 5 districts": a count inside a noun phrase.
export const COUNT_IN_PHRASE_BEFORE = /\b(?:within|across|among|amongst|between|of|in|for)\s+(?:all\s+)?(?:the|our|its|their)\s*$/i;
// "Of the 35 LAA indicators, 12 are reported this quarter": a count of indicators, after the set it is taken from.
export const COUNT_OF_INDICATORS_BEFORE = /\bof\s+(?:the|our|its|their|these|those)\s+(?:\d+\s+)?(?:[\w-]+\s+){0,2}(?:indicators|measures|targets|pis|kpis|bvpis|nis)\s*,?\s*$/i;
// ("412 kg over the same period": "over the" a span of time is no comparison.)
// Digits that are not figures of an indicator: item, page, paragraph and list numbers, ages, key stages, the
// number of a survey's tranche or wave, of a grade or band ("the outturn for tranche 2 was 6%"), the
// size of a linked file ("pdf icon PDF 339 K"); a share of the target ("96, which is 64% of the annual
// target"); the size of a reported change ("fell by 11%": the level reached is written elsewhere, if at all)
// or of a margin ("the target was missed by 5");
// either side of a ratio ("1 in 8 clients", "4 in 10 residents": the share is the figure, written beside it
// if at all); a share of indicators in brackets ("27 of the 35 LAA indicators (77%) were on track");
// a number glued to a word by a hyphen, which names a thing ("4-week quitters", "12-month rolling").
export const NOT_A_FIGURE_BEFORE = /(?:\d\s*(?:%|kg|days|points|tonnes)?\s+by|\b\d{1,3}\s+in\s+(?:every\s+)?|\b(?:indicators|measures|targets|pis|kpis|nis|bvpis)\s*\(\s*|\b(?:rose|risen|fell|fallen|increased|decreased|improved|dropped|declined|went up|went down|climbed|slipped|grew|up|down|missed|exceeded|beaten|beat|surpassed|outperformed|overachieved|underachieved|overshot|undershot)\s+by|\b(?:up|down|rise|fall|increase|decrease|change|reduction|improvement|drop|cut|growth) of|\/|\bper)\s*$|\b(?:within|item|page|pages|para(?:graph)?|section|appendix|table|figure|chart|no\.?|number|ward|level|key stage|ks|tranche|wave|round|phase|stage|sweep|grade|tier|band|step|(?<!\b(?:last|previous|this)\s)years?|aged|age(?:\s+of)?|over|under|quarter|q|top|bottom|best|worst|rank(?:ed)?|(?:nearer|closer)\s+to)\s*$/i;
export const NOT_A_FIGURE_AFTER = /^(?:\/\d)|^\s+in\s+(?:every\s+)?\d{1,3}\b(?![/.,]\d)(?!\s*(?:months?|weeks?|days?|years?|hours?|quarters?)\b)|^\s*(?:K|KB|Kb|kb|MB|Mb|mb|bytes)\b|^\s*of\s+(?:(?:the|its|our|their)\s+(?:[\w-]+\s+){0,2})?targets?\b|^-[a-z]|^\s*months?\b|^\s*(?:or|and)\s+(?:more|above|over|fewer|less|below)\b|^\s*(?:(?:percentage\s+)?points?\s+)?(?:lower|higher|more|less|fewer|better|worse|above|below|up|down|over|under)\s+(?:than|on|the(?!\s+(?:same|equivalent|corresponding|first|past|previous|preceding|last|course|whole)\b)|last|target|average|baseline)\b|^\s*(?:(?:of|out of)\s+\d|(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)?\d\d\b|[- ]?(?:monthly|weekly|daily|yearly|annually|quarterly|hourly)\b|times\b|hours?\b|hrs\b|(?:to|-|–)\s*\d+\s*(?:year|yr)|year olds?|years?\b(?!\s+to\s+date)|yr olds?|[-–]\s*\d|\+|(?:st|nd|rd|th)\b|out of\b|of (?:the|our) \d+|indicators?\b|measures?\b|pis?\b|targets? (?:were|are|have)\b|partners\b|schools\b|wards\b|areas\b|authorities\b|councils\b)/i;
// "the Government's 3% target", "the national target of 85%": a figure that is not the partnership's own.
// "Forecast outturn is 560kg", "the projected year-end result of 88%", "if this continues the year-end figure will
// be about 540 kg", "Performance is expected to reach 21% by year end": a figure not yet reached is no result
// (and the contract has no kind for it).
export const FORECAST = /\b(?:forecasts?|forecasted|projected|projections?|predicted|anticipated|estimated|will be|would be|(?:is|are)\s+(?:expected|likely|set|forecast)\s+to|if (?:this|the current) (?:continues|trend)|on course for)\b/i;
export const SOMEONE_ELSES = /\b(?:government|national|home office|psa|dclg|clg|dcsf|dh|department)(?:['’]s)?\s*(?:target\s+(?:of|is|was)\s*)?$/i;

/** "a target reduction of 45%", "an agreed increase of 3%": a change named as the plan's aim. */
export const TARGETED_CHANGE_BEFORE = /\b(?:target(?:ed)?|aim(?:ed)?|planned|agreed|stretch)\s+(?:an?\s+)?(?:reduction|decrease|increase|cut|rise|improvement)\s+of\s*$/i;

/** "… on 2008/09, when there were 363", "in 2007, when it was 12%": a period, then what stood in it. */
export const WHEN_THERE_WERE = /\b((?:19|20)\d\d(?:\s*\/\s*\d{1,4})?)\s*\)?\s*,?\s*when\s+(?:there\s+(?:were|was)|it\s+was|they\s+were|(?:the|our)\s+(?:figure|rate|level|number|total|outturn|result)\s+was)\s*$/i;

/** "higher than Q1 2008/09 (2.12 days)", "against 11.1 days in 2007/08": a figure of another period set against the one reported. */
export const SET_AGAINST_BEFORE = /\b(?:(?:higher|lower|better|worse|greater|more|less|fewer)\s+than|above|below|against)\s+(?:the\s+)?(?:(?:Q|Qtr|Quarter)\s*[1-4]\s+(?:of\s+)?)?(?:(?:19|20)\d\d(?:\s*\/\s*\d{1,4})?\s*\(?\s*)?$/i;

/** Words that qualify a measure without changing what it measures: "the overall rate", "its latest figure". */
export const SAME_MEASURE_QUALIFIER = /^(?:overall|current|latest|actual|final|provisional|annual|yearly|quarterly|monthly|cumulative|year-end|end-of-year|reported|new|revised|published|local|present|recent|most|underlying|average|headline|same|this|that|year|quarter|month|to|date|end|of)$/i;

// A sentence that goes on about the indicator of the sentence before ("This was an improvement on …").
export const ANAPHOR = /^\s*(?:[\w ]{1,30}\s*:-?\s*)?(?:(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\s+|(?:last|the previous) year\s*,?\s+|(?:in|for|during) (?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\s*,?\s+)?(?:this|it|that|these|which|(?:(?:BVPI|BV|NI|LAA|LPI|PI|annual|year-end)\s+)?(?:base\s?-?line|target|outturn|actual|latest)s?(?:\s*\(?(?:(?:for|in)\s+)?(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\)?)?\s*[:=–-]?\s*(?=[<>~]?\s*\d)|[\w ]{1,30}\s(?:result|outturn|actual|baseline|target)s?\s*:?\s*(?=[<>~]?\s*\d)|[A-Z][\w ]{0,25}\saverage\s*[:=–-]\s*(?=[<>~]?\s*\d)|(?:last|the previous|the same period last)\s+year['’]s\s+(?:outturn|figure|result|performance|position)|(?:by|on|under)\s+(?:that|this)\s+(?:standard|measure|definition|basis|count)|(?:(?:provisional|final|unaudited|audited|year[- ]end|annual|quarterly|monthly|cumulative)\s+)?(?:performance|outturn|out-turn)|(?:latest|current|most recent)\s+(?:figure|position|data|result|performance|outturn)|(?:forecast|projected)\s+(?:year[- ]end\s+)?(?:outturn|result|position|performance|figure)|the\s+actual\b|(?:at|by) the end of (?:the )?(?:quarter|year|month|period)|(?:the|our|its|their)\s+(?:\S+\s+){0,3}(?:target|figure|result|outturn|indicator|rate|level|average|baseline|performance))\b/i;
// "Good performance for this indicator is low, and with current performance of 11, …": named in passing.
// "these figures are still higher than Q1 2006/7 (2.25 days)": the figures just given, referred back to.
// "We aim to raise this to 32 per cent": a plan's verb whose object is the indicator just named.
export const THIS_INDICATOR = /\b(?:th(?:is|e same) (?:indicator|measure|pi|target|figure)|these (?:figures|results|outturns)|(?:raise|increase|reduce|improve|cut|lower|bring|maintain|keep|hold|halve)\s+(?:this|it)\s+(?:(?:figure|rate|level|percentage|proportion|number)\s+)?(?:to|by)\b)/i;

// "In Feb 09, …", "in summer 2008 …", "During 2008/09 …": a period an adverbial sets dates the figures after it.
// "For the quarter to June 2007, …", "in the three months ending 30 September 2009 …": the span's closing month.
export const TEMPORAL = /\b(?:in|during|for|by the end of|at the end of|as at|as of)\s+(?:the\s+)?(?:year\s+|(?:quarter|month|period|(?:three|six|nine|3|6|9)\s+months)\s+(?:to|ending|ended)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?)?$/i;
