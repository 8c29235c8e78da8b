// Numbers in real-shaped plan text (table cells, rows flattened to lines, sentences): which are figures that
// could be an indicator's value, and which are years, dates, money, list or page numbers, codes and names.
import { describe, expect, it } from 'vitest';
import { findFigures, readNumbers, type NumberKind } from '../../../src/unread/numbers.ts';

type Expected = Array<[text: string, kind: NumberKind]>;

function kinds(text: string, titles: string[] = []): Expected {
  return readNumbers(text, { titles }).map((n) => [n.text, n.kind]);
}

const CASES: Array<[where: string, text: string, expected: Expected]> = [
  // Value cells and labelled lines: every figure is a figure, the years beside them are periods.
  ['labelled cell', 'Baseline 29% (05/06) 28% (06/07 & 07/08)', [['29%', 'figure'], ['05', 'period'], ['06', 'period'], ['28%', 'figure'], ['06', 'period'], ['07', 'period'], ['07', 'period'], ['08', 'period']]],
  ['year-labelled cell', '08/09 26%', [['08', 'period'], ['09', 'period'], ['26%', 'figure']]],
  ['areas in one cell', 'Herts: 16,022 St Albans: 2,048', [['16,022', 'figure'], ['2,048', 'figure']]],
  ['relative target', 'Herts - 4% reduction (15,381)', [['4%', 'figure'], ['15,381', 'figure']]],
  ['ratio', '10 out of 16 (Feb 08)', [['10', 'figure'], ['16', 'figure'], ['08', 'period']]],
  ['unit and year', '6.7 tonnes per capita (2005)', [['6.7', 'figure'], ['2005', 'period']]],
  ['rate', '1,523 per 100,000', [['1,523', 'figure'], ['100,000', 'rate-base']]],
  ['rate with slash', '822/100,000', [['822', 'figure'], ['100,000', 'rate-base']]],
  ['units', '9.8 days | 412 kg | 412kg | 50 per cent', [['9.8', 'figure'], ['412', 'figure'], ['412', 'figure'], ['50 per cent', 'figure']]],
  ['quarter column', '07/08 Q3 59.3%', [['07', 'period'], ['08', 'period'], ['3', 'name'], ['59.3%', 'figure']]],
  ['count behind a percentage', '08/09 14% (14/97) (summer 2008)', [['08', 'period'], ['09', 'period'], ['14%', 'figure'], ['14', 'fraction'], ['97', 'fraction'], ['2008', 'period']]],
  // Sentences: percentages stay figures even when they are not an indicator's value (a recall signal).
  ['prose result', 'Outturn for NI 192 in 2008/09 was 38.7%, against a target of 40%.', [['192', 'code'], ['2008', 'period'], ['09', 'period'], ['38.7%', 'figure'], ['40%', 'figure']]],
  ['prose aim', 'in a combined effort to ensure 50% of household waste is recycled by 2012.', [['50%', 'figure'], ['2012', 'period']]],
  ['prose with a contract', 'BVPI 85 £85k £112k 101k 56k Tied into 20 year contract', [['85', 'code'], ['85', 'money'], ['112', 'money'], ['101', 'money'], ['56', 'money'], ['20', 'figure']]],
  // Money.
  ['money', 'a £1million project; £2.5 million; £36 per household; 1.2bn', [['1', 'money'], ['2.5', 'money'], ['36', 'money'], ['1.2', 'money']]],
  // List and section numbers.
  ['numbered list', '1. Transport and Access\n2) Reduce congestion\n(3) Climate change', [['1', 'list-number'], ['2', 'list-number'], ['3', 'list-number']]],
  ['markers inside a sentence', 'The other two focuses on (1) the development of a strategy and (2) local authority delivery', [['1', 'list-number'], ['2', 'list-number']]],
  ['section heading', '3.2 Priorities for 2008-11', [['3.2', 'list-number'], ['2008', 'period'], ['11', 'period']]],
  ['paragraph reference', 'as set out in paragraph 3.2.1', [['3.2.1', 'reference']]],
  // Pages.
  ['page', 'see page 12; Page 3 of 12; pp. 4-5', [['12', 'page'], ['3', 'page'], ['12', 'page'], ['4', 'page'], ['5', 'page']]],
  // Codes' own digits, names and ordinals.
  ['codes', 'NI175: Access to services; LI 5.1a; BVPI 82a; NI 1 & 4', [['175', 'code'], ['5.1', 'code'], ['82', 'code'], ['1', 'code'], ['4', 'code']]],
  ['names', 'Per capita reduction in CO2 emissions; the LAA2 indicators; 82a', [['2', 'name'], ['2', 'name'], ['82', 'name']]],
  ['ordinal', 'performance data for the 1st quarter of 2008/09', [['1', 'ordinal'], ['2008', 'period'], ['09', 'period']]],
  // References, ages, frequencies.
  ['references', 'qualified to at least Level 2; Key Stage 4; Year 6 pupils; Quarter 2; Appendix 3', [['2', 'reference'], ['4', 'reference'], ['6', 'reference'], ['2', 'reference'], ['3', 'reference']]],
  ['ages', 'population aged 19-64; 16-18 year olds; People over 65 who say; under 18s', [['19', 'age'], ['64', 'age'], ['16', 'age'], ['18', 'age'], ['65', 'age'], ['18', 'age']]],
  ['age ranges', 'Proportion of population aged 19-64 for males and 19-59 for females qualified to at least Level 2', [['19', 'age'], ['64', 'age'], ['19', 'age'], ['59', 'age'], ['2', 'reference']]],
  ['frequency', 'reports to the group on a 6 monthly basis', [['6', 'reference']]],
  // Dates.
  ['dates', 'results due 1/09; by 31/03/2009; 31st March 2009; TBA by 12 January 09; at 10:30am', [['1', 'date'], ['09', 'date'], ['31', 'date'], ['03', 'date'], ['2009', 'date'], ['31', 'date'], ['2009', 'period'], ['12', 'date'], ['09', 'period'], ['10', 'date'], ['30', 'date']]],
];

describe('numbers in plan text', () => {
  it.each(CASES)('%s: %s', (_where, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('gives each figure its span in the text, with its % sign', () => {
    const text = 'NI 192 recycling | 38% | 39% 41% | 40%';
    const figures = findFigures(text);
    expect(figures.map((f) => text.slice(f.start, f.end))).toEqual(['38%', '39%', '41%', '40%']);
    expect(figures.map((f) => f.value)).toEqual([38, 39, 41, 40]);
  });

  it('leaves the numbers of the indicator’s own title alone, but not a percentage beside it', () => {
    const title = 'Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths';
    expect(kinds('Achievement of 5 or more A*-C grades at GCSE', [title])).toEqual([['5', 'code']]);
    expect(kinds('5% increase', [title])).toEqual([['5%', 'figure']]);
  });

  it('treats code and title spans it is given as codes', () => {
    const text = 'Repeat incidents of domestic violence 26% 28%';
    expect(readNumbers(text, { codeSpans: [{ start: 0, end: 37 }] }).map((n) => n.kind)).toEqual(['figure', 'figure']);
  });
});
