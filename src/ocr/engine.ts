// What the rest of planharvest needs from an OCR engine: words with pixel boxes and a confidence. The
// tesseract.js implementation is one engine (tesseract.ts); nothing outside src/ocr knows which one runs.
import { RejectedInput } from '../ingest/types.ts';
import type { GreyImage } from './grey-image.ts';

export interface OcrWord {
  text: string;
  /** [x0, y0, x1, y1] in pixels of the image recognised, origin top-left. */
  box: [number, number, number, number];
  /** 0..1 */
  confidence: number;
  /** Height of the text line the engine put the word on (pixels), when it knows it: a steadier text size
   * than the word's own box, which depends on its letters (ascenders, descenders, capitals). */
  lineHeight?: number;
}

export interface OcrEngine {
  /** Name and version, for messages and the benchmark. */
  readonly name: string;
  /** Pages it can recognise at once. */
  readonly workers: number;
  recognise(image: GreyImage): Promise<OcrWord[]>;
  /** Stop every worker; the engine cannot be used afterwards. */
  shutdown(): Promise<void>;
}

/**
 * OCR cannot run at all here (language data missing, engine failed to start). A document that needs OCR is
 * then rejected with this reason, like any file that cannot be read: one clear line, never a hang.
 */
export class OcrUnavailable extends RejectedInput {}
