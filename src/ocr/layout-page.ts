// An OCRed page through the shared layout module, exactly as a PDF text layer goes (words and rules in,
// lines, blocks and tables out); then the repairs that need to know a word's neighbours: "%" read as "96"
// in a percentage column, and the I of an indicator code ("Nt 16").
import { layoutPage } from '../layout/index.ts';
import type { PageLayout } from '../layout/types.ts';
import { message, type Message } from '../model/message.ts';
import { repairCodePrefixes } from './code-repairs.ts';
import { repairPercentColumns } from './percent-repairs.ts';
import type { OcrPage } from './recognise-page.ts';

export interface LaidOutOcrPage {
  layout: PageLayout;
  /** Every repair made on the page, word-level ones included, for the page's message. */
  repairs: string[];
}

export function layoutOcrPage(ocr: OcrPage): LaidOutOcrPage {
  const layout = layoutPage({ page: ocr.page, width: ocr.width, height: ocr.height, words: ocr.words, segments: ocr.segments });
  const wordRepairs = ocr.words.flatMap((w) => w.repairs ?? []);
  return { layout, repairs: [...wordRepairs, ...repairPercentColumns(layout), ...repairCodePrefixes(layout)] };
}

/** What the user should know about an OCRed page: that it was, how sure the engine was, straightening, repairs. */
export function ocrPageMessages(file: string, ocr: OcrPage, why: string, repairs: string[] = []): Message[] {
  const percent = Math.round(ocr.confidence * 100);
  const straightened = ocr.straightened ? `, straightened by ${Math.abs(ocr.skew)}°` : '';
  const out = [message('ocr:page', 'info', `page ${ocr.page} read by OCR (${why}): ${ocr.words.length} words, mean confidence ${percent}%${straightened}`, { file, page: ocr.page })];
  if (repairs.length) out.push(message('ocr:repairs', 'info', `page ${ocr.page}: ${repairs.length} OCR misreading(s) repaired: ${repairs.join('; ')}`, { file, page: ocr.page }));
  if (ocr.words.length && ocr.confidence < 0.7) {
    out.push(message('ocr:low-confidence-page', 'warning', `page ${ocr.page}: OCR mean confidence only ${percent}%; check its values against the page`, { file, page: ocr.page }));
  }
  return out;
}
