// .csv → one Table. A careful RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line
// breaks; comma or semicolon separated (a semicolon file uses the decimal comma). A file is taken as CSV only
// when its records agree on a column count of two or more, and never when it holds tabs (the plain-text
// export's cell separator).
import type { PlanDocument } from '../../model/document.ts';
import type { StageResult } from '../../model/message.ts';
import { documentMeta } from '../html/index.ts';
import { decodeText } from '../text-export/decode.ts';
import { RejectedInput, type Ingester, type IngestOptions } from '../types.ts';
import { buildSheetTable, type GridCell, type GridRow } from './table.ts';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

export interface CsvParse {
  records: CsvRecord[];
  /** A quoted field was still open at the end of the text. */
  unterminated: boolean;
}

export function parseCsv(text: string, delimiter: ',' | ';'): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch === '\r' && text[i + 1] === '\n' ? '' : ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      continue;
    }
    if (ch === delimiter) {
      endField();
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    if (ch !== ' ') fieldStarted = true;
  }
  const unterminated = quoted;
  if (field !== '' || fields.length) endRecord();
  return { records, unterminated };
}

const SNIFF_CHARS = 64 * 1024;

/**
 * The delimiter that makes the text a consistent table, or null when it is not CSV. `truncated` says the text
 * is a prefix of the file (its last record may be cut short).
 */
export function csvDelimiter(text: string, truncated = false): ',' | ';' | null {
  const cut = truncated || text.length > SNIFF_CHARS;
  const sample = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  if (sample.includes('\t') || /^\s*</.test(sample)) return null;
  for (const delimiter of [',', ';'] as const) {
    const parsed = parseCsv(sample, delimiter);
    let records = parsed.records;
    // The sample may cut the last record short.
    if (cut || parsed.unterminated) records = records.slice(0, -1);
    if (records.length < 2) continue;
    const width = records[0].fields.length;
    if (width >= 2 && records.every((r) => r.fields.length === width)) return delimiter;
    // "Performance Indicators 2008/09,,,," over rows of six: a title or note row with fewer fields than the
    // table. Only where nearly all records share a width of three or more and the rest are narrower, which
    // prose with commas does not do.
    if (raggedTable(records.map((r) => r.fields.length))) return delimiter;
  }
  return null;
}

/** Widths where at least four records and 80% of all share one of three or more fields, and none is wider. */
function raggedTable(widths: number[]): boolean {
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const [width, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return width >= 3 && count >= 4 && count >= 0.8 * widths.length && widths.every((w) => w <= width);
}

function bytesLookLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  for (const b of sample) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) return false;
  return sample.length > 0;
}

function typedNumber(text: string, delimiter: ',' | ';'): number | undefined {
  let t = text.trim();
  if (delimiter === ';') {
    if (!/^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?$/.test(t)) return undefined;
    t = t.replace(/\./g, '').replace(',', '.');
  } else {
    if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/.test(t)) return undefined;
    t = t.replace(/,/g, '');
  }
  const n = Number(t.replace(/%$/, ''));
  return Number.isFinite(n) ? n : undefined;
}

export async function ingestCsv(bytes: Uint8Array, options: IngestOptions): Promise<StageResult<PlanDocument>> {
  const file = options.fileName;
  const decoded = decodeText(bytes, file);
  const text = decoded.text.replace(/^\ufeff/, '');
  const delimiter = csvDelimiter(text);
  if (!delimiter) throw new RejectedInput('not a consistent comma- or semicolon-separated table', 'export the sheet again as CSV, or as .xlsx');
  const parsed = parseCsv(text, delimiter);
  const grid: GridRow[] = parsed.records.map((record, i) => ({
    rowNumber: i + 1,
    line: record.line,
    cells: record.fields.map((raw, col): GridCell => {
      const value = raw.replace(/\r\n?/g, '\n').trim();
      const cell: GridCell = { col, text: value };
      const number = typedNumber(value, delimiter);
      if (number !== undefined) cell.number = number;
      return cell;
    }),
  }));
  const table = buildSheetTable(grid, { file, index: 0 });
  if (!table) throw new RejectedInput('the CSV file has no filled cells', 'check the right file was exported');
  const blocks = [table];
  const meta = documentMeta(blocks, null);
  return {
    value: { file, format: 'csv', contentHash: options.contentHash, title: meta.title, partnership: meta.partnership, blocks },
    messages: [...decoded.messages],
  };
}

export const csvIngester: Ingester = {
  format: 'csv',
  sniff(bytes) {
    if (!bytesLookLikeText(bytes)) return false;
    const head = bytes.subarray(0, SNIFF_CHARS);
    // Structure only: replacement characters from a Windows-1252 file do not matter here.
    const text = new TextDecoder('utf-8').decode(head).replace(/^\ufeff/, '');
    return csvDelimiter(text, bytes.length > head.length) !== null;
  },
  ingest: (bytes: Uint8Array, options: IngestOptions) => ingestCsv(bytes, options),
};
