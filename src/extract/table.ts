// Tables, read by the meaning of their headers and labels rather than their shape: label-and-value rows
// ("Baseline 29% (05/06) | 08/09 26%"), header rows over value rows (scorecards, "Baseline | 08/09" then
// "79%"), indicators as columns with years as rows, districts as rows, bare BVPI codes, RAG milestones.
import { titleSimilarity } from '../detect/catalogue.ts';
import { findCodes } from '../detect/codes.ts';
import { isUncodedDefinition, type Mention } from '../detect/mentions.ts';
import type { Cell, Row, Table } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { candidatesFromTokens, sourceOf, type Candidate, type MilestoneCandidate } from './candidate.ts';
import { kindOfLabel } from '../vocabulary/kinds.ts';
import { findPeriods } from '../vocabulary/periods.ts';
import { columnRole, labelIntroducesValue, pairedKinds, splitLeadingLabel } from './labels.ts';
import { labelledLine, prosePending } from './lines.ts';
import { readPhrases, type PhraseContext } from './phrases.ts';
import type { IndicatorScope } from './scope.ts';
import { nearestTo, rowPaths } from './header-paths.ts';
import { completeHeader, defaultKind, spreadStackedKinds, type MergedCells, filled, hasValueColumns, headerFromLabels, isYearOfResults, latestResultYear, rowLabelFromText, type Column, type Header } from './table-header.ts';
import { emptySlot, isValueCell, MAX_VALUE_CELL, milestoneOf, rowArea, rowIndicator } from './table-rows.ts';
import { parseValues } from './values.ts';

export interface TableReading {
  candidates: Candidate[];
  milestones: MilestoneCandidate[];
}

/** How each kind of table shows merged header cells. */
const MERGED_CELLS: Record<Table['method'], MergedCells> = { html: 'recorded', word: 'recorded', ruled: 'recorded', sheet: 'recorded', tabs: 'first-cell', slashes: 'unknown', borderless: 'unknown' };

export function readTable(table: Table, scope: IndicatorScope, section: string | null, context: PhraseContext): TableReading {
  const merged = MERGED_CELLS[table.method];
  const centred = merged === 'unknown' ? centredCodeCells(table.rows) : new Map<number, Mention>();
  const paths = rowPaths(table.rows);
  const candidates: Candidate[] = [];
  const milestones: MilestoneCandidate[] = [];
  let header: Header | null = null;
  /** Index of the row that set `header`: a label row right under it completes it (two-row headers). */
  let headerRow = -1;
  /** The indicator the last value row named: rows of places under it ("Barrow | 32.3% | …") break it down by area. */
  let lastNamed: Mention | null = null;

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
      // A slash table leaves no trace of an empty cell: a row of fewer (or more) cells than its header cannot be
      // placed under it, cell by cell.
      if (table.method === 'slashes' && header.written && cells.length !== header.written.size && cells.length > 1) continue;
      const labelsOwnCells = valueCells.some((c) => splitLeadingLabel(c.text, false)?.kind);
      if (!labelsOwnCells && valueCells.some(isValueCell) && !valueCells.some((c) => c.text.trim().length > MAX_VALUE_CELL * 3)) {
        lastNamed = readValueRow(row, paths[rowIndex], header, valueCols, scope, candidates, centred.get(rowIndex) ?? null, lastNamed);
        continue;
      }
    }

    // 2. A row of one cell is a line of text that landed in a table (a spreadsheet's title and note rows,
    // a PDF paragraph inside a ruled box): read it as a line.
    if (cells.length === 1 && readAsLine(cells[0], scope, context, candidates)) continue;

    // 3. A row whose cells carry their own labels: "Baseline 29% (05/06) | 08/09 26% | 09/10 25%".
    const rowHasKind = cells.some((c) => {
      const split = splitLeadingLabel(c.text, false);
      return split?.kind && labelIntroducesValue(c.text.slice(split.restStart));
    });
    if (rowHasKind && !namesStructure(row)) {
      // Quarter, comparator and threshold headings ("Q2", "England average", "Top quartile") are labels too.
      const labelsOnly = cells.every((c) => {
        const split = splitLeadingLabel(c.text, true);
        const role = columnRole(c.text)?.role;
        return (split !== null && !c.text.slice(split.restStart).trim()) || role === 'value' || role === 'threshold';
      });
      // "2007/08 | 2008/09" over "Actual | Target": the second row completes the first.
      if (labelsOnly && header && !header.consumed && headerRow === rowIndex - 1) {
        completeHeader(header, cells, merged);
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
        // "Target / Actual": the figures under it are one of each, in order; the label itself holds none.
        const kinds = pairedKinds(cell.text);
        labelled.set(cell.col, { role: { role: 'value', kind: kinds ? null : split.kind, period: split.period, ...(kinds ? { kinds } : {}) }, cell, path: [cell] });
        if (!kinds) slots.push({ cell, kind: split.kind, period: split.period, restStart: split.restStart });
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
      completeHeader(header, cells, merged);
      headerRow = rowIndex;
      continue;
    }
    if (labels) {
      closeHeader();
      headerRow = rowIndex;
      header = labels;
      lastNamed = null;
      if (merged === 'unknown') spreadStackedKinds(header);
      const perIndicator = ![...labels.columns.values()].some((c) => c.role.role === 'indicator') && labels.indicatorColumns.size === 0;
      header.awaitingValues = perIndicator && [...labels.columns.values()].some((c) => c.role.role === 'value');
      header.indicator = perIndicator && scope.distance() <= 4 ? scope.single() : null;
      continue;
    }

    // 5. A row that names an indicator (or an uncoded measure) sets the scope for what follows.
    closeHeader();
    const named = rowIndicator(row, header, new Set());
    // Cells of prose in a row that names its indicator ("How we will measure success: increase to 25% by
    // 2010/11 from 19.8% in 2007/08") are read as sentences about that indicator.
    // The indicator's own title in its cell ("Achievement of 2 or more A*-C grades …") is a name, not a sentence.
    const about = named ?? scope.single();
    if (about && cells.length > 1) {
      for (const cell of cells) {
        if (cell.text.length <= 25 || namesIndicator(cell.text, about)) continue;
        candidates.push(...readPhrases(cell, context, about, true), ...prosePending(cell));
      }
    }
    if (named) {
      scope.define([named], false);
      // A per-indicator block whose values were read is over once the next indicator is named.
      if (header?.consumed && ![...header.columns.values()].some((c) => c.role.role === 'indicator')) header = null;
    }
    else if (cells.some((c) => isUncodedDefinition(c))) scope.clear();
  }
  closeHeader();
  return { candidates, milestones };
}

