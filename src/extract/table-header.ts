// Header rows of plan tables: which column holds what (indicator, title, area, a kind and period of
// value), including two-row headers and indicators heading the columns ("Year | NI 186 | NI 192").
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { Cell, Row } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { quarterEnd } from '../vocabulary/periods.ts';
import { columnsOf, combineRoles, nearestTo } from './header-paths.ts';
import { columnRole, splitLeadingLabel, type ColumnRole } from './labels.ts';
import { parseValues } from './values.ts';

export interface Column {
  /** What the column's header path means, read top to bottom. */
  role: ColumnRole;
  /** Why the path may be incomplete (a blank above it in a table that does not record merged cells). */
  doubt?: string;
  /** The lowest header cell over the column: the label a figure's provenance points to. */
  cell: Cell;
  /** Every header cell over the column, top to bottom (spanning cells included). */
  path: Cell[];
}

export interface Header {
  columns: Map<number, Column>;
  /** Indicators heading columns ("Year | NI 186 | NI 192"). */
  indicatorColumns: Map<number, Mention>;
  /** A per-indicator label row ("Baseline | 08/09 | 09/10") whose values may follow in the next row. */
  awaitingValues: boolean;
  consumed: boolean;
  indicator: Mention | null;
  /** Grid columns under a filled header cell (whatever its words): the rest have a blank above them. */
  written?: Set<number>;
}

export function filled(row: Row): Cell[] {
  return row.cells.filter((c) => c.text.trim());
}

export function hasValueColumns(header: Header): boolean {
  return [...header.columns.values()].some((c) => c.role.role === 'value') || header.indicatorColumns.size > 0;
}

/**
 * A header cell that names one indicator: short and figure-free ("NI 186"), or led by its code with the title
 * after it, however long and whatever numbers the title holds ("NI 56 Obesity … in Year 6 (NCMP, % measured)"),
 * as long as no figure in it is a percentage or a decimal, which would make it a value cell.
 */
function isIndicatorLabel(text: string, mention: Mention, titled: boolean): boolean {
  const rest = text.slice(0, mention.source.start) + text.slice(mention.source.end);
  const figures = parseValues(rest).filter((t) => t.state === 'value');
  if (text.trim().length <= 60 && !figures.length) return true;
  if (!titled) return false;
  const codeLed = text.slice(0, mention.source.start).trim() === '';
  // "… for at least 90% of sessions" is a threshold in a title, not a reading.
  const threshold = (t: (typeof figures)[number]) => /\b(?:at least|more than|over|under|below|above|less than|fewer than)\s*$/i.test(rest.slice(Math.max(0, t.start - 20), t.start));
  return codeLed && text.length <= 250 && !figures.some((t) => !threshold(t) && (t.unit === '%' || !Number.isInteger(t.value)));
}

/** A row of short labels: "Indicator | 2007/08 Actual | 2008/09 Target", "District | Baseline 2007/08 | Target". */
export function headerFromLabels(row: Row): Header | null {
  const cells = filled(row);
  if (cells.length < 2) return null;
  const columns = new Map<number, Column>();
  const indicatorColumns = new Map<number, Mention>();
  let recognised = 0;
  // Long code-led titles head columns only where several cells of the row do so (indicators as columns);
  // one such cell beside others is an indicator's row, not a header.
  const titledCells = cells.filter((c) => {
    const m = findMentions(c);
    return m.length === 1 && isIndicatorLabel(c.text, m[0], true);
  });
  const titled = titledCells.length >= 2;
  for (const cell of cells) {
    const mentions = findMentions(cell);
    // A cell spanning several columns heads each of them ("2008/09" over "Target | Actual").
    if (mentions.length === 1 && isIndicatorLabel(cell.text, mentions[0], titled)) {
      for (const col of columnsOf(cell)) indicatorColumns.set(col, { ...mentions[0], defining: true });
      recognised++;
      continue;
    }
    const role = columnRole(cell.text);
    if (role) {
      for (const col of columnsOf(cell)) columns.set(col, { role, cell, path: [cell] });
      recognised++;
    }
  }
  const valueColumns = [...columns.values()].filter((c) => c.role.role === 'value').length;
  const structural = [...columns.values()].some((c) => c.role.role !== 'value' && c.role.role !== 'other');
  // "   | NI 8 Adult participation … | NI 11 Engagement …": the stub column's header is as often left blank.
  const blankStub = !indicatorColumns.has(0) && !row.cells.some((c) => c.col === 0 && c.text.trim());
  if (indicatorColumns.size >= 2 && (columns.size >= 1 || blankStub)) {
    return { columns, indicatorColumns, awaitingValues: false, consumed: false, indicator: null, written: writtenColumns(cells) };
  }
  if (recognised < Math.max(2, Math.ceil(cells.length / 2)) || (valueColumns === 0 && !structural)) return null;
  datedQuarters(columns);
  if (valueColumns === 0 && ![...columns.values()].some((c) => c.role.role === 'indicator')) return null;
  return { columns, indicatorColumns: new Map(), awaitingValues: false, consumed: false, indicator: null, written: writtenColumns(cells) };
}

