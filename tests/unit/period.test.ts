import { describe, expect, it } from 'vitest';
import { findPeriods, parsePeriod, periodEndYear } from '../../src/vocabulary/periods.ts';

describe('parsePeriod', () => {
  it.each([
    ['08/09', '2008/09'],
    ['(05/06)', '2005/06'],
    ['2008/09', '2008/09'],
    ['2008/9', '2008/09'],
    ['2008-09', '2008/09'],
    ['2008/2009', '2008/09'],
    ['(06.07)', '2006/07'],
    ['(2005)', '2005'],
    ['Feb 08', '2008-02'],
    ['February 2008', '2008-02'],
    ['Nov 2009', '2009-11'],
    ['summer 2007', '2007'],
    ['(06)', '2006'],
    ['By 2011', '2011'],
    ['2010/11 Target', '2010/11'],
    ['99/00', '1999/00'],
  ])('%s → %s', (text, period) => {
    expect(parsePeriod(text)).toBe(period);
  });

  it.each(['16,022', '822/100,000', '14% (14/97)', '5.4% Feb', 'NI 186', '3.5'])('finds no period in %s', (text) => {
    expect(findPeriods(text)).toEqual([]);
  });

  it('reads "(06/07 & 07/08)" as two years', () => {
    expect(findPeriods('28% (06/07 & 07/08)').map((p) => p.period)).toEqual(['2006/07', '2007/08']);
  });

  it('rejects pairs that are not consecutive years', () => {
    expect(findPeriods('10/16')).toEqual([]);
  });

  it('orders periods by the year they end', () => {
    expect(periodEndYear('2008/09')).toBe(2009);
    expect(periodEndYear('2008')).toBe(2008);
    expect(periodEndYear('2008-02')).toBe(2008);
  });
});
