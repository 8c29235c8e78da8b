// Word 97-2003 (.doc) → PlanDocument blocks, through word-extractor.
//
// word-extractor's public text turns cell marks into tabs and cannot say which paragraphs belong to a table, so
// this module subclasses its OLE extractor (word-extractor 1.0.4 internals: `_pieces`, `_boundaries`, the
// write*Properties hooks) to keep the raw piece text (cell marks \u0007, paragraph marks \r) and reads the
// paragraph and character property pages itself: in-table flags, table depth, row ends, the row's cell
// boundaries and merge flags (sprmTDefTable), repeated header rows, heading styles, bold/italic/underline.
import { createRequire } from 'node:module';
import type { Block, Cell, CellContent, List, Provenance, Row, Table } from '../../model/document.ts';
import { message, type Message } from '../../model/message.ts';
import { joinRich, RichTextBuilder, type RichText, type StyleState } from '../html/rich-text.ts';
import { readOle } from '../office/ole.ts';
import { RejectedInput } from '../types.ts';

const require = createRequire(import.meta.url);

interface Piece {
  startCp: number;
  startFilePos: number;
  bpc: number;
  text: string;
  length: number;
}

interface ExtractorBase {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extract(reader: unknown): Promise<unknown>;
  writeParagraphProperties(word: Buffer, table: Buffer): void;
  writeCharacterProperties(word: Buffer, table: Buffer): void;
}


// ---------------------------------------------------------------------------------------------------------
// Property pages

interface TableDef {
  /** Cell boundaries in twips, one more than cells. */
  centers: number[];
  /** Per cell: 0 none, 1 first of a horizontal merge, 2/3 merged into the previous cell. */
  horzMerge: number[];
  /** Per cell: 0 none, 1 continues the cell above, 3 starts a vertical merge. */
  vertMerge: number[];
}

interface ParaProps {
  fcStart: number;
  fcEnd: number;
  istd: number;
  inTable: boolean;
  ttp: boolean;
  itap: number;
  innerCell: boolean;
  innerTtp: boolean;
  ilfo: number;
  ilvl: number;
  outLvl: number;
  header: boolean;
  tdef?: TableDef;
}

interface CharRun {
  fcStart: number;
  fcEnd: number;
  style: StyleState;
}

/** Operand size of a sprm at `at` (the operand's first byte), per the sprm's spra bits. */
function operandSize(buf: Buffer, sprm: number, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      if (at >= buf.length) return 1;
      // sprmTDefTable / sprmTDefTable10: a two-byte count of the rest, plus one.
      if (sprm === 0xd608 || sprm === 0xd606) return at + 2 <= buf.length ? 2 + buf.readUInt16LE(at) - 1 : 2;
      return 1 + buf[at];
  }
}

function eachSprm(buf: Buffer, from: number, visit: (sprm: number, at: number, size: number) => void): void {
  let at = from;
  while (at + 2 <= buf.length) {
    const sprm = buf.readUInt16LE(at);
    at += 2;
    const size = operandSize(buf, sprm, at);
    if (at + size > buf.length) break;
    visit(sprm, at, size);
    at += size;
  }
}

function readTableDef(buf: Buffer, at: number, size: number): TableDef | undefined {
  // TDefTableOperand: cb (2), itcMac (1), rgdxaCenter ((itcMac+1) × int16), rgTc80 (itcMac × 20, may be short).
  const end = at + size;
  if (at + 3 > end) return undefined;
  const itcMac = buf[at + 2];
  const centersAt = at + 3;
  if (itcMac === 0 || centersAt + (itcMac + 1) * 2 > end) return undefined;
  const centers: number[] = [];
  for (let i = 0; i <= itcMac; i++) centers.push(buf.readInt16LE(centersAt + i * 2));
  const horzMerge: number[] = [];
  const vertMerge: number[] = [];
  const tcAt = centersAt + (itcMac + 1) * 2;
  for (let i = 0; i < itcMac; i++) {
    const p = tcAt + i * 20;
    const tcgrf = p + 2 <= end ? buf.readUInt16LE(p) : 0;
    horzMerge.push(tcgrf & 0x3);
    vertMerge.push((tcgrf >> 5) & 0x3);
  }
  return { centers, horzMerge, vertMerge };
}

