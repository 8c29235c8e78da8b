// The Word (.docx / .docm) ingester: check the zip (bounded decompression, is it really Word?), let mammoth turn
// it into HTML, and read that HTML with the shared reader (mammoth is loaded on first use). Macros are never run: mammoth reads only the
// document XML, and a vbaProject.bin is only reported.
import type { PlanDocument } from '../../model/document.ts';
import { message, type Message, type StageResult } from '../../model/message.ts';
import { htmlToPlanDocument } from '../html/index.ts';
import { checkZipBounds, DEFAULT_MAX_INFLATED_BYTES, isZip, readZipDirectory, readZipText, zipHasEntry, type ZipEntry } from '../office/zip.ts';
import { RejectedInput, type Ingester, type IngestOptions } from '../types.ts';

/** Styles mammoth does not map by default but plan documents use. */
const STYLE_MAP = [
  'u => u',
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Heading 7'] => h6:fresh",
  "p[style-name='Heading 8'] => h6:fresh",
  "p[style-name='Heading 9'] => h6:fresh",
  "p[style-name='heading 7'] => h6:fresh",
  "p[style-name='heading 8'] => h6:fresh",
  "p[style-name='heading 9'] => h6:fresh",
];

const OFFICE_DOCUMENT_REL = /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/;

/** The main document part, by the package relationships or the usual name; null when this is not Word. */
export function wordMainPart(bytes: Uint8Array, entries: ZipEntry[]): string | null {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return 'word/document.xml';
  const rels = readZipText(bytes, entries, '_rels/.rels', 1024 * 1024);
  const match = rels ? OFFICE_DOCUMENT_REL.exec(rels) : null;
  const target = match ? (match[1] ?? match[2]).replace(/^\//, '') : null;
  return target && target.startsWith('word/') && names.has(target) ? target : null;
}

/** What a zip that is not a Word document most likely is, for the rejection message. */
function describeOtherZip(bytes: Uint8Array, entries: ZipEntry[]): string {
  const names = new Set(entries.map((e) => e.name));
  const mimetype = names.has('mimetype') ? readZipText(bytes, entries, 'mimetype', 256)?.trim() : undefined;
  if (mimetype?.includes('opendocument.text')) return 'an OpenDocument text file (.odt), not a Word document';
  if (mimetype?.includes('opendocument.spreadsheet')) return 'an OpenDocument spreadsheet (.ods), not a Word document';
  if (names.has('ppt/presentation.xml')) return 'a PowerPoint presentation, not a Word document';
  if (names.has('xl/workbook.xml')) return 'an Excel workbook, not a Word document';
  return 'a zip archive that is not a Word document (no word/document.xml)';
}

/**
 * Header-row flags of every table in document.xml, tables in document order (nested ones where they start, as
 * the reader numbers them). mammoth takes any <w:tblHeader> as a header, even w:val="false"; Word repeats
 * only the leading rows marked true, so only those count.
 */
export function wordHeaderRows(xml: string): boolean[][] {
  const tables: boolean[][] = [];
  const stack: number[] = [];
  const token = /<w:tbl[ >]|<\/w:tbl>|<w:tr[ >]|<w:tr\/>|<w:tblHeader\b([^>]*)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    const t = m[0];
    if (t.startsWith('<w:tbl') && !t.startsWith('<w:tblHeader')) {
      stack.push(tables.length);
      tables.push([]);
    } else if (t === '</w:tbl>') stack.pop();
    else if (t.startsWith('<w:tr')) {
      const rows = tables[stack[stack.length - 1]];
      if (rows) rows.push(false);
    } else if (t.startsWith('<w:tblHeader')) {
      const rows = tables[stack[stack.length - 1]];
      const val = /w:val="([^"]*)"/.exec(m[1] ?? '')?.[1];
      if (rows && rows.length) rows[rows.length - 1] = val !== 'false' && val !== '0' && val !== 'off';
    }
  }
  // Only a run of header rows at the top of a table repeats; a lone flag further down means nothing.
  return tables.map((rows) => {
    let leading = true;
    return rows.map((flag) => (leading = leading && flag));
  });
}

/** Check the package and run mammoth; shared by the .doc ingester after a LibreOffice conversion. */
export async function ingestWordPackage(bytes: Uint8Array, options: IngestOptions, format: PlanDocument['format']): Promise<StageResult<PlanDocument>> {
  const file = options.fileName;
  const entries = readZipDirectory(bytes);
  const main = wordMainPart(bytes, entries);
  if (!main) throw new RejectedInput(describeOtherZip(bytes, entries), 'save the document from Word as .docx, or export it as text');
  checkZipBounds(bytes, entries, { maxInflatedBytes: options.maxInflatedBytes });
  const messages: Message[] = [];
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) {
    messages.push(message('ingest:docx-macros-ignored', 'info', `${file} contains macros (vbaProject.bin); they were ignored and never run`, { file }));
  }
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    // Loaded on first use: a run over text exports should not pay for mammoth in every worker.
    const { default: mammoth } = await import('mammoth');
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Images carry no indicator text; do not inline them as data URIs.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (error) {
    throw new RejectedInput(`unreadable Word document (${(error as Error).message.split('\n')[0]})`, 'open the document in Word and save it again as .docx');
  }
  const seen = new Set<string>();
  for (const m of result.messages) {
    if (seen.has(m.message)) continue;
    seen.add(m.message);
    messages.push(message('ingest:docx-mammoth', m.type === 'error' ? 'error' : 'warning', `${file}: ${m.message}`, { file }));
  }
  const read = htmlToPlanDocument(result.value, options, format, 'word');
  // Header rows from the XML where mammoth got them wrong (same table order, same row counts only).
  const xml = readZipText(bytes, entries, main, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
  if (xml) {
    const flags = wordHeaderRows(xml);
    const tables = read.value.blocks.filter((b) => b.kind === 'table').sort((a, b) => a.index - b.index);
    if (flags.length === tables.length) {
      tables.forEach((table, i) => {
        if (flags[i].length !== table.rows.length) return;
        table.rows.forEach((row, r) => (row.header = flags[i][r]));
      });
    }
  }
  return { value: read.value, messages: [...messages, ...read.messages] };
}

export const docxIngester: Ingester = {
  format: 'docx',
  // Any zip that is not a workbook: non-Word zips are then refused with a reason rather than read as text.
  sniff: (bytes) => isZip(bytes) && !zipHasEntry(bytes, 'xl/workbook.xml'),
  ingest: (bytes, options) => ingestWordPackage(bytes, options, 'docx'),
};
