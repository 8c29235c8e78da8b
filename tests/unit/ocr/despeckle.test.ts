import { describe, expect, it } from 'vitest';
import { despeckle } from '../../../src/ocr/despeckle.ts';
import { darkPixels, fill, paper } from './draw.ts';

describe('despeckle', () => {
  it('paints out toner specks and keeps a decimal point', () => {
    const image = paper(200, 100);
    fill(image, 10, 10, 11, 11); // one-pixel speck
    fill(image, 30, 10, 32, 11); // two-pixel speck
    fill(image, 100, 50, 105, 55); // a full stop at 300 dpi: 5 × 5 px
    fill(image, 120, 30, 150, 60); // a letter
    const { image: clean, removed } = despeckle(image, 300);
    expect(removed).toBe(2);
    expect(darkPixels(clean, 0, 0, 60, 30)).toBe(0);
    expect(darkPixels(clean, 100, 50, 105, 55)).toBe(25);
    expect(darkPixels(clean, 120, 30, 150, 60)).toBe(900);
  });
});
