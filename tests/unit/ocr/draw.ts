// Synthetic page images for OCR unit tests: white paper with black rectangles standing in for words and rules.
import { blankImage, type GreyImage } from '../../../src/ocr/grey-image.ts';

export function paper(width: number, height: number): GreyImage {
  return blankImage(width, height);
}

export function fill(image: GreyImage, x0: number, y0: number, x1: number, y1: number, shade = 0): void {
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) image.data[y * image.width + x] = shade;
  }
}

/** Lines of "words" (blocks 10–60 px wide, 18 px tall) every 40 px, like a page of text at 150 dpi. */
export function textPage(width = 1100, height = 1400): GreyImage {
  const image = paper(width, height);
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let y = 100; y < height - 100; y += 40) {
    for (let x = 100; x < width - 160; ) {
      const w = 10 + Math.floor(next() * 50);
      fill(image, x, y, x + w, y + 18);
      x += w + 12;
    }
  }
  return image;
}

export function darkPixels(image: GreyImage, x0: number, y0: number, x1: number, y1: number, below = 128): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (image.data[y * image.width + x] < below) n++;
  return n;
}