/**
 * Borderless PDF tables lose merged cells: an indicator's code cell centred down over its "Target" and "Actual"
 * rows becomes a row of its own between them. Where such rows name indicators and kind-labelled rows of figures
 * stand above the first of them (so the code cells are centred, not on top), each kind row belongs to the
 * nearest row naming an indicator; a row as near to two is left to the reader's other rules.
 */
function centredCodeCells(rows: readonly Row[]): Map<number, Mention> {
  const named = new Map<number, Mention>();
  const kindRows: number[] = [];
  rows.forEach((row, i) => {
    const cells = filled(row);
    if (!cells.length) return;
    const values = cells.filter(isValueCell);
    const indicator = rowIndicator(row, null, new Set());
    if (!values.length && indicator) named.set(i, indicator);
    else if (values.length && !indicator && cells.some((c) => !isValueCell(c) && kindOfLabel(c.text) && c.text.trim().split(/\s+/).length <= 3)) kindRows.push(i);
  });
  const out = new Map<number, Mention>();
  const first = Math.min(...named.keys());
  if (!named.size || !kindRows.some((k) => k < first)) return out;
  for (const k of kindRows) {
    const at = nearestTo([...named], k);
    if (at.length === 1) out.set(k, at[0]);
  }
  return out;
}

/** Whether a cell's words are the indicator's title (as the document or the catalogue writes it). */
function namesIndicator(text: string, indicator: Mention): boolean {
  // The cell that carries the code names it too, but may go on to give figures: only a cell without the code
  // is a pure title cell.
  const titles = findCodes(text).length ? [indicator.catalogueTitle] : [indicator.title, indicator.catalogueTitle];
  return titles.some((t) => t && text.length <= t.length * 1.3 + 12 && titleSimilarity(text, t) >= 0.5);
}

/** A label row that also heads indicator, title or area columns is a header, whatever its kind words. */
function namesStructure(row: Row): boolean {
  const header = headerFromLabels(row);
  return header !== null && [...header.columns.values()].some((c) => ['indicator', 'title', 'area'].includes(c.role.role));
}

/** Labelled lines and clear prose in a one-cell row. True when the row gave readings. */
function readAsLine(cell: Cell, scope: IndicatorScope, context: PhraseContext, out: Candidate[]): boolean {
  const labelled = labelledLine(cell, scope);
  if (labelled?.length) {
    out.push(...labelled);
    return true;
  }
  const prose = [...readPhrases(cell, context), ...prosePending(cell)];
  out.push(...prose);
  return false;
}

/**
 * What a row's label path says about its figures' kind and period: its first label cell ("Baseline 2007/08",
 * "2008/09 target"), else any other cell of the path that is a label and nothing more (an indicator's "Target"
 * and "Actual" rows beside a code cell spanning both).
 */
function rowLabelOf(path: Row, valueCols: Set<number>): { kind: ObservationKind | null; period: string | null } | null {
  const labels = filled(path).filter((c) => !valueCols.has(c.col));
  const first = labels[0] ? splitLeadingLabel(labels[0].text, true) ?? rowLabelFromText(labels[0].text) : null;
  if (first?.kind || first?.period) return first;
  for (const cell of labels.slice(1)) {
    // Only a cell that is a label and nothing more: "Baseline to come from the Place Survey" is a comment.
    const split = splitLeadingLabel(cell.text, true);
    if (split && !cell.text.slice(split.restStart).trim() && (split.kind || split.period)) return split;
  }
  return first;
}

