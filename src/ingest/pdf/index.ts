// The PDF ingester (format 'pdf'). Sniffing is a byte check; the reader itself (pdfjs and the layout module,
// most of a second and a couple of hundred MB to load) is imported the first time a PDF is actually read, so
// workers that only ever see text exports and Word files do not pay for it.
import type { Ingester } from '../types.ts';

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** `%PDF-` within the first 1024 bytes (some producers put junk before the header; readers allow it). */
export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - MAGIC.length, 1024);
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < MAGIC.length; k++) if (bytes[i + k] !== MAGIC[k]) continue outer;
    return true;
  }
  return false;
}

export const pdfIngester: Ingester = {
  format: 'pdf',
  sniff: isPdf,
  async ingest(bytes, options) {
    const { ingestPdf } = await import('./ingest.ts');
    return ingestPdf(bytes, options);
  },
};
