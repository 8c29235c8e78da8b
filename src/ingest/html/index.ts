// The HTML ingester: web pages and Word's "Save as Web Page" output (.htm/.html), read by the shared reader.
import type { Block, PlanDocument } from '../../model/document.ts';
import type { Message, StageResult } from '../../model/message.ts';
import { findPartnership, findTitle } from '../document-meta.ts';
import { RejectedInput, type Ingester, type IngestOptions } from '../types.ts';
import { decodeHtml } from './charset.ts';
import { readHtml, type HtmlReadOptions } from './reader.ts';

export { decodeHtml } from './charset.ts';
export { readHtml } from './reader.ts';

/** Title and partnership by the project's shared rules, with the page <title> consulted too. */
export function documentMeta(blocks: Block[], documentTitle: string | null): { title: string | null; partnership: string | null } {
  const title = documentTitle ?? findTitle(blocks);
  let partnership = findPartnership(blocks);
  if (!partnership && documentTitle) {
    partnership = findPartnership([{ kind: 'paragraph', text: documentTitle, spans: [], provenance: { file: '' } }]);
  }
  return { title, partnership };
}

/** Build a PlanDocument from HTML text (already decoded). */
export function htmlToPlanDocument(
  html: string,
  options: IngestOptions,
  format: PlanDocument['format'],
  tableMethod: HtmlReadOptions['tableMethod'],
): StageResult<PlanDocument> {
  const read = readHtml(html, { file: options.fileName, tableMethod });
  const messages: Message[] = [...read.messages];
  if (read.blocks.length === 0) {
    throw new RejectedInput('no text in the document', 'check the file is not empty, or only images; scanned pages need the OCR pipeline');
  }
  const meta = documentMeta(read.blocks, read.documentTitle);
  return {
    value: { file: options.fileName, format, contentHash: options.contentHash, title: meta.title, partnership: meta.partnership, blocks: read.blocks },
    messages,
  };
}

const SNIFF_BYTES = 2048;

/** Bytes that begin like an HTML page: optional BOM, white space, XML prolog or comments, then a page tag. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head: string;
  const b = bytes.subarray(0, SNIFF_BYTES);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) head = new TextDecoder('utf-16le').decode(b.subarray(2));
  else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) head = new TextDecoder('utf-16be').decode(b.subarray(2));
  else head = Buffer.from(b).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  // Skip what may precede the first tag.
  let rest = head.trimStart();
  for (;;) {
    const skipped = rest.replace(/^<\?xml[^>]*\?>/i, '').replace(/^<!--[\s\S]*?-->/, '').trimStart();
    if (skipped === rest) break;
    rest = skipped;
  }
  return /^<(?:!doctype\s+html|html|head|body|table|meta|title)[\s>/]/i.test(rest);
}

export const htmlIngester: Ingester = {
  format: 'html',
  sniff: looksLikeHtml,
  async ingest(bytes, options): Promise<StageResult<PlanDocument>> {
    const decoded = decodeHtml(bytes, options.fileName);
    const result = htmlToPlanDocument(decoded.text, options, 'html', 'html');
    return { value: result.value, messages: [...decoded.messages, ...result.messages] };
  },
};
