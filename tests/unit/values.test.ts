import { describe, expect, it } from 'vitest';
import { FIGURE_OF_BRACKETED_YEAR, parseValues, type ValueToken } from '../../src/extract/values.ts';

function brief(t: ValueToken) {
  return { state: t.state, value: t.value, unit: t.unit, periods: t.periods, area: t.area, rel: t.relativeChange, of: t.denominator };
}

describe('parseValues', () => {
  it.each<[string, Array<Partial<ReturnType<typeof brief>>>]>([
    ['29% (05/06) 28% (06/07 & 07/08)', [{ value: 29, unit: '%', periods: ['2005/06'] }, { value: 28, unit: '%', periods: ['2006/07', '2007/08'] }]],
    ['718 kg', [{ value: 718, unit: 'kg' }]],
    ['6.7 tonnes per capita (2005)', [{ value: 6.7, unit: 'tonnes per capita', periods: ['2005'] }]],
    ['4.2% reduction on baseline (6.4 tonnes per capita 2008)', [{ value: 6.4, unit: 'tonnes per capita', rel: -4.2 }]],
    ['(07/08) Herts: 16,022 St Albans: 2,048 Hertsmere: 1,792', [
      { value: 16022, area: 'Herts', periods: ['2007/08'] }, { value: 2048, area: 'St Albans' }, { value: 1792, area: 'Hertsmere' }]],
    ['Herts - 4% reduction (15,381) St Albans -9% reduction (1,864)', [{ value: 15381, area: 'Herts', rel: -4 }, { value: 1864, area: 'St Albans', rel: -9 }]],
    ['10 out of 16 (Feb 08)', [{ value: 10, of: 16, periods: ['2008-02'] }]],
    ['3600(predicted 07/08 figure)', [{ value: 3600, periods: ['2007/08'] }]],
    ['9.1% (06.07)', [{ value: 9.1, periods: ['2006/07'] }]],
    ['14% (14/97) (summer 2008)', [{ value: 14, unit: '%', periods: ['2008'] }]],
    ['E&N Herts PCT 822/100,000', [{ value: 822, unit: 'per 100,000', area: 'E&N Herts PCT' }]],
    ['14.1% (West Herts)', [{ value: 14.1, area: 'West Herts' }]],
    ['17.0% (2009/10) 19.7% (2010/11)', [{ value: 17, periods: ['2009/10'] }, { value: 19.7, periods: ['2010/11'] }]],
    ['£1.2m', [{ value: 1_200_000, unit: 'gbp' }]],
    // Figures OCR misread ("21,4%", "7.l") give nothing, neither part taken for a figure; the next is read.
    ['Q3 actual 21,4%   target 22.0%', [{ value: 22, unit: '%' }]],
    ['cumulative 7.l   projected 10.1', [{ value: 10.1 }]],
    ['12,400 contacts, 3,100 avoidable', [{ value: 12400 }, { value: 3100 }]],
    ['3% increase', [{ value: null, rel: 3 }]],
    ['0 (2007/08)', [{ value: 0, periods: ['2007/08'] }]],
  ])('%s', (text, expected) => {
    const tokens = parseValues(text).map(brief);
    expect(tokens).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(tokens[i]).toMatchObject(e));
  });

  it.each([
    ['tbc', 'tbc'],
    ['TBA by 12 January 09', 'tba'],
    ['Awaiting Baseline', 'awaiting baseline'],
    ['deferred', 'deferred'],
    ['Target tbc (subject to study)', 'tbc'],
    ['-', 'dash'],
  ])('"%s" is pending (%s)', (text, reason) => {
    const [t] = parseValues(text);
    expect(t.state).toBe('pending');
    expect(t.value).toBeNull();
    expect(t.pendingReason).toBe(reason);
  });

  it('does not treat deadlines as the pending period', () => {
    expect(parseValues('TBA by 12 January 09')[0].periods).toEqual([]);
  });

  it('reads n/a as nothing and words in a value slot as a missing figure', () => {
    expect(parseValues('n/a')).toEqual([]);
    expect(parseValues('Tellus Baseline November 08')).toEqual([]);
    expect(parseValues('Tellus Baseline November 08', { slot: true })[0]).toMatchObject({ state: 'pending', pendingReason: 'no figure given', periods: ['2008-11'] });
  });

  it('never reads codes or years as figures', () => {
    expect(parseValues('LI 5.1a 32.8% LI 5.1b 76.4%').map((t) => t.value)).toEqual([32.8, 76.4]);
    expect(parseValues('CO2 in 2008')).toEqual([]);
  });

  it('reads neither end of a span of years written tight as a figure ("the 2005-09 average", "2004/2008")', () => {
    expect(parseValues('a 15% reduction on the 2005-09 average of 92').map((t) => t.value)).toEqual([null, 92]);
    expect(parseValues('over 2004/2008 the rate fell').map((t) => t.value)).toEqual([]);
    expect(parseValues('in 2005-06 it was 4').map((t) => t.value)).toEqual([4]);
    expect(parseValues('2008 - 12%').map((t) => t.value)).toEqual([12]);
    expect(parseValues('March 2009 – 12 days').map((t) => t.value)).toEqual([12]);
  });

  it('reads digits glued to a percent sign as a footnote number, not a figure', () => {
    expect(parseValues('which for B&NES is deemed to be 4.1%94.').map((t) => [t.value, t.unit])).toEqual([[4.1, '%']]);
    expect(parseValues('rose to 23.3%12 in 2009/10 and 25% 2 years later').map((t) => t.value)).toEqual([23.3, 25, 2]);
  });

  it('reads the base of a rate written apart from its figure as no figure', () => {
    expect(parseValues('9.2% (rate per 100 offenders)').map((t) => t.value)).toEqual([9.2]);
    expect(parseValues('2.1 per 1,000 households').map((t) => [t.value, t.unit])).toEqual([[2.1, 'per 1,000']]);
  });

  it('reads a range as two doubted ends sharing the unit, never as a negative figure', () => {
    const tokens = parseValues('40-45%');
    expect(tokens.map((t) => [t.value, t.unit])).toEqual([[40, '%'], [45, '%']]);
    for (const t of tokens) expect(t.doubts).toContain('one end of a range');
    expect(parseValues('change of -2.1%')[0].value).toBe(-2.1);
  });

  it('doubts a bare figure trailing a dated one', () => {
    const tokens = parseValues('8.6% (summer 2007) 11');
    expect(tokens[1].doubts.length).toBeGreaterThan(0);
  });

  it('dates a figure in brackets by the year opening them, and marks it, leaving the figure before undated', () => {
    const tokens = parseValues('9.6 days (2007/08: 10.2 days)');
    expect(tokens.map((t) => [t.value, t.periods])).toEqual([[9.6, []], [10.2, ['2007/08']]]);
    expect(tokens[1].doubts).toContain(FIGURE_OF_BRACKETED_YEAR);
    // A year closing its own brackets still dates the figure before it.
    expect(parseValues('45% (2008/09) 50%').map((t) => [t.value, t.periods])).toEqual([[45, ['2008/09']], [50, []]]);
    expect(parseValues('45% (2008/09) 50%')[1].doubts).not.toContain(FIGURE_OF_BRACKETED_YEAR);
  });
});
