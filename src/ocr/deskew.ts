// Straightening a page before OCR. Photocopies and feeder scans are typically 0.5–1° off; tesseract copes
// with that on running text, but table rules stop being horizontal (so line detection misses them) and
// cells drift into their neighbours' rows. The skew is measured with a projection profile: ink summed along
// rows is sharpest (text lines and gaps alternate cleanly) when the rows follow the text lines.
import { inkThreshold, shrinkImage, type GreyImage } from './grey-image.ts';

/** Skews beyond this are not photocopy drift (a page scanned sideways needs rotating, not deskewing). */
const MAX_SKEW = 3;
/** Below this the page is left alone: resampling would cost more sharpness than it gains. */
const MIN_CORRECTION = 0.1;
/** Width the profile is measured at: enough to resolve 0.05° over the page, small enough to be quick. */
const PROFILE_WIDTH = 900;
const MAX_SAMPLES = 250_000;

export interface Deskewed {
  image: GreyImage;
  /** The skew found, in degrees: positive when text lines run downhill to the right (turned clockwise). */
  degrees: number;
  corrected: boolean;
}

function inkPixels(image: GreyImage): { xs: Float64Array; ys: Float64Array } {
  const threshold = inkThreshold(image);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data[y * image.width + x] < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  // A very dark page (a photographed document) has too many samples to be quick; every k-th is plenty.
  const step = Math.max(1, Math.ceil(xs.length / MAX_SAMPLES));
  const keep = Math.ceil(xs.length / step);
  const outX = new Float64Array(keep);
  const outY = new Float64Array(keep);
  for (let i = 0, k = 0; i < xs.length; i += step, k++) {
    outX[k] = xs[i];
    outY[k] = ys[i];
  }
  return { xs: outX, ys: outY };
}

/** Sharpness of the row profile when rows are tilted by `degrees`: the sum of squared row counts. */
function profileScore(xs: Float64Array, ys: Float64Array, width: number, height: number, degrees: number): number {
  const slope = Math.tan((degrees * Math.PI) / 180);
  const offset = Math.ceil(Math.abs(slope) * width) + 1;
  const bins = new Float64Array(height + 2 * offset + 2);
  for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i] - xs[i] * slope) + offset]++;
  let score = 0;
  for (const n of bins) score += n * n;
  return score;
}

function bestAngle(xs: Float64Array, ys: Float64Array, width: number, height: number, from: number, to: number, step: number): number {
  let best = 0;
  let bestScore = -1;
  for (let a = from; a <= to + 1e-9; a += step) {
    const score = profileScore(xs, ys, width, height, a);
    // Ties go to the angle nearest level: an empty or uniform page has no skew to correct.
    if (score > bestScore * (1 + 1e-9) || (Math.abs(score - bestScore) <= bestScore * 1e-9 && Math.abs(a) < Math.abs(best))) [best, bestScore] = [a, score];
  }
  return best;
}

/** The page's skew in degrees (positive: lines run downhill to the right), 0 when there is no text to go by. */
export function measureSkew(image: GreyImage): number {
  const small = shrinkImage(image, image.width / PROFILE_WIDTH);
  const { xs, ys } = inkPixels(small);
  if (xs.length < 200) return 0;
  const coarse = bestAngle(xs, ys, small.width, small.height, -MAX_SKEW, MAX_SKEW, 0.1);
  const fine = bestAngle(xs, ys, small.width, small.height, coarse - 0.1, coarse + 0.1, 0.02);
  return Math.round(fine * 100) / 100;
}

/**
 * The image turned clockwise by `degrees` about its centre (negative: anticlockwise), same size, bilinear,
 * corners that come from outside the image filled white (paper).
 */
export function rotateImage(image: GreyImage, degrees: number): GreyImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // Where this output pixel comes from: the inverse rotation.
      const sx = cx + dx * cos + dy * sin;
      const sy = cy - dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * width + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i] + (data[i + 1] - data[i]) * fx;
      const bottom = data[i + width] + (data[i + width + 1] - data[i + width]) * fx;
      out[y * width + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width, height, data: out };
}

export function deskew(image: GreyImage): Deskewed {
  const degrees = measureSkew(image);
  if (Math.abs(degrees) < MIN_CORRECTION) return { image, degrees, corrected: false };
  return { image: rotateImage(image, -degrees), degrees, corrected: true };
}
