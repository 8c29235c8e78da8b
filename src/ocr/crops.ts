// A small picture of the page around each value read by OCR, so a reviewer can check a doubtful figure
// against the scan without opening the document. Cut from the straightened page at review resolution, with
// some context around the value and a thin frame marking the value itself.
import type { Box } from '../model/document.ts';
import type { Observation } from '../model/observation.ts';
import { valueWords } from '../normalise/value-words.ts';
import { cropImage, type GreyImage } from './grey-image.ts';
import { encodeGreyPng } from './png.ts';
import type { ReviewImage } from './review-image.ts';

export interface ValueCrop {
  observationId: string;
  page: number;
  /** The value's box in page units (where its words are). */
  box: Box;
  width: number;
  height: number;
  png: Uint8Array;
}

/** Context around the value, in multiples of its height: enough for the row label and the column's neighbours. */
const PAD_ACROSS = 10;
const PAD_UP_DOWN = 2.5;
/** Crops stay small in the report and the store. */
const MAX_WIDTH = 520;
const MAX_HEIGHT = 140;
const FRAME = 90;

function frame(image: GreyImage, x0: number, y0: number, x1: number, y1: number): void {
  const put = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < image.width && y < image.height) image.data[y * image.width + x] = Math.min(image.data[y * image.width + x], FRAME);
  };
  for (let x = x0; x <= x1; x++) {
    put(x, y0);
    put(x, y1);
  }
  for (let y = y0; y <= y1; y++) {
    put(x0, y);
    put(x1, y);
  }
}

function cropAround(review: ReviewImage, box: Box): GreyImage {
  const k = review.pixelsPerUnit;
  const [bx0, by0, bx1, by1] = box.map((v) => v * k);
  const h = Math.max(by1 - by0, 8);
  const cx = (bx0 + bx1) / 2;
  const cy = (by0 + by1) / 2;
  const width = Math.min(MAX_WIDTH, bx1 - bx0 + 2 * PAD_ACROSS * h);
  const height = Math.min(MAX_HEIGHT, by1 - by0 + 2 * PAD_UP_DOWN * h);
  const left = Math.round(cx - width / 2);
  const top = Math.round(cy - height / 2);
  const image = cropImage(review.image, left, top, left + width, top + height);
  const ox = Math.max(0, left);
  const oy = Math.max(0, top);
  frame(image, Math.round(bx0 - ox) - 3, Math.round(by0 - oy) - 3, Math.round(bx1 - ox) + 2, Math.round(by1 - oy) + 2);
  return image;
}

/** Crops for the observations whose value lies on a page that OCR read. */
export function cropValues(observations: Observation[], images: ReviewImage[]): ValueCrop[] {
  if (!images.length) return [];
  const byPage = new Map(images.map((r) => [r.page, r]));
  const out: ValueCrop[] = [];
  for (const o of observations) {
    const words = valueWords(o.source);
    const page = words.page ?? o.source.provenance.page;
    const box = words.box ?? o.source.provenance.box;
    const review = page === undefined ? undefined : byPage.get(page);
    if (!review || !box) continue;
    const image = cropAround(review, box);
    if (!image.width || !image.height) continue;
    out.push({ observationId: o.id, page: page!, box, width: image.width, height: image.height, png: encodeGreyPng(image) });
  }
  return out;
}
