// What a careful reader finds in seeds 001 and 003 (../shared/seeds), record by record. Shared by the seeds
// acceptance test and the scoring script (scripts/score), which turns them into gold annotations.
import type { ExpectedObservation } from './compare.ts';

export type Row = [indicator: string, kind: string, value: number | null, unit: string | null, period: string | null, extra?: Partial<ExpectedObservation>];

export function expand(rows: Row[]): ExpectedObservation[] {
  return rows.map(([indicator, kind, value, unit, period, extra]) => ({
    indicator, kind, state: value === null ? 'pending' : 'value', value, unit, period, area: null, relative_change: null, denominator: null, ...extra,
  }));
}

// Seed 003: Rochford's labelled lines.
export const SEED_003: Row[] = [
  ['LI 2.1', 'baseline', 26.5, '%', '2008/09'], ['LI 2.1', 'target', 33, '%', '2010/11'],
  ['NI 6', 'baseline', 17.5, '%', '2008/09'], ['NI 6', 'target', 19.5, '%', '2010/11'],
  ['NI 8', 'baseline', 20.2, '%', '2005/06'], ['NI 8', 'target', 24.7, '%', '2010/11'],
  ['NI 7', 'baseline', 15.9, '%', '2008/09'], ['NI 7', 'target', 17, '%', '2009/10'], ['NI 7', 'target', 19.7, '%', '2010/11'],
  ['NI 11', 'baseline', 43.5, '%', '2008/09'], ['NI 11', 'target', 44.5, '%', '2009/10'], ['NI 11', 'target', 46.5, '%', '2010/11'],
  ['LI 5.1a', 'baseline', 32.8, '%', null], ['LI 5.1b', 'baseline', 76.4, '%', null],
  ['LI 5.1a', 'target', 38.9, '%', null], ['LI 5.1b', 'target', 81.1, '%', null],
  ['NI 141', 'baseline', 78, '%', '2007/08'], ['NI 141', 'target', 80, '%', '2010/11'],
  ['LI 7.2', 'baseline', 49.9, '%', '2007/08'], ['LI 7.2', 'target', 56.4, '%', '2010/11'],
  ['NI 165', 'baseline', 24.9, '%', '2006'], ['NI 165', 'result', 24.6, '%', '2008/09'], ['NI 165', 'target', 29.5, '%', '2011'],
  ['LI 188', 'baseline', 0, null, '2007/08'], ['LI 188', 'result', 0, null, '2008/09'], ['LI 188', 'target', 3, null, '2010/11'],
];

