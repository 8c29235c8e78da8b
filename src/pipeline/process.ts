// One document through the pure stages: bytes → PlanDocument → sections → readings → observations.
// No I/O and no store: this is what a worker thread runs.
import { extract } from '../extract/index.ts';
import { ingesters } from '../ingest/registry.ts';
import { RejectedInput, type Ingester, type IngestOptions } from '../ingest/types.ts';
import type { PlanDocument } from '../model/document.ts';
import type { Message } from '../model/message.ts';
import { normalise, type Normalised } from '../normalise/index.ts';
import { cropValues, type ValueCrop } from '../ocr/crops.ts';
import { segment } from '../segment/index.ts';
import { contentHash } from './content-hash.ts';
import { findUnreadFigures, type UnreadReport } from '../unread/index.ts';

export interface ProcessOptions extends Omit<IngestOptions, 'fileName' | 'contentHash'> {
  ingesters?: Ingester[];
}

export type ProcessResult =
  | { ok: true; document: PlanDocument; result: Normalised; messages: Message[]; crops: ValueCrop[]; unread: UnreadReport }
  | { ok: false; reason: string; advice: string };

export { contentHash } from './content-hash.ts';

export function pickIngester(bytes: Uint8Array, list: Ingester[] = ingesters): Ingester | null {
  return list.find((i) => i.sniff(bytes)) ?? null;
}

export async function processBytes(bytes: Uint8Array, fileName: string, options: ProcessOptions = {}): Promise<ProcessResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)', advice: 'export or download the document again' };
  const hash = contentHash(bytes);
  const ingester = pickIngester(bytes, options.ingesters);
  if (!ingester) return { ok: false, reason: 'unsupported file type', advice: 'convert it to PDF, Word, HTML, a spreadsheet or plain text' };
  try {
    // Ingesters may detach or transfer the buffer (pdfjs does): give them their own copy.
    const ingested = await ingester.ingest(new Uint8Array(bytes), { ...options, fileName, contentHash: hash });
    const document = ingested.value;
    const sections = segment(document);
    const extraction = extract(document, sections);
    const normalised = normalise(fileName, extraction.value);
    // Values read by OCR get a crop of the page around them, for review; the page images go no further.
    const crops = cropValues(normalised.value.observations, ingested.pageImages ?? []);
    // Figures beside indicator mentions that no observation was read from (src/unread/): the document's
    // blocks are needed, so this runs here, in the worker, before they are dropped.
    const unread = findUnreadFigures(document, [...extraction.value.mentions, ...normalised.value.indicators], normalised.value.observations);
    return { ok: true, document, result: normalised.value, messages: [...ingested.messages, ...extraction.messages, ...normalised.messages], crops, unread };
  } catch (error) {
    if (error instanceof RejectedInput) return { ok: false, reason: error.reason, advice: error.advice };
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `could not be read as ${ingester.format} (${text.slice(0, 200)})`, advice: 'check the file opens in its usual program; if it does, report this file' };
  }
}
