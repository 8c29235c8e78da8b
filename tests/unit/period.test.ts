import { describe, expect, it } from 'vitest';
import { parseValues } from '../../src/extract/values.ts';
import { bareMonthAfter, financialYearOfBareMonth, findPeriods, listResultsPeriod, monthSpanPeriod, parsePeriod, periodEndYear, previousPeriod, financialYearOfMonth, quarterBeforeReported, quarterOfYearReported, reportingPeriodIn, reportingQuarterIn } from '../../src/vocabulary/periods.ts';

describe('reportingPeriodIn and previousPeriod', () => {
  it.each([
    ['Adult Social Care 4th Quarter Performance … the 2010/11 Quarter 4 Key Performance Indicator results', '2010/11'],
    ['Performance Report: Quarter 4, 2008/09', '2008/09'],
    ['This report covers the final quarter of 2008/09', '2008/09'],
    ['The report also covered the appropriate 2011/12 Performance Outturns.', '2011/12'],
    ['Key Findings from the 2008/9 Place Survey', '2008/09'],
    ['Annual report for the year ending 31 March 2009', '2008/09'],
    ['Minutes of the meeting of 12 May 2009', null],
    ['Quarter 2 2008/09 and Quarter 2 2009/10 compared', null],
    ['Quarterly Performance Monitoring - Quarter 3 - September to December 2010', '2010/11'],
    ['Quarter 4 (January to March 2009) performance', '2008/09'],
    // A span of months set off as the report's own: in brackets, after "the period", closing a title line.
    ['LAA Annual Review 2009/10 - Stronger Communities Block', '2009/10'],
    ['The Panel considered performance against the waste indicators for April to December 2009.', '2009/10'],
    ['Corporate Healthcheck (April - June 2012)', '2012/13'],
    ['an exception report on finance and performance for the period April to June 2012.', '2012/13'],
    ['Monthly Corporate Health Check - October to December 2009\nMinutes', '2009/10'],
    // A span across two financial years dates nothing; a span inside a sentence is not the report's.
    ['Rolling year (July 2005 - June 2006)', null],
    ['Consultation ran from April to June 2012 with residents.', null],
    // A performance report's, monitoring's or review's year closing a title; part of a year counted from April.
    ['ADULT SOCIAL CARE PERFORMANCE MONITORING 2010/11', '2010/11'],
    ["Officers' comments on performance during the first nine months of 2004/05", '2004/05'],
    ['Environment Directorate Plan: Performance for the six-month period to September 2007', '2007/08'],
    ['Corporate performance in the nine months to December 2009', '2009/10'],
    ['Sickness absence for the six months to June 2008', null],
    ['Item: A7 Looking After the Environment 3rd Quarter 2007/08 Performance', '2007/08'],
    ['Report to Cabinet – Council Plan Performance, Half Year 2010/11', '2010/11'],
    ['The 2009/10 half-yearly report on the LAA', '2009/10'],
    // A report's own word between its quarter and its year.
    ['Revenues and Benefits – Quarter 4 report 2006/07', '2006/07'],
    ['Q2 performance monitoring 2009/10: exceptions', '2009/10'],
    ['Quarter 1 exception report for 2010/11', '2010/11'],
  ])('%s → %s', (text, period) => {
    expect(reportingPeriodIn(text)).toBe(period);
  });

  it('steps back a year in every period form', () => {
    expect([previousPeriod('2010/11'), previousPeriod('2008'), previousPeriod('2009-03')]).toEqual(['2009/10', '2007', '2008-03']);
  });
});

