// The plain-text export ingester: tabs between cells, HTML fragments inside cells, one paragraph a line.
import type { Block, List, ListItem, PlanDocument } from '../../model/document.ts';
import type { StageResult } from '../../model/message.ts';
import { findPartnership, findTitle } from '../document-meta.ts';
import { parseCellMarkup } from '../markup/cell-markup.ts';
import { RejectedInput, type Ingester, type IngestOptions } from '../types.ts';
import { decodeText } from './decode.ts';
import { DEFAULT_MAX_TEXT_BYTES } from './limits.ts';
import { isArtefactRow, type RawRow } from './rows.ts';
import { buildTable, type TableSource } from './tables.ts';

export { DEFAULT_MAX_TEXT_BYTES };

const LIST_MARK = /^\s*(?:[-–•○∅Ø▪*]|\d{1,2}[.)])\s+/;
/** Lines that open a section in these plans: themes, priorities, LAA target blocks, numbered parts. */
const HEADING_LINE =
  /^(?:#{1,6}\s|(?:Strategic\s+)?Priority\s+\d+\s*:|(?:Community\s+Strategy\s+)?Theme(?:\s+Name)?\s*:|LAA(?:\s+\d{4}-\d{4})?\s+(?:Target|Theme)\s*:|Appendix\s+\d+\b|[IVX]+\s+[A-Z][a-z])/i;

function headingLevel(text: string): number | null {
  const plain = text.replace(/\*\*/g, '').trim();
  if (!plain || plain.length > 140) return null;
  const md = /^(#{1,6})\s/.exec(plain);
  if (md) return md[1].length;
  if (HEADING_LINE.test(plain)) return /priority|theme/i.test(plain) ? 2 : 3;
  const letters = plain.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 6 && letters === letters.toUpperCase() && plain.length <= 100) return 2;
  if (/^\*\*[^*]+\*\*$/.test(text.trim()) && plain.length <= 100) return 3;
  return null;
}

function isTabRow(line: string): boolean {
  return line.includes('\t');
}

export function ingestTextExport(text: string, options: IngestOptions): PlanDocument {
  const file = options.fileName;
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let tableSource: TableSource | null = null;
  let gapSinceRow = false;
  let tableCount = 0;
  let openList: List | null = null;

  const closeTable = () => {
    if (tableSource && tableSource.rows.length) blocks.push(buildTable(tableSource, file, tableCount++));
    tableSource = null;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) {
      if (tableSource) gapSinceRow = true;
      openList = null;
      return;
    }
    if (isTabRow(raw)) {
      const cells = raw.split('\t');
      if (isArtefactRow(cells)) return;
      openList = null;
      const row: RawRow = { line: lineNo, cells };
      if (!tableSource) tableSource = { rows: [], breaks: new Set() };
      else if (gapSinceRow) tableSource.breaks.add(lineNo);
      gapSinceRow = false;
      tableSource.rows.push(row);
      return;
    }
    closeTable();
    const provenance = { file, line: lineNo };
    const parsed = parseCellMarkup(raw, provenance);
    if (!parsed.text) return;
    const level = headingLevel(raw);
    if (level !== null && !LIST_MARK.test(raw)) {
      openList = null;
      const headingText = parsed.text.replace(/^#{1,6}\s+/, '');
      const shift = parsed.text.length - headingText.length;
      blocks.push({
        kind: 'heading',
        level,
        text: headingText,
        spans: parsed.spans.map((s) => ({ ...s, start: Math.max(0, s.start - shift), end: Math.max(0, s.end - shift) })),
        provenance,
      });
      return;
    }
    const mark = LIST_MARK.exec(parsed.text);
    if (mark && parsed.content.length <= 1) {
      const itemText = parsed.text.slice(mark[0].length);
      const item: ListItem = {
        text: itemText,
        spans: [{ start: 0, end: itemText.length }],
        provenance: { ...provenance },
        depth: 0,
      };
      if (openList) openList.items.push(item);
      else {
        openList = { kind: 'list', ordered: /\d/.test(mark[0]), items: [item], provenance };
        blocks.push(openList);
      }
      return;
    }
    openList = null;
    // A line whose markup holds paragraphs or lists keeps that structure as separate blocks.
    if (parsed.content.length > 1) {
      blocks.push(...parsed.content);
      return;
    }
    blocks.push({ kind: 'paragraph', text: parsed.text, spans: parsed.spans, provenance });
  });
  closeTable();

  if (!blocks.length) {
    throw new RejectedInput('no text in the file', 'check the export is not empty or truncated');
  }
  return {
    file,
    format: 'text-export',
    contentHash: options.contentHash,
    title: findTitle(blocks),
    partnership: findPartnership(blocks),
    blocks,
  };
}

export const textExportIngester: Ingester = {
  format: 'text-export',
  sniff(bytes) {
    // Plain text is the fallback: anything the binary ingesters did not claim is tried as text.
    return bytes.length > 0;
  },
  async ingest(bytes, options): Promise<StageResult<PlanDocument>> {
    if (bytes.length === 0) throw new RejectedInput('empty file (0 bytes)', 'export the document again');
    const limit = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
    if (bytes.length > limit) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      throw new RejectedInput(`text export of ${mb(bytes.length)}, over the ${mb(limit)} limit for one plan`, 'split it into its documents, or raise --max-text-mb if it really is one plan');
    }
    const decoded = decodeText(bytes, options.fileName);
    if (!decoded.text.trim()) throw new RejectedInput('file holds only whitespace', 'export the document again');
    const messages = [...decoded.messages];
    return { value: ingestTextExport(decoded.text, options), messages };
  },
};
