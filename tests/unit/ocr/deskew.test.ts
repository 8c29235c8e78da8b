import { describe, expect, it } from 'vitest';
import { deskew, measureSkew, rotateImage } from '../../../src/ocr/deskew.ts';
import { paper, textPage } from './draw.ts';

describe('deskew', () => {
  it('measures the small turn of a photocopy, either way', () => {
    const page = textPage();
    for (const degrees of [0.5, -0.8, 1]) expect(measureSkew(rotateImage(page, degrees))).toBeCloseTo(degrees, 1);
  });

  it('straightens a page turned by 0.7° back to level', () => {
    const skewed = rotateImage(textPage(), 0.7);
    const result = deskew(skewed);
    expect(result.corrected).toBe(true);
    expect(result.degrees).toBeCloseTo(0.7, 1);
    expect(Math.abs(measureSkew(result.image))).toBeLessThanOrEqual(0.06);
  });

  it('leaves a level page and a blank page alone', () => {
    const level = deskew(textPage());
    expect(level.corrected).toBe(false);
    expect(level.degrees).toBe(0);
    expect(deskew(paper(400, 500)).corrected).toBe(false);
  });

  it('fills the corners it brings in from outside the page with paper', () => {
    const turned = rotateImage(paper(300, 300), 1);
    expect(Math.min(...turned.data)).toBe(255);
  });
});
