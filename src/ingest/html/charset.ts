// An HTML page's bytes → text, honouring what the page says about its character set: a byte-order mark first,
// then <meta charset> or <meta http-equiv="Content-Type" content="...; charset=...">, then a guess (valid UTF-8
// is UTF-8, anything else Windows-1252 — what Word's "Save as Web Page" wrote on English machines).
import { message, type Message } from '../../model/message.ts';
import { decodeWindows1252 } from '../text-export/decode.ts';

export interface DecodedHtml {
  text: string;
  /** WHATWG encoding name actually used, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'meta' | 'guess';
  messages: Message[];
}

/** How far into the page a charset declaration is looked for (the HTML standard's prescan uses 1024). */
const PRESCAN_BYTES = 4096;

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** The charset label a page declares in its first bytes, or null. */
export function declaredCharset(head: string): string | null {
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  // XHTML pages may declare it in the XML prolog instead.
  const prolog = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return prolog ? prolog[1] : null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/**
 * Decode with a WHATWG decoder, except windows-1252 (also what iso-8859-1, latin1 and ascii labels mean):
 * Node builds without full ICU decode it as Latin-1 and lose the curly quotes, dashes and € in 0x80–0x9F.
 */
function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

export function decodeHtml(bytes: Uint8Array, file: string): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip)), encoding: bom.encoding, source: 'bom', messages: [] };
  }
  const messages: Message[] = [];
  // Latin-1 maps every byte to one character, so the prescan sees ASCII markup whatever the real encoding.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const label = declaredCharset(head);
  if (label) {
    const decoder = decoderFor(label);
    if (!decoder) {
      messages.push(message('ingest:html-charset-unknown', 'warning', `${file} declares an unknown character set "${label}"; guessing instead`, { file }));
    } else if (decoder.encoding === 'utf-8') {
      // Pages saved by old editors often claim UTF-8 and hold Windows-1252 bytes; believe the bytes.
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'meta', messages };
      } catch {
        messages.push(message('ingest:html-charset-mismatch', 'warning', `${file} declares UTF-8 but is not valid UTF-8; read as Windows-1252`, { file }));
        return { text: decodeWindows1252(bytes), encoding: 'windows-1252', source: 'guess', messages };
      }
    } else {
      return { text: decodeWith(decoder, bytes), encoding: decoder.encoding, source: 'meta', messages };
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'guess', messages };
  } catch {
    messages.push(message('ingest:windows-1252', 'info', `${file} declares no character set and is not valid UTF-8; read as Windows-1252`, { file }));
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', source: 'guess', messages };
  }
}
