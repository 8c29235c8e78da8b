import { describe, expect, it } from 'vitest';
import { findRules } from '../../../src/ocr/rules.ts';
import { darkPixels, fill, paper } from './draw.ts';

// A 3 × 2 ruled table at 300 dpi: rules 3 px thick; column edges 100 | 500 | 800 | 1100, row edges 200 | 300 | 420.
const XS = [100, 500, 800, 1100];
const YS = [200, 300, 420];

function ruledPage() {
  const image = paper(1300, 700);
  for (const y of YS) fill(image, XS[0], y, XS[3] + 3, y + 3);
  for (const x of XS) fill(image, x, YS[0], x + 3, YS[2] + 3);
  // "Text" in the cells: glyph-sized blocks, never as long as a rule.
  for (const [x, y] of [[130, 240], [530, 240], [830, 350]]) for (let k = 0; k < 5; k++) fill(image, x + k * 22, y, x + k * 22 + 16, y + 30);
  return image;
}

describe('table rules on a page image', () => {
  it('finds every horizontal and vertical rule where it is drawn', () => {
    const { segments } = findRules(ruledPage(), { dpi: 300 });
    const hs = segments.filter((s) => s.axis === 'h').map((s) => Math.round(s.at)).sort((a, b) => a - b);
    const vs = segments.filter((s) => s.axis === 'v').map((s) => Math.round(s.at)).sort((a, b) => a - b);
    expect(hs).toEqual(YS.map((y) => y + 2));
    expect(vs).toEqual(XS.map((x) => x + 2));
    for (const s of segments) expect(s.thickness).toBe(3);
  });

  it('paints the rules out of the image OCR sees and leaves the text', () => {
    const { cleaned } = findRules(ruledPage(), { dpi: 300 });
    expect(darkPixels(cleaned, 0, 199, 1300, 204)).toBe(0);
    expect(darkPixels(cleaned, 499, 0, 504, 700)).toBe(0);
    expect(darkPixels(cleaned, 130, 240, 240, 270)).toBe(5 * 16 * 30);
  });

  it('takes neither letters nor a filled box for rules', () => {
    const image = paper(800, 400);
    fill(image, 100, 100, 140, 160); // a tall letter
    fill(image, 300, 100, 600, 200); // a black box
    expect(findRules(image, { dpi: 300 }).segments).toEqual([]);
  });
});
