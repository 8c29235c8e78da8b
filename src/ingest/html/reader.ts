// HTML → PlanDocument blocks. Shared by the HTML ingester and the DOCX ingester (mammoth's HTML).
//
// Headings, paragraphs, lists and tables become blocks; table cells keep their grid place (Cell.col) and their
// spans (colSpan/rowSpan) — a merged cell appears once, never copied into every grid slot it covers. A table
// inside a cell becomes a Table block of its own right after the outer table, and the outer cell keeps the
// inner text as its content. Provenance `line` is the 1-based index of the paragraph-like unit (paragraph,
// heading, list item, table) in reading order; cells add table/row/col.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Block, CellContent, Cell, Heading, List, ListItem, Paragraph, Provenance, Row, Table, TableMethod } from '../../model/document.ts';
import { message, type Message } from '../../model/message.ts';
import { joinRich, RichTextBuilder, type RichText, type StyleState } from './rich-text.ts';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

export interface HtmlReadOptions {
  file: string;
  /** 'html' for web pages, 'word' for Word documents read through mammoth. */
  tableMethod: Extract<TableMethod, 'html' | 'word'>;
}

export interface HtmlReadResult {
  blocks: Block[];
  /** Text of the page's <title>, when it has a useful one. */
  documentTitle: string | null;
  messages: Message[];
}

/** Elements whose content is never document text. */
const SKIP = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'object', 'embed', 'iframe', 'svg', 'math', 'select', 'textarea', 'button', 'xml', 'map', 'audio', 'video', 'canvas']);
/** Elements that start and end a paragraph (or contain paragraphs). */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'body', 'html', 'blockquote', 'center',
  'form', 'fieldset', 'legend', 'figure', 'figcaption', 'address', 'pre', 'dl', 'dt', 'dd', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'li', 'hgroup', 'menu',
]);
const HEADING_TAG = /^h([1-6])$/;
const TAG_STYLE: Record<string, StyleState> = {
  b: { bold: true }, strong: { bold: true },
  i: { italic: true }, em: { italic: true }, cite: { italic: true }, dfn: { italic: true }, var: { italic: true },
  u: { underline: true }, ins: { underline: true },
};
/** Word "Save as Web Page" title paragraphs. */
const CLASS_HEADING: Record<string, number> = { msotitle: 1, msosubtitle: 2 };
/** A list marker typed (or emitted by Word's HTML export) at the start of a list paragraph. */
const TYPED_MARKER = /^(?:[·•○▪§Øü➢\-–*o]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,6}[.)])\s+/;

const ORDERED_MARKER = /^\(?(?:\d+|[a-zA-Z]|[ivxIVX]+)[.)]/;

type HtmlText = Extract<HtmlNode, { type: 'text' }>;

function isElement(node: HtmlNode | null | undefined): node is HtmlElement {
  return !!node && 'attribs' in node;
}

function isText(node: HtmlNode): node is HtmlText {
  return node.type === 'text';
}

function cssDeclarations(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!style) return out;
  for (const decl of style.split(';')) {
    const at = decl.indexOf(':');
    if (at > 0) out.set(decl.slice(0, at).trim().toLowerCase(), decl.slice(at + 1).trim().toLowerCase());
  }
  return out;
}

function isHidden(el: HtmlElement): boolean {
  const css = cssDeclarations(el.attribs.style);
  return css.get('display') === 'none' || css.get('mso-hide') === 'all' || 'hidden' in el.attribs;
}

function elementStyle(el: HtmlElement, inherited: StyleState): StyleState {
  const own = TAG_STYLE[el.name];
  let style = own ? { ...inherited, ...own } : inherited;
  const css = cssDeclarations(el.attribs.style);
  if (css.size === 0) return style;
  const weight = css.get('font-weight');
  if (weight) style = { ...style, bold: /^(?:bold|bolder|[6-9]00)$/.test(weight) };
  const fontStyle = css.get('font-style');
  if (fontStyle) style = { ...style, italic: /italic|oblique/.test(fontStyle) };
  const decoration = css.get('text-decoration') ?? css.get('text-decoration-line');
  if (decoration) style = { ...style, underline: decoration.includes('underline') };
  return style;
}

