// A text size for each OCR word. Layout tolerances are all relative to text size; a PDF knows its font
// size, OCR only has boxes, and a word's box depends on its letters ("or" is half the height of "Highways").
// The engine's line height is steadier, but still wobbles by ±10% from line to line of one body text; lines
// within that wobble of the page's typical line height get exactly the typical size, so body text reads as
// one size and only clearly bigger lines (titles, headings) stand out.
import { median } from '../layout/geometry.ts';
import type { OcrWord } from './engine.ts';

/** Line heights within this factor of the page's typical one are the same text size. */
const SAME_SIZE = 1.2;

/** Text size (pixels) of each word, in order. */
export function textSizes(words: OcrWord[]): number[] {
  const own = words.map((w) => w.lineHeight ?? w.box[3] - w.box[1]);
  const typical = median(own);
  if (!typical) return own;
  return own.map((h) => (h <= typical * SAME_SIZE && h >= typical / SAME_SIZE ? typical : h));
}
