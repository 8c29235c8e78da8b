// The one image shape the OCR stage works on: 8-bit greyscale, one byte per pixel, rows top to bottom.
// Greyscale on purpose: it is all OCR needs, a quarter of the memory of RGBA, and tesseract reads it 2–3×
// faster than colour (TOOLCHAIN.md).

export interface GreyImage {
  width: number;
  height: number;
  /** width × height bytes, 0 = black, 255 = white. */
  data: Uint8Array;
}

export function blankImage(width: number, height: number, shade = 255): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(shade) };
}

/** RGBA (canvas, decoded PNG/JPEG/TIFF) → grey with the usual luma weights; transparency is laid on white. */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const luma = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
    const alpha = rgba[j + 3];
    data[i] = alpha === 255 ? luma : (luma * alpha + 255 * (255 - alpha) + 127) / 255;
  }
  return { width, height, data };
}

/** The pixels inside [x0, y0, x1, y1) (clamped to the image). */
export function cropImage(image: GreyImage, x0: number, y0: number, x1: number, y1: number): GreyImage {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(image.width, Math.ceil(x1));
  const bottom = Math.min(image.height, Math.ceil(y1));
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(image.data.subarray((top + y) * image.width + left, (top + y) * image.width + left + width), y * width);
  return { width, height, data };
}

/** Shrink by a whole factor, averaging each factor × factor block (no aliasing of thin strokes). */
export function shrinkImage(image: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return image;
  const width = Math.max(1, Math.floor(image.width / f));
  const height = Math.max(1, Math.floor(image.height / f));
  const data = new Uint8Array(width * height);
  const area = f * f;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * image.width + x * f;
        for (let dx = 0; dx < f; dx++) sum += image.data[row + dx];
      }
      data[y * width + x] = sum / area;
    }
  }
  return { width, height, data };
}

/**
 * The grey level that best splits ink from paper (Otsu's method over the histogram): values below it are
 * ink. Scans differ in exposure, so a fixed threshold would either lose faint print or turn background
 * noise into ink.
 */
export function inkThreshold(image: GreyImage): number {
  const histogram = new Float64Array(256);
  for (const v of image.data) histogram[v]++;
  const total = image.data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * histogram[v];
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    weightBelow += histogram[t];
    if (!weightBelow) continue;
    const weightAbove = total - weightBelow;
    if (!weightAbove) break;
    sumBelow += t * histogram[t];
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) [best, bestVariance] = [t, variance];
  }
  // Otsu's class "below" includes `best` itself: a black-and-white scan splits at 0, and its ink is 0.
  return best + 1;
}
