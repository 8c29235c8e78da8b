// The single document model every ingester fills and every later stage reads.
// Ingesters differ per format; nothing to the right of PlanDocument knows which format it came from.
import * as z from 'zod';

/** [x0, y0, x1, y1] in PDF points (or image pixels for OCR), origin top-left of the page. */
export const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof Box>;

/**
 * Where a piece of text came from. `line` is the 1-based physical line of a text export (or the
 * paragraph index of a Word/HTML document); `table`/`row`/`col` locate a cell; `sheet`/`address`
 * locate a spreadsheet cell; `box` locates text on a PDF or scanned page.
 */
export const Provenance = z.object({
  file: z.string(),
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  box: Box.optional(),
  table: z.number().int().nonnegative().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
  sheet: z.string().optional(),
  address: z.string().optional(),
  /** OCR word confidence 0..1 averaged over the text, when the text was recognised from an image. */
  ocrConfidence: z.number().min(0).max(1).optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const TextStyle = z.object({
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
export type TextStyle = z.infer<typeof TextStyle>;

/** A run of text with one style; `start`/`end` are offsets into the owning text unit's `text`. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  style: TextStyle.optional(),
  /** Finer location of this run (a PDF word box, a source line of a continued cell). */
  provenance: Provenance.partial().optional(),
  /** OCR confusions repaired in this run's text ("O→0 in 1O.5"). */
  repairs: z.array(z.string()).optional(),
});
export type Span = z.infer<typeof Span>;

/** A paragraph-like piece of text: the unit values are found in. */
export const TextUnit = z.object({
  text: z.string(),
  spans: z.array(Span).default([]),
  provenance: Provenance,
});
export type TextUnit = z.infer<typeof TextUnit>;

export const Paragraph = TextUnit.extend({ kind: z.literal('paragraph') });
export type Paragraph = z.infer<typeof Paragraph>;

export const Heading = TextUnit.extend({ kind: z.literal('heading'), level: z.number().int().min(1).max(9) });
export type Heading = z.infer<typeof Heading>;

export const ListItem = TextUnit.extend({ depth: z.number().int().nonnegative().default(0) });
export type ListItem = z.infer<typeof ListItem>;

export const List = z.object({
  kind: z.literal('list'),
  ordered: z.boolean().default(false),
  items: z.array(ListItem),
  provenance: Provenance,
});
export type List = z.infer<typeof List>;

/** What a cell holds: paragraphs and lists parsed from its markup, never raw markup. */
export const CellContent = z.discriminatedUnion('kind', [Paragraph, List]);
export type CellContent = z.infer<typeof CellContent>;

export const Cell = TextUnit.extend({
  /** Grid column where the cell starts (after earlier spans are accounted for). */
  col: z.number().int().nonnegative(),
  colSpan: z.number().int().positive().default(1),
  rowSpan: z.number().int().positive().default(1),
  content: z.array(CellContent).default([]),
  /** Typed value when the source had one (spreadsheets): the number behind the display text. */
  number: z.number().optional(),
  numberFormat: z.string().optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Row = z.object({
  cells: z.array(Cell),
  /** True when the ingester knows (HTML <th>, repeated header) that this row is a header row. */
  header: z.boolean().default(false),
  provenance: Provenance,
});
export type Row = z.infer<typeof Row>;

/** `slashes`: a web copy's " / " between cells, where an empty cell leaves no trace. */
export const TableMethod = z.enum(['tabs', 'slashes', 'html', 'ruled', 'borderless', 'sheet', 'word']);
export type TableMethod = z.infer<typeof TableMethod>;

export const Table = z.object({
  kind: z.literal('table'),
  index: z.number().int().nonnegative(),
  method: TableMethod,
  rows: z.array(Row),
  provenance: Provenance,
});
export type Table = z.infer<typeof Table>;

export const Block = z.discriminatedUnion('kind', [Paragraph, Heading, List, Table]);
export type Block = z.infer<typeof Block>;

export const DocumentFormat = z.enum(['text-export', 'pdf', 'docx', 'doc', 'html', 'xlsx', 'csv', 'image']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const PlanDocument = z.object({
  file: z.string(),
  format: DocumentFormat,
  contentHash: z.string(),
  title: z.string().nullable(),
  partnership: z.string().nullable(),
  pageCount: z.number().int().nonnegative().optional(),
  blocks: z.array(Block),
});
export type PlanDocument = z.infer<typeof PlanDocument>;