const YEAR_TO_DATE = /\b(?:year to date|ytd|cumulative|year end|outturn)\b/i;

/**
 * "2008/09 Target | Q1 | Q2 | Year to date": undated quarter columns belong to the one financial year the
 * header names, and an undated year-to-date (cumulative) column is the result for that year.
 */
function datedQuarters(columns: Map<number, Column>): void {
  const years = new Map<string, number>();
  for (const [col, c] of columns) if (c.role.role === 'value' && c.role.period && /^\d{4}\/\d{2}$/.test(c.role.period)) years.set(c.role.period, Math.max(col, years.get(c.role.period) ?? -1));
  if (!years.size) return;
  // "2008/09 Outturn | 2009/10 Target | Q1 | Q2 | YTD": quarters right of the latest year's columns are that year's.
  const year = [...years.keys()].sort().pop()!;
  const undated = [...columns.entries()].filter(([, c]) => c.role.role === 'value' && !c.role.period && (c.role.quarter || YEAR_TO_DATE.test(c.cell.text)));
  if (years.size > 1 && undated.some(([col]) => col < years.get(year)!)) return;
  for (const c of columns.values()) {
    if (c.role.role === 'value' && c.role.quarter && !c.role.period) c.role = { ...c.role, period: quarterEnd(year, c.role.quarter) };
    else if (c.role.role === 'value' && !c.role.period && c.role.kind === 'result' && YEAR_TO_DATE.test(c.cell.text)) c.role = { ...c.role, period: year };
  }
}

/**
 * Extend the header down by one label row: each of the row's cells joins the header path of every column it
 * covers, and the column's meaning is read again along the whole path ("Actual" spanning three years over
 * "2005/06 | 2006/07 | 2007/08" gives three result columns). Columns named for indicators, titles or areas keep
 * their role.
 */
/**
 * How a table shows merged header cells: `recorded` (HTML, Word, workbooks, ruled PDFs: spans are in the
 * model), `first-cell` (tab-separated text and CSV write a merged cell's words in its first cell and leave
 * the rest blank), `unknown` (borderless PDF tables: a centred heading sits over any of its columns).
 */
export type MergedCells = 'recorded' | 'first-cell' | 'unknown';

export function completeHeader(header: Header, cells: Cell[], merged: MergedCells): void {
  // Where merged cells are not recorded, a blank above a column under a row of value labels may be a heading
  // that spans it. Text exports put such a heading in its first cell: a blank right of a value heading
  // ("2008/09 | (blank)" over "Target | Actual", "Outturn | (blank)" over "2007/08 | 2008/09") reads that heading
  // too, with the doubt said; elsewhere the column is read as its own label says, with the doubt said.
  const upper = new Map(header.columns);
  const upperLabels = [...upper.values()].some((c) => c.role.role === 'value') || header.indicatorColumns.size > 0;
  for (const cell of cells) {
    const role = columnRole(cell.text);
    const split = role ? null : splitLeadingLabel(cell.text, true);
    const lower: ColumnRole | null = role ?? (split && (split.kind || split.period) ? { role: 'value', kind: split.kind, period: split.period } : null);
    if (!lower) continue;
    for (const col of columnsOf(cell)) {
      const existing = header.columns.get(col);
      if (existing && !['value', 'threshold', 'other'].includes(existing.role.role)) continue;
      const combined = combineRoles(existing?.role ?? null, lower);
      if (!combined) continue;
      let role = combined;
      let doubt = existing?.doubt;
      if (!existing && merged !== 'recorded' && upperLabels && combined.role === 'value' && header.written && !header.written.has(col)) {
        const left = merged === 'first-cell' ? headingToTheLeft(header, upper, col) : null;
        const inherited = left ? combineRoles(left.role, combined) : null;
        if (left && inherited && JSON.stringify(inherited) !== JSON.stringify(combined)) {
          role = inherited;
          doubt = `"${left.cell.text.trim()}" to the left taken as heading this column too: the blank above "${cell.text.trim()}" read as part of that merged heading`;
        } else doubt = `the header above "${cell.text.trim()}" is blank; a merged heading may cover this column`;
      }
      header.columns.set(col, { role, cell, path: [...(existing?.path ?? []), cell], ...(doubt ? { doubt } : {}) });
    }
  }
  for (const col of writtenColumns(cells)) header.written?.add(col);
  datedQuarters(header.columns);
}

