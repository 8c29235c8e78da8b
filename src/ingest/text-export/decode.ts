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
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      text,
      encoding: 'windows-1252',
      messages: [message('ingest:windows-1252', 'info', `${file} is not valid UTF-8; read as Windows-1252`, { file })],
    };
  }
}
