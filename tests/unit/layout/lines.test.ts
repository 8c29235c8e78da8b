import { describe, expect, it } from 'vitest';
import { groupBands, linesOf, makeLine } from '../../../src/layout/lines.ts';
import { text, word } from './synthetic.ts';

describe('line grouping', () => {
  it('keeps a superscript on its line and glues it to the word before', () => {
    const base = word('1', 100, 200);
    const sup = word('st', base.box[2], 196.5, { size: 6 });
    const rest = word('quarter', sup.box[2] + 3, 200);
    const bands = groupBands([rest, sup, base]);
    expect(bands).toHaveLength(1);
    expect(makeLine(bands[0].words).text).toBe('1st quarter');
    expect(bands[0].size).toBe(10);
  });

  it('puts bold and regular words of one baseline on one line', () => {
    const words = [...text('Baseline:', 50, 300, { bold: true }), ...text('NI 6 21.3% (2008/09)', 100, 300)];
    const lines = linesOf(words);
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toBe('Baseline: NI 6 21.3% (2008/09)');
  });

  it('separates lines set at ordinary line spacing', () => {
    const lines = linesOf([...text('first line of text', 50, 100), ...text('second line', 50, 112)]);
    expect(lines.map((l) => l.text)).toEqual(['first line of text', 'second line']);
  });

  it('groups OCR boxes whose heights and tops wobble', () => {
    // No font size: letters with and without ascenders/descenders give boxes of different heights.
    const words = [
      { text: 'Target', box: [50, 92, 80, 102] as [number, number, number, number] },
      { text: 'was', box: [84, 95, 100, 102] as [number, number, number, number] },
      { text: 'agreed', box: [104, 93, 135, 105] as [number, number, number, number] },
      { text: 'next', box: [50, 110, 70, 120] as [number, number, number, number] },
    ];
    const lines = linesOf(words);
    expect(lines.map((l) => l.text)).toEqual(['Target was agreed', 'next']);
  });
});
