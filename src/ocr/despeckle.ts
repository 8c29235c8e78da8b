// Photocopies and fax-grade scans are sprinkled with specks of toner. Tesseract reads a speck beside a word
// as punctuation ("NI'15", "NI.47"), which breaks indicator codes and figures, so specks are painted out
// first: blobs of ink far smaller than a full stop at the scan's resolution.
import { inkThreshold, type GreyImage } from './grey-image.ts';

/** A full stop in 8 pt print is about 0.01 inch across; a blob under half its area is not print. */
const MAX_SPECK_INCH = 0.007;

/** The image with ink blobs of at most (speck size)² pixels turned to paper. */
export function despeckle(image: GreyImage, dpi: number): { image: GreyImage; removed: number } {
  const { width, height, data } = image;
  const threshold = Math.min(180, inkThreshold(image));
  const maxPixels = Math.max(2, Math.round((dpi * MAX_SPECK_INCH) ** 2));
  const seen = new Uint8Array(width * height);
  const out = new Uint8Array(data);
  const blob: number[] = [];
  const stack: number[] = [];
  let removed = 0;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start] >= threshold) continue;
    // Flood the blob (8-connected), giving up as soon as it is too big to be a speck.
    blob.length = 0;
    stack.length = 0;
    stack.push(start);
    seen[start] = 1;
    let big = false;
    while (stack.length) {
      const i = stack.pop()!;
      if (!big) blob.push(i);
      if (blob.length > maxPixels) big = true;
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (!seen[j] && data[j] < threshold) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (big) continue;
    for (const i of blob) out[i] = 255;
    removed++;
  }
  return { image: { width, height, data: out }, removed };
}
