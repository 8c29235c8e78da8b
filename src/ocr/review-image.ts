// The page as OCR saw it (straightened), kept at a lower resolution so the pipeline can cut a crop around
// each value for the review report without holding full 300 dpi pages in memory.
import { shrinkImage, type GreyImage } from './grey-image.ts';

/** Crops are for eyes, not OCR: about 150 dpi reads well on screen and keeps pages to a quarter the size. */
const REVIEW_DPI = 150;

export interface ReviewImage {
  page: number;
  image: GreyImage;
  /** Pixels of `image` per unit of the page's boxes (PDF points, or pixels of the source image). */
  pixelsPerUnit: number;
}

export function reviewImage(page: number, straightened: GreyImage, dpi: number, unitsPerPixel: number): ReviewImage {
  const factor = Math.max(1, Math.floor(dpi / REVIEW_DPI));
  return { page, image: shrinkImage(straightened, factor), pixelsPerUnit: 1 / unitsPerPixel / factor };
}