/** Apply a paragraph's sprms to its properties; sprmPHugePapx sends the rest to the Data stream. */
function applyParagraphSprms(props: ParaProps, grpprl: Buffer, from: number, data: Buffer | null, depth = 0): void {
  const vertOverrides: Array<[number, number]> = [];
  eachSprm(grpprl, from, (sprm, at, size) => {
    const byte = grpprl[at];
    switch (sprm) {
      case 0x2416: props.inTable = byte !== 0; break;
      case 0x2417: props.ttp = byte !== 0; break;
      case 0x6649: props.itap = grpprl.readInt32LE(at); break;
      case 0x244b: props.innerCell = byte !== 0; break;
      case 0x244c: props.innerTtp = byte !== 0; break;
      case 0x460b: props.ilfo = grpprl.readUInt16LE(at); break;
      case 0x260a: props.ilvl = byte; break;
      case 0x2640: props.outLvl = byte; break;
      case 0x3404: props.header = byte !== 0; break; // sprmTTableHeader
      case 0xd608: props.tdef = readTableDef(grpprl, at, size); break;
      case 0xd62b: if (size >= 3) vertOverrides.push([grpprl[at + 1], grpprl[at + 2]]); break; // sprmTVertMerge
      case 0x6646: { // sprmPHugePapx: the properties are too big for the page; they sit in the Data stream
        const offset = grpprl.readUInt32LE(at);
        if (data && depth === 0 && offset + 2 <= data.length) {
          const cb = data.readUInt16LE(offset);
          applyParagraphSprms(props, data.subarray(offset + 2, Math.min(data.length, offset + 2 + cb)), 0, data, depth + 1);
        }
        break;
      }
      default: break;
    }
  });
  if (props.tdef) for (const [itc, vm] of vertOverrides) if (itc < props.tdef.vertMerge.length) props.tdef.vertMerge[itc] = vm;
}

interface FkpEntry {
  /** Offset of the 512-byte formatted disk page in the WordDocument stream. */
  page: number;
  /** Entries on the page. */
  crun: number;
  /** This entry's index on the page. */
  j: number;
  fcStart: number;
  fcEnd: number;
}

/**
 * Every entry of the formatted disk pages (FKPs) a bin table points at — the paragraph (PAPX) and
 * character (CHPX) property pages are laid out alike; the FIB gives each bin table's place.
 */
function* fkpEntries(word: Buffer, table: Buffer, fibFc: number, fibLcb: number): Generator<FkpEntry> {
  const fc = word.readUInt32LE(fibFc);
  const lcb = word.readUInt32LE(fibLcb);
  if (lcb < 12 || fc + lcb > table.length) return;
  const n = (lcb - 4) / 8;
  for (let i = 0; i < n; i++) {
    const page = (table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff) * 512;
    if (page + 512 > word.length) continue;
    const crun = word[page + 511];
    for (let j = 0; j < crun; j++) {
      yield { page, crun, j, fcStart: word.readUInt32LE(page + j * 4), fcEnd: word.readUInt32LE(page + (j + 1) * 4) };
    }
  }
}

