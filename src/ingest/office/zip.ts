// Just enough of the zip format to decide about an Office file before a library inflates it: read the central
// directory, refuse archives that would inflate past a limit or compress absurdly well (zip bombs), and inflate
// single small parts (relationships) with a hard output bound. Uses node:zlib only.
import { inflateRawSync } from 'node:zlib';
import { RejectedInput } from '../types.ts';

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export const DEFAULT_MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** Deflate cannot beat ~1032:1; real Office XML stays well under 100:1. */
export const MAX_ENTRY_RATIO = 500;
/** Below this size an entry's ratio says nothing (a kilobyte of zeros compresses 100:1 honestly). */
const RATIO_FLOOR_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 50_000;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  const low = dv.getUint32(at, true);
  const high = dv.getUint32(at + 4, true);
  return high * 0x1_0000_0000 + low;
}

function damaged(detail: string): RejectedInput {
  return new RejectedInput(`damaged or incomplete zip archive (${detail})`, 'download or export the file again; a truncated Office file cannot be read');
}

/** Read the central directory. Throws RejectedInput when the archive is damaged. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const n = bytes.length;
  if (n < 22) throw damaged('too short');
  let eocd = -1;
  for (let at = n - 22; at >= Math.max(0, n - 22 - 0xffff); at--) {
    if (dv.getUint32(at, true) === SIG_EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged('no central directory');
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) {
    const z64 = u64(dv, eocd - 20 + 8);
    if (z64 + 56 > n || dv.getUint32(z64, true) !== SIG_ZIP64_EOCD) throw damaged('bad zip64 directory');
    count = u64(dv, z64 + 32);
    cdSize = u64(dv, z64 + 40);
    cdOffset = u64(dv, z64 + 48);
  }
  if (count > MAX_ENTRIES) throw new RejectedInput(`zip archive lists ${count} parts`, 'this is not an ordinary Office file; open and save it again in Word or Excel');
  if (cdOffset + cdSize > n) throw damaged('central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > n || dv.getUint32(at, true) !== SIG_CENTRAL) throw damaged('bad central directory entry');
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    if (at + 46 + nameLength + extraLength > n) throw damaged('central directory entry outside the file');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? new TextDecoder('utf-8').decode(nameBytes) : Buffer.from(nameBytes).toString('latin1');
    // Zip64 extra field: the 64-bit values replace the 32-bit ones that are 0xFFFFFFFF, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = dv.getUint16(extra, true);
      const size = dv.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let p = extra + 4;
        if (uncompressedSize === 0xffffffff && p + 8 <= extraEnd) {
          uncompressedSize = u64(dv, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= extraEnd) {
          compressedSize = u64(dv, p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff && p + 8 <= extraEnd) localHeaderOffset = u64(dv, p);
      }
      extra += 4 + size;
    }
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Cheap, never throws: does the archive list this part? (For sniffing.) */
export function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  if (!isZip(bytes)) return false;
  try {
    return readZipDirectory(bytes).some((e) => e.name === name);
  } catch {
    // A damaged archive: look for the name in a local header instead.
    return Buffer.from(bytes.subarray(0, 64 * 1024)).includes(name, 0, 'latin1');
  }
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== SIG_LOCAL) throw damaged(`no local header for ${entry.name}`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(`${entry.name} runs past the end of the file`);
  return start;
}

/** Inflate one part, never producing more than `limit` bytes. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Buffer {
  const start = dataStart(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data.subarray(0, Math.min(data.length, limit)));
  if (entry.method !== 8) throw new RejectedInput(`zip part ${entry.name} uses compression method ${entry.method}`, 'open and save the file again in Word or Excel (only stored and deflated parts are read)');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new RejectedInput(`zip part ${entry.name} inflates past ${mb(limit)}`, 'the archive is damaged or hostile (a zip bomb); it was not opened');
    }
    throw damaged(`${entry.name} does not inflate`);
  }
}

export interface ZipBoundsOptions {
  maxInflatedBytes?: number;
  /** Also inflate every part (bounded) to catch sizes the directory lies about. Default true. */
  verify?: boolean;
}

/**
 * Refuse archives that would inflate too far: the declared total against the limit, each part's ratio, and
 * (unless `verify` is false) the real inflated size of every part, which a hostile directory may understate.
 */
export function checkZipBounds(bytes: Uint8Array, entries: ZipEntry[], options: ZipBoundsOptions = {}): void {
  const limit = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const advice = 'the file was not opened; if it is a genuine document, raise the limit (maxInflatedBytes) or save a smaller copy';
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new RejectedInput(`zip part ${entry.name} is encrypted`, 'save an unprotected copy of the document');
    declared += entry.uncompressedSize;
    if (declared > limit) throw new RejectedInput(`archive would inflate to more than ${mb(limit)} (declares ${mb(declared)} so far)`, advice);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_ENTRY_RATIO) {
      throw new RejectedInput(`zip part ${entry.name} compresses ${Math.round(ratio)}:1 (${mb(entry.uncompressedSize)} from ${mb(entry.compressedSize)}) — a zip bomb`, advice);
    }
  }
  if (options.verify === false) return;
  let inflated = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    // Each part may produce at most what it declares (plus slack) and what is left of the budget.
    const declaredBound = entry.uncompressedSize + 1024;
    const bound = Math.min(limit - inflated, declaredBound);
    let out: Buffer;
    try {
      out = inflateEntry(bytes, entry, bound);
    } catch (error) {
      if (error instanceof RejectedInput && /inflates past/.test(error.reason)) {
        throw new RejectedInput(
          bound === declaredBound ? `zip part ${entry.name} inflates past its declared size` : `archive inflates past ${mb(limit)}`,
          'the archive is damaged or hostile (a zip bomb); it was not opened',
        );
      }
      throw error;
    }
    if (out.length > entry.uncompressedSize) {
      throw new RejectedInput(`zip part ${entry.name} inflates past its declared size`, 'the archive is damaged or hostile (a zip bomb); it was not opened');
    }
    inflated += out.length;
  }
}

/** Read one small part as UTF-8 text (relationships, content types), or null when absent. */
export function readZipText(bytes: Uint8Array, entries: ZipEntry[], name: string, limit = 4 * 1024 * 1024): string | null {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  return inflateEntry(bytes, entry, limit).toString('utf8');
}
