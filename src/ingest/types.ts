// The contract every ingester keeps: bytes in, PlanDocument out, pure (no I/O beyond what the options allow)
// so ingest can run in a worker thread.
import type { DocumentFormat, PlanDocument } from '../model/document.ts';
import type { StageResult } from '../model/message.ts';
import type { ReviewImage } from '../ocr/review-image.ts';

export interface IngestOptions {
  /** Base name used in provenance and exports. */
  fileName: string;
  /** Hex SHA-256 of the bytes, computed once by the caller. */
  contentHash: string;
  /** Refuse plain-text exports larger than this: no plan is that long, and its model would not fit a worker. */
  maxTextBytes?: number;
  /** Refuse to inflate archives (docx/xlsx) past this many bytes. */
  maxInflatedBytes?: number;
  /** Use LibreOffice for legacy .doc when it is installed. */
  useLibreOffice?: boolean;
  /** OCR pages without a usable text layer, and page images. */
  ocr?: boolean;
  /**
   * Called as each page of a paged document starts being read, and again as each page starts its OCR (page
   * 1-based, of pages): the import's time limit is a budget per page, so a long document is not stopped for
   * its length.
   */
  onPage?: (page: number, pages: number) => void;
}

/** What an ingester returns: the document, what it noticed, and for OCRed pages their images. */
export interface IngestResult extends StageResult<PlanDocument> {
  /** Pages read by OCR, straightened, at review resolution: the pipeline cuts a crop around each value read
   * from them for the review report. Never stored whole. */
  pageImages?: ReviewImage[];
}

/** A file the ingester cannot read at all: one line for the user, never an exception across the batch. */
export class RejectedInput extends Error {
  constructor(
    readonly reason: string,
    readonly advice: string,
  ) {
    super(`${reason} — ${advice}`);
  }
}

export interface Ingester {
  format: DocumentFormat;
  /** Decide from the bytes (never the file name) whether this ingester reads them. */
  sniff(bytes: Uint8Array): boolean;
  ingest(bytes: Uint8Array, options: IngestOptions): Promise<IngestResult>;
}
