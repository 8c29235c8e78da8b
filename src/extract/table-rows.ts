// What one table row says: its own indicator, its area, whether a cell holds a value, empty slots, and
// milestone rows with a red/amber/green status.
import { findMentions, type Mention } from '../detect/mentions.ts';
import type { Cell, Row } from '../model/document.ts';
import type { ObservationKind } from '../model/observation.ts';
import { sourceOf, type Candidate, type MilestoneCandidate } from './candidate.ts';
import { kindOfLabel } from '../vocabulary/kinds.ts';
import { columnRole, ragStatus } from './labels.ts';
import { filled, type Column, type Header } from './table-header.ts';
import { parseValues } from './values.ts';

export const MAX_VALUE_CELL = 80;

export function isValueCell(cell: Cell | undefined): boolean {
  if (!cell) return false;
  const text = cell.text.trim();
  if (!text || text.length > MAX_VALUE_CELL) return false;
  // Not applicable is a value slot answered: the row is still a row of values.
  if (/^(?:n\/a|na|not applicable|-|–)$/i.test(text)) return true;
  const tokens = parseValues(text);
  if (!tokens.length) return false;
  // Lower-case words make a title or a note ("Take up of 14-19 learning diplomas"); places are capitalised,
  // and a slot that starts with its figure, period or bracket, or says it is pending, is a value whatever follows.
  if (/^[\d(£–-]/.test(text) || tokens.some((t) => t.state === 'pending')) return true;
  const words = (text.match(/\b[a-z][a-z-]{2,}\b/g) ?? []).filter((w) => !/^(?:per|capita|tonnes|days|weeks|reduction|decrease|increase|out|and)$/.test(w));
  return words.length <= 1;
}

/** The indicator a row names for itself: a code in an indicator column, or any defining code in it. */
export function rowIndicator(row: Row, header: Header | null, skipCols: Set<number>): Mention | null {
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

export function rowArea(row: Row, header: Header | null, valueCols: Set<number>): string | null {
  const areaColumn = header ? [...header.columns.entries()].find(([, c]) => c.role.role === 'area') : undefined;
  if (areaColumn) {
    const cell = row.cells.find((c) => c.col === areaColumn[0]);
    return cell?.text.trim() || null;
  }
  const first = filled(row)[0];
  if (!first || valueCols.has(first.col)) return null;
  // "Barrow (WNF Recipient)": a note in brackets after the place is not part of its name.
  const text = first.text.trim().replace(/\s*\([^)]*\)\s*$/, '');
  if (!text || text.length > 40 || /\d/.test(text) || findMentions(first).length || !/^[A-Z]/.test(text)) return null;
  if (kindOfLabel(text) || columnRole(text)) return null;
  return text;
}

/** An empty value slot of a row that names its indicator: a gap the reviewer must see, never dropped. */
export function emptySlot(indicator: Mention, kind: ObservationKind, period: string | null, cell: Cell, header: Cell | null, area: string | null): Candidate {
  return {
    indicator, kind, labelPeriod: period, area, ordinal: 0,
    // The slot has no words of its own: show the label it sits under, located at the empty cell.
    source: { provenance: cell.provenance, text: header?.text || '(empty cell)', start: 0, end: (header?.text || '(empty cell)').length },
    headerSource: header ? sourceOf(header) : null,
    baseConfidence: 0.85, reasons: [`${kind} cell left empty`],
    token: { state: 'pending', value: null, unit: null, periods: [], area: null, relativeChange: null, denominator: null, pendingReason: 'empty cell', start: 0, end: cell.text.length, doubts: [] },
  };
}

export function milestoneOf(row: Row, section: string | null): MilestoneCandidate | null {
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

