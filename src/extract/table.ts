// Tables, read by the meaning of their headers and labels rather than their shape: label-and-value rows
// ("Baseline 29% (05/06) | 08/09 26%"), header rows over value rows (scorecards, "Baseline | 08/09" then
// "79%"), indicators as columns with years as rows, districts as rows, bare BVPI codes, RAG milestones.
import { findMentions, isUncodedDefinition, type Mention } from '../detect/mentions.ts';
import type { Cell, Row, Table } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { candidatesFromTokens, sourceOf, type Candidate, type MilestoneCandidate } from './candidate.ts';
import { columnRole, kindOfLabel, labelIntroducesValue, ragStatus, splitLeadingLabel, type ColumnRole } from './labels.ts';
import { labelledLine, prosePending, proseValues } from './lines.ts';
import type { IndicatorScope } from './scope.ts';
import { parseValues } from './values.ts';

interface Column {
  role: ColumnRole;
  cell: Cell;
}

interface Header {
  columns: Map<number, Column>;
  /** Indicators heading columns ("Year | NI 186 | NI 192"). */
  indicatorColumns: Map<number, Mention>;
  /** A per-indicator label row ("Baseline | 08/09 | 09/10") whose values may follow in the next row. */
  awaitingValues: boolean;
  consumed: boolean;
  indicator: Mention | null;
}

export interface TableReading {
  candidates: Candidate[];
  milestones: MilestoneCandidate[];
}

const MAX_VALUE_CELL = 80;

function filled(row: Row): Cell[] {
  return row.cells.filter((c) => c.text.trim());
}

function hasValueColumns(header: Header): boolean {
  return [...header.columns.values()].some((c) => c.role.role === 'value') || header.indicatorColumns.size > 0;
}

/** A row of short labels: "Indicator | 2007/08 Actual | 2008/09 Target", "District | Baseline 2007/08 | Target". */
function headerFromLabels(row: Row): Header | null {
  const cells = filled(row);
  if (cells.length < 2) return null;
  const columns = new Map<number, Column>();
  const indicatorColumns = new Map<number, Mention>();
  let recognised = 0;
  for (const cell of cells) {
    const mentions = findMentions(cell);
    if (mentions.length === 1 && cell.text.trim().length <= 60 && !parseValues(cell.text.replace(mentions[0].source.text.slice(mentions[0].source.start, mentions[0].source.end), '')).length) {
      indicatorColumns.set(cell.col, { ...mentions[0], defining: true });
      recognised++;
      continue;
    }
    const role = columnRole(cell.text);
    if (role) {
      columns.set(cell.col, { role, cell });
      recognised++;
    }
  }
  const valueColumns = [...columns.values()].filter((c) => c.role.role === 'value').length;
  const structural = [...columns.values()].some((c) => c.role.role !== 'value' && c.role.role !== 'other');
  if (indicatorColumns.size >= 2 && columns.size >= 1) {
    return { columns, indicatorColumns, awaitingValues: false, consumed: false, indicator: null };
  }
  if (recognised < Math.max(2, Math.ceil(cells.length / 2)) || (valueColumns === 0 && !structural)) return null;
  if (valueColumns === 0 && ![...columns.values()].some((c) => c.role.role === 'indicator')) return null;
  return { columns, indicatorColumns: new Map(), awaitingValues: false, consumed: false, indicator: null };
}

/** Fill what a header row left open (a column's kind or period) from the label row under it. */
function completeHeader(header: Header, cells: Cell[]): void {
  for (const cell of cells) {
    const role = columnRole(cell.text);
    const split = splitLeadingLabel(cell.text, true);
    const kind = role?.role === 'value' ? role.kind : (split?.kind ?? null);
    const period = role?.role === 'value' ? role.period : (split?.period ?? null);
    const existing = header.columns.get(cell.col);
    if (existing && existing.role.role === 'value') {
      existing.role = { role: 'value', kind: existing.role.kind ?? kind, period: existing.role.period ?? period };
    } else if (!existing && (kind || period)) {
      header.columns.set(cell.col, { role: { role: 'value', kind, period }, cell });
    }
  }
}

