// Opening a PDF with pdfjs in Node, and turning pdfjs's failures into one clear reason for the user.
// Traps (see TOOLCHAIN.md): the legacy build only; a Uint8Array that pdfjs may detach, so always a copy;
// font/cmap folders as paths ending in '/'.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { RejectedInput } from '../types.ts';

export type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
export { pdfjs };

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
const folder = (name: string) => `${join(PDFJS_ROOT, name)}/`;

export const ENCRYPTED = new RejectedInput('encrypted PDF', 'remove the password (qpdf --decrypt) and import again');

function corrupt(detail: string): RejectedInput {
  return new RejectedInput(`corrupt PDF (${detail})`, 'download or export the file again; the copy here is damaged');
}

/** The bytes end the way every complete PDF does: an end-of-file marker near the end. */
export function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs detaches what it is given; the caller keeps its bytes
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw rejectionFor(error);
  }
}

export function rejectionFor(error: unknown): Error {
  if (error instanceof RejectedInput) return error;
  const name = (error as { name?: string })?.name ?? '';
  const text = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') return ENCRYPTED;
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || /Invalid PDF|XRef|trailer|startxref/i.test(text)) {
    return corrupt(text.replace(/\s+/g, ' ').slice(0, 120));
  }
  return corrupt(`${name || 'error'}: ${text.slice(0, 120)}`);
}

export function truncated(): RejectedInput {
  return new RejectedInput('truncated PDF (the file stops before its end-of-file marker)', 'download or export the file again; this copy was cut off');
}
