import { describe, expect, it } from 'vitest';
import { matchTitle } from '../../src/detect/catalogue.ts';
import { codeFromBareCell, findCodes, isNationalIndicator } from '../../src/detect/codes.ts';
import { findMentions } from '../../src/detect/mentions.ts';

const unit = (text: string) => ({ text, spans: [], provenance: { file: 't.txt', line: 1 } });

describe('findCodes', () => {
  it.each([
    ['NI175: Access to services', ['NI 175']],
    ['NI 186', ['NI 186']],
    ['Serious acquisitive crime rate (NI 16)', ['NI 16']],
    ['Reduce the % of people [LAA Target – NI 152]', ['NI 152']],
    ['qualified to Level 2 [LAA Target NI 163]', ['NI 163']],
    ['LAA Target: NI 8', ['NI 8']],
    ['LAA Target: NI45 YOUNG OFFENDERS', ['NI 45']],
    ['Baseline: LI 2.1 26.5% (2008/09)', ['LI 2.1']],
    ['Baseline: LI 5.1a 32.8% LI 5.1b 76.4%', ['LI 5.1a', 'LI 5.1b']],
    ['Result: LI188 0 (2008/09)', ['LI 188']],
    ['Baseline: LI (NI 165) 24.9% (2006)', ['NI 165']],
    ['BV 82a', ['BV 82a']],
    ['BV82A', ['BV 82a']],
    ['BVPI 199', ['BV 199']],
    ['PSA 16', ['PSA 16']],
    ['NI 195 (a) Improved street cleanliness', ['NI 195a']],
    ['NI4, NI6 and NI7 development', ['NI 4', 'NI 6', 'NI 7']],
    // Zero-padded and unspaced, dotted, spelt out (issue 11, code forms).
    ['BV009 Percentage of council tax collected', ['BV 9']],
    ['BV 009', ['BV 9']],
    ['N.I. 154 Net additional homes provided', ['NI 154']],
    ['NI. 39 Alcohol-harm related hospital admission rates', ['NI 39']],
    ['National Indicator 47 (road casualties)', ['NI 47']],
    ['under National Indicators 117 and 118', ['NI 117', 'NI 118']],
    ['Ni 40 Drug users in effective treatment', ['NI 40']],
    // Other schemes kept as written.
    ['LPI 12 Average days to re-let', ['LPI 12']],
    ['PAF B11 Intensive home care', ['PAF B11']],
    ['PAFC28', ['PAF C28']],
    ['NAS1 Reviews – Achieved 87.32%', ['NAS 1']],
    ['CPA C5 Sickness absence', ['CPA C5']],
    ['KPI 7 Calls answered', ['KPI 7']],
    ['As a result PI 94 – reduction in fly-tipping – had been affected', ['PI 94']],
    ['TC01 Under 18 conception RATE', ['TC 1']],
    ['NI 171 & NI153 targets are being renegotiated', ['NI 171', 'NI 153']],
    // Lists of numbers after a code, roman sub-parts, plural prefixes.
    ['especially BVPI 126, 127 and 128 (crime)', ['BV 126', 'BV 127', 'BV 128']],
    ['NIs 5, 7, 17 Missing data', ['NI 5', 'NI 7', 'NI 17']],
    // A comma the copy lost, with more of the list after it; glosses in square brackets after items.
    ['Subject to change: NIs 8, 16, 39, 40 53, 124, 153 Agreed', ['NI 8', 'NI 16', 'NI 39', 'NI 40', 'NI 53', 'NI 124', 'NI 153']],
    ['(BVPI 126 [domestic burglaries], 127 [violent crimes] and 175 [racial incidents])', ['BV 126', 'BV 127', 'BV 175']],
    ['NI 47 fell by 12 points, 40 53 people', ['NI 47']],
    ['BV 82bi - % household waste composted', ['BV 82bi']],
    ['BVPI 82a ii', ['BV 82aii']],
    ['BV 079b(i) – the amount of housing benefit overpayments recovered', ['BV 79bi']],
    ['BVPPI 12 the number of working days lost', ['BV 12']],
    ['SPI 1a Satisfaction of victims', ['SPI 1a']],
    // Social care's framework without its scheme, where the words after it are social care's.
    ['A1, the proportion of looked after children with three placements or more', ['PAF A1']],
    ['C28 (households receiving intensive home care per 1,000 population)', ['PAF C28']],
    ['D36 Users who said they got help quickly', ['PAF D36']],
    // A list of them: an item joined to a social care code (after its gloss) is one too, whatever its own gloss says.
    ['C28 (intensive home care per 1,000 population aged 65 or over), C51 (adults receiving direct payments), and D56 (waiting time for services.)', ['PAF C28', 'PAF C51', 'PAF D56']],
    ['PAF C28, D56 and A2 were missed', ['PAF C28', 'PAF D56', 'PAF A2']],
    ['PAF C28 was 12 and B3 closed', ['PAF C28']],
    ['Route A1, A2 and B3 closed; paper sizes A4 and A3', []],
    // A long gloss in square brackets still leaves the list going on.
    ['(BVPI 156 [percentage of authority buildings open to the public and accessible to the disabled] and 175 [racial incidents])', ['BV 156', 'BV 175']],
  ])('%s', (text, codes) => {
    expect(findCodes(text).map((c) => c.code)).toEqual(codes);
  });

  it.each(['NI 2008', 'LAA11 target', 'UNI 5', 'OMNI 3', 'the NI target', 'NI 186,000 tonnes', 'PI Ref', 'PI No. 12'])('finds no code in "%s"', (text) => {
    expect(findCodes(text)).toEqual([]);
  });

  it.each([
    ['BV 66a, PAFB12, SP104', 'BV 66a', ['PAF B12', 'SP 104']],
    ['LI 3 (NI 11)', 'NI 11', ['LI 3']],
    ['PAF C32 / BV 54', 'PAF C32', ['BV 54']],
    ['BVPI 82a (NI 192)', 'NI 192', ['BV 82a']],
  ])('reads "%s" as one indicator with aliases', (text, code, aliases) => {
    const found = findCodes(text);
    expect(found.map((c) => c.code)).toEqual([code]);
    expect(found[0].aliases).toEqual(aliases);
  });

  it('keeps codes of one scheme apart, and a comma in a sentence joins nothing', () => {
    expect(findCodes('NI 5, NI 6').map((c) => c.code)).toEqual(['NI 5', 'NI 6']);
    expect(findCodes('Progress on the national indicators this quarter was good for NI 5, while BV 12 stayed where it was last year').map((c) => c.code)).toEqual(['NI 5', 'BV 12']);
  });

  it.each(['SPACE 5', 'the TC 2000 report', 'CPA 2008 results', 'NASA 1', 'A1 road improvements, phase 2', 'Print on A4 paper', 'B2 Housing'])('finds no code in "%s" either', (text) => {
    expect(findCodes(text)).toEqual([]);
  });

  it.each([['BV 12, 10 days', ['BV 12']], ['NI 16, 2,048 offences', ['NI 16']], ['NI 8, 21.8%', ['NI 8']], ['NI 186 in 2008, 6.7 tonnes', ['NI 186']]])('lists no figure as a code: "%s"', (text, codes) => {
    expect(findCodes(text).map((c) => c.code)).toEqual(codes);
  });

  it('reads bare codes under a BVPI No. header', () => {
    expect(codeFromBareCell('82a', 'BV')?.code).toBe('BV 82a');
    expect(codeFromBareCell(' 199 ', 'BV')?.code).toBe('BV 199');
  });

  it('knows the National Indicator Set range', () => {
    expect(isNationalIndicator('NI 1')).toBe(true);
    expect(isNationalIndicator('NI 199')).toBe(true);
    expect(isNationalIndicator('NI 31')).toBe(false);
    expect(isNationalIndicator('NI 250')).toBe(false);
    expect(isNationalIndicator('NI 157c')).toBe(true);
  });
});