/** Default kind for a bare year column: targets, unless the table only reports results. */
function defaultKind(header: Header): { kind: ObservationKind; doubt: string | null } {
  const kinds = new Set([...header.columns.values()].map((c) => (c.role.role === 'value' ? c.role.kind : null)));
  if (kinds.has('baseline') || kinds.has('target')) return { kind: 'target', doubt: null };
  if (kinds.has('result')) return { kind: 'target', doubt: 'year column without a kind word, read as a target' };
  return { kind: 'target', doubt: 'year column without a kind word, read as a target' };
}

function isValueCell(cell: Cell | undefined): boolean {
  if (!cell) return false;
  const text = cell.text.trim();
  if (!text || text.length > MAX_VALUE_CELL) return false;
  return parseValues(text).length > 0;
}

/** The indicator a row names for itself: a code in an indicator column, or any defining code in it. */
function rowIndicator(row: Row, header: Header | null, skipCols: Set<number>): Mention | null {
  for (const cell of filled(row)) {
    if (skipCols.has(cell.col)) continue;
    const column = header?.columns.get(cell.col);
    const indicatorCell = column?.role.role === 'indicator';
    const scheme = column?.role.role === 'indicator' ? column.role.scheme : null;
    const mentions = findMentions(cell, { indicatorCell, scheme });
    const defining = mentions.find((m) => m.defining);
    if (defining) {
      const titleColumn = [...(header?.columns ?? new Map<number, Column>()).entries()].find(([, c]) => c.role.role === 'title');
      const titleCell = titleColumn ? row.cells.find((c) => c.col === titleColumn[0]) : undefined;
      return titleCell?.text.trim() && !defining.title ? { ...defining, title: titleCell.text.trim() } : defining;
    }
  }
  return null;
}

function rowArea(row: Row, header: Header | null, valueCols: Set<number>): string | null {
  const areaColumn = header ? [...header.columns.entries()].find(([, c]) => c.role.role === 'area') : undefined;
  if (areaColumn) {
    const cell = row.cells.find((c) => c.col === areaColumn[0]);
    return cell?.text.trim() || null;
  }
  const first = filled(row)[0];
  if (!first || valueCols.has(first.col)) return null;
  const text = first.text.trim();
  if (text.length > 40 || /\d/.test(text) || findMentions(first).length || !/^[A-Z]/.test(text)) return null;
  if (kindOfLabel(text) || columnRole(text)) return null;
  return text;
}

/** An empty value slot of a row that names its indicator: a gap the reviewer must see, never dropped. */
function emptySlot(indicator: Mention, kind: ObservationKind, period: string | null, cell: Cell, header: Cell | null, area: string | null): Candidate {
  return {
    indicator, kind, labelPeriod: period, area, ordinal: 0,
    // The slot has no words of its own: show the label it sits under, located at the empty cell.
    source: { provenance: cell.provenance, text: header?.text || '(empty cell)', start: 0, end: (header?.text || '(empty cell)').length },
    headerSource: header ? sourceOf(header) : null,
    baseConfidence: 0.85, reasons: [`${kind} cell left empty`],
    token: { state: 'pending', value: null, unit: null, periods: [], area: null, relativeChange: null, denominator: null, pendingReason: 'empty cell', start: 0, end: cell.text.length, doubts: [] },
  };
}

function milestoneOf(row: Row, section: string | null): MilestoneCandidate | null {
  const cells = filled(row);
  const statusCell = cells.find((c) => ragStatus(c.text));
  if (!statusCell) return null;
  const texts = cells.filter((c) => !ragStatus(c.text) && c.text.trim().length > 3);
  if (!texts.length) return null;
  return {
    text: texts[0].text.trim(),
    outcome: texts[1]?.text.trim() ?? null,
    status: ragStatus(statusCell.text)!,
    section,
    source: sourceOf(texts[0]),
  };
}

