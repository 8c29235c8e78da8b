// Just enough of the OLE compound file format (the container of .doc, .xls and of password-protected
// .docx/.xlsx) to list its streams and read a small one. Every chain walk is bounded by the file size.
import { RejectedInput } from '../types.ts';

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

export interface OleEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  start: number;
  size: number;
}

export interface OleFile {
  entries: OleEntry[];
  /** Read a stream's first `limit` bytes. */
  read(entry: OleEntry, limit?: number): Uint8Array;
}

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

function damaged(detail: string): RejectedInput {
  return new RejectedInput(`damaged compound (OLE) file: ${detail}`, 'open the document in Word and save it again, or save it as .docx');
}

export function readOle(bytes: Uint8Array): OleFile {
  if (!isOle(bytes)) throw damaged('no OLE signature');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  const miniShift = dv.getUint16(0x20, true);
  if (shift !== 9 && shift !== 12) throw damaged(`sector size 2^${shift}`);
  if (miniShift !== 6) throw damaged(`mini sector size 2^${miniShift}`);
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - 512) / sectorSize) + 1;
  const offsetOf = (sector: number) => 512 + sector * sectorSize;
  const sectorBytes = (sector: number) => {
    const at = offsetOf(sector);
    if (sector >= sectorCount || at >= bytes.length) throw damaged(`sector ${sector} outside the file`);
    return bytes.subarray(at, Math.min(at + sectorSize, bytes.length));
  };

  // The FAT: its sectors are listed in the header (109) and then in DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = dv.getUint32(0x4c + i * 4, true);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = dv.getUint32(0x44, true);
  let guard = 0;
  while (difat !== END_OF_CHAIN && difat !== FREE && guard++ < sectorCount) {
    const sec = sectorBytes(difat);
    const sdv = new DataView(sec.buffer, sec.byteOffset, sec.byteLength);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && (i + 1) * 4 <= sec.length; i++) {
      const s = sdv.getUint32(i * 4, true);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = sec.length >= sectorSize ? sdv.getUint32(per * 4, true) : END_OF_CHAIN;
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    const sec = sectorBytes(s);
    const sdv = new DataView(sec.buffer, sec.byteOffset, sec.byteLength);
    for (let i = 0; i + 4 <= sec.length; i += 4) fat.push(sdv.getUint32(i, true));
  }
  const chain = (start: number, table: number[], max: number): number[] => {
    const out: number[] = [];
    let s = start;
    while (s !== END_OF_CHAIN && s !== FREE && s < table.length) {
      if (out.length >= max) throw damaged('sector chain loops');
      out.push(s);
      s = table[s];
    }
    return out;
  };
  const readChain = (start: number, size: number) => {
    const sectors = chain(start, fat, sectorCount);
    const out = new Uint8Array(Math.min(size, sectors.length * sectorSize));
    let at = 0;
    for (const s of sectors) {
      if (at >= out.length) break;
      const sec = sectorBytes(s);
      const part = sec.subarray(0, Math.min(sec.length, out.length - at));
      out.set(part, at);
      at += part.length;
    }
    return out;
  };

  // The directory: 128-byte entries in the chain starting at the header's directory sector.
  const dirSectors = chain(dv.getUint32(0x30, true), fat, sectorCount);
  const entries: OleEntry[] = [];
  for (const s of dirSectors) {
    const sec = sectorBytes(s);
    for (let at = 0; at + 128 <= sec.length; at += 128) {
      const e = new DataView(sec.buffer, sec.byteOffset + at, 128);
      const type = e.getUint8(66);
      if (type === 0) continue;
      const nameLength = Math.min(64, e.getUint16(64, true));
      const name = new TextDecoder('utf-16le').decode(sec.subarray(at, at + Math.max(0, nameLength - 2)));
      entries.push({ name, type, start: e.getUint32(116, true), size: e.getUint32(120, true) });
    }
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw damaged('no root entry');
  const cutoff = dv.getUint32(0x38, true) || 4096;

  let miniStream: Uint8Array | null = null;
  let miniFat: number[] | null = null;
  const mini = () => {
    if (!miniStream || !miniFat) {
      miniStream = root.start === END_OF_CHAIN || root.start === NO_STREAM ? new Uint8Array() : readChain(root.start, root.size);
      const fatBytes = readChain(dv.getUint32(0x3c, true), dv.getUint32(0x40, true) * sectorSize);
      const mdv = new DataView(fatBytes.buffer, fatBytes.byteOffset, fatBytes.byteLength);
      miniFat = [];
      for (let i = 0; i + 4 <= fatBytes.length; i += 4) miniFat.push(mdv.getUint32(i, true));
    }
    return { stream: miniStream, table: miniFat };
  };

  return {
    entries,
    read(entry, limit = Number.MAX_SAFE_INTEGER) {
      const size = Math.min(entry.size, limit);
      if (entry.type !== 5 && entry.size < cutoff) {
        const { stream, table } = mini();
        const sectors = chain(entry.start, table, Math.ceil(stream.length / 64) + 1);
        const out = new Uint8Array(Math.min(size, sectors.length * 64));
        let at = 0;
        for (const s of sectors) {
          if (at >= out.length) break;
          const part = stream.subarray(s * 64, Math.min(s * 64 + 64, s * 64 + out.length - at));
          out.set(part, at);
          at += part.length;
        }
        return out;
      }
      return readChain(entry.start, size);
    },
  };
}