describe('titles and mentions', () => {
  it('matches titles written differently to the catalogue', () => {
    expect(matchTitle('Percentage of household waste recycled or composted', 0.6)?.code).toBe('NI 192');
    expect(matchTitle('Residual household waste produced per household', 0.6)?.code).toBe('NI 191');
    expect(matchTitle('Transport and access', 0.75)).toBeNull();
  });

  it('infers a code from "NI <title>"', () => {
    const [m] = findMentions(unit('Measure and target used to deliver the short term action – NI Percentage of household waste recycled or composted'));
    expect(m.code).toBe('NI 192');
    expect(m.inferred).toBe(true);
    expect(m.matchScore).toBeGreaterThan(0.6);
  });

  it('tells definitions from passing mentions', () => {
    expect(findMentions(unit('Repeat incidents of domestic violence (NI 32)'))[0]).toMatchObject({ defining: true, title: 'Repeat incidents of domestic violence' });
    expect(findMentions(unit('NI175: Access to services and facilities'))[0]).toMatchObject({ defining: true, title: 'Access to services and facilities' });
    const passing = findMentions(unit(`It now has three working groups, one of which is specifically focussing on delivering NI 186. ${'More words. '.repeat(20)}`));
    expect(passing[0].defining).toBe(false);
  });

  it('reads a local code set off by a spaced dash from a title that starts with a word or with "% of"', () => {
    expect(findMentions(unit('HS4 – Tenants satisfied with repairs'))[0]).toMatchObject({ code: 'HS 4', defining: true });
    expect(findMentions(unit('LH21 - % of rent collected in the quarter'))[0]).toMatchObject({ code: 'LH 21', defining: true });
    expect(findMentions(unit('Item 4 - 25 of the 30 tenants replied'))).toEqual([]);
  });

  it('reads a local code opening a short line whose title names a measure, and no other line opening with letters and a number', () => {
    expect(findMentions(unit('HS 12 Average time to re-let local authority housing (days)'))[0]).toMatchObject({ code: 'HS 12', defining: true, title: 'Average time to re-let local authority housing (days)' });
    expect(findMentions(unit('CS3 Percentage of calls answered within 20 seconds'))[0]).toMatchObject({ code: 'CS 3', defining: true });
    expect(findMentions(unit('ENV 4.2 Number of fly-tipping incidents removed'))[0]).toMatchObject({ code: 'ENV 4.2', defining: true });
    expect(findMentions(unit('KS 2 Percentage of pupils reaching level 4 in English'))).toEqual([]);
    expect(findMentions(unit('AB 12 Station Road and the High Street'))).toEqual([]);
    expect(findMentions(unit('HS 12 Average re-let time was 26 days this year'))).toEqual([]);
    expect(findMentions(unit('ITEM 4 Number of questions from the public'))).toEqual([]);
  });

  it('reads a local code opening a line with its title in brackets, and no bracket of other words', () => {
    expect(findMentions(unit('OP148 (Care leavers in education, employment or training). It was noted that the figures were late.'))[0])
      .toMatchObject({ code: 'OP 148', defining: true, title: 'Care leavers in education, employment or training' });
    expect(findMentions(unit('HS 4 – (Tenants satisfied with repairs)'))[0]).toMatchObject({ code: 'HS 4', defining: true });
    expect(findMentions(unit('AB 12 (see page 3 of the appendix)'))).toEqual([]);
    expect(findMentions(unit('CO2 (Carbon Dioxide) emissions fell'))).toEqual([]);
    expect(findMentions(unit('KS 2 (Key Stage two) results improved'))).toEqual([]);
    expect(findMentions(unit('PO 12 (Planning Officer, 12 years)'))).toEqual([]);
  });

  it('reads local codes a sentence itself calls indicators, as passing mentions', () => {
    expect(findMentions(unit('Members asked for more on indicators KP-12 and KP-14b before the next meeting.')).map((m) => [m.code, m.defining])).toEqual([['KP 12', false], ['KP 14b', false]]);
    expect(findMentions(unit('The indicators for Q1 were discussed.'))).toEqual([]);
  });

  it('flags NI codes outside the set', () => {
    expect(findMentions(unit('NI 231 Something new'))[0].outOfSet).toBe(true);
  });
});