export function readTable(table: Table, scope: IndicatorScope, section: string | null): TableReading {
  const candidates: Candidate[] = [];
  const milestones: MilestoneCandidate[] = [];
  let header: Header | null = null;
  /** Index of the row that set `header`: a label row right under it completes it (two-row headers). */
  let headerRow = -1;

  const closeHeader = () => {
    // A per-indicator label row with no values below: every slot it labels is missing.
    if (header && header.awaitingValues && !header.consumed) {
      const indicator = header.indicator ?? (scope.distance() <= 4 ? scope.single() : null);
      if (indicator) {
        const fallback = defaultKind(header);
        for (const column of header.columns.values()) {
          if (column.role.role !== 'value') continue;
          candidates.push(emptySlot(indicator, column.role.kind ?? fallback.kind, column.role.period, column.cell, column.cell, null));
        }
      }
    }
    if (header) header.consumed = true;
  };

  for (const [rowIndex, row] of table.rows.entries()) {
    const cells = filled(row);
    if (!cells.length) continue;

    // A row with a status letter is a milestone, unless it names an indicator (a scorecard's RAG column).
    const milestone = rowIndicator(row, header, new Set()) ? null : milestoneOf(row, section);
    if (milestone) {
      milestones.push(milestone);
      continue;
    }

    // 1. Values under the last header (row labels such as "Baseline 2007/08" give period and kind).
    if (header && hasValueColumns(header)) {
      const valueCols = new Set<number>([...header.columns.entries()].filter(([, c]) => c.role.role === 'value').map(([col]) => col));
      for (const col of header.indicatorColumns.keys()) valueCols.add(col);
      const valueCells = row.cells.filter((c) => valueCols.has(c.col));
      if (valueCells.some(isValueCell) && !valueCells.some((c) => c.text.trim().length > MAX_VALUE_CELL * 3)) {
        readValueRow(row, header, valueCols, scope, candidates);
        continue;
      }
    }

    // 2. A row of one cell is a line of text that landed in a table (a spreadsheet's title and note rows,
    // a PDF paragraph inside a ruled box): read it as a line.
    if (cells.length === 1 && readAsLine(cells[0], scope, candidates)) continue;

    // 3. A row whose cells carry their own labels: "Baseline 29% (05/06) | 08/09 26% | 09/10 25%".
    const rowHasKind = cells.some((c) => {
      const split = splitLeadingLabel(c.text, false);
      return split?.kind && labelIntroducesValue(c.text.slice(split.restStart));
    });
    if (rowHasKind) {
      const labelsOnly = cells.every((c) => {
        const split = splitLeadingLabel(c.text, true);
        return split !== null && !c.text.slice(split.restStart).trim();
      });
      // "2007/08 | 2008/09" over "Actual | Target": the second row completes the first.
      if (labelsOnly && header && !header.consumed && headerRow === rowIndex - 1) {
        completeHeader(header, cells);
        headerRow = rowIndex;
        continue;
      }
      closeHeader();
      headerRow = rowIndex;
      const labelled = new Map<number, Column>();
      const labelCols = new Set<number>();
      const slots: Array<{ cell: Cell; kind: ObservationKind | null; period: string | null; restStart: number }> = [];
      for (const cell of cells) {
        const split = splitLeadingLabel(cell.text, true);
        if (!split) continue;
        labelCols.add(cell.col);
        labelled.set(cell.col, { role: { role: 'value', kind: split.kind, period: split.period }, cell });
        slots.push({ cell, kind: split.kind, period: split.period, restStart: split.restStart });
      }
      const indicator = rowIndicator(row, null, labelCols) ?? scope.single();
      if (indicator) scope.define([indicator], false);
      header = { columns: labelled, indicatorColumns: new Map(), awaitingValues: true, consumed: false, indicator };
      const fallback = defaultKind(header);
      let any = false;
      for (const slot of slots) {
        const rest = slot.cell.text.slice(slot.restStart);
        if (!rest.trim() || !indicator) continue;
        any = true;
        const kind = slot.kind ?? fallback.kind;
        candidates.push(
          ...candidatesFromTokens(
            parseValues(rest, { slot: true }),
            {
              indicator, kind, labelPeriod: slot.period, headerSource: sourceOf(slot.cell, 0, slot.restStart),
              baseConfidence: 0.95, reasons: slot.kind ? [] : fallback.doubt ? [fallback.doubt] : [], area: null,
            },
            slot.cell,
            slot.restStart,
          ),
        );
      }
      if (any) {
        header.consumed = true;
        // "Baseline 21.8% | 08/09 | 09/10 | 10/11 25.8%": the labelled but empty years are gaps.
        for (const slot of slots) {
          if (slot.cell.text.slice(slot.restStart).trim() || !indicator) continue;
          candidates.push(emptySlot(indicator, slot.kind ?? fallback.kind, slot.period, slot.cell, slot.cell, null));
        }
      }
      continue;
    }

    // 4. A header row (labels only).
    const labels = headerFromLabels(row);
    if (labels && header && !header.consumed && headerRow === rowIndex - 1 && labels.indicatorColumns.size === 0) {
      completeHeader(header, cells);
      headerRow = rowIndex;
      continue;
    }
    if (labels) {
      closeHeader();
      headerRow = rowIndex;
      header = labels;
      const perIndicator = ![...labels.columns.values()].some((c) => c.role.role === 'indicator') && labels.indicatorColumns.size === 0;
      header.awaitingValues = perIndicator && [...labels.columns.values()].some((c) => c.role.role === 'value');
      header.indicator = perIndicator && scope.distance() <= 4 ? scope.single() : null;
      continue;
    }

    // 5. A row that names an indicator (or an uncoded measure) sets the scope for what follows.
    closeHeader();
    const named = rowIndicator(row, header, new Set());
    if (named) scope.define([named], false);
    else if (cells.some((c) => isUncodedDefinition(c))) scope.clear();
  }
  closeHeader();
  return { candidates, milestones };
}

