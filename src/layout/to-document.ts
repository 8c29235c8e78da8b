// Layout blocks → the document model. Shared by every ingester that goes through the layout (PDF text,
// OCR): paragraphs join their lines with spaces; cells join their wrapped lines with spaces and their
// paragraphs, items and line breaks with '\n' (cell-text.ts); each line (split where the style changes)
// becomes a span carrying its page and box, so every value can be pointed at on the page.
import type { Block, Cell, CellContent, List, ListItem, Paragraph, Provenance, Row, Span, Table, TextStyle } from '../model/document.ts';
import { breakEdge, cellLineJoins, textRightEdges } from './cell-text.ts';
import { unionBox } from './geometry.ts';
import { buildTextBlocks } from './text-blocks.ts';
import type { Box, DocumentLayout, Line, TableBlock, TextBlock, Word } from './types.ts';

const round = (b: Box): Box => b.map((v) => Math.round(v * 100) / 100) as Box;

interface Built {
  text: string;
  spans: Span[];
}

function styleOf(w: Word): TextStyle | undefined {
  if (!w.bold && !w.italic && !w.underline) return undefined;
  const s: TextStyle = {};
  if (w.bold) s.bold = true;
  if (w.italic) s.italic = true;
  if (w.underline) s.underline = true;
  return s;
}

const sameStyle = (a?: TextStyle, b?: TextStyle) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

function meanConfidence(words: Word[]): number | undefined {
  const known = words.filter((w) => w.confidence !== undefined);
  if (!known.length) return undefined;
  return Math.round((known.reduce((s, w) => s + w.confidence!, 0) / known.length) * 1000) / 1000;
}

/**
 * Lines joined by `sep` (or, per line, by `sep[i - 1]`), one span per run of equally styled words on a line
 * (per word for OCR words). `stripMarker` is the list marker to leave out at the start of the first line (or,
 * per line, of each line).
 */
function buildText(lines: Line[], page: number, sep: '\n' | ' ' | Array<'\n' | ' '>, stripMarker?: string | Array<string | undefined>): Built {
  let text = '';
  const spans: Span[] = [];
  lines.forEach((line, i) => {
    let lineText = line.text;
    let words = line.words;
    const marker = typeof stripMarker === 'string' ? (i === 0 ? stripMarker : undefined) : stripMarker?.[i];
    if (marker && lineText.startsWith(marker)) {
      lineText = lineText.slice(marker.length).trimStart();
      if (words[0]?.text === marker) words = words.slice(1);
    }
    if (i > 0) {
      const join = typeof sep === 'string' ? sep : (sep[i - 1] ?? '\n');
      text += join === ' ' && /\S-$/.test(text) ? '' : join;
    }
    const lineStart = text.length;
    text += lineText;
    // Style runs: find each run's words' text inside the line text in order.
    let cursor = 0;
    let run: Word[] = [];
    const flush = () => {
      if (!run.length) return;
      const runText = run.map((w) => w.text).join(' ').trim();
      const firstPiece = run[0].text.trim();
      let at = lineText.indexOf(firstPiece, cursor);
      if (at < 0) at = cursor;
      const lastPiece = run[run.length - 1].text.trim();
      let endAt = lineText.indexOf(lastPiece, Math.max(at, cursor));
      endAt = endAt < 0 ? Math.min(lineText.length, at + runText.length) : endAt + lastPiece.length;
      cursor = endAt;
      const span: Span = { start: lineStart + at, end: lineStart + endAt, provenance: { page: line.page ?? page, box: round(unionBox(run.map((w) => w.box))) } };
      const style = styleOf(run[0]);
      if (style) span.style = style;
      const conf = meanConfidence(run);
      if (conf !== undefined) span.provenance!.ocrConfidence = conf;
      const repairs = run.flatMap((w) => w.repairs ?? []);
      if (repairs.length) span.repairs = repairs;
      spans.push(span);
      run = [];
    };
    for (const w of words) {
      // OCR words are spans of their own: each keeps its box, confidence and repairs, so a value's
      // confidence is its own words', not its line's.
      if (run.length && (!sameStyle(styleOf(run[0]), styleOf(w)) || w.confidence !== undefined)) flush();
      run.push(w);
    }
    flush();
  });
  return { text, spans };
}