// Seed 001: Hertfordshire's LAA delivery plan — every coded indicator's baseline, targets and results.
export const SEED_001: Row[] = [
  ['NI 175', 'baseline', 29, '%', '2005/06'], ['NI 175', 'baseline', 28, '%', '2006/07'], ['NI 175', 'baseline', 28, '%', '2007/08'],
  ['NI 175', 'target', 26, '%', '2008/09'], ['NI 175', 'target', 25, '%', '2009/10'], ['NI 175', 'target', 24, '%', '2010/11'],
  ['NI 178', 'baseline', 80, '%', '2008/09'], ['NI 178', 'target', 80, '%', '2008/09'], ['NI 178', 'target', 83, '%', '2009/10'], ['NI 178', 'target', 85, '%', '2010/11'],
  ['NI 193', 'baseline', 62.54, '%', '2005/06'], ['NI 193', 'baseline', 60.49, '%', '2006/07'], ['NI 193', 'baseline', 56.13, '%', '2007/08'],
  ['NI 193', 'target', 56, '%', '2008/09'], ['NI 193', 'target', 55, '%', '2009/10'], ['NI 193', 'target', 49, '%', '2010/11'],
  ['NI 192', 'baseline', 38.6, '%', null], ['NI 192', 'target', 40, '%', '2008/09'], ['NI 192', 'target', 42.5, '%', '2009/10'], ['NI 192', 'target', 45, '%', '2010/11'],
  ['NI 191', 'baseline', 718, 'kg', null], ['NI 191', 'target', 714, 'kg', '2008/09'], ['NI 191', 'target', 688, 'kg', '2009/10'], ['NI 191', 'target', 661, 'kg', '2010/11'],
  ['NI 186', 'baseline', 6.7, 'tonnes per capita', '2005'],
  ['NI 186', 'target', 6.4, 'tonnes per capita', '2008/09', { relative_change: -4.2 }],
  ['NI 186', 'target', 6.2, 'tonnes per capita', '2009/10', { relative_change: -6.6 }],
  ['NI 186', 'target', 6.1, 'tonnes per capita', '2010/11', { relative_change: -9.1 }],
  ['NI 1', 'baseline', 79, '%', null],
  ['NI 4', 'baseline', 27.9, '%', null],
  ['NI 16', 'baseline', 16022, null, '2007/08', { area: 'Herts' }], ['NI 16', 'baseline', 2048, null, '2007/08', { area: 'St Albans' }],
  ['NI 16', 'baseline', 1792, null, '2007/08', { area: 'Hertsmere' }],
  ['NI 16', 'target', 15381, null, '2010/11', { area: 'Herts', relative_change: -4 }],
  ['NI 16', 'target', 1864, null, '2010/11', { area: 'St Albans', relative_change: -9 }],
  ['NI 16', 'target', 1559, null, '2010/11', { area: 'Hertsmere', relative_change: -13 }],
  ['NI 17', 'baseline', null, null, null],
  ['NI 32', 'baseline', null, null, null],
  ['NI 40', 'baseline', null, null, null],
  ['NI 40', 'target', 1, '%', '2008/09'], ['NI 40', 'target', 2, '%', '2009/10'], ['NI 40', 'target', 2, '%', '2010/11'],
  ['NI 154', 'baseline', 3600, null, '2007/08'], ['NI 154', 'target', 3800, null, '2008/09'], ['NI 154', 'target', 4350, null, '2009/10'], ['NI 154', 'target', 4700, null, '2010/11'],
  ['NI 152', 'baseline', 10.3, '%', '2006/07', { area: 'Stevenage' }], ['NI 152', 'target', 10, '%', '2008/09', { area: 'Stevenage' }],
  ['NI 152', 'target', 9.6, '%', '2009/10', { area: 'Stevenage' }], ['NI 152', 'target', 9.3, '%', '2010/11', { area: 'Stevenage' }],
  ['NI 152', 'baseline', 9.1, '%', '2006/07', { area: 'Broxbourne' }], ['NI 152', 'target', 8.8, '%', '2008/09', { area: 'Broxbourne' }],
  ['NI 152', 'target', 8.4, '%', '2009/10', { area: 'Broxbourne' }], ['NI 152', 'target', 8.1, '%', '2010/11', { area: 'Broxbourne' }],
  ['NI 172', 'baseline', null, null, null],
  ['NI 163', 'baseline', 71.7, '%', '2006'], ['NI 163', 'target', 76.7, '%', '2010/11'],
  ['NI 79', 'target', 82, '%', '2010/11'],
  ['NI 165', 'baseline', 34.8, '%', '2006'], ['NI 165', 'target', 36.8, '%', '2010/11'],
  ['NI 101', 'baseline', 8.6, '%', '2007'], ['NI 101', 'target', 14, '%', '2008/09'], ['NI 101', 'target', 15, '%', '2009/10'], ['NI 101', 'target', 16, '%', '2010/11'],
  ['NI 72', 'baseline', 51.8, '%', '2007'], ['NI 72', 'target', 54, '%', '2008/09'], ['NI 72', 'target', 56, '%', '2009/10'], ['NI 72', 'target', 58, '%', '2010/11'],
  ['NI 73', 'baseline', 77, '%', '2007'], ['NI 73', 'target', 86, '%', '2008/09'], ['NI 73', 'target', 87, '%', '2009/10'], ['NI 73', 'target', 88, '%', '2010/11'],
  ['NI 75', 'baseline', 53.3, '%', '2007'], ['NI 75', 'target', 62.5, '%', '2008/09'], ['NI 75', 'target', 65, '%', '2009/10'], ['NI 75', 'target', 66, '%', '2010/11'],
  ['NI 87', 'baseline', 5.9, '%', null], ['NI 87', 'target', 5.4, '%', '2008/09'], ['NI 87', 'target', 5.2, '%', '2009/10'], ['NI 87', 'target', 5, '%', '2010/11'],
  ['NI 92', 'baseline', 34.4, '%', '2007'], ['NI 92', 'target', 31.58, '%', '2008/09'], ['NI 92', 'target', 29, '%', '2009/10'], ['NI 92', 'target', 27, '%', '2010/11'],
  ['NI 93', 'baseline', 87.2, '%', '2007'], ['NI 93', 'target', 94, '%', '2008/09'], ['NI 93', 'target', 94.5, '%', '2009/10'], ['NI 93', 'target', 95, '%', '2010/11'],
  ['NI 94', 'baseline', 78.2, '%', '2007'], ['NI 94', 'target', 93, '%', '2008/09'], ['NI 94', 'target', 93.5, '%', '2009/10'], ['NI 94', 'target', 94, '%', '2010/11'],
  ['NI 99', 'baseline', 51, '%', '2007'], ['NI 99', 'target', 56, '%', '2008/09'], ['NI 99', 'target', 57, '%', '2009/10'], ['NI 99', 'target', 58, '%', '2010/11'],
  ['NI 100', 'baseline', 47.3, '%', '2007'], ['NI 100', 'target', 54, '%', '2008/09'], ['NI 100', 'target', 55, '%', '2009/10'], ['NI 100', 'target', 56, '%', '2010/11'],
  ['NI 69', 'baseline', null, null, '2008-11'], ['NI 69', 'target', 24, '%', '2008/09'], ['NI 69', 'target', 22, '%', '2009/10'], ['NI 69', 'target', 20, '%', '2010/11'],
  ['NI 45', 'baseline', 76.5, '%', '2006/07'], ['NI 45', 'target', 78.1, '%', '2008/09'], ['NI 45', 'target', 81.2, '%', '2009/10'], ['NI 45', 'target', 83.6, '%', '2010/11'],
  ['NI 51', 'baseline', 10, null, '2008-02', { denominator: 16 }], ['NI 51', 'target', 12, null, '2008/09'], ['NI 51', 'target', 16, null, '2009/10'], ['NI 51', 'target', 16, null, '2010/11'],
  ['NI 54', 'baseline', null, null, '2009'],
  ['NI 56', 'baseline', 14.1, '%', null, { area: 'West Herts' }], ['NI 56', 'target', 14.4, '%', '2008/09', { area: 'West Herts' }],
  ['NI 56', 'target', 14.3, '%', '2009/10', { area: 'West Herts' }], ['NI 56', 'target', 14.2, '%', '2010/11', { area: 'West Herts' }],
  ['NI 59', 'baseline', 58.7, '%', '2008-02'], ['NI 59', 'target', 75, '%', '2008/09'], ['NI 59', 'target', 77, '%', '2009/10'], ['NI 59', 'target', 80, '%', '2010/11'],
  ['NI 60', 'baseline', 68.2, '%', '2008-02'], ['NI 60', 'target', 80, '%', '2008/09'], ['NI 60', 'target', 82, '%', '2009/10'], ['NI 60', 'target', 85, '%', '2010/11'],
  ['NI 66', 'baseline', 78.4, '%', '2008-02'], ['NI 66', 'target', 90, '%', '2008/09'], ['NI 66', 'target', 93, '%', '2009/10'], ['NI 66', 'target', 96, '%', '2010/11'],
  ['NI 116', 'baseline', 12.1, '%', '2006/07'], ['NI 116', 'target', 10.9, '%', '2008/09'], ['NI 116', 'target', 10.3, '%', '2009/10'], ['NI 116', 'target', 9.7, '%', '2010/11'],
  ['NI 125', 'baseline', null, null, null],
  ['NI 123', 'baseline', 861, 'per 100,000', '2006/07', { area: 'E&N Herts PCT' }], ['NI 123', 'baseline', 824, 'per 100,000', '2006/07', { area: 'W Herts PCT' }],
  ['NI 123', 'target', 822, 'per 100,000', '2008/09', { area: 'E&N Herts PCT' }], ['NI 123', 'target', 822, 'per 100,000', '2009/10', { area: 'E&N Herts PCT' }],
  ['NI 123', 'target', 822, 'per 100,000', '2010/11', { area: 'E&N Herts PCT' }],
  // The West Herts targets sit in the row below, after the E&N baseline's words ("861/100,000 W Herts PCT 824/100,000").
  ['NI 123', 'target', 829, 'per 100,000', '2008/09', { area: 'West Herts PCT' }], ['NI 123', 'target', 829, 'per 100,000', '2009/10', { area: 'West Herts PCT' }],
  ['NI 123', 'target', 829, 'per 100,000', '2010/11', { area: 'West Herts PCT' }],
  ['NI 141', 'baseline', 59.3, '%', '2007/08'], ['NI 141', 'target', 65, '%', '2008/09'], ['NI 141', 'target', 68, '%', '2009/10'], ['NI 141', 'target', 71, '%', '2010/11'],
  ['NI 135', 'baseline', 14.6, '%', null], ['NI 135', 'target', 17, '%', '2008/09'], ['NI 135', 'target', 19, '%', '2009/10'], ['NI 135', 'target', 21, '%', '2010/11'],
  ['NI 8', 'baseline', 21.8, '%', null], ['NI 8', 'target', 25.8, '%', '2010/11'],
];
