// Opening a PDF with pdfjs in Node, and turning pdfjs's failures into one clear reason for the user.
// Traps (see TOOLCHAIN.md): the legacy build only; a Uint8Array that pdfjs may detach, so always a copy;
// font/cmap folders as paths ending in '/'.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// Order matters: builtins.ts captures the engine's built-ins before pdfjs's polyfills replace them.
import { restoreBuiltins } from './builtins.ts';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// pdfjs's worker, run in this thread ("fake worker"): loaded here rather than on the first document, so that
// its polyfills are in place before the built-ins are put back.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { RejectedInput } from '../types.ts';

restoreBuiltins();

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

/** pdfjs's data files (standard fonts, CMaps, wasm), each read once for the process. */
const binaryData = new Map<string, Promise<Uint8Array>>();

/**
 * pdfjs's `BinaryDataFactory` for Node, reading each file once: pdfjs's own reads the file again for every
 * document (a PDF of standard fonts, as generated plans are, costs a file read per font per document).
 */
class CachedBinaryDataFactory {
  readonly urls: Record<string, string | null>;

  constructor({ cMapUrl = null, standardFontDataUrl = null, wasmUrl = null }: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.urls = { cMapUrl, standardFontDataUrl, wasmUrl };
  }

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`);
    const url = `${base}${filename}`;
    let data = binaryData.get(url);
    if (!data) {
      data = readFile(url).then((buffer) => new Uint8Array(buffer));
      binaryData.set(url, data);
      data.catch(() => binaryData.delete(url));
    }
    try {
      return (await data).slice(); // a copy: what pdfjs is given may be handed on and detached
    } catch {
      throw new Error(`Unable to load ${kind} data at: ${url}`);
    }
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs detaches what it is given; the caller keeps its bytes
    BinaryDataFactory: CachedBinaryDataFactory,
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