function readParagraphProperties(word: Buffer, table: Buffer, data: Buffer | null): ParaProps[] {
  const out: ParaProps[] = [];
  for (const { page, crun, j, fcStart, fcEnd } of fkpEntries(word, table, 0x0102, 0x0106)) {
    const props: ParaProps = {
      fcStart, fcEnd,
      istd: 0, inTable: false, ttp: false, itap: 0, innerCell: false, innerTtp: false, ilfo: 0, ilvl: 0, outLvl: 9, header: false,
    };
    out.push(props);
    const bOffset = word[page + (crun + 1) * 4 + j * 13] * 2;
    if (bOffset === 0) continue;
    const cb = word[page + bOffset];
    const start = cb !== 0 ? page + bOffset + 1 : page + bOffset + 2;
    const length = cb !== 0 ? 2 * cb - 1 : 2 * word[page + bOffset + 1];
    const grpprl = word.subarray(start, Math.min(start + length, page + 511));
    if (grpprl.length < 2) continue;
    props.istd = grpprl.readUInt16LE(0);
    applyParagraphSprms(props, grpprl, 2, data);
  }
  return out.sort((a, b) => a.fcStart - b.fcStart);
}

/** Toggle values: 1 on, 0x81 "opposite of the style" (taken as on: body styles are not bold). */
const toggleOn = (v: number) => v === 1 || v === 0x81;

function readCharacterRuns(word: Buffer, table: Buffer): CharRun[] {
  const out: CharRun[] = [];
  for (const { page, crun, j, fcStart, fcEnd } of fkpEntries(word, table, 0x00fa, 0x00fe)) {
    const rgb = word[page + (crun + 1) * 4 + j] * 2;
    if (rgb === 0) continue;
    const cb = word[page + rgb];
    const grpprl = word.subarray(page + rgb + 1, Math.min(page + rgb + 1 + cb, page + 511));
    const style: StyleState = {};
    eachSprm(grpprl, 0, (sprm, at) => {
      if (sprm === 0x0835) style.bold = toggleOn(grpprl[at]);
      else if (sprm === 0x0836) style.italic = toggleOn(grpprl[at]);
      else if (sprm === 0x2a3e) style.underline = grpprl[at] !== 0;
    });
    if (style.bold || style.italic || style.underline) out.push({ fcStart, fcEnd, style });
  }
  return out.sort((a, b) => a.fcStart - b.fcStart);
}

/** Built-in style identifiers (sti) by style index, from the style sheet. */
function readStyleIds(word: Buffer, table: Buffer): number[] {
  const fc = word.readUInt32LE(0x00a2);
  const lcb = word.readUInt32LE(0x00a6);
  const stis: number[] = [];
  if (lcb < 6 || fc + lcb > table.length) return stis;
  const stsh = table.subarray(fc, fc + lcb);
  const cbStshi = stsh.readUInt16LE(0);
  const cstd = stsh.readUInt16LE(2);
  let at = 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= stsh.length; istd++) {
    const cbStd = stsh.readUInt16LE(at);
    stis.push(cbStd >= 2 && at + 4 <= stsh.length ? stsh.readUInt16LE(at + 2) & 0x0fff : -1);
    at += 2 + cbStd;
  }
  return stis;
}

function findRun<T extends { fcStart: number; fcEnd: number }>(runs: T[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid];
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return undefined;
}

interface CapturingExtractor extends ExtractorBase {
  paragraphs: ParaProps[];
  runs: CharRun[];
  styleIds: number[];
}

interface WordExtractorClasses {
  Capturing: new (dataStream: Buffer | null) => CapturingExtractor;
  BufferReader: new (buffer: Buffer) => unknown;
}

let classes: WordExtractorClasses | null = null;

/** word-extractor's internals, loaded on first use (a text-only run never needs them). */
function wordExtractor(): WordExtractorClasses {
  if (classes) return classes;
  const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as new () => ExtractorBase;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => unknown;
  class Capturing extends WordOleExtractor implements CapturingExtractor {
    paragraphs: ParaProps[] = [];
    runs: CharRun[] = [];
    styleIds: number[] = [];

    constructor(private readonly dataStream: Buffer | null) {
      super();
    }

    override writeCharacterProperties(word: Buffer, table: Buffer): void {
      this.runs = readCharacterRuns(word, table);
      super.writeCharacterProperties(word, table);
    }

    override writeParagraphProperties(word: Buffer, table: Buffer): void {
      this.paragraphs = readParagraphProperties(word, table, this.dataStream);
      this.styleIds = readStyleIds(word, table);
      super.writeParagraphProperties(word, table);
    }
  }
  classes = { Capturing, BufferReader };
  return classes;
}

