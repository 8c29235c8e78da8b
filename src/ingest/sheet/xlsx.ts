// .xlsx → one Table per worksheet (exceljs), after the same bounded-decompression check as .docx.
// Numbers come from the stored values, formatted with the cell's number format (a percent cell storing 0.265
// reads "26.5%", number 26.5); formulas give their cached result; rich text keeps bold/italic/underline.
import type ExcelJS from 'exceljs';
import type { Block, PlanDocument, Span } from '../../model/document.ts';
import { message, type Message, type StageResult } from '../../model/message.ts';
import { documentMeta } from '../html/index.ts';
import { checkZipBounds, isZip, readZipDirectory, zipHasEntry } from '../office/zip.ts';
import { RejectedInput, type Ingester, type IngestOptions } from '../types.ts';
import { formatDate, formatNumber } from './number-format.ts';
import { buildSheetTable, type GridCell, type GridRow } from './table.ts';

type CellValue = ExcelJS.CellValue;

interface ReadValue {
  text: string;
  spans?: Span[];
  number?: number;
  numberFormat?: string;
}

function richSpans(runs: ExcelJS.RichText[]): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  for (const run of runs) {
    const start = text.length;
    text += run.text ?? '';
    if (text.length === start) continue;
    const font = run.font ?? {};
    const style: Span['style'] = {};
    if (font.bold) style.bold = true;
    if (font.italic) style.italic = true;
    if (font.underline && font.underline !== 'none') style.underline = true;
    spans.push(Object.keys(style).length ? { start, end: text.length, style } : { start, end: text.length });
  }
  return { text, spans };
}

/** Normalise line ends and trim, keeping spans inside the trimmed text. */
function tidy(value: ReadValue): ReadValue {
  const raw = value.text.replace(/\r\n?/g, '\n');
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const spans = value.spans
    ?.map((s) => ({ ...s, start: Math.max(0, s.start - lead), end: Math.min(text.length, s.end - lead) }))
    .filter((s) => s.end > s.start);
  return { ...value, text, spans };
}

function readValue(value: CellValue, numFmt: string | undefined, cellStyle: Partial<ExcelJS.Font> | undefined): ReadValue {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') {
    const formatted = formatNumber(value, numFmt);
    const out: ReadValue = { text: formatted.text, number: formatted.number };
    if (numFmt && !/^general$/i.test(numFmt)) out.numberFormat = numFmt;
    return out;
  }
  if (typeof value === 'string') return styled(value, cellStyle);
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: formatDate(value, numFmt), ...(numFmt ? { numberFormat: numFmt } : {}) };
  if ('richText' in value && Array.isArray(value.richText)) return richSpans(value.richText);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { text: '' };
    if (typeof result === 'object' && 'error' in result) return { text: String(result.error) };
    return readValue(result as CellValue, numFmt, cellStyle);
  }
  if ('hyperlink' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    if (text && typeof text === 'object' && 'richText' in text) return richSpans((text as ExcelJS.CellRichTextValue).richText);
    return styled(String(text ?? ''), cellStyle);
  }
  if ('error' in value) return { text: String((value as ExcelJS.CellErrorValue).error) };
  return { text: '' };
}

function styled(text: string, font: Partial<ExcelJS.Font> | undefined): ReadValue {
  if (!text) return { text };
  const style: Span['style'] = {};
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  if (font?.underline && font.underline !== 'none') style.underline = true;
  return { text, spans: [Object.keys(style).length ? { start: 0, end: text.length, style } : { start: 0, end: text.length }] };
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(range.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [a, b] = [col(m[1]), col(m[3])];
  const [r1, r2] = [Number(m[2]), Number(m[4])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) };
}

export async function ingestXlsx(bytes: Uint8Array, options: IngestOptions): Promise<StageResult<PlanDocument>> {
  const file = options.fileName;
  const entries = readZipDirectory(bytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new RejectedInput('zip archive that is not an Excel workbook', 'save the workbook as .xlsx from Excel');
  checkZipBounds(bytes, entries, { maxInflatedBytes: options.maxInflatedBytes });
  const messages: Message[] = [];
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) {
    messages.push(message('ingest:xlsx-macros-ignored', 'info', `${file} contains macros (vbaProject.bin); they were ignored and never run`, { file }));
  }
  // Loaded on first use: exceljs adds ~30 MB to a worker that never sees a workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new RejectedInput(`unreadable Excel workbook (${(error as Error).message.split('\n')[0]})`, 'open it in Excel or LibreOffice and save it again as .xlsx');
  }
  const blocks: Block[] = [];
  const nameLines: string[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state === 'veryHidden' || sheet.state === 'hidden') {
      messages.push(message('ingest:xlsx-hidden-sheet', 'info', `${file}: hidden sheet "${sheet.name}" skipped`, { file, sheet: sheet.name }));
      return;
    }
    const merges = new Map<string, { rowSpan: number; colSpan: number }>();
    const covered = new Set<string>();
    for (const range of sheet.model.merges ?? []) {
      const r = parseRange(range);
      if (!r) continue;
      merges.set(`${r.top}:${r.left}`, { rowSpan: r.bottom - r.top + 1, colSpan: r.right - r.left + 1 });
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(`${row}:${col}`);
    }
    const grid: GridRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) return;
      const cells: GridCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (covered.has(`${rowNumber}:${colNumber}`)) return;
        const read = tidy(readValue(cell.value, cell.numFmt, cell.font));
        const grid: GridCell = { col: colNumber - 1, text: read.text };
        if (read.spans) grid.spans = read.spans;
        if (read.number !== undefined) grid.number = read.number;
        if (read.numberFormat !== undefined) grid.numberFormat = read.numberFormat;
        const merge = merges.get(`${rowNumber}:${colNumber}`);
        if (merge) {
          grid.rowSpan = merge.rowSpan;
          grid.colSpan = merge.colSpan;
        }
        cells.push(grid);
      });
      grid.push({ rowNumber, cells });
    });
    const table = buildSheetTable(grid, { file, index: blocks.length, sheet: sheet.name });
    if (table) blocks.push(table);
    else messages.push(message('ingest:xlsx-empty-sheet', 'info', `${file}: sheet "${sheet.name}" is empty`, { file, sheet: sheet.name }));
    nameLines.push(sheet.name);
  });
  if (!blocks.length) throw new RejectedInput('the workbook has no filled cells', 'check the right file was exported');
  const documentTitle = workbook.title?.trim() || null;
  const meta = documentMeta(blocks, documentTitle);
  if (!meta.partnership) {
    const fromProps = [workbook.subject, workbook.company, ...nameLines].filter((t): t is string => !!t?.trim());
    meta.partnership = documentMeta(fromProps.map((text) => ({ kind: 'paragraph', text, spans: [], provenance: { file } })), null).partnership;
  }
  return { value: { file, format: 'xlsx', contentHash: options.contentHash, title: meta.title, partnership: meta.partnership, blocks }, messages };
}

export const xlsxIngester: Ingester = {
  format: 'xlsx',
  sniff: (bytes) => isZip(bytes) && zipHasEntry(bytes, 'xl/workbook.xml'),
  ingest: ingestXlsx,
};
