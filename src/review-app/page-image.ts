// A stored document's page as the reviewer sees it: a PDF page drawn by pdfjs, or a scanned image's page, as a
// PNG, with how many of its pixels make one unit of the page's stored boxes (PDF points, or the scan's pixels),
// so the app can draw a value's box on it. Read from the file the store says the document came from — never a
// path from the request.
import { decodePages } from '../ingest/image/decode.ts';
import { imageKind } from '../ingest/image/index.ts';
import { openPdf } from '../ingest/pdf/load.ts';
import { shrinkImage, type GreyImage } from '../ocr/grey-image.ts';
import { encodeGreyPng } from '../ocr/png.ts';
import { drawPdfPage } from '../ocr/render-pdf-page.ts';

/** Pixels per PDF point: 108 dpi, about the size of the page on paper on an ordinary screen. */
export const PDF_PAGE_SCALE = 1.5;

/** Scans are shown at no more than about this width in pixels; their boxes are scaled with them. */
const MAX_SCAN_WIDTH = 1400;

export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
  /** Image pixels per unit of the page's boxes. */
  pixelsPerUnit: number;
}

/** A scan's page as a greyscale PNG, shrunk by a whole factor to at most MAX_SCAN_WIDTH pixels wide. */
function pngOfGrey(image: GreyImage): PageImage {
  const factor = Math.ceil(image.width / MAX_SCAN_WIDTH);
  const shown = shrinkImage(image, factor);
  return { png: Buffer.from(encodeGreyPng(shown)), width: shown.width, height: shown.height, pixelsPerUnit: 1 / Math.max(1, factor) };
}

/** Page `page` (1-based) of a stored document's bytes; null when the document has no such page or is not paged. */
export async function renderPage(bytes: Uint8Array, format: string, page: number): Promise<PageImage | null> {
  if (format === 'pdf') {
    const pdf = await openPdf(bytes);
    try {
      if (page < 1 || page > pdf.numPages) return null;
      const p = await pdf.getPage(page);
      // Turned as OCR turns it (the page's own rotation), so a scanned page's boxes land where OCR read them.
      const canvas = await drawPdfPage(p, PDF_PAGE_SCALE, p.rotate);
      p.cleanup();
      return { png: canvas.toBuffer('image/png'), width: canvas.width, height: canvas.height, pixelsPerUnit: PDF_PAGE_SCALE };
    } finally {
      await pdf.destroy();
    }
  }
  if (format === 'image') {
    const kind = imageKind(bytes);
    if (!kind) return null;
    const pages = await decodePages(bytes, kind);
    if (page < 1 || page > pages.length) return null;
    const image = pages[page - 1]();
    return pngOfGrey(image);
  }
  return null;
}
