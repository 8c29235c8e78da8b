// The page-image ingester (format 'image'): PNG, JPEG and TIFF scans (a multi-page TIFF is a multi-page
// document). Sniffing is a byte check; decoding and OCR are loaded the first time an image is read.
import type { Ingester } from '../types.ts';

const SIGNATURES: ReadonlyArray<{ kind: ImageKind; bytes: number[] }> = [
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'tiff', bytes: [0x49, 0x49, 0x2a, 0x00] }, // little-endian "II*\0"
  { kind: 'tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // big-endian "MM\0*"
];

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export function imageKind(bytes: Uint8Array): ImageKind | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.kind ?? null;
}

export const imageIngester: Ingester = {
  format: 'image',
  sniff: (bytes) => imageKind(bytes) !== null,
  async ingest(bytes, options) {
    const { ingestImage } = await import('./ingest.ts');
    return ingestImage(bytes, imageKind(bytes)!, options);
  },
};
