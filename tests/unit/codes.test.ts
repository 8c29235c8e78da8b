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
  ])('%s', (text, codes) => {
    expect(findCodes(text).map((c) => c.code)).toEqual(codes);
  });

  it.each(['NI 2008', 'LAA11 target', 'UNI 5', 'OMNI 3', 'the NI target', 'NI 186,000 tonnes'])('finds no code in "%s"', (text) => {
    expect(findCodes(text)).toEqual([]);
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

  it('flags NI codes outside the set', () => {
    expect(findMentions(unit('NI 231 Something new'))[0].outOfSet).toBe(true);
  });
});
