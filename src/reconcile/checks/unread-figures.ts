// Figures written in the same table row, cell or sentence as an indicator mention that no observation was
// read from (found at import by src/unread/ and stored with the document). One info finding per figure, with
// its words and span, so a reviewer can acknowledge it (not a value) or correct the neighbouring observation it
// should have been read into: once an observation of the same text unit is corrected to the figure, the
// finding is settled. The share of such figures per document is in `stats` and the report's summary.
import type { Finding } from '../../model/finding.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import type { StoredSource } from '../../store/read.ts';
import type { StoredUnreadFigure } from '../../store/unread.ts';
import { describeObservation, figureEvidence, valueEvidence } from '../evidence.ts';
import { findingId, makeFinding } from '../finding.ts';
import { groupBy } from '../series.ts';
import type { Check } from '../types.ts';

const ID = 'unread-figures';

const WHERE = { cell: 'in the same cell as', row: 'in the same row as', sentence: 'in the same sentence as' } as const;

/** The same text unit: same words at the same place (a table cell, a line, a spreadsheet cell). */
function sameUnit(a: StoredSource, b: StoredSource): boolean {
  return a.text === b.text && a.page === b.page && a.line === b.line && a.table === b.table && a.row === b.row && a.col === b.col && a.sheet === b.sheet && a.address === b.address;
}

/** Stable for the same document: the figure's place and words, never an observation id or a value. */
function keyOf(f: StoredUnreadFigure): string {
  const s = f.source;
  return [f.document, 'unread', s.page, s.line, s.table, s.row, s.col, s.sheet, s.address, s.start, f.figure].map((v) => v ?? '').join('|');
}

function findingFor(f: StoredUnreadFigure, neighbours: ReviewedObservation[]): Finding {
  const codes = f.indicators.length ? f.indicators.join(', ') : 'an indicator';
  const read = neighbours.length ? ` (read there: ${neighbours.map((o) => `${o.indicator} ${describeObservation(o)}`).join('; ')})` : '';
  const message = `Unread figure "${f.figure}" ${WHERE[f.near]} ${codes}: no baseline, target or result was read from it${read}.`;
  const key = keyOf(f);
  const finding = makeFinding(ID, 'info', message, {
    key, document: f.document, indicator: f.indicators[0] ?? null,
    evidence: [figureEvidence(f.source, f.document, `unread figure ${f.figure}`), ...neighbours.map((o) => valueEvidence(o))],
  });
  // The id rests on the figure alone, so an acknowledgement survives decisions on the observations beside it.
  return { ...finding, id: findingId(ID, [], key) };
}

export const unreadFigures: Check = {
  id: ID,
  severity: 'info',
  describe: 'Figures in the same table row, cell or sentence as an indicator mention that no observation was read from (not dates, money, list or page numbers): possible misses.',
  run(ctx) {
    const byDocument = groupBy(ctx.observations, (o) => String(o.documentId));
    return ctx.unread.flatMap((f) => {
      const neighbours = (byDocument.get(String(f.documentId)) ?? []).filter((o) => o.source !== null && sameUnit(o.source, f.source));
      // A reviewer who corrected an observation of this text unit to the figure has read it.
      const settled = neighbours.some((o) => o.reviewState === 'corrected' && o.state === 'value' && o.value !== null && f.value !== null && Math.abs(o.value - f.value) < 1e-9);
      return settled ? [] : [findingFor(f, neighbours)];
    });
  },
};