describe('parsePeriod', () => {
  it.each([
    ['08/09', '2008/09'],
    ['IWC 99 / 00', '1999/00'],
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

  it.each(['16,022', '822/100,000', '3 / 4 of residents', '25 / 30', '14% (14/97)', '5.4% Feb', 'NI 186', '3.5'])('finds no period in %s', (text) => {
    expect(findPeriods(text)).toEqual([]);
  });

  it('reads "(06/07 & 07/08)" as two years', () => {
    expect(findPeriods('28% (06/07 & 07/08)').map((p) => p.period)).toEqual(['2006/07', '2007/08']);
  });

  it('reads a month and two digits as a month of a year, but not when the digits count something after them', () => {
    expect(findPeriods('the position in Nov 07 was better').map((p) => p.period)).toEqual(['2007-11']);
    expect(findPeriods('In November 35 days were lost to flu').map((p) => p.period)).toEqual([]);
    expect(findPeriods('during March 12 people were rehoused').map((p) => p.period)).toEqual([]);
  });

  it('reads a date written in figures as its month, so that none of its parts is read as a figure', () => {
    expect(findPeriods('as at 31/03/2009 there were 412').map((p) => p.period)).toEqual(['2009-03']);
    expect(findPeriods('DCC Performance for the Quarter Only to 30.06.07').map((p) => p.period)).toEqual(['2007-06']);
    expect(findPeriods('received on 1/4/08').map((p) => p.period)).toEqual(['2008-04']);
    expect(parseValues('at 30.09.08 the figure was 45%').map((t) => t.value)).toEqual([45]);
    // Not a paragraph's number, a day or month out of range, a year out of the plans' time, or a ratio.
    expect(findPeriods('see paragraph 3.10.07 and 3.10.2').map((p) => p.period)).toEqual([]);
    expect(findPeriods('32/13/2009 and 12/05/1875').map((p) => p.period)).toEqual([]);
    expect(findPeriods('822/100,000').map((p) => p.period)).toEqual([]);
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

describe('listResultsPeriod: the year a line introducing a list of results names', () => {
  it.each<[string, string | null]>([
    ['The out-turn position for 05-06 was as follows:', '2005/06'],
    ['Performance in 2009/10 was as follows:', '2009/10'],
    ['Our results during 99-00 were:', '1999/00'],
    ['Actual performance for Quarter 3 2010/11:', '2010/11'],
    // Not a list's introduction, not results, or no single year.
    ['The out-turn position for 05-06 was good.', null],
    ['Targets for 2008/09 are:', null],
    ['Performance in 2008/09 and 2009/10 was:', null],
    ['The position for 05-07 was as follows:', null],
    ['Performance rose by 05-06 points:', null],
  ])('%s → %s', (text, expected) => {
    expect(listResultsPeriod(text)).toBe(expected);
  });
});

describe('periods written as a year or a quarter ending on a date', () => {
  it.each<[string, string[]]>([
    ['for the twelve months to 31 March 2007', ['2006/07']],
    ['for the 12 months ending 31st March 2009', ['2008/09']],
    ['for the twelve months to 30 June 2006', ['2006-06']],
    ['the financial year ending 31 March 2010', ['2009/10']],
    ['an uplift to 98.7% in March, 2009', ['2009-03']],
    ['in March 2009', ['2009-03']],
  ])('%s → %s', (text, periods) => {
    expect(findPeriods(text).map((p) => p.period)).toEqual(periods);
  });

  it('takes the report\'s year from the quarter it ends, but not from a quarter it compares with', () => {
    expect(reportingPeriodIn('In the quarter ending 30th June 2006 the figures were as follows')).toBe('2006/07');
    expect(reportingPeriodIn('Headline figures for Quarter ending 31March 2008')).toBe('2007/08');
    expect(reportingPeriodIn('compared with the quarter to June 2006')).toBeNull();
  });
});

describe('monthSpanPeriod', () => {
  it.each([
    ['April to June 2006', { period: '2006/07' }],
    ['Apr - Sep 2009', { period: '2009/10' }],
    ['Oct–Dec 2008', { period: '2008/09' }],
    ['January to March 2010', { period: '2009/10' }],
    ['April 2009 to March 2010', { period: '2009/10' }],
    // A rolling year lies across two financial years: no period dates it.
    ['July 2005 to June 2006', { period: null }],
    ['June 2006', null],
    ['April to June', null],
    ['Performance April to June 2006', null],
  ])('%s → %j', (text, expected) => {
    expect(monthSpanPeriod(text)).toEqual(expected);
  });
});

describe('the quarter a report covers, and a quarter named without its year', () => {
  it('reads the quarter from the forms a title writes it in', () => {
    expect(reportingQuarterIn('Safer Communities Partnership: performance exceptions, Quarter 3 2008/09')).toBe(3);
    expect(reportingQuarterIn('Corporate performance report 2010/11 Q2')).toBe(2);
    expect(reportingQuarterIn('Performance in the fourth quarter of 2009/10')).toBe(4);
    expect(reportingQuarterIn('Looking After the Environment 3rd Quarter 2007/08 Performance')).toBe(3);
    expect(reportingQuarterIn('Council Plan Performance, Half Year 2010/11')).toBe(2);
    expect(reportingQuarterIn('Monitoring report for the final quarter of 2010/11')).toBe(4);
    expect(reportingQuarterIn('Second quarter 2008/09 exceptions')).toBe(2);
    expect(reportingQuarterIn('Revenues and Benefits – Quarter 4 report 2006/07')).toBe(4);
    expect(reportingQuarterIn('Q2 performance monitoring 2009/10')).toBe(2);
    expect(reportingQuarterIn('Performance Digest 2008/09 – Quarter 3')).toBe(3);
    expect(reportingPeriodIn('Performance Digest 2008/09 – Quarter 3')).toBe('2008/09');
    expect(reportingQuarterIn('Annual performance report 2009/10')).toBeNull();
    expect(reportingQuarterIn('Q3 figures are attached')).toBeNull();
  });

  it('dates a quarter of the year reported by the month it ends, never one after the quarter reported', () => {
    expect(quarterOfYearReported(3, '2008/09', 3)).toBe('2008-12');
    expect(quarterOfYearReported(1, '2010/11', 2)).toBe('2010-06');
    expect(quarterOfYearReported(4, '2009/10', null)).toBe('2010-03');
    expect(quarterOfYearReported(3, '2009/10', 2)).toBeNull();
    expect(quarterOfYearReported(2, '2009', null)).toBeNull();
    expect(quarterOfYearReported(2, null, null)).toBeNull();
  });
});

describe('a month named without its year after a figure', () => {
  it.each([
    [' at the end of March. The year-end target', 3],
    [', at the end of September', 9],
    [' (in Feb)', 2],
    [' as at June', 6],
    [' in March 2010', null],
    [' at the end of March 09', null],
    [" in March '09", null],
    [' may fall further', null],
    [' of March', null],
  ])('%j names month %s', (text, month) => {
    expect(bareMonthAfter(text)?.month ?? null).toBe(month);
  });

  it('is dated by its financial year: the last such month up to the end of what the report covers', () => {
    expect(financialYearOfBareMonth(3, '2010/11', 1)).toBe('2009/10');
    expect(financialYearOfBareMonth(6, '2010/11', 1)).toBe('2010/11');
    expect(financialYearOfBareMonth(7, '2010/11', 1)).toBe('2009/10');
    expect(financialYearOfBareMonth(2, '2010/11', 3)).toBe('2009/10');
    expect(financialYearOfBareMonth(2, '2010/11', 4)).toBe('2010/11');
    expect(financialYearOfBareMonth(2, '2010/11', null)).toBe('2010/11');
    expect(financialYearOfBareMonth(2, '2010', null)).toBeNull();
    expect(financialYearOfBareMonth(2, null, null)).toBeNull();
  });
});

describe('the financial year of a month', () => {
  it('is the year counted from April the month falls in', () => {
    expect([financialYearOfMonth('2008-09'), financialYearOfMonth('2009-03'), financialYearOfMonth('2009-04'), financialYearOfMonth('2008/09')]).toEqual(['2008/09', '2008/09', '2009/10', '2008/09']);
  });
});

describe('the quarter before the one reported', () => {
  it('is the month the quarter before ends, the year before\'s last for a first quarter, and unknown without a quarter', () => {
    expect(quarterBeforeReported('2008/09', 2)).toBe('2008-06');
    expect(quarterBeforeReported('2008/09', 4)).toBe('2008-12');
    expect(quarterBeforeReported('2009/10', 1)).toBe('2009-03');
    expect(quarterBeforeReported('2009/10', null)).toBeNull();
    expect(quarterBeforeReported(null, 2)).toBeNull();
  });
});