// ---------------------------------------------------------------------------------------------------------
// Raw text → paragraphs

interface RawParagraph {
  rich: RichText;
  props: ParaProps | undefined;
  /** What ended it: a paragraph mark, a cell mark, a row end (TTP), a page or section break. */
  end: 'para' | 'cell' | 'row' | 'break';
}

function splitParagraphs(extractor: CapturingExtractor): RawParagraph[] {
  const out: RawParagraph[] = [];
  let builder = new RichTextBuilder();
  let run = '';
  let runStyle: StyleState = {};
  let runKey = '';
  const flushRun = () => {
    if (run) builder.add(run, runStyle);
    run = '';
  };
  const endParagraph = (fc: number, end: RawParagraph['end']) => {
    flushRun();
    out.push({ rich: builder.build(), props: findRun(extractor.paragraphs, fc), end });
    builder = new RichTextBuilder();
  };
  const fields: Array<'code' | 'result'> = [];
  const pieces = [...extractor._pieces].sort((a, b) => a.startCp - b.startCp);
  const ccpText = extractor._boundaries.ccpText;
  for (const piece of pieces) {
    for (let k = 0; k < piece.length; k++) {
      if (piece.startCp + k >= ccpText) break;
      const ch = piece.text[k];
      const fc = piece.startFilePos + k * piece.bpc;
      switch (ch) {
        case '\r':
          endParagraph(fc, 'para');
          continue;
        case '\x07':
          endParagraph(fc, 'cell');
          continue;
        case '\n': // word-extractor wrote this over each table-row end mark
          endParagraph(fc, 'row');
          continue;
        case '\x0c':
          endParagraph(fc, 'break');
          continue;
        case '\x13':
          fields.push('code');
          continue;
        case '\x14':
          if (fields.length) fields[fields.length - 1] = 'result';
          continue;
        case '\x15':
          fields.pop();
          continue;
        default:
          break;
      }
      if (fields.includes('code')) continue;
      let text = ch;
      if (ch === '\x0b') {
        flushRun();
        builder.lineBreak();
        continue;
      }
      if (ch === '\x1e') text = '-';
      else if (ch === '\t' || ch === '\x0e') text = ' ';
      else if (ch < ' ') continue; // pictures, footnote marks, deleted text, optional hyphens
      const style = findRun(extractor.runs, fc)?.style ?? {};
      const key = `${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}${style.underline ? 'u' : ''}`;
      if (key !== runKey) {
        flushRun();
        runStyle = style;
        runKey = key;
      }
      run += text;
    }
  }
  flushRun();
  if (!builder.isBlank()) out.push({ rich: builder.build(), props: undefined, end: 'para' });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Paragraphs → blocks

interface RawRow {
  cells: RawParagraph[][];
  props: ParaProps | undefined;
}

interface Level {
  index: number;
  line: number;
  rows: RawRow[];
  row: RawParagraph[][];
  cell: RawParagraph[];
}

export interface Word97Result {
  blocks: Block[];
  messages: Message[];
}

class BlockAssembler {
  readonly blocks: Block[] = [];
  readonly messages: Message[] = [];
  private unit = 0;
  private tables = 0;
  private stack: Level[] = [];
  /** Tables finished inside the outermost open table, emitted after it. */
  private inner: Table[] = [];
  private list: List | null = null;

  constructor(
    private readonly file: string,
    private readonly styleIds: number[],
  ) {}

  private headingLevel(props: ParaProps | undefined): number | null {
    if (!props) return null;
    const sti = this.styleIds[props.istd] ?? -1;
    if (sti >= 1 && sti <= 9) return sti;
    if (sti === 62) return 1; // Title
    if (props.outLvl >= 0 && props.outLvl < 9) return props.outLvl + 1;
    return null;
  }

  add(p: RawParagraph): void {
    const inTable = p.props?.inTable || p.end === 'cell' || p.end === 'row';
    const depth = inTable ? Math.max(1, p.props?.itap ?? 1) : 0;
    while (this.stack.length > depth) this.closeLevel();
    if (depth === 0) {
      this.body(p);
      return;
    }
    this.list = null;
    while (this.stack.length < depth) this.stack.push({ index: this.tables++, line: ++this.unit, rows: [], row: [], cell: [] });
    const level = this.stack[depth - 1];
    const rowEnd = depth === 1 ? p.end === 'row' || !!p.props?.ttp : !!p.props?.innerTtp;
    const cellEnd = depth === 1 ? p.end === 'cell' && !p.props?.ttp : !!p.props?.innerCell;
    if (rowEnd) {
      if (level.cell.some((c) => c.rich.text)) level.row.push(level.cell);
      level.rows.push({ cells: level.row, props: p.props });
      level.row = [];
      level.cell = [];
      return;
    }
    level.cell.push(p);
    if (cellEnd) {
      level.row.push(level.cell);
      level.cell = [];
    }
  }

  finish(): Word97Result {
    while (this.stack.length) this.closeLevel();
    return { blocks: this.blocks, messages: this.messages };
  }

  private body(p: RawParagraph): void {
    if (!p.rich.text) return;
    const provenance: Provenance = { file: this.file, line: ++this.unit };
    const level = this.headingLevel(p.props);
    if (level !== null) {
      this.list = null;
      this.blocks.push({ kind: 'heading', level, text: p.rich.text, spans: p.rich.spans, provenance });
      return;
    }
    if (p.props && p.props.ilfo > 0) {
      const item = { text: p.rich.text, spans: p.rich.spans, provenance, depth: Math.min(p.props.ilvl, 8) };
      if (!this.list) this.blocks.push((this.list = { kind: 'list', ordered: false, items: [], provenance }));
      this.list.items.push(item);
      return;
    }
    this.list = null;
    this.blocks.push({ kind: 'paragraph', text: p.rich.text, spans: p.rich.spans, provenance });
  }

  private closeLevel(): void {
    const level = this.stack.pop()!;
    // A table cut off without its row end (damaged file): keep what was read.
    if (level.cell.length) level.row.push(level.cell);
    if (level.row.length) level.rows.push({ cells: level.row, props: undefined });
    const table = this.buildTable(level);
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      // The outer cell keeps the inner table's text as its paragraphs.
      for (const row of table.rows) for (const cell of row.cells) for (const c of cell.content) {
        const texts = c.kind === 'paragraph' ? [c] : c.items;
        for (const t of texts) parent.cell.push({ rich: { text: t.text, spans: t.spans }, props: undefined, end: 'para' });
      }
      this.inner.push(table);
      return;
    }
    this.blocks.push(table, ...this.inner.sort((a, b) => a.index - b.index));
    this.inner = [];
  }

  private buildTable(level: Level): Table {
    const file = this.file;
    const { index, line } = level;
    const table: Table = { kind: 'table', index, method: 'word', rows: [], provenance: { file, line, table: index } };
    const grid = gridOf(level.rows);
    /** Cells still open downwards (vertical merges) by grid column. */
    const openAbove = new Map<number, Cell>();
    level.rows.forEach((raw) => {
      const rowIndex = table.rows.length;
      const cells: Cell[] = [];
      const tdef = raw.props?.tdef;
      const useGrid = !!(grid && tdef && tdef.centers.length - 1 >= raw.cells.length);
      let seqCol = 0;
      raw.cells.forEach((paras, i) => {
        let col = seqCol;
        let colSpan = 1;
        if (useGrid && grid && tdef) {
          col = grid(tdef.centers[i]);
          colSpan = Math.max(1, grid(tdef.centers[i + 1]) - col);
        }
        seqCol = col + colSpan;
        const provenance: Provenance = { file, line, table: index, row: rowIndex, col };
        const content = cellContent(paras, provenance);
        const rich = joinRich(content.map((c) => (c.kind === 'paragraph' ? c : joinRich(c.items))));
        const horz = useGrid && tdef ? tdef.horzMerge[i] : 0;
        const vert = useGrid && tdef ? tdef.vertMerge[i] : 0;
        const previous = cells[cells.length - 1];
        if (horz >= 2 && previous) {
          // Old-style horizontal merge: this cell is part of the one before it.
          previous.colSpan = col + colSpan - previous.col;
          if (rich.text) appendCell(previous, rich, content);
          return;
        }
        const above = openAbove.get(col);
        if (vert === 1 && above) {
          above.rowSpan += 1;
          if (rich.text) appendCell(above, rich, content);
          return;
        }
        const cell: Cell = { text: rich.text, spans: rich.spans, provenance, col, colSpan, rowSpan: 1, content };
        if (vert === 3) openAbove.set(col, cell);
        else openAbove.delete(col);
        cells.push(cell);
      });
      const row: Row = { cells, header: !!raw.props?.header, provenance: { file, line, table: index, row: rowIndex } };
      table.rows.push(row);
    });
    return table;
  }
}