/** Labelled lines and clear prose in a one-cell row. True when the row gave readings. */
function readAsLine(cell: Cell, scope: IndicatorScope, out: Candidate[]): boolean {
  const labelled = labelledLine(cell, scope);
  if (labelled?.length) {
    out.push(...labelled);
    return true;
  }
  const prose = [...proseValues(cell), ...prosePending(cell)];
  out.push(...prose);
  return false;
}

function readValueRow(row: Row, header: Header, valueCols: Set<number>, scope: IndicatorScope, out: Candidate[]): void {
  header.consumed = true;
  const own = rowIndicator(row, header, valueCols);
  const indicator = own ?? header.indicator ?? scope.single();
  // Years as rows: the row's first cell says which period (and kind) the figures are for.
  const labelCell = filled(row).find((c) => !valueCols.has(c.col));
  const rowLabel = labelCell ? splitLeadingLabel(labelCell.text, true) ?? rowLabelFromText(labelCell.text) : null;
  const area = own ? null : rowArea(row, header, valueCols);
  const fallback = defaultKind(header);
  for (const col of [...valueCols].sort((a, b) => a - b)) {
    // Exports drop trailing empty cells: a missing cell is an empty one, located by its header.
    const column = header.columns.get(col);
    const columnIndicator = header.indicatorColumns.get(col);
    const cell = row.cells.find((c) => c.col === col) ?? (column ? { ...column.cell, text: '', spans: [], content: [] } : undefined);
    if (!cell) continue;
    const target = columnIndicator ?? indicator;
    if (!target) continue;
    const role = column?.role.role === 'value' ? column.role : null;
    // "Improvement target to be confirmed" under a Baseline column speaks of the target.
    const ownKind = parseValues(cell.text)[0]?.state === 'pending' ? kindOfLabel(cell.text) : null;
    const kind = ownKind ?? role?.kind ?? rowLabel?.kind ?? fallback.kind;
    const period = role?.period ?? rowLabel?.period ?? null;
    const reasons: string[] = [];
    if (!role?.kind && !rowLabel?.kind && fallback.doubt) reasons.push(fallback.doubt);
    // "Original target | Revised target": both are kept; the replaced one says so and counts for less.
    const replaced = column && /\b(?:original|previous|old|initial|superseded)\b/i.test(column.cell.text);
    if (replaced) reasons.push(`the column says this figure was replaced ("${column.cell.text.trim()}")`);
    if (!own && !columnIndicator) reasons.push('indicator taken from the section, not the row');
    const text = cell.text;
    if (!text.trim()) {
      if (!columnIndicator) out.push(emptySlot(target, kind, period, cell, column?.cell ?? null, area));
      continue;
    }
    out.push(
      ...candidatesFromTokens(
        parseValues(text, { slot: true }),
        {
          indicator: target, kind, labelPeriod: period,
          headerSource: column ? sourceOf(column.cell) : columnIndicator ? columnIndicator.source : null,
          baseConfidence: replaced ? 0.6 : 0.92, reasons, area,
        },
        cell,
        0,
      ),
    );
  }
}

function rowLabelFromText(text: string): { kind: ObservationKind | null; period: string | null } | null {
  const role = columnRole(text);
  return role && role.role === 'value' ? { kind: role.kind, period: role.period } : null;
}
