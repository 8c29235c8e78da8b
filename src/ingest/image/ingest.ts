// Reading page images: every page goes through OCR (there is no text layer to prefer), then the same
// layout as a PDF: lines, blocks, ruled and borderless tables. Boxes are in pixels of the image.
import { finishDocument, layoutToBlocks } from '../../layout/index.ts';
import { message, type Message } from '../../model/message.ts';
import { layoutOcrPage, ocrPageMessages } from '../../ocr/layout-page.ts';
import { recognisePages } from '../../ocr/recognise-pages.ts';
import { findPartnership, findTitle } from '../document-meta.ts';
import { RejectedInput, type IngestOptions, type IngestResult } from '../types.ts';
import { decodePages } from './decode.ts';
import type { ImageKind } from './index.ts';
import { VALUE_LABEL_CELL } from '../../vocabulary/kinds.ts';

/**
 * Resolution of a page image, judged from its shorter side as a page about 8.3 inches across (A4; letter is
 * 8.5). Scanners' resolution tags are too often wrong (72 dpi written on 300 dpi scans) to be trusted more.
 */
export function pageDpi(width: number, height: number): number {
  return Math.min(1200, Math.max(72, Math.round(Math.min(width, height) / 8.27)));
}

export async function ingestImage(bytes: Uint8Array, kind: ImageKind, options: IngestOptions): Promise<IngestResult> {
  const file = options.fileName;
  if (!options.ocr) throw new RejectedInput(`page image (${kind.toUpperCase()}, no text layer)`, 'needs OCR: import it with a pipeline that runs OCR (default)');
  const pages = await decodePages(bytes, kind);
  const ocred = await recognisePages(
    pages.map((decode, i) => ({
      page: i + 1,
      async load() {
        const image = decode();
        return { page: i + 1, image, dpi: pageDpi(image.width, image.height), unitsPerPixel: 1 };
      },
    })),
  );
  if (!ocred.some((o) => o.words.length)) throw new RejectedInput('no text found, even by OCR', 'check the image shows the plan\'s text (a blank or very faint scan reads as nothing)');
  const laid = ocred.map(layoutOcrPage);
  const messages: Message[] = ocred.flatMap((ocr, i) => ocrPageMessages(file, ocr, `${kind.toUpperCase()} image`, laid[i].repairs));
  const layout = finishDocument(laid.map((l) => l.layout), { isValueLabel: (text) => VALUE_LABEL_CELL.test(text) });
  if (layout.removed.length) messages.push(message('ingest:image-running-text', 'info', `${layout.removed.length} running header/footer line(s) and page numbers removed`, { file }));
  const blocks = layoutToBlocks(layout, file);
  return {
    value: { file, format: 'image', contentHash: options.contentHash, title: findTitle(blocks), partnership: findPartnership(blocks), pageCount: pages.length, blocks },
    messages,
    pageImages: ocred.map((o) => o.review),
  };
}