/** Grid columns from every row's cell boundaries (boundaries within 20 twips are one). */
function gridOf(rows: RawRow[]): ((x: number) => number) | null {
  const all = rows.flatMap((r) => r.props?.tdef?.centers ?? []).sort((a, b) => a - b);
  if (!all.length) return null;
  const clusters: number[] = [];
  for (const x of all) if (!clusters.length || x - clusters[clusters.length - 1] > 20) clusters.push(x);
  return (x: number) => {
    let best = 0;
    for (let i = 0; i < clusters.length; i++) if (Math.abs(clusters[i] - x) < Math.abs(clusters[best] - x)) best = i;
    return best;
  };
}

function appendCell(cell: Cell, rich: RichText, content: CellContent[]): void {
  const joined = joinRich([{ text: cell.text, spans: cell.spans }, rich]);
  cell.text = joined.text;
  cell.spans = joined.spans;
  cell.content.push(...content);
}

function cellContent(paras: RawParagraph[], provenance: Provenance): CellContent[] {
  const content: CellContent[] = [];
  let list: List | null = null;
  for (const p of paras) {
    if (!p.rich.text) continue;
    if (p.props && p.props.ilfo > 0) {
      if (!list) content.push((list = { kind: 'list', ordered: false, items: [], provenance }));
      list.items.push({ text: p.rich.text, spans: p.rich.spans, provenance, depth: Math.min(p.props.ilvl, 8) });
      continue;
    }
    list = null;
    content.push({ kind: 'paragraph', text: p.rich.text, spans: p.rich.spans, provenance });
  }
  return content;
}

/** Read a Word 97-2003 document's body. Throws RejectedInput when word-extractor cannot read it. */
export async function readWord97(bytes: Uint8Array, file: string): Promise<Word97Result> {
  // The Data stream holds paragraph properties too big for their page (wide tables' row definitions).
  let data: Buffer | null = null;
  try {
    const ole = readOle(bytes);
    const entry = ole.entries.find((e) => e.name === 'Data' && e.type === 2);
    if (entry) data = Buffer.from(ole.read(entry));
  } catch {
    data = null;
  }
  const { Capturing, BufferReader } = wordExtractor();
  const extractor = new Capturing(data);
  try {
    await extractor.extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  } catch (error) {
    throw new RejectedInput(`unreadable Word 97-2003 document (${(error as Error).message.split('\n')[0]})`, 'open it in Word or LibreOffice and save it as .docx');
  }
  const assembler = new BlockAssembler(file, extractor.styleIds);
  for (const p of splitParagraphs(extractor)) assembler.add(p);
  const result = assembler.finish();
  if (!extractor.paragraphs.length) {
    result.messages.push(message('ingest:doc-no-paragraph-properties', 'warning', `${file}: paragraph properties unreadable; table rows found from cell marks only`, { file }));
  }
  return result;
}