/** Word's HTML export marks list paragraphs `style="mso-list:l0 level2 lfo1"`. */
function msoListLevel(el: HtmlElement): number | null {
  const css = cssDeclarations(el.attribs.style);
  const list = css.get('mso-list');
  if (!list || list === 'ignore' || list === 'skip') return null;
  const level = /level(\d+)/.exec(list);
  return level ? Math.max(1, Number(level[1])) : 1;
}

// ---------------------------------------------------------------------------------------------------------
// Flow: what a container holds, in order, before it becomes blocks or cell content.

type FlowItem =
  | { kind: 'para'; rich: RichText; heading: number | null; msoList: number | null }
  | { kind: 'list'; ordered: boolean; items: Array<{ rich: RichText; depth: number }> }
  | { kind: 'table'; el: HtmlElement };

/**
 * Lists and tables nested deeper than this are read as plain text: hostile pages nest thousands deep, and
 * nothing below walks the page recursively.
 */
const MAX_NESTING = 40;

interface Frame {
  nodes: HtmlNode[];
  at: number;
  style: StyleState;
  pre: boolean;
  exit?: () => void;
}

class FlowWalker {
  readonly items: FlowItem[] = [];
  private rich = new RichTextBuilder();
  private heading: number | null = null;
  private msoList: number | null = null;

  /** `nesting`: how many lists/tables deep this flow sits. */
  constructor(private readonly nesting = 0) {}

  /** Walk with an explicit stack: element depth in the page never becomes call depth. */
  walk(nodes: HtmlNode[], style: StyleState, pre: boolean): void {
    const flat = this.nesting >= MAX_NESTING;
    const stack: Frame[] = [{ nodes, at: 0, style, pre }];
    while (stack.length) {
      const frame = stack[stack.length - 1];
      if (frame.at >= frame.nodes.length) {
        stack.pop();
        frame.exit?.();
        continue;
      }
      const node = frame.nodes[frame.at++];
      if (isText(node)) {
        this.rich.add(node.data, frame.style, frame.pre);
        continue;
      }
      if (!isElement(node)) continue;
      const name = node.name;
      if (SKIP.has(name) || name.startsWith('v:') || name.startsWith('w:') || isHidden(node)) continue;
      if (name === 'br') {
        this.rich.lineBreak();
        continue;
      }
      if (name === 'img' || name === 'input') continue;
      if (name === 'table' && !flat) {
        this.flush();
        if (isLayoutTable(node)) {
          // A table that only lays out the page: its cells are ordinary flow, read in order.
          const cells = tableRowElements(node).flatMap((tr) =>
            tr.children.filter((c): c is HtmlElement => isElement(c) && (c.name === 'td' || c.name === 'th') && !isHidden(c)),
          );
          for (const cell of cells.reverse()) stack.push({ nodes: cell.children, at: 0, style: frame.style, pre: frame.pre, exit: () => this.flush() });
          continue;
        }
        this.items.push({ kind: 'table', el: node });
        continue;
      }
      if ((name === 'ul' || name === 'ol') && !flat) {
        this.flush();
        const items: Array<{ rich: RichText; depth: number }> = [];
        collectList(node, 0, items, this.nesting + 1);
        if (items.length) this.items.push({ kind: 'list', ordered: name === 'ol', items });
        continue;
      }
      const childStyle = elementStyle(node, frame.style);
      const block = BLOCK.has(name) || name === 'table' || name === 'ul' || name === 'ol';
      if (!block) {
        stack.push({ nodes: node.children, at: 0, style: childStyle, pre: frame.pre });
        continue;
      }
      // A block element: its text is a paragraph of its own.
      this.flush();
      const saved = { heading: this.heading, msoList: this.msoList };
      const level = HEADING_TAG.exec(name);
      const classHeading = (node.attribs.class ?? '').toLowerCase().split(/\s+/).map((c) => CLASS_HEADING[c]).find(Boolean);
      if (level) this.heading = Number(level[1]);
      else if (classHeading) this.heading = classHeading;
      const listLevel = name === 'p' ? msoListLevel(node) : null;
      if (listLevel !== null) this.msoList = listLevel;
      stack.push({
        nodes: node.children,
        at: 0,
        style: childStyle,
        pre: frame.pre || name === 'pre',
        exit: () => {
          this.flush();
          this.heading = saved.heading;
          this.msoList = saved.msoList;
        },
      });
    }
  }

