// Which pages of a PDF need OCR, and reading them. A page needs it when it is a picture of text (an image
// over most of it, next to no text layer) or when its text layer is not text (fonts without a Unicode
// mapping: private-use glyphs, letters that spell nothing). Pages with a good text layer are never OCRed:
// their text is exact and OCR's is not.
import type { Word } from '../../layout/types.ts';
import { recognisePages } from '../../ocr/recognise-pages.ts';
import type { OcrPage } from '../../ocr/recognise-page.ts';
import { OCR_DPI, renderPdfPage } from '../../ocr/render-pdf-page.ts';
import { judgeText } from './garbage.ts';
import type { PdfDocument } from './load.ts';

/** Fewer characters than this on a page covered by an image: the page is a scan. */
export const SCANNED_PAGE_CHARS = 40;

export interface PageText {
  page: number;
  words: Word[];
  fontOf: Map<Word, string>;
  /** Share of the page covered by images. */
  imageCover: number;
}

export interface OcrTarget {
  page: number;
  /** Why, for the message: "no text layer", "unreadable text layer". */
  why: string;
}

export function textLength(words: Word[]): number {
  return words.reduce((n, w) => n + w.text.length, 0);
}

export function isScannedPage(p: PageText): boolean {
  return p.imageCover > 0.3 && textLength(p.words) < SCANNED_PAGE_CHARS;
}

/** More than half the page's words in broken fonts, or the page's text as a whole not text. */
function unreadable(p: PageText, badFonts: Map<string, string>): boolean {
  if (!p.words.length) return false;
  const bad = p.words.filter((w) => badFonts.has(p.fontOf.get(w) ?? '')).length;
  return bad * 2 > p.words.length || judgeText(p.words.map((w) => w.text).join(' ')).garbage;
}

export function pagesToOcr(pages: PageText[], badFonts: Map<string, string>): OcrTarget[] {
  const out: OcrTarget[] = [];
  for (const p of pages) {
    if (isScannedPage(p)) out.push({ page: p.page, why: 'no text layer' });
    else if (unreadable(p, badFonts)) out.push({ page: p.page, why: 'unreadable text layer' });
  }
  return out;
}

/** Render each target page at OCR resolution (upright as the page says) and recognise it. */
/** `starting` is told each page as its rendering begins (the import's time budget is per page). */
export async function readByOcr(doc: PdfDocument, targets: OcrTarget[], starting: (page: number) => void = () => {}): Promise<OcrPage[]> {
  return recognisePages(
    targets.map((t) => ({
      page: t.page,
      async load() {
        starting(t.page);
        const page = await doc.getPage(t.page);
        try {
          return { page: t.page, image: await renderPdfPage(page, page.rotate), dpi: OCR_DPI, unitsPerPixel: 72 / OCR_DPI };
        } finally {
          page.cleanup();
        }
      },
    })),
  );
}
