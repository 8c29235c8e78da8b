// Text exports arrive as UTF-8 or as Windows-1252 (Word's "Text Only" on older machines). Decide from the
// bytes: valid UTF-8 is taken as UTF-8, anything else as Windows-1252, which maps every byte.
import { message, type Message } from '../../model/message.ts';
import { RejectedInput } from '../types.ts';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  messages: Message[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €, …). Node builds without
// full ICU decode 'windows-1252' as Latin-1, losing those, so the table is spelled out here.
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => CP1252_HIGH[b] ?? b));
  }
  return out;
}

/** Share of bytes that are control characters no text file contains. */
function binaryShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 64 * 1024);
  let odd = 0;
  for (const b of sample) if (b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32 && b !== 27)) odd++;
  return sample.length ? odd / sample.length : 0;
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', messages: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', messages: [] };
  }
  if (binaryShare(bytes) > 0.01) {
    throw new RejectedInput('binary data, not a text export or any supported document', 'check the file is a plan document (text, PDF, Word, HTML, spreadsheet or image)');
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: utf8.decode(bytes.subarray(start)), encoding: 'utf-8', messages: [] };
  } catch {
    const text = decodeWindows1252(bytes);
    return {
      text,
      encoding: 'windows-1252',
      messages: [message('ingest:windows-1252', 'info', `${file} is not valid UTF-8; read as Windows-1252`, { file })],
    };
  }
}
