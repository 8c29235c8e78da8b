// The phrase reader on sentences shaped like real minutes and reports (wording our own): what each figure is
// read as, and which figures are left alone.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../src/detect/mentions.ts';
import { readPhrases } from '../../../src/extract/phrases.ts';

const unit = (text: string) => ({ text, spans: [], provenance: { file: 't.txt', line: 1 } });

function read(text: string, reportingPeriod: string | null = null) {
  return readPhrases(unit(text), { reportingPeriod }).map((c) => [
    c.indicator.code, c.kind, c.token.value ?? c.token.relativeChange, c.token.unit, c.labelPeriod, c.area,
  ]);
}

describe('phrase reader', () => {
  it.each<[string, string | null, unknown[][]]>([
    ['NI135 Carers – Achieved 31.5% against a target of 30%, an improvement from 29.2% in 2009/10', '2010/11', [
      ['NI 135', 'result', 31.5, '%', '2010/11', null], ['NI 135', 'target', 30, '%', '2010/11', null], ['NI 135', 'result', 29.2, '%', '2009/10', null],
    ]],
    ['NAS2 Assessments – Achieved 91.4% against a target of 90%, an improvement on 2009/10 (88.0%)', '2010/11', [
      ['NAS 2', 'result', 91.4, '%', '2010/11', null], ['NAS 2', 'target', 90, '%', '2010/11', null], ['NAS 2', 'result', 88, '%', '2009/10', null],
    ]],
    ['NI125 Reablement – Achieved its 80% target, an improvement on 2009/10 (79.5%)', '2010/11', [
      ['NI 125', 'target', 80, '%', '2010/11', null], ['NI 125', 'result', 79.5, '%', '2009/10', null],
    ]],
    ['In respect of NI 191 – Residual waste per household, the outturn for the year was 512kg, which beat the 2010/11 target of 530kg by 3%.', '2010/11', [
      ['NI 191', 'result', 512, 'kg', '2010/11', null], ['NI 191', 'target', 530, 'kg', '2010/11', null],
    ]],
    ['For NI 157b the year-end performance for 2010/11 was just below target at 78% against a demanding target of 80%.', null, [
      ['NI 157b', 'result', 78, '%', '2010/11', null], ['NI 157b', 'target', 80, '%', '2010/11', null],
    ]],
    ['Three in four (75%) were satisfied with the area as a place to live (NI 5). This is above the North East average (73%).', '2008/09', [
      ['NI 5', 'result', 75, '%', '2008/09', null], ['NI 5', 'result', 73, '%', '2008/09', 'North East'],
    ]],
    ['A quarter (25%) thought there was a problem with drug use (NI 42) compared with 31% in 2006/7 and 40% agreed that the police listen.', '2008/09', [
      ['NI 42', 'result', 25, '%', '2008/09', null], ['NI 42', 'result', 31, '%', '2006/07', null],
    ]],
    ['In relation to NI 32 (repeat incidents of domestic violence), the rate was 24% against a target of 27%.', '2009/10', [
      ['NI 32', 'result', 24, '%', '2009/10', null], ['NI 32', 'target', 27, '%', '2009/10', null],
    ]],
    ['NI 154: net additional homes rose from 410 in 2007/08 to 455 by 2010/11.', null, [
      ['NI 154', 'baseline', 410, null, '2007/08', null], ['NI 154', 'target', 455, null, '2010/11', null],
    ]],
    ['Average re-let time (LPI 7) rose from 24 days to 29 days compared with the same period last year.', '2009/10', [
      ['LPI 7', 'result', 24, 'days', '2008/09', null], ['LPI 7', 'result', 29, 'days', '2009/10', null],
    ]],
    ['NI 112: reduce under-18 conceptions by 40% by 2010 from the 1998 baseline of 52.1 per 1,000.', null, [
      ['NI 112', 'target', -40, null, '2010', null], ['NI 112', 'baseline', 52.1, 'per 1,000', '1998', null],
    ]],
    ['BV 12: in 2008/09, 9.4 days were lost to sickness against a target of 9 days.', null, [
      ['BV 12', 'result', 9.4, 'days', '2008/09', null], ['BV 12', 'target', 9, 'days', '2008/09', null],
    ]],
    ['Four in five (80%) were satisfied with the town (NI 5). This is above the county average (77%) and 2006/7 BVPI Survey (74%).', '2008/09', [
      ['NI 5', 'result', 80, '%', '2008/09', null], ['NI 5', 'result', 77, '%', '2008/09', 'county'], ['NI 5', 'result', 74, '%', '2006/07', null],
    ]],
    ['Hold alcohol-related admissions (NI 39) to no more than 1,700 per 100,000 in 2010/11, against a 2007/08 baseline of 1,510 per 100,000.', null, [
      ['NI 39', 'target', 1700, 'per 100,000', '2010/11', null], ['NI 39', 'baseline', 1510, 'per 100,000', '2007/08', null],
    ]],
    ['LI 7.4 Adults eating five portions a day: from a 2008 baseline of 25% to 29% in 2011', null, [
      ['LI 7.4', 'baseline', 25, '%', '2008', null], ['LI 7.4', 'target', 29, '%', '2011', null],
    ]],
    ['W7 – Satisfaction with allotments – increase 2012/2013 target to 75%', null, [['W 7', 'target', 75, '%', '2012/13', null]]],
    ['The position for BVPI 157 is defined as 81% currently.', null, [['BV 157', 'result', 81, '%', null, null]]],
    ['D35, the proportion of children looked after for 4 years in the same placement for 2 years, is 58%.', '2005/06', [['PAF D35', 'result', 58, '%', '2005/06', null]]],
    ['This indicator (NAS 2) was off target with a Quarter 1 score of 17.2% against a milestone target of 21%.', '2010/11', [
      ['NAS 2', 'result', 17.2, '%', '2010/11', null], ['NAS 2', 'target', 21, '%', '2010/11', null],
    ]],
    // A deadline makes a figure the plan's aim even when the words before it come close to the catalogue title.
    ['• NI 52 – Raise the % of pupils taking school lunches to 57% by March 2011', null, [['NI 52', 'target', 57, '%', '2011-03', null]]],
    ['NI 53 – Increase breastfeeding prevalence at 6-8 weeks to 70.5% by end 2011.', null, [['NI 53', 'target', 70.5, '%', '2011', null]]],
    ['For NI 182 the level of satisfaction remained at 76% during the quarter.', '2010/11', [['NI 182', 'result', 76, '%', '2010/11', null]]],
    ['BV 12 stands at 9.6 days; this compares with 9.9 days for 2006/07.', '2007/08', [
      ['BV 12', 'result', 9.6, 'days', '2007/08', null], ['BV 12', 'result', 9.9, 'days', '2006/07', null],
    ]],
    ['Collection of business rates (BV 10) dipped slightly in 2004/5 to 98.1%.', null, [['BV 10', 'result', 98.1, '%', '2004/05', null]]],
    ['BV 12 has shown a welcome decrease to 9.6 days lost per employee.', '2007/08', [['BV 12', 'result', 9.6, 'days', '2007/08', null]]],
    ['BV 109a requires that 60% of major applications should be determined within 13 weeks.', null, [['BV 109a', 'target', 60, '%', null, null]]],
    ['PAF D78 is better still - 68.9% compared with an IPF group average of 63.1%.', '2005/06', [
      ['PAF D78', 'result', 68.9, '%', '2005/06', null], ['PAF D78', 'result', 63.1, '%', '2005/06', 'IPF group'],
    ]],
    ['BV 82a: 21.5% of household waste was recycled in the first half of the year.', '2007/08', [['BV 82a', 'result', 21.5, '%', '2007/08', null]]],
    ['The position on e-enabled services (BVPI 157) is defined as 91% as at 14 March 2005.', null, [['BV 157', 'result', 91, '%', '2005-03', null]]],
    ['NI 156 households in temporary accommodation stood below the target set for the end of March of 40.', null, [['NI 156', 'target', 40, null, null, null]]],
    ['NI 155 Affordable homes – 31 more homes were let, bringing the year’s total to 150.', '2009/10', [['NI 155', 'result', 150, null, '2009/10', null]]],
    ['In 2008/09 the Best Value Performance Indicator 12 (BVPI 12) target was 10.5 days. The actual days lost during 2008/09 were 9.6 days.', null, [
      ['BV 12', 'target', 10.5, 'days', '2008/09', null], ['BV 12', 'result', 9.6, 'days', '2008/09', null],
    ]],
    ['Between 2003/04 and 2006/07 BV 109b rose from 51.2% to 70.4%.', null, [
      ['BV 109b', 'result', 51.2, '%', '2003/04', null], ['BV 109b', 'result', 70.4, '%', '2006/07', null],
    ]],
    // A sentence with no figure and no code between them does not change what "this" refers to.
    ['Sickness absence (BV 12) stands at 9.6 days. Figure 2 shows how the total was reached. This compares with 9.9 days for 2006/07.', null, [
      ['BV 12', 'result', 9.6, 'days', null, null], ['BV 12', 'result', 9.9, 'days', '2006/07', null],
    ]],
    // A year opening the sentence dates all of it.
    ['2009/10 Outturn for BV 211a 51% planned (target 55.5%).', null, [
      ['BV 211a', 'result', 51, '%', '2009/10', null], ['BV 211a', 'target', 55.5, '%', '2009/10', null],
    ]],
    ['NI 157a major applications in time reached 62% for the year, rising to 71% in March, 2010.', '2009/10', [
      ['NI 157a', 'result', 62, '%', '2009/10', null], ['NI 157a', 'result', 71, '%', '2010-03', null],
    ]],
    ['NAS 1 reviews: we had reviewed 5,100 clients by March. This represented 81.5% of our service users.', '2009/10', [
      ['NAS 1', 'result', 81.5, '%', '2009/10', null],
    ]],
    // A figure naming a change is not the level reached.
    ['NI 192 household waste recycled: this represents a 4% increase on last year.', '2009/10', []],
    ['Of the appeals against refusal (BV 204), 21% were allowed. This is a percentage close to last year. The national average is around 31% and our local target is 26%.', '2007/08', [
      ['BV 204', 'result', 21, '%', '2007/08', null], ['BV 204', 'result', 31, '%', '2007/08', 'England'], ['BV 204', 'target', 26, '%', '2007/08', null],
    ]],
    ['For BV 204 6 of 30 appeals were upheld. This is a percentage of 20%.', '2007/08', [['BV 204', 'result', 20, '%', '2007/08', null]]],
    ['BV 204: of the 25 appeals determined, 4 have been upheld.', '2007/08', []],
    ['BV 204: 24% of appeals were upheld in the year.', '2006/07', [['BV 204', 'result', 24, '%', '2006/07', null]]],
    ['BV 204 only counts appeals against refusals. By that standard 22% of appeals were allowed in 2007/08.', null, [['BV 204', 'result', 22, '%', '2007/08', null]]],
    // A number right after a scheme's prefix is a code's, even glued to the word before ("…_WEB.gifNI 196").
    ['Show Indicator "NI 196 - Fly -Tipping" using Object Form "Edit"User Screen "Our Performance"Picture showing Z:\\logo-09_ASSET_WEB.gifNI 196 - Fly -Tipping', null, []],
    // The second of two figures compared, joined by "and", with a period of its own.
    ['BV 12 stands at 9.6 days. This compares with 9.9 days for the twelve months to 31 March 2008 and 10.2 days for the twelve months to 30 June 2007.', '2008/09', [
      ['BV 12', 'result', 9.6, 'days', '2008/09', null], ['BV 12', 'result', 9.9, 'days', '2007/08', null], ['BV 12', 'result', 10.2, 'days', '2007-06', null],
    ]],
    ['Criminal damage (PSA 1) represents 40% of all recorded crime; this represents a 3% fall.', '2006/07', []],
    ['2006/07 - Performance PSA 1 Target to reduce all crime within the 10 British Crime Survey categories by 18% by March 2008', '2006/07', [
      ['PSA 1', 'target', -18, null, '2008-03', null],
    ]],
    // Paragraph numbers of minutes run together are not figures.
    ['1.1 The Council has improved access (BVPI 156) 1.2 currently 44 of our 99 buildings meet it. 1.3 In 2005/6 money was set aside. 2.0 Proposals 2.1 The list was drawn up.', null, []],
    // Figures that happen to step by a tenth are still figures.
    ['The BV 12 target is 9.7 days (2008/09). The target is 9.8 days (2009/10). The target is 9.9 days (2010/11).', null, [
      ['BV 12', 'target', 9.7, 'days', '2008/09', null], ['BV 12', 'target', 9.8, 'days', '2009/10', null], ['BV 12', 'target', 9.9, 'days', '2010/11', null],
    ]],
    // A range closes the clause of the cue before it: the count after it is not the indicator's figure.
    ['The year end figure for LPI 36 is just below the target of 10 – 15% needed to earn the maximum 5 points.', null, []],
    ['BV 12 stood at 9.7 days; this compares with 10.1 days for the twelve months to 31 March 2008.', '2008/09', [
      ['BV 12', 'result', 9.7, 'days', '2008/09', null], ['BV 12', 'result', 10.1, 'days', '2007/08', null],
    ]],
  ])('%s', (text, period, expected) => {
    expect(read(text, period)).toEqual(expected);
  });

  it.each([
    'NI 117: 16 to 18 year olds who are not in education, employment or training',
    'NI 72 Achievement of at least 78 points across the Early Years Foundation Stage',
    'NI 40 is one of 35 indicators selected by 120 areas in 2008.',
    'See item 7 on page 12 for NI 16 and NI 20.',
    'NI-179 – it was reported that the Council was on track against the Government’s 3% target.',
    'Progress on the percentage of initial assessments carried out within 7 working days of referral (NI 59) was discussed.',
    'The top quartile for BV 82a was 24% in 2007/08.',
    'There were 120 people at the NI 8 launch event.',
    'Performance Indicators: LI 13.2 Visits to museums per 1,000 population',
    'NI 8 is 1 of 35 indicators chosen for the agreement.',
    'BV 12: the sickness figure for the 12 months to June is reported below.',
    'BV 2 performance is +0.4% on the position at the end of October.',
    'The rate for NI 47 is 12% lower than last year and 4 points below the regional average.',
    // The national title written out before a closing code holds figures of its own.
    'Achievement of at least 78 points across the Early Years Foundation Stage with at least 6 in each of the scales (NI 72) is a priority.',
    'Narrowing the gap between the lowest achieving 20% in the Early Years Foundation Stage Profile and the rest (NI 92) remains a priority.',
    'The results for the percentage of pupils achieving 5 or more A*-C GCSEs (NI 75) were lower this year.',
    // A level someone would move towards is no figure of the indicator.
    'Members felt the future target for NI 181 should be revised back nearer to 10 days.',
    'The aim for NI 181 is to bring processing times closer to 12 days.',
  ])('reads no figure from "%s"', (text) => {
    expect(read(text, '2008/09')).toEqual([]);
  });

  it('keeps a paragraph about the indicator named on the line before it, for sentences that refer back', () => {
    const named = findMentions(unit('Number of missed bin collections (WMS 04b)'))[0];
    expect(named.code).toBe('WMS 4b');
    const readings = readPhrases(unit('Between April and December there were 31 missed rounds. Most were in the rural wards. This is well below the target of 120.'), { reportingPeriod: '2008/09' }, named)
      .map((c) => [c.indicator.code, c.kind, c.token.value, c.labelPeriod]);
    expect(readings).toEqual([['WMS 4b', 'target', 120, '2008/09']]);
    const passing = readPhrases(unit('Good performance for this indicator is low, and with current performance of 9, the outturn is better than target.'), { reportingPeriod: '2006/07' }, named)
      .map((c) => [c.kind, c.token.value]);
    expect(passing).toEqual([['result', 9]]);
  });

  it('carries the indicator named before into a sentence that opens with its scheme and kind word, or with a kind and its year', () => {
    const named = findMentions(unit('Rights of way network easy to use (BVPI 178)'))[0];
    const read2 = (text: string) => readPhrases(unit(text), { reportingPeriod: '2002/03' }, named).map((c) => [c.indicator.code, c.kind, c.token.value, c.labelPeriod]);
    expect(read2('No specific quarterly target set. BVPI target for 2002/03 = 70%')).toEqual([['BV 178', 'target', 70, '2002/03']]);
    expect(read2('Quarterly monitoring is in place. Annual target in 2002/03: 72%.')).toEqual([['BV 178', 'target', 72, '2002/03']]);
    // A scheme word before another word is no reference back: "BVPI returns rose to 70%" names no target of this one.
    expect(read2('Quarterly monitoring is in place. BVPI returns were filed by 70% of districts.')).toEqual([]);
  });

  it('keeps a paragraph that names one indicator about it past a sentence of figures that does not refer back', () => {
    const text = 'Sickness is measured as the days lost per employee (BV 12 working days lost to sickness). Trends have been poor, with a rise in 2006/7 of 1.1 days. The target for 2007/8 is 9.5 days per employee. Staff numbers grew by 40 over the year.';
    expect(read(text, '2007/08')).toEqual([['BV 12', 'target', 9.5, 'days', '2007/08', null]]);
    // Where the paragraph names a second indicator, a sentence without a code after other figures is no longer carried.
    expect(read(`${text} NI 8 is reported separately.`, '2007/08')).toEqual([]);
  });

  it('carries the indicator named before into a sentence whose subject names what its title counts, when a verb reports on it', () => {
    const named = findMentions(unit('NI 111 First time entrants to the Youth Justice System aged 10-17'))[0];
    const read2 = (text: string) => readPhrases(unit(text), { reportingPeriod: '2008/09' }, named).map((c) => [c.kind, c.token.value, c.labelPeriod]);
    expect(read2('The number of first time entrants fell from 412 in 2007/08 to 368 in 2008/09.')).toEqual([['result', 412, '2007/08'], ['result', 368, '2008/09']]);
    // Title words with no verb reporting on them before the figure: a name or an aim, not this indicator's figure.
    expect(read2('Reducing first time entrants by working with 40 schools.')).toEqual([]);
    expect(read2('Youth justice staff numbers rose to 45.')).toEqual([]);
  });

  it('carries a code into the next sentence only when that sentence refers back to it, and then only strong cues', () => {
    expect(read('NI 8 Adult participation in sport. This is above the regional average (21.5%). 30% said they walk.', '2008/09')).toEqual([
      ['NI 8', 'result', 21.5, '%', '2008/09', 'region'],
    ]);
    expect(read('NI 8 Adult participation in sport. Attendance at the leisure centre reached 4,500 visits.', '2008/09')).toEqual([]);
  });

  it('reads a bare count followed by what the indicator named before counts as its result, and nothing else so', () => {
    const named = findMentions(unit('5. Number of footway trip claims (PFI 06di)'))[0];
    const read2 = (text: string) => readPhrases(unit(text), { reportingPeriod: '2007/08' }, named).map((c) => [c.indicator.code, c.kind, c.token.value, c.labelPeriod]);
    expect(read2('Between April and December there were 26 footway trip claims. By March there will have been approximately 50 claims.')).toEqual([
      ['PFI 6di', 'result', 26, '2007/08'],
    ]);
    // One word of the title is not enough; a figure with a unit is not a count; a target word still decides.
    expect(read2('There were 26 claims in the period.')).toEqual([]);
    expect(read2('There were 26% footway trip claims settled.')).toEqual([]);
    expect(read2('The aim is 20 footway trip claims or fewer.')).toEqual([['PFI 6di', 'target', 20, '2007/08']]);
    // Beside its own code, the words after a figure may be the title itself: "4 General satisfaction … (NI 5)".
    expect(read('4 General satisfaction with local area (NI 5) Very satisfied Fairly satisfied', '2008/09')).toEqual([]);
  });

  it.each<[string, unknown[][]]>([
    // The title ends where a colon or spaced dash leads to the figures: what follows is reported of the code.
    ['NI 32 Repeat incidents of domestic violence: current performance 19% (target 27%).', [
      ['NI 32', 'result', 19, '%', '2009/10', null], ['NI 32', 'target', 27, '%', '2009/10', null],
    ]],
    ['NI 39 Alcohol-harm related hospital admission rates - 1,650 in 2008/09 (baseline 1,512 in 2006/07).', [
      ['NI 39', 'result', 1650, null, '2008/09', null], ['NI 39', 'baseline', 1512, null, '2006/07', null],
    ]],
    // Two units either side of a dash are a name and a figure, not a range.
    ['NI 157a Processing of major planning applications within 13 weeks – 72% (target 60%).', [
      ['NI 157a', 'result', 72, '%', '2009/10', null], ['NI 157a', 'target', 60, '%', '2009/10', null],
    ]],
    ['NAS 1 Number of carers receiving a service: 1,234 at year end, target 1,200.', [
      ['NAS 1', 'result', 1234, null, '2009/10', null], ['NAS 1', 'target', 1200, null, '2009/10', null],
    ]],
    // Quartile words label the figure after them, not the one before.
    ['BV 82a Percentage of household waste recycled 2007/08: 21.3% (top quartile 24%).', [['BV 82a', 'result', 21.3, '%', '2007/08', null]]],
    // "a reduction of 6%" is a change; "last year" after a compared figure dates it a year back.
    ['NI 47 People killed or seriously injured in road traffic accidents: the 2009 figure was 312, a reduction of 6% on 2008 (332).', [
      ['NI 47', 'result', 312, null, '2009', null], ['NI 47', 'result', 332, null, '2008', null],
    ]],
    ['LPI 12 Average days to re-let council homes: 24 days, compared to 27 days last year.', [
      ['LPI 12', 'result', 24, 'days', '2009/10', null], ['LPI 12', 'result', 27, 'days', '2008/09', null],
    ]],
    // A reported change: where it started is an earlier result; the same quarter last year set beside a figure.
    ['The number of people killed or seriously injured (NI 47) fell to 41 in 2009 from 48 in 2008.', [
      ['NI 47', 'result', 41, null, '2009', null], ['NI 47', 'result', 48, null, '2008', null],
    ]],
    ['LPI 33 Visits to leisure centres per 1,000 population: 4,512 against a target of 4,300 (Q2 2009/10: 4,210).', [
      ['LPI 33', 'result', 4512, null, '2009/10', null], ['LPI 33', 'target', 4300, null, '2009/10', null], ['LPI 33', 'result', 4210, null, '2009/10', null],
    ]],
    ['BV 8 Invoices paid on time: 96.2% at the end of September (target 97%). Last year\'s outturn was 95.1%.', [
      ['BV 8', 'result', 96.2, '%', '2009/10', null], ['BV 8', 'target', 97, '%', '2009/10', null], ['BV 8', 'result', 95.1, '%', '2008/09', null],
    ]],
    // A list of dated figures goes on with the kind of its first; "the same point last year" is a year back.
    ['NI 20 Assault with injury crime rate: baseline 6.9 per 1,000 (2007/08); targets 6.7 (2008/09), 6.5 (2009/10), 6.3 (2010/11).', [
      ['NI 20', 'baseline', 6.9, 'per 1,000', '2007/08', null], ['NI 20', 'target', 6.7, null, '2008/09', null],
      ['NI 20', 'target', 6.5, null, '2009/10', null], ['NI 20', 'target', 6.3, null, '2010/11', null],
    ]],
    ['Council tax collection (BV 9) stood at 57.4% at the end of September, compared with 57.9% at the same point last year.', [
      ['BV 9', 'result', 57.4, '%', '2009/10', null], ['BV 9', 'result', 57.9, '%', '2008/09', null],
    ]],
    // Comparators: a place written right before a figure, "the regional figure of", Great Britain; a quartile and
    // the Government's target are nobody's figures here; a one-word name before a colon is the indicator's own.
    ['NI 195a Litter: 6% (target 8%); the England average is 10% and the top quartile 4%.', [
      ['NI 195a', 'result', 6, '%', '2009/10', null], ['NI 195a', 'target', 8, '%', '2009/10', null], ['NI 195a', 'result', 10, '%', '2009/10', 'England'],
    ]],
    ['NI 8 Comments: 3 sessions were cancelled in the quarter.', []],
    ['NI 117 NEET: target 5.9%, England 6.4%.', [['NI 117', 'target', 5.9, '%', '2009/10', null], ['NI 117', 'result', 6.4, '%', '2009/10', 'England']]],
    ['NI 56 Obesity in Year 6 was 19.2%, above the regional figure of 18.3% and our family group average (18.9%).', [
      ['NI 56', 'result', 19.2, '%', '2009/10', null], ['NI 56', 'result', 18.3, '%', '2009/10', 'region'], ['NI 56', 'result', 18.9, '%', '2009/10', 'family group'],
    ]],
    ['NI 152 Working age people on out of work benefits: 12.4% in May 2009 (Great Britain 12.0%).', [
      ['NI 152', 'result', 12.4, '%', '2009-05', null], ['NI 152', 'result', 12, '%', '2009-05', 'Great Britain'],
    ]],
    ['BV 12 Sickness absence: 9.5 days against the Government\'s target of 8 days.', [['BV 12', 'result', 9.5, 'days', '2009/10', null]]],
    // A planned change (a plan's verb, or a deadline after the unit) is a baseline and a target, not two results;
    // a deadline dates the figure before it, not the next.
    ['NI 20 Assault with injury: reduce the rate from 8.1 to 7.2 per 1,000 population by 2011.', [
      ['NI 20', 'baseline', 8.1, null, null, null], ['NI 20', 'target', 7.2, 'per 1,000', '2011', null],
    ]],
    ['NI 192 Household waste recycled and composted: we aim to reach 45% by 2010/11; current performance is 38.4%.', [
      ['NI 192', 'target', 45, '%', '2010/11', null], ['NI 192', 'result', 38.4, '%', '2009/10', null],
    ]],
    // A bracketed code closing the subject: "<title> (NI 5) was 79%".
    ['Satisfaction with the local area (NI 5) was 79% in the 2008 Place Survey.', [['NI 5', 'result', 79, '%', '2008', null]]],
    // The national title's own dash and figure ("… gap – achieving 5 A*-C GCSE …") are no reported figure.
    ['NI 105 The Special Educational Needs (SEN)/non-SEN gap – achieving 5 A*-C GCSE including English and Maths', []],
  ])('reads "%s" after the code and its title', (text, expected) => {
    expect(read(text, '2009/10')).toEqual(expected);
  });
});