function provenanceOf(file: string, page: number, box: Box, lines: Line[]): Provenance {
  const p: Provenance = { file, page, box: round(box) };
  const conf = meanConfidence(lines.flatMap((l) => l.words));
  if (conf !== undefined) p.ocrConfidence = conf;
  return p;
}

function listDepth(item: TextBlock, baseX: number): number {
  return Math.max(0, Math.min(4, Math.round((item.box[0] - baseX) / (item.size * 1.5))));
}

/** Text blocks → paragraphs, headings and lists (consecutive list items form one list). */
function textBlocksToModel(blocks: TextBlock[], file: string, extra: Partial<Provenance> = {}): Array<Paragraph | List | Extract<Block, { kind: 'heading' }>> {
  const out: Array<Paragraph | List | Extract<Block, { kind: 'heading' }>> = [];
  let list: List | null = null;
  let baseX = 0;
  for (const b of blocks) {
    const provenance = { ...provenanceOf(file, b.page, b.box, b.lines), ...extra };
    if (b.role === 'list-item') {
      const built = buildText(b.lines, b.page, ' ', b.marker || undefined);
      if (!list) {
        baseX = b.box[0];
        list = { kind: 'list', ordered: !!b.ordered, items: [], provenance };
        out.push(list);
      }
      const item: ListItem = { text: built.text, spans: built.spans, provenance, depth: listDepth(b, baseX) };
      list.items.push(item);
      list.provenance.box = round(unionBox([list.provenance.box as Box, b.box]));
      continue;
    }
    list = null;
    const built = buildText(b.lines, b.page, ' ');
    if (b.role === 'heading') out.push({ kind: 'heading', level: b.level ?? 1, text: built.text, spans: built.spans, provenance });
    else out.push({ kind: 'paragraph', text: built.text, spans: built.spans, provenance });
  }
  return out;
}

function tableToModel(t: TableBlock, file: string, index: number): Table {
  const rights = textRightEdges(t);
  const rows: Row[] = t.rows.map((r, ri) => {
    const cells: Cell[] = r.cells.map((c) => {
      const provenance: Provenance = { ...provenanceOf(file, c.page, c.box, c.lines), table: index, row: ri, col: c.col };
      // A cell's wrapped lines join with a space, its paragraphs, items and line breaks with '\n'.
      const joins = cellLineJoins(c, breakEdge(c, rights, t.method));
      const built = buildText(c.lines, c.page, joins.separators, joins.markers);
      // Cells hold paragraphs and lists only (headings are decided for running text, never inside cells).
      const content: CellContent[] = textBlocksToModel(buildTextBlocks(c.lines, c.page, c.marks ?? []), file, { table: index, row: ri, col: c.col }).map((b) =>
        b.kind === 'heading' ? { kind: 'paragraph', text: b.text, spans: b.spans, provenance: b.provenance } : b,
      );
      return { text: built.text, spans: built.spans, provenance, col: c.col, colSpan: c.colSpan, rowSpan: c.rowSpan, content };
    });
    return { cells, header: r.header, provenance: { file, page: r.page, box: round(r.box), table: index, row: ri } };
  });
  return { kind: 'table', index, method: t.method, rows, provenance: { file, page: t.page, box: round(t.box), table: index } };
}

export function layoutToBlocks(layout: DocumentLayout, file: string): Block[] {
  const blocks: Block[] = [];
  let tableIndex = 0;
  for (const page of layout.pages) {
    let pending: TextBlock[] = [];
    const flush = () => {
      blocks.push(...textBlocksToModel(pending, file));
      pending = [];
    };
    for (const b of page.blocks) {
      if (b.kind === 'text') pending.push(b);
      else {
        flush();
        blocks.push(tableToModel(b, file, tableIndex++));
      }
    }
    flush();
  }
  return blocks;
}