/** Reads one row of figures under the header; returns the indicator a row of places after it breaks down. */
function readValueRow(row: Row, path: Row, header: Header, valueCols: Set<number>, scope: IndicatorScope, out: Candidate[], centred: Mention | null, lastNamed: Mention | null): Mention | null {
  header.consumed = true;
  const own = rowIndicator(path, header, valueCols);
  const area = own ? null : rowArea(path, header, valueCols);
  // "NI 153 – … | 32.3% | …" then "Barrow (WNF Recipient) | 32.3% | …": a row of a place under an indicator's row.
  const fromAbove = !own && !centred && !header.indicator && area && lastNamed ? lastNamed : null;
  const indicator = own ?? centred ?? header.indicator ?? fromAbove ?? scope.single();
  // Years as rows: the row's label cells say which period (and kind) the figures are for.
  const rowLabel = rowLabelOf(path, valueCols);
  const fallback = defaultKind(header);
  const latestResult = latestResultYear(header);
  for (const col of [...valueCols].sort((a, b) => a - b)) {
    // Exports drop trailing empty cells: a missing cell is an empty one, located by its header.
    const column = header.columns.get(col);
    const columnIndicator = header.indicatorColumns.get(col);
    // Under an indicator's column the empty cell is placed on this row, in that column.
    const rowCell = filled(row)[0];
    const cell = row.cells.find((c) => c.col === col) ?? (column ? { ...column.cell, text: '', spans: [], content: [] } : columnIndicator && rowCell ? { ...rowCell, col, text: '', spans: [], content: [], provenance: { ...rowCell.provenance, col } } : undefined);
    if (!cell) continue;
    const target = columnIndicator ?? indicator;
    if (!target) continue;
    const role = column?.role.role === 'value' ? column.role : null;
    // "Improvement target to be confirmed" under a Baseline column speaks of the target.
    const ownKind = parseValues(cell.text)[0]?.state === 'pending' ? kindOfLabel(cell.text) : null;
    const period = role?.period ?? rowLabel?.period ?? null;
    const ofResults = !role?.kind && !rowLabel?.kind && isYearOfResults(period, latestResult);
    const kind = ownKind ?? role?.kind ?? rowLabel?.kind ?? (ofResults ? 'result' : fallback.kind);
    // "Most recent (APS3) | 22.0% | 45.2%" under indicator columns: neither a kind nor a year is written for the
    // figure, and a target read into it would be a guess.
    if (!ownKind && !role?.kind && !role?.kinds && !rowLabel?.kind && !period && !role?.area && !findPeriods(cell.text).length) continue;
    const reasons: string[] = [];
    if (!role?.kind && !role?.kinds && !rowLabel?.kind && !ofResults && fallback.doubt) reasons.push(fallback.doubt);
    // "Original target | Revised target": both are kept; the replaced one says so and counts for less.
    const replacedBy = column?.path.find((c) => /\b(?:original|previous|old|initial|superseded)\b/i.test(c.text));
    const replaced = replacedBy !== undefined;
    if (replacedBy) reasons.push(`the column says this figure was replaced ("${replacedBy.text.trim()}")`);
    if (!own && !columnIndicator) {
      reasons.push(centred ? 'indicator taken from the nearest row naming one: a borderless table does not show which rows a merged cell covers'
        : fromAbove ? `indicator taken from the row above: this row gives its figures for ${area}` : 'indicator taken from the section, not the row');
    }
    if (column?.doubt) reasons.push(column.doubt);
    const text = cell.text;
    const columnArea = role?.area ?? area;
    if (!text.trim()) {
      // Under an indicator's column, a row labelled with a kind ("2010/11 target") leaves a gap when its cell is empty.
      if ((!columnIndicator || rowLabel?.kind) && !role?.area) out.push(emptySlot(target, kind, period, cell, column?.cell ?? null, area));
      continue;
    }
    if (role?.kinds && !ownKind && !rowLabel?.kind) {
      // "Target / Actual" over "23% / 21.5%": one figure of each kind, in the heading's order; any other count
      // cannot be told apart and is left unread.
      const figures = parseValues(text, { slot: true }).filter((t) => t.state === 'value');
      if (figures.length !== role.kinds.length) continue;
      figures.forEach((token, n) => out.push(...candidatesFromTokens([token], {
        indicator: target, kind: role.kinds![n], labelPeriod: period, headerSource: column ? sourceOf(column.cell) : null,
        baseConfidence: 0.85, reasons: [...reasons, `one of the kinds the heading "${column!.cell.text.trim()}" names, in its order`], area: columnArea,
      }, cell, 0)));
      continue;
    }
    out.push(
      ...candidatesFromTokens(
        parseValues(text, { slot: true }),
        {
          indicator: target, kind, labelPeriod: period,
          headerSource: column ? sourceOf(column.cell) : columnIndicator ? columnIndicator.source : null,
          baseConfidence: replaced ? 0.6 : 0.92, reasons, area: columnArea,
        },
        cell,
        0,
      ),
    );
  }
  return own ?? (area ? lastNamed : null);
}