  flush(): void {
    if (!this.rich.isBlank()) {
      const rich = this.rich.build();
      if (rich.text) this.items.push({ kind: 'para', rich, heading: this.heading, msoList: this.msoList });
    }
    this.rich = new RichTextBuilder();
  }

  finish(): FlowItem[] {
    this.flush();
    return this.items;
  }
}

/** Paragraph-like pieces of a flow, for places that hold only lines of text (list items, flattened tables). */
function flowLines(items: FlowItem[], nesting: number): RichText[] {
  const parts: RichText[] = [];
  for (const item of items) {
    if (item.kind === 'para') parts.push(item.rich);
    else if (item.kind === 'list') parts.push(...item.items.map((i) => i.rich));
    else parts.push(tableText(item.el, nesting + 1));
  }
  return parts;
}

/** List items in order, nested lists one level deeper; an item's paragraphs are joined by '\n'. */
function collectList(list: HtmlElement, depth: number, out: Array<{ rich: RichText; depth: number }>, nesting: number): void {
  if (nesting >= MAX_NESTING) {
    // Too deep: the rest of the list is one item of plain text.
    const walker = new FlowWalker(MAX_NESTING);
    walker.walk(list.children, {}, false);
    const rich = joinRich(flowLines(walker.finish(), MAX_NESTING));
    if (rich.text) out.push({ rich, depth });
    return;
  }
  for (const child of list.children) {
    if (!isElement(child) || isHidden(child)) continue;
    if (child.name === 'ul' || child.name === 'ol') {
      collectList(child, depth + 1, out, nesting + 1);
      continue;
    }
    // <li>, or stray content directly in the list: read it as an item; its own sub-lists follow it.
    const children = child.name === 'li' ? child.children : [child];
    const isSubList = (n: HtmlNode) => isElement(n) && (n.name === 'ul' || n.name === 'ol');
    const walker = new FlowWalker(nesting);
    walker.walk(children.filter((n) => !isSubList(n)), elementStyle(child, {}), false);
    const rich = joinRich(flowLines(walker.finish(), nesting));
    if (rich.text) out.push({ rich, depth });
    for (const sub of children) if (isSubList(sub)) collectList(sub as HtmlElement, depth + 1, out, nesting + 1);
  }
}

/** All text of a table as lines (one per cell paragraph), for a table sitting where only text can go. */
function tableText(table: HtmlElement, nesting: number): RichText {
  const parts: RichText[] = [];
  for (const tr of tableRowElements(table)) {
    for (const cell of tr.children) {
      if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
      const walker = new FlowWalker(Math.min(nesting, MAX_NESTING));
      walker.walk(cell.children, {}, false);
      parts.push(...flowLines(walker.finish(), nesting));
    }
  }
  return joinRich(parts);
}

/** The rows of this table (not of tables nested in it), in source order. */
function tableRowElements(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const tr of child.children) if (isElement(tr) && tr.name === 'tr') rows.push(tr);
    }
  }
  return rows;
}

/** First descendant element matching `test` (iteratively), optionally not looking inside tables. */
function findElement(roots: HtmlNode[], test: (e: HtmlElement) => boolean, skipTables = false): HtmlElement | null {
  const stack: HtmlNode[] = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node) || (skipTables && node.name === 'table')) continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return null;
}

/**
 * Tables old web pages used for layout rather than data: marked presentational, a single cell, or a few rows
 * whose cells hold headings or tables of their own. Data tables never put a heading inside a cell.
 */
function isLayoutTable(table: HtmlElement): boolean {
  if ((table.attribs.role ?? '').toLowerCase() === 'presentation') return true;
  const rows = tableRowElements(table);
  const cells = rows.flatMap((tr) => tr.children.filter((c): c is HtmlElement => isElement(c) && (c.name === 'td' || c.name === 'th')));
  if (cells.length === 1) return true;
  if (rows.length > 4) return false;
  return cells.some(
    (cell) =>
      findElement(cell.children, (e) => HEADING_TAG.test(e.name), true) !== null ||
      cell.children.filter((c) => isElement(c) && c.name === 'table').length >= 2,
  );
}

