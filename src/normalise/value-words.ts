// The words a value was read from, for text recognised by OCR: the spans of its text unit that the value's
// span overlaps. Their confidence (not the whole cell's or paragraph's) is how sure OCR was of the figure,
// and their repairs are the repairs made to it.
import type { Box, Span } from '../model/document.ts';
import type { SourceRef } from '../model/observation.ts';
import { unionBox } from '../layout/geometry.ts';

export interface ValueWords {
  /** The overlapping spans (empty when the source carries none). */
  spans: Span[];
  /** The least confident word's confidence: a figure is only as sure as its least sure part. */
  ocrConfidence?: number;
  repairs: string[];
  /** Where the value's words are on their page. */
  box?: Box;
  page?: number;
}

export function valueWords(source: SourceRef): ValueWords {
  const spans = (source.spans ?? []).filter((s) => s.start < source.end && s.end > source.start);
  const confidences = spans.map((s) => s.provenance?.ocrConfidence).filter((c): c is number => c !== undefined);
  const boxes = spans.map((s) => s.provenance?.box).filter((b): b is Box => b !== undefined);
  const out: ValueWords = { spans, repairs: spans.flatMap((s) => s.repairs ?? []) };
  if (confidences.length) out.ocrConfidence = Math.min(...confidences);
  if (boxes.length) out.box = unionBox(boxes);
  const page = spans.find((s) => s.provenance?.page !== undefined)?.provenance?.page;
  if (page !== undefined) out.page = page;
  return out;
}