/**
 * Borderless PDF tables lose merged headings: a heading centred over several year columns ("Actual" over
 * 2005/06 to 2007/08) lands on the middle one, stacked over its year ("Actual\n2006/07"), and its neighbours
 * show a bare year. Each bare year column takes the kind of the one nearest stacked heading, with the doubt
 * said; a column as near to two such headings keeps its own reading and gets the doubt.
 */
export function spreadStackedKinds(header: Header): void {
  const stacked = [...header.columns.entries()].filter(([, c]) => {
    const lines = c.cell.text.split('\n').map((l) => l.trim()).filter(Boolean);
    return c.role.role === 'value' && c.role.kind && c.role.period && lines.length >= 2 && kindOnly(lines[0]);
  });
  if (!stacked.length) return;
  for (const [col, column] of header.columns) {
    if (column.role.role !== 'value' || column.role.kind || !column.role.period || column.role.area) continue;
    const at = nearestTo(stacked, col);
    const kinds = new Set(at.map((c) => (c.role.role === 'value' ? c.role.kind : null)));
    const heading = at[0].cell.text.split('\n')[0].trim();
    if (kinds.size === 1) {
      column.role = { ...column.role, kind: [...kinds][0] };
      column.doubt = `kind taken from the heading "${heading}" nearby: a borderless table does not show how far a heading spans`;
    } else column.doubt = 'a heading above may span this column; a borderless table does not show which';
  }
}

function kindOnly(line: string): boolean {
  const role = columnRole(line);
  return role?.role === 'value' && !!role.kind && !role.period;
}

function writtenColumns(cells: Cell[]): Set<number> {
  return new Set(cells.filter((c) => c.text.trim()).flatMap(columnsOf));
}

/** The nearest heading of the rows above to the left of a column, when only blanks stand between them. */
function headingToTheLeft(header: Header, upper: Map<number, Column>, col: number): Column | null {
  for (let c = col - 1; c >= 0; c--) {
    const found = upper.get(c);
    if (found) return found.role.role === 'value' ? found : null;
    if (header.written?.has(c)) return null;
  }
  return null;
}

/**
 * Default kind for a bare year column: targets; doubted unless a Baseline or Target column says so. Beside a
 * comparator's column ("2006 | 2007 | 2008 | England 2008") and no baseline or target, the years are results:
 * a table that sets a place's years against England's reports what happened.
 */
export function defaultKind(header: Header): { kind: ObservationKind; doubt: string | null } {
  const values = [...header.columns.values()].flatMap((c) => (c.role.role === 'value' ? [c.role] : []));
  const kinds = new Set(values.map((r) => r.kind));
  const sure = kinds.has('baseline') || kinds.has('target');
  if (!sure && values.some((r) => r.area)) return { kind: 'result', doubt: null };
  return { kind: 'target', doubt: sure ? null : 'year column without a kind word, read as a target' };
}

const FINANCIAL_YEAR = /^\d{4}\/\d{2}$/;

/**
 * "2007/08 | 2008/09 outturn | 2010/11 target": the latest financial year of the header's own result columns. A
 * bare year column no later than it is a result too (what happened that year), whatever the fallback for bare
 * years is.
 */
export function latestResultYear(header: Header): string | null {
  const years = [...header.columns.values()].flatMap((c) => (c.role.role === 'value' && c.role.kind === 'result' && !c.role.area && c.role.period && FINANCIAL_YEAR.test(c.role.period) ? [c.role.period] : []));
  return years.sort().pop() ?? null;
}

/** A bare column's financial year no later than the latest year of results (see latestResultYear). */
export function isYearOfResults(period: string | null, latest: string | null): boolean {
  return !!period && !!latest && FINANCIAL_YEAR.test(period) && period <= latest;
}

/** A row label that reads like a header cell ("2008/09 target"): its kind and period. */
export function rowLabelFromText(text: string): { kind: ObservationKind | null; period: string | null } | null {
  const role = columnRole(text);
  return role && role.role === 'value' ? { kind: role.kind, period: role.period } : null;
}
