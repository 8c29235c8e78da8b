// Reading a PDF. pdfjs gives, per page, text items and the drawing operators; this file turns them into
// positioned words, rules and marks, checks the text is real text, has pages without usable text read by
// OCR (when the pipeline allows it), and hands the pages to the shared layout module, which finds lines,
// columns, tables and reading order.
import { finishDocument, layoutPage, layoutToBlocks } from '../../layout/index.ts';
import type { PageLayout, Word } from '../../layout/types.ts';
import { message, type Message } from '../../model/message.ts';
import { layoutOcrPage, ocrPageMessages } from '../../ocr/layout-page.ts';
import type { OcrPage } from '../../ocr/recognise-page.ts';
import { findPartnership, findTitle } from '../document-meta.ts';
import { RejectedInput, type IngestOptions, type IngestResult } from '../types.ts';
import { judgeText } from './garbage.ts';
import { readGraphics, type Graphics } from './graphics.ts';
import { ENCRYPTED, hasEofMarker, openPdf, pdfjs, rejectionFor, truncated, type PdfDocument, type PdfPage } from './load.ts';
import { isScannedPage, pagesToOcr, readByOcr, type OcrTarget } from './ocr-pages.ts';
import { textFromOperators, type OpsFont } from './text-from-ops.ts';
import { fontFacts, itemsToWords, type FontFacts, type PdfTextItem } from './words.ts';
import { VALUE_LABEL_CELL } from '../../vocabulary/kinds.ts';

interface RawPage {
  page: number;
  width: number;
  height: number;
  words: Word[];
  fontOf: Map<Word, string>;
  graphics: Graphics;
  rotated: number;
}

async function readPage(doc: PdfDocument, n: number): Promise<RawPage> {
  const page = await doc.getPage(n);
  try {
    // One evaluation of the page: the operator list gives the drawing and, replayed the way getTextContent
    // reads the page, the text (text-from-ops.ts); getTextContent itself only where the list cannot say.
    // The list also loads the fonts, whose names tell bold from regular.
    const ops = await page.getOperatorList();
    const fontInfo = (id: string): OpsFont | undefined => {
      try {
        return page.commonObjs.has(id) ? (page.commonObjs.get(id) as OpsFont) : undefined;
      } catch {
        return undefined; // not loaded (e.g. a font pdfjs could not parse); style metrics still apply
      }
    };
    const fromOps = textFromOperators(ops, fontInfo, page.view);
    const content = 'unsupported' in fromOps ? await page.getTextContent() : fromOps;
    const items = content.items.filter((i): i is PdfTextItem & typeof i => 'str' in i) as unknown as PdfTextItem[];
    const viewport = uprightViewport(page, items);
    const fonts = new Map<string, FontFacts>();
    for (const [id, style] of Object.entries(content.styles)) {
      fonts.set(id, fontFacts(fontInfo(id)?.name ?? undefined, style as { ascent?: number; descent?: number }));
    }
    const { words, rotated, fontOf } = itemsToWords(items, viewport.transform, fonts);
    const graphics = readGraphics(ops as unknown as { fnArray: number[]; argsArray: unknown[][] }, viewport.transform, viewport.width, viewport.height);
    return { page: n, width: viewport.width, height: viewport.height, words, fontOf, graphics, rotated };
  } finally {
    page.cleanup();
  }
}

/**
 * The page turned so that most of its text reads left to right. Usually that is the page's own /Rotate, but
 * a landscape table printed on a portrait page (or a page rotated the wrong way) reads sideways otherwise.
 */
function uprightViewport(page: PdfPage, items: PdfTextItem[]): ReturnType<PdfPage['getViewport']> {
  let best = page.getViewport({ scale: 1 });
  let bestChars = -1;
  let allChars = 0;
  for (const item of items) if (item.str?.trim()) allChars += item.str.length;
  for (const turn of [0, 90, 180, 270]) {
    const viewport = turn === 0 ? best : page.getViewport({ scale: 1, rotation: (page.rotate + turn) % 360 });
    let chars = 0;
    for (const item of items) {
      if (!item.str?.trim()) continue;
      const [a, b] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      if (a > 0 && Math.abs(b) <= Math.abs(a) * 0.05) chars += item.str.length;
    }
    if (chars > bestChars) [best, bestChars] = [viewport, chars];
    if (bestChars === allChars) break; // all the text reads upright already: no other turn can do better
  }
  return best;
}

/** Fonts whose text over the whole document is not text. */
function garbageFonts(pages: RawPage[]): Map<string, string> {
  const textByFont = new Map<string, string[]>();
  for (const p of pages) {
    for (const w of p.words) {
      const font = p.fontOf.get(w) ?? '';
      if (!textByFont.has(font)) textByFont.set(font, []);
      textByFont.get(font)!.push(w.text);
    }
  }
  const bad = new Map<string, string>();
  for (const [font, texts] of textByFont) {
    const verdict = judgeText(texts.join(' '));
    if (verdict.garbage) bad.set(font, verdict.reason!);
  }
  return bad;
}

/** The OCR reading takes the place of the page's text layer and drawn rules (it finds rules of its own). */
function replaceWithOcr(p: RawPage, ocr: OcrPage): void {
  p.words = ocr.words;
  p.fontOf = new Map();
  p.graphics = { segments: ocr.segments, marks: [], imageCover: p.graphics.imageCover };
  p.width = ocr.width;
  p.height = ocr.height;
  p.rotated = 0;
}