function spanAttribute(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(Math.max(n, 0), max);
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

class BlockBuilder {
  readonly blocks: Block[] = [];
  readonly messages: Message[] = [];
  private unit = 0;
  private tableCount = 0;
  documentTitle: string | null = null;

  constructor(private readonly options: HtmlReadOptions) {}

  read(html: string): void {
    const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    const title = findElement(dom.children, (el) => el.name === 'title');
    if (title) this.documentTitle = DomUtils.textContent(title).replace(/\s+/g, ' ').trim() || null;
    const walker = new FlowWalker();
    walker.walk(dom.children, {}, false);
    this.emit(walker.finish());
  }

  private provenance(line: number): Provenance {
    return { file: this.options.file, line };
  }

  private emit(items: FlowItem[]): void {
    let msoList: List | null = null;
    for (const item of items) {
      if (item.kind === 'para' && item.msoList !== null && item.heading === null) {
        const marker = TYPED_MARKER.exec(item.rich.text);
        const rich = marker ? shiftRich(item.rich, marker[0].length) : item.rich;
        const line = ++this.unit;
        const listItem: ListItem = { text: rich.text, spans: rich.spans, provenance: this.provenance(line), depth: item.msoList - 1 };
        if (!msoList) {
          msoList = { kind: 'list', ordered: !!marker && ORDERED_MARKER.test(marker[0]), items: [], provenance: this.provenance(line) };
          this.blocks.push(msoList);
        }
        msoList.items.push(listItem);
        continue;
      }
      msoList = null;
      if (item.kind === 'para') {
        const provenance = this.provenance(++this.unit);
        if (item.heading !== null) {
          const heading: Heading = { kind: 'heading', level: item.heading, text: item.rich.text, spans: item.rich.spans, provenance };
          this.blocks.push(heading);
        } else {
          const paragraph: Paragraph = { kind: 'paragraph', text: item.rich.text, spans: item.rich.spans, provenance };
          this.blocks.push(paragraph);
        }
      } else if (item.kind === 'list') {
        const first = this.unit + 1;
        const list: List = {
          kind: 'list',
          ordered: item.ordered,
          items: item.items.map((i) => ({ text: i.rich.text, spans: i.rich.spans, provenance: this.provenance(++this.unit), depth: i.depth })),
          provenance: this.provenance(first),
        };
        this.blocks.push(list);
      } else {
        const caption = captionOf(item.el);
        if (caption) this.blocks.push({ kind: 'paragraph', text: caption.text, spans: caption.spans, provenance: this.provenance(++this.unit) });
        const tables: Table[] = [];
        this.buildTable(item.el, tables, 1);
        this.blocks.push(...tables.sort((a, b) => a.index - b.index));
      }
    }
  }

  /** Build `el` and every table nested in it; the outer table first in index order. */
  private buildTable(el: HtmlElement, out: Table[], nesting: number): Table {
    const index = this.tableCount++;
    const line = ++this.unit;
    const file = this.options.file;
    const table: Table = { kind: 'table', index, method: this.options.tableMethod, rows: [], provenance: { file, line, table: index } };
    out.push(table);
    const trs = tableRowElements(el);
    const occupied: Array<Set<number>> = trs.map(() => new Set<number>());
    trs.forEach((tr, r) => {
      const parent = tr.parent as HtmlNode | null;
      const inHead = isElement(parent) && parent.name === 'thead';
      const cellEls = tr.children.filter((c): c is HtmlElement => isElement(c) && (c.name === 'td' || c.name === 'th'));
      const rowIndex = table.rows.length;
      const cells: Cell[] = [];
      let col = 0;
      for (const cellEl of cellEls) {
        while (occupied[r].has(col)) col++;
        const colSpan = Math.max(1, spanAttribute(cellEl.attribs.colspan, 1, 1000));
        let rowSpan = spanAttribute(cellEl.attribs.rowspan, 1, 65534);
        if (rowSpan === 0) rowSpan = trs.length - r; // rowspan="0": to the end of the table
        rowSpan = Math.max(1, Math.min(rowSpan, trs.length - r));
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied[r + dr].add(col + dc);
        const provenance: Provenance = { file, line, table: index, row: rowIndex, col };
        const content = this.cellContent(cellEl, provenance, out, nesting);
        const rich = joinRich(content.map(contentRich));
        cells.push({ text: rich.text, spans: rich.spans, provenance, col, colSpan, rowSpan, content });
        col += colSpan;
      }
      // Word's HTML export ends tables with an invisible row that only fixes column widths.
      const invisible = tr.attribs.height === '0' || cssDeclarations(tr.attribs.style).get('display') === 'none';
      if (invisible && cells.every((c) => !c.text)) return;
      const header = inHead || (cellEls.length > 0 && cellEls.every((c) => c.name === 'th'));
      const row: Row = { cells, header, provenance: { file, line, table: index, row: rowIndex } };
      table.rows.push(row);
    });
    if (table.rows.length === 0) {
      this.messages.push(message('ingest:empty-table', 'info', `${file}: table ${index} has no rows`, { file, table: index, line }));
    }
    return table;
  }

  /** A cell's paragraphs and lists; nested tables become blocks of their own and lend their text here. */
  private cellContent(cellEl: HtmlElement, provenance: Provenance, tables: Table[], nesting: number): CellContent[] {
    const walker = new FlowWalker(nesting);
    walker.walk(cellEl.children, elementStyle(cellEl, {}), false);
    const content: CellContent[] = [];
    let msoList: List | null = null;
    for (const item of walker.finish()) {
      if (item.kind === 'para' && item.msoList !== null) {
        const marker = TYPED_MARKER.exec(item.rich.text);
        const rich = marker ? shiftRich(item.rich, marker[0].length) : item.rich;
        if (!msoList) content.push((msoList = { kind: 'list', ordered: false, items: [], provenance }));
        msoList.items.push({ text: rich.text, spans: rich.spans, provenance, depth: item.msoList - 1 });
        continue;
      }
      msoList = null;
      if (item.kind === 'para') {
        content.push({ kind: 'paragraph', text: item.rich.text, spans: item.rich.spans, provenance });
      } else if (item.kind === 'list') {
        content.push({ kind: 'list', ordered: item.ordered, items: item.items.map((i) => ({ text: i.rich.text, spans: i.rich.spans, provenance, depth: i.depth })), provenance });
      } else {
        const inner = this.buildTable(item.el, tables, nesting + 1);
        for (const row of inner.rows) for (const cell of row.cells) content.push(...cell.content);
      }
    }
    return content;
  }
}

function captionOf(table: HtmlElement): RichText | null {
  const caption = table.children.find((c): c is HtmlElement => isElement(c) && c.name === 'caption');
  if (!caption) return null;
  const walker = new FlowWalker();
  walker.walk(caption.children, {}, false);
  const rich = joinRich(walker.finish().flatMap((i) => (i.kind === 'para' ? [i.rich] : [])), ' ');
  return rich.text ? rich : null;
}

function contentRich(content: CellContent): RichText {
  if (content.kind === 'paragraph') return { text: content.text, spans: content.spans };
  return joinRich(content.items.map((i) => ({ text: i.text, spans: i.spans })));
}

function shiftRich(rich: RichText, by: number): RichText {
  const text = rich.text.slice(by);
  const spans = rich.spans
    .map((s) => ({ ...s, start: Math.max(0, s.start - by), end: s.end - by }))
    .filter((s) => s.end > s.start);
  return { text, spans };
}

/** Page titles that name the file or the program, not the document. */
const USELESS_TITLE = /^(?:microsoft word\s*-|untitled|document\d*$)|\.(?:docx?|rtf|html?)$/i;

export function readHtml(html: string, options: HtmlReadOptions): HtmlReadResult {
  const builder = new BlockBuilder(options);
  builder.read(html);
  const title = builder.documentTitle && !USELESS_TITLE.test(builder.documentTitle) ? builder.documentTitle : null;
  return { blocks: builder.blocks, documentTitle: title, messages: builder.messages };
}
