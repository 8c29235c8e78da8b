// OCR words go through the same layout, extraction and normalisation as a PDF's text: here a ruled table as
// tesseract might read it (pixel boxes, confidences, three misreadings), without running tesseract.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/extract/index.ts';
import { finishDocument, layoutToBlocks } from '../../../src/layout/index.ts';
import type { Segment } from '../../../src/layout/types.ts';
import type { PlanDocument } from '../../../src/model/document.ts';
import { normalise } from '../../../src/normalise/index.ts';
import type { OcrWord } from '../../../src/ocr/engine.ts';
import { layoutOcrPage } from '../../../src/ocr/layout-page.ts';
import { layoutWords, type OcrPage } from '../../../src/ocr/recognise-page.ts';
import { segment } from '../../../src/segment/index.ts';
import { paper } from './draw.ts';

const K = 72 / 300; // a page rendered at 300 dpi: points per pixel
const XS = [200, 1300, 1700, 2100, 2400];
const YS = [400, 480, 560, 640, 720];

/** Words of a cell, 40 px tall, 20 px a character, as the engine reports them. */
function cellWords(text: string, col: number, row: number, confidence = 0.95): OcrWord[] {
  let x = XS[col] + 16;
  return text.split(' ').map((t) => {
    const w: OcrWord = { text: t, box: [x, YS[row] + 20, x + t.length * 20, YS[row] + 60], confidence, lineHeight: 48 };
    x += t.length * 20 + 14;
    return w;
  });
}

const rows: Array<[string, string, string, string]> = [
  ['Indicator', 'Baseline', '2008/09', '2009/10'],
  ['NI 53 Prevalence of breastfeeding', '41.2%', '4396', '45%'],
  ['NI 55 Obesity in Reception Year', '1O.5%', '12%', '14%'],
  ['Nt 56 Obesity in Year 6', '30%', '32%', '34%'],
];

function ocrPage(): OcrPage {
  const found = rows.flatMap((cells, r) => cells.flatMap((c, col) => cellWords(c, col, r, c === '4396' ? 0.6 : 0.95)));
  const px: Segment[] = [
    ...YS.map((y): Segment => ({ axis: 'h', at: y, from: XS[0], to: XS[4], thickness: 3 })),
    ...XS.map((x): Segment => ({ axis: 'v', at: x, from: YS[0], to: YS[4], thickness: 3 })),
  ];
  return {
    page: 1, width: 2480 * K, height: 3508 * K, words: layoutWords(found, K),
    segments: px.map((s) => ({ ...s, at: s.at * K, from: s.from * K, to: s.to * K, thickness: s.thickness * K })),
    skew: 0, straightened: false, confidence: 0.93, review: { page: 1, image: paper(10, 10), pixelsPerUnit: 1 },
  };
}

describe('OCR words downstream', () => {
  const laid = layoutOcrPage(ocrPage());
  const blocks = layoutToBlocks(finishDocument([laid.layout]), 'scan.png');
  const doc: PlanDocument = { file: 'scan.png', format: 'image', contentHash: 'x', title: null, partnership: null, pageCount: 1, blocks };
  const observations = normalise('scan.png', extract(doc, segment(doc)).value).value.observations;
  const find = (code: string, kind: string, period: string | null) => observations.find((o) => o.indicator.code === code && o.kind === kind && o.period === period)!;

  it('makes the same ruled table, with the misreadings repaired', () => {
    expect(laid.repairs.sort()).toEqual(['96→% in 4396', 'O→0 in 1O.5%', 't→I in Nt 56']);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Indicator', 'Baseline', '2008/09', '2009/10'],
      ['NI 53 Prevalence of breastfeeding', '41.2%', '43%', '45%'],
      ['NI 55 Obesity in Reception Year', '10.5%', '12%', '14%'],
      ['NI 56 Obesity in Year 6', '30%', '32%', '34%'],
    ]);
  });

  it('records each figure repair on the observation, and lowers its confidence', () => {
    const repaired = find('NI 53', 'target', '2008/09');
    expect(repaired).toMatchObject({ value: 43, unit: '%', repairs: ['96→% in 4396'] });
    expect(repaired.confidenceReasons).toEqual(expect.arrayContaining(['OCR confidence 60% for "43%"', 'OCR repair: 96→% in 4396']));
    expect(find('NI 55', 'baseline', null)).toMatchObject({ value: 10.5, repairs: ['O→0 in 1O.5%'] });
    expect(find('NI 56', 'target', '2009/10')).toMatchObject({ value: 34, repairs: [] });
  });

  it("takes each value's confidence from its own words, not its line's", () => {
    const sure = find('NI 53', 'target', '2009/10');
    const unsure = find('NI 53', 'target', '2008/09');
    expect(sure.confidence).toBeGreaterThan(0.8);
    expect(unsure.confidence).toBeLessThan(0.6);
    expect(sure.source.spans?.map((s) => s.provenance?.ocrConfidence)).toEqual([0.95]);
  });
});
