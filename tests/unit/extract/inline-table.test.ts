// Tables run into a paragraph: a row of periods, then kind rows of exactly as many figures.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../src/detect/mentions.ts';
import { readInlineTables } from '../../../src/extract/inline-table.ts';
import { processBytes } from '../../../src/pipeline/process.ts';

const unit = (text: string) => ({ text, spans: [], provenance: { file: 't.txt', line: 1 } });

function read(text: string, code = 'BV 12') {
  const u = unit(text);
  const indicator = findMentions(unit(`${code} Days lost to sickness`))[0];
  return readInlineTables(u, indicator).flatMap((t) => t.candidates.map((c) => [c.kind, c.token.value, c.labelPeriod, c.area]));
}

describe('tables run into a paragraph', () => {
  it('reads kind rows under a row of periods, each figure under its period', () => {
    expect(read('as the figures below indicate:Year 2005/06 2006/07 2007/08 2008/09 Actual Days Lost 10.35 11.95 12.52 9.08 Target 9.30 9.10 10.12 11.50')).toEqual([
      ['result', 10.35, '2005/06'], ['result', 11.95, '2006/07'], ['result', 12.52, '2007/08'], ['result', 9.08, '2008/09'],
      ['target', 9.3, '2005/06'], ['target', 9.1, '2006/07'], ['target', 10.12, '2007/08'], ['target', 11.5, '2008/09'],
    ].map((r) => [...r, null]));
    expect(read('Year 2007/08 2008/09 2009/10 England average 21.0 21.5 22.1')).toEqual([
      ['result', 21, '2007/08', 'England'], ['result', 21.5, '2008/09', 'England'], ['result', 22.1, '2009/10', 'England'],
    ]);
  });

  it('reads nothing where a row does not line up with the periods or names no kind', () => {
    expect(read('2005/06 2006/07 2007/08 Actual 10.35 11.95')).toEqual([]);
    expect(read('2005/06 2006/07 2007/08 Actual 10.35 11.95 12.52 9.08')).toEqual([]);
    expect(read('2005/06 2006/07 2007/08 Days lost 10.35 11.95 12.52')).toEqual([]);
    expect(read('2005/06 2006/07 2007/08 Top quartile 8.1 8.0 7.9')).toEqual([]);
    expect(read('between 2005/06 and 2007/08 the actual rose 10.35 11.95 12.52')).toEqual([]);
    expect(read('2005/06 2006/07 Actual 10.35 11.95')).toEqual([]);
    // Only the rows that line up: a second row one figure short ends the table there.
    expect(read('2005/06 2006/07 2007/08 Actual 10.35 11.95 12.52 Target 9.30 9.10').map((r) => r[1])).toEqual([10.35, 11.95, 12.52]);
  });

  it('keeps one observation where the text states a figure the table repeats, the one that says its unit', async () => {
    const text = 'In 2008/09 the BVPI 12 target for sickness absence was 11.5 days. Year 2006/07 2007/08 2008/09 Actual 11.95 12.52 9.08 Target 9.10 10.12 11.50\n';
    const result = await processBytes(new TextEncoder().encode(text), 'sickness.txt');
    if (!result.ok) throw new Error(result.reason);
    const targets = result.result.observations.filter((o) => o.kind === 'target').map((o) => [o.value, o.unit, o.period]);
    expect(targets).toEqual([[9.1, null, '2006/07'], [10.12, null, '2007/08'], [11.5, 'days', '2008/09']]);
  });
});
