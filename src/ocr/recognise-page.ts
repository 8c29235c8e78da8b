// One page image → what the layout module needs: positioned words with confidences, and the table rules.
// Clean off specks, straighten, find and paint out rules, recognise, repair figures, and express every box
// in the page's units (PDF points for a rendered PDF page, pixels for an image file), in the straightened
// page's frame.
import type { Segment, Word } from '../layout/types.ts';
import { deskew } from './deskew.ts';
import { despeckle } from './despeckle.ts';
import type { OcrEngine, OcrWord } from './engine.ts';
import { repairFigure } from './figure-repairs.ts';
import type { GreyImage } from './grey-image.ts';
import { reviewImage, type ReviewImage } from './review-image.ts';
import { findRules } from './rules.ts';
import { textSizes } from './text-size.ts';

export interface PageImageInput {
  page: number;
  image: GreyImage;
  /** Resolution the image was rendered or scanned at. */
  dpi: number;
  /** Page units per pixel: 72 / dpi for a PDF page (boxes in points), 1 for an image file (pixels). */
  unitsPerPixel: number;
}

export interface OcrPage {
  page: number;
  /** Page size in page units. */
  width: number;
  height: number;
  words: Word[];
  segments: Segment[];
  /** Skew found, in degrees, and whether the page was straightened. */
  skew: number;
  straightened: boolean;
  /** Mean word confidence 0..1 (1 for a page without words). */
  confidence: number;
  review: ReviewImage;
}

/** Engine words (pixels) → layout words (page units) with a steady text size, figures repaired. */
export function layoutWords(found: OcrWord[], unitsPerPixel: number): Word[] {
  const k = unitsPerPixel;
  const sizes = textSizes(found);
  return found.map((w, i): Word => {
    const word: Word = { text: w.text, box: [w.box[0] * k, w.box[1] * k, w.box[2] * k, w.box[3] * k], confidence: w.confidence, fontSize: sizes[i] * k };
    const repaired = repairFigure(w.text);
    if (repaired) {
      word.text = repaired.text;
      word.repairs = repaired.repairs;
    }
    return word;
  });
}

export async function recognisePage(input: PageImageInput, engine: OcrEngine): Promise<OcrPage> {
  const { page, dpi, unitsPerPixel: k } = input;
  const straight = deskew(despeckle(input.image, dpi).image);
  const rules = findRules(straight.image, { dpi });
  const found = await engine.recognise(rules.cleaned);
  return {
    page,
    width: input.image.width * k,
    height: input.image.height * k,
    words: layoutWords(found, k),
    segments: rules.segments.map((s) => ({ ...s, at: s.at * k, from: s.from * k, to: s.to * k, thickness: s.thickness * k })),
    skew: straight.degrees,
    straightened: straight.corrected,
    confidence: found.length ? found.reduce((s, w) => s + w.confidence, 0) / found.length : 1,
    review: reviewImage(page, straight.image, dpi, k),
  };
}
