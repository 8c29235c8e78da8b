import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../../src/model/observation.ts';
import { valueWords } from '../../../src/normalise/value-words.ts';

// "NI 54 43% (2008/09)" read by OCR: one span per word, each with its box and confidence.
const source: SourceRef = {
  provenance: { file: 'scan.pdf', page: 2, box: [10, 100, 200, 112], ocrConfidence: 0.9 },
  text: 'NI 54 43% (2008/09)',
  start: 6,
  end: 9,
  spans: [
    { start: 0, end: 2, provenance: { page: 2, box: [10, 100, 22, 112], ocrConfidence: 0.96 } },
    { start: 3, end: 5, provenance: { page: 2, box: [26, 100, 40, 112], ocrConfidence: 0.95 } },
    { start: 6, end: 9, provenance: { page: 2, box: [60, 100, 84, 112], ocrConfidence: 0.55 }, repairs: ['96→% in 4396'] },
    { start: 10, end: 19, provenance: { page: 2, box: [90, 100, 150, 112], ocrConfidence: 0.97 } },
  ],
};

describe('the words a value was read from', () => {
  it('are the spans its span overlaps, with their confidence, repairs and box', () => {
    const words = valueWords(source);
    expect(words.spans.map((s) => s.start)).toEqual([6]);
    expect(words).toMatchObject({ ocrConfidence: 0.55, repairs: ['96→% in 4396'], box: [60, 100, 84, 112], page: 2 });
  });

  it('take the least sure word when the value spans several', () => {
    expect(valueWords({ ...source, start: 3, end: 19 })).toMatchObject({ ocrConfidence: 0.55, box: [26, 100, 150, 112] });
  });

  it('are nothing for text that was not recognised by OCR', () => {
    const { spans: _spans, ...born } = source;
    expect(valueWords(born)).toEqual({ spans: [], repairs: [] });
  });
});
