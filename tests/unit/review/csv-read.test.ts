// CSV as spreadsheets save it: quotes, doubled quotes, line breaks inside fields, CRLF, a byte-order mark.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/review/csv-read.ts';

describe('reading CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and reports each row’s line', () => {
    const rows = parseCsv('\uFEFFid,comment\r\nobs_1,"said ""tbc"", then 12%"\r\nobs_2,"two\nlines"\r\n\r\nobs_3,\n');
    expect(rows).toEqual([
      { line: 1, fields: ['id', 'comment'] },
      { line: 2, fields: ['obs_1', 'said "tbc", then 12%'] },
      { line: 3, fields: ['obs_2', 'two\nlines'] },
      { line: 6, fields: ['obs_3', ''] },
    ]);
  });

  it('reads a last row without a line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  });
});
