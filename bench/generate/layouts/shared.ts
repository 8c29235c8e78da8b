// What every layout builder gets and gives: a context (random stream, fresh indicators, whether the format
// holds only tables) and blocks plus the records they should read back as.
import type { Kind, Reading } from '../figures.ts';
import type { SynthBlock, Truth } from '../model.ts';
import type { Rng } from '../random.ts';
import type { IndicatorDef } from '../vocabulary.ts';

export interface LayoutContext {
  rng: Rng;
  /** Indicators not used elsewhere in the document. */
  takeIndicators(n: number, scheme?: 'BV'): IndicatorDef[];
  /** CSV and XLSX hold tables only: anything a layout says outside a table must go inside it. */
  tablesOnly: boolean;
  /** CSV holds exactly one table: the layout must fit in one. */
  oneTable: boolean;
  /**
   * Merged cells are drawn unambiguously (rules, markup, spreadsheet merges). In a borderless PDF a title
   * spanning narrow value columns hides the gutters between them, so there the title keeps to column 0 and
   * the cells beside it stay empty, as the plain-text exports of these plans have it.
   */
  spans: boolean;
  /** Ordinal of this section in the document, for "Priority 3:" headings. */
  section: number;
}

export interface LayoutOutput {
  blocks: SynthBlock[];
  truth: Truth[];
}

export interface Layout {
  name: string;
  /** Can be written into a tables-only format (CSV, XLSX). */
  inTables: boolean;
  build(ctx: LayoutContext): LayoutOutput;
}

export function record(indicator: IndicatorDef, kind: Kind, reading: Reading, period: string | null, area: string | null = null): Truth {
  return { indicator: indicator.code, kind, ...reading, period, area };
}

/** The ways a row or line names its indicator: "NI 16 Title", "NI 16: Title", "Title (NI 16)". */
export function named(rng: Rng, d: IndicatorDef): string {
  return rng.pick([`${d.code} ${d.title}`, `${d.code}: ${d.title}`, `${d.title} (${d.code})`]);
}
