// The plain-text export ingester: tabs (or, in web copies, " / " or "| … |") between cells, HTML fragments
// inside cells, one paragraph a line.
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

/**
 * Web and Markdown copies write a table row between pipes ("| BV 8 | Invoices paid within 30 days | 94.5% |"),
 * or with pipes only between its cells ("NI 39 | Alcohol-harm related admissions | 1,845 | 1,790"); like
 * tabs, an empty cell keeps its place ("|  |"). Three cells or more; a row without outer pipes counts only near
 * another such row (see `separatedRows`), so that one "yes | no" in a sentence is no table.
 */
function pipeCells(line: string): string[] | null {
  if (line.length > 4000) return null;
  const m = /^\s*\|(.*)\|\s*$/.exec(line);
  if (!m) return null;
  const cells = m[1].split('|');
  return cells.length >= 3 ? cells : null;
}

function barePipeCells(line: string): string[] | null {
  if (line.length > 4000 || /^\s*\|/.test(line)) return null;
  const cells = line.split('|');
  return cells.length >= 3 && cells.filter((c) => c.trim()).length >= 2 ? cells : null;
}

/**
 * Web copies of tables write a row on a line with " / " between its cells ("NI 153 – … / 32.3% (May 2007) /
 * 31.3% / 30.3%"). Three cells or more, so that "and / or" in a sentence is no table; "08/09" has no spaces.
 */
const SLASH_SEPARATOR = /\s+\/\s+|^\s*\/\s+|\s+\/\s*$/g;
const FEWEST_SLASH_CELLS = 3;

function slashCells(line: string): string[] | null {
  if (line.length > 2000) return null;
  const cells = line.split(SLASH_SEPARATOR).map((c) => c.trim());
  while (cells.length && !cells[0]) cells.shift();
  while (cells.length && !cells[cells.length - 1]) cells.pop();
  return cells.length >= FEWEST_SLASH_CELLS ? cells : null;
}

/** How many short lines without separators may stand between two slash rows of one table (a wrapped cell, a sub-heading). */
const SLASH_GAP_LINES = 2;
const SLASH_GAP_CHARS = 80;

/**
 * The lines that are rows of a table whose cells `cellsOf` splits: two or more such rows near each other, and,
 * where `keepGaps`, the short lines between them (kept as one-cell rows, so the header above still heads the
 * rows below).
 */
function separatedRows(lines: string[], cellsOf: (line: string) => string[] | null, keepGaps: boolean): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  const split = lines.map((l) => (l.includes('\t') ? null : cellsOf(l)));
  const nonBlank = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  nonBlank.forEach((i, k) => {
    if (!split[i]) return;
    // Another row with at most SLASH_GAP_LINES short lines between them.
    const reach = Array.from({ length: SLASH_GAP_LINES + 1 }, (_, n) => n + 1);
    const near = [...reach.map((d) => -d), ...reach].some((d) => {
      const j = nonBlank[k + d];
      return j !== undefined && split[j] && nonBlank.slice(Math.min(k, k + d) + 1, Math.max(k, k + d)).every((m) => lines[m].trim().length <= SLASH_GAP_CHARS);
    });
    if (!near) return;
    rows.set(i, split[i]!);
    if (!keepGaps) return;
    // Short lines up to the next row belong to the table.
    const next = nonBlank.slice(k + 1, k + 1 + SLASH_GAP_LINES + 1).findIndex((j) => split[j]);
    if (next > 0) for (const j of nonBlank.slice(k + 1, k + 1 + next)) if (lines[j].trim().length <= SLASH_GAP_CHARS) rows.set(j, [lines[j].trim()]);
  });
  return rows;
}

export function ingestTextExport(text: string, options: IngestOptions): PlanDocument {
  const file = options.fileName;
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let tableSource: TableSource | null = null;
  let gapSinceRow = false;
  let tableCount = 0;
  let openList: List | null = null;
  // Whether the open table is a slash table.
  let slashOpen = false;

  const closeTable = () => {
    if (tableSource && tableSource.rows.length) blocks.push(buildTable(tableSource, file, tableCount++, slashOpen ? 'slashes' : 'tabs'));
    tableSource = null;
  };

  const slashTable = separatedRows(lines, slashCells, true);
  const barePipeRows = separatedRows(lines, barePipeCells, false);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.trim()) {
      if (tableSource) gapSinceRow = true;
      openList = null;
      return;
    }
    // A slash table and a tab table next to each other are two tables.
    if (tableSource && slashTable.has(i) !== slashOpen) closeTable();
    slashOpen = slashTable.has(i);
    const cells = slashTable.get(i) ?? (isTabRow(raw) ? raw.split('\t') : (pipeCells(raw) ?? barePipeRows.get(i) ?? null));
    if (cells) {
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