export async function ingestPdf(bytes: Uint8Array, options: IngestOptions): Promise<IngestResult> {
  const file = options.fileName;
  const messages: Message[] = [];
  const complete = hasEofMarker(bytes);
  let doc: PdfDocument;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    // pdfjs cannot tell a cut-off file from a broken one; the missing end marker can.
    if (!complete && error !== ENCRYPTED) throw truncated();
    throw error;
  }
  try {
    const pages: RawPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      options.onPage?.(n, doc.numPages);
      try {
        pages.push(await readPage(doc, n));
      } catch (error) {
        if (!complete) throw truncated();
        if (rejectionFor(error) === ENCRYPTED) throw ENCRYPTED;
        messages.push(message('ingest:pdf-page-unreadable', 'warning', `page ${n} could not be read: ${(error as Error).message}`, { file, page: n }));
      }
    }
    // Every page read although the end marker is missing: junk after the end, most likely (a cut-off file
    // fails above, on opening or on the pages it lost). Import it, but say so.
    if (!complete) messages.push(message('ingest:pdf-no-eof', 'warning', `${file} has no end-of-file marker; check it is complete`, { file }));
    if (!pages.length) throw new RejectedInput('corrupt PDF (no page could be read)', 'download or export the file again');

    const bad = garbageFonts(pages);
    // Pages without usable text are read by OCR when the pipeline allows it; their reading replaces the
    // text layer, and the checks below then see the OCR words.
    const targets: OcrTarget[] = options.ocr ? pagesToOcr(pages.map((p) => ({ ...p, imageCover: p.graphics.imageCover })), bad) : [];
    const ocred = new Map<number, OcrPage>();
    const ocrLayouts = new Map<number, PageLayout>();
    for (const ocr of await readByOcr(doc, targets, (page) => options.onPage?.(page, doc.numPages))) {
      const target = targets.find((t) => t.page === ocr.page)!;
      replaceWithOcr(pages.find((p) => p.page === ocr.page)!, ocr);
      ocred.set(ocr.page, ocr);
      const laid = layoutOcrPage(ocr);
      ocrLayouts.set(ocr.page, laid.layout);
      messages.push(...ocrPageMessages(file, ocr, target.why, laid.repairs));
    }

    const totalWords = pages.reduce((s, p) => s + p.words.length, 0);
    // A scanned page is a picture with, at most, a stamp or page number in its text layer.
    const scanned = pages.filter((p) => !ocred.has(p.page) && isScannedPage({ ...p, imageCover: p.graphics.imageCover }));
    if (totalWords === 0 || scanned.length === pages.length) {
      if (scanned.length) throw new RejectedInput('no text layer (scanned)', 'needs OCR: run OCR on it (or import with OCR enabled) and import again');
      if (ocred.size) throw new RejectedInput('no text found, even by OCR', 'check the scan shows the plan\'s text (a blank or very faint scan reads as nothing)');
      throw new RejectedInput('PDF holds no text', 'check this is the plan document and not a blank or image-only export');
    }

    let garbageWords = 0;
    if (bad.size) {
      for (const p of pages) {
        if (ocred.has(p.page)) continue;
        const kept = p.words.filter((w) => !bad.has(p.fontOf.get(w) ?? ''));
        garbageWords += p.words.length - kept.length;
        p.words = kept;
      }
      const reasons = [...new Set(bad.values())].join('; ');
      if (garbageWords / totalWords > 0.5) {
        throw new RejectedInput(`unreadable text layer: fonts without a Unicode mapping (${reasons})`, 'the text cannot be taken from this PDF; OCR the pages instead');
      }
      messages.push(message('ingest:pdf-unmapped-font', 'warning', `${garbageWords} words in ${bad.size} font(s) without a Unicode mapping were left out (${reasons})`, { file }));
    }

    const laidOut: PageLayout[] = [];
    for (const p of pages) {
      if (scanned.includes(p)) {
        messages.push(message('ingest:pdf-scanned-page', 'warning', `page ${p.page} is an image without a text layer; its content needs OCR`, { file, page: p.page }));
      }
      if (p.rotated) messages.push(message('ingest:pdf-rotated-text', 'info', `page ${p.page}: ${p.rotated} rotated text item(s) not laid out`, { file, page: p.page }));
      laidOut.push(ocrLayouts.get(p.page) ?? layoutPage({ page: p.page, width: p.width, height: p.height, words: p.words, segments: p.graphics.segments, marks: p.graphics.marks }));
    }
    const layout = finishDocument(laidOut, { isValueLabel: (text) => VALUE_LABEL_CELL.test(text) });
    if (layout.removed.length) {
      messages.push(message('ingest:pdf-running-text', 'info', `${layout.removed.length} running header/footer line(s) and page numbers removed`, { file }));
    }
    const blocks = layoutToBlocks(layout, file);
    return {
      value: {
        file,
        format: 'pdf',
        contentHash: options.contentHash,
        title: findTitle(blocks),
        partnership: findPartnership(blocks),
        pageCount: doc.numPages,
        blocks,
      },
      messages,
      pageImages: [...ocred.values()].map((o) => o.review),
    };
  } finally {
    await doc.destroy();
  }
}
