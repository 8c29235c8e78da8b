// Tables whose rows open with a label, flattened one cell per line: a caption over the labels ("April to June
// 2006", "Indicator"), kind cells ("Performance", "Target"), then per row a label line and one line per kind cell.
import { findMentions, partMention, type Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import { TITLE_COLUMN } from '../vocabulary/headers.ts';
import { hasParts } from '../vocabulary/parts.ts';
import { findPeriods, monthSpanPeriod } from '../vocabulary/periods.ts';
import type { Candidate } from './candidate.ts';
import { FIGURE_LINE, headerCell, PENDING_LINE, recordAt, recordCandidates, type FlatColumn } from './flattened-cells.ts';

/** How many lines above a table's caption a code with parts ("BV 109") may be named for its rows to name parts. */
const PARTS_REACH = 8;
/** The most kind columns a row-labelled table is read with: a wider run is a table this reading cannot see whole. */
const MOST_KIND_COLUMNS = 6;

type FigureColumn = Extract<FlatColumn, { type: 'figure' }>;

/**
 * The caption over a table's row labels, where it is a period or a span of months ("April to June 2006",
 * "Quarter 1 2006/07") or a word for the label column ("Indicator"): it dates the columns beside it.
 */
function stubCaption(text: string): { period: string | null } | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 45) return null;
  const span = monthSpanPeriod(t);
  if (span) return span;
  if (TITLE_COLUMN.test(t) || /^(?:(?:performance\s+)?indicators?|measures?|pi)$/i.test(t)) return { period: null };
  const periods = findPeriods(t);
  if (periods.length !== 1) return null;
  const rest = t.replace(periods[0].raw, '').replace(/\b(?:quarter|qtr|q)\s*[1-4]\b|\b(?:as at|at|for|in|to)\b/gi, '');
  return /^[\s,:()–-]*$/.test(rest) ? { period: periods[0].period } : null;
}

/** A caption line, then two or more kind cells ("Performance", "Target"): each undated one takes the caption's period. */
function rowLabelledHeader(units: TextUnit[], i: number): { typed: FigureColumn[]; end: number } | null {
  const caption = stubCaption(units[i].text);
  if (!caption) return null;
  const typed: FigureColumn[] = [];
  let j = i + 1;
  for (; j < units.length; j++) {
    const cell = headerCell(units[j].text, units[j]);
    if (!cell || cell.type !== 'figure' || (!cell.kind && !cell.area)) break;
    typed.push({ ...cell, period: cell.period ?? caption.period });
  }
  return typed.length >= 2 && typed.length <= MOST_KIND_COLUMNS ? { typed, end: j } : null;
}

/** A row's label cell: words, no figure of its own, not a sentence and not another header cell. */
function isRowLabel(unit: TextUnit): boolean {
  const t = unit.text.trim();
  if (t.length < 3 || t.length > 120 || !/[A-Za-z]{3}/.test(t) || /[.!?]$/.test(t)) return false;
  // Numbers inside a label are part of its words ("Minor applications in under 8 weeks").
  return !FIGURE_LINE.test(t) && !PENDING_LINE.test(t) && !headerCell(t, unit) && !/%/.test(t);
}

/**
 * Tables whose rows open with a label, flattened one cell per line: a caption over the labels ("April to June
 * 2006"), kind cells ("Performance", "Target"), then per row a label line and exactly one line per kind cell
 * ("Major applications in under 13 weeks" / "75%" / "60%"). A row is read only where its label names its
 * indicator: a code of its own, or a part of the code with parts named just above the table ("BV 109").
 */
export function readRowLabelled(units: TextUnit[], consumed: Set<TextUnit>): { candidates: Candidate[]; parts: Mention[] } {
  const candidates: Candidate[] = [];
  const parts: Mention[] = [];
  for (let i = 0; i < units.length; i++) {
    if (consumed.has(units[i])) continue;
    const header = rowLabelledHeader(units, i);
    if (!header) continue;
    const above = units.slice(Math.max(0, i - PARTS_REACH), i).flatMap((u) => findMentions(u).filter((m) => !m.inferred));
    const parent = above.filter((m) => hasParts(m.code)).pop() ?? null;
    let k = header.end;
    while (k < units.length && isRowLabel(units[k]) && !consumed.has(units[k])) {
      const label = units[k];
      const record = recordAt(units, k + 1, header.typed);
      if (!record) break;
      const own = findMentions(label).filter((m) => !m.inferred);
      const part = !own.length && parent ? partMention(label, parent) : null;
      const indicator = new Set(own.map((m) => m.code)).size === 1 ? own[0] : part;
      if (indicator) {
        const read = recordCandidates(record, header.typed, indicator, false);
        candidates.push(...(part ? read.map((c) => ({ ...c, reasons: [...c.reasons, `indicator read as ${part.code}, the part of ${parent!.code} the row's label names`] })) : read));
        if (part) parts.push(part);
        for (const u of [...units.slice(i, header.end), label, ...record]) consumed.add(u);
      }
      k += 1 + record.length;
    }
    i = Math.max(i, k - 1);
  }
  return { candidates, parts };
}
