// Two figures for one slot — the same indicator, kind, period, area and unit — that disagree: within one
// document (an error: one of them is wrong or mis-read) or between two documents of the same partnership
// (a warning: a later plan may have revised the figure). Figures that agree at the coarser of their
// precisions (56.13 and 56.1) do not conflict.
import type { Finding } from '../../model/finding.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import { cellOf, valueEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import { formatValue } from '../format.ts';
import { sameAtPrecision, writtenDecimals } from '../rounding.ts';
import { groupBy, hasFigure, partnershipKey, writtenValue } from '../series.ts';
import type { Check } from '../types.ts';

const ID = 'conflicts';

function decimals(o: ReviewedObservation): number {
  return writtenDecimals(writtenValue(o), o.value!);
}

/** One observation per figure that disagrees with every other one kept. */
function distinctFigures(list: ReviewedObservation[]): ReviewedObservation[] {
  const kept: ReviewedObservation[] = [];
  for (const o of list) {
    if (!kept.some((k) => sameAtPrecision(k.value!, decimals(k), o.value!, decimals(o)))) kept.push(o);
  }
  return kept;
}

function slot(o: ReviewedObservation): string {
  const period = o.period ? ` for ${o.period}` : ' with no stated period';
  return `${o.kind}${period}${o.area ? ` in ${o.area}` : ''}`;
}

function at(o: ReviewedObservation): string {
  const s = o.source;
  const place = s?.page ? `page ${s.page}` : s?.line ? `line ${s.line}` : cellOf(s) ? `cell ${cellOf(s)}` : 'an unknown place';
  return `${formatValue(o.value, o.unit)} (${place})`;
}

function slotKey(o: ReviewedObservation): string[] {
  return [o.indicator, o.kind, o.period ?? '', o.area ?? '', o.unit ?? ''];
}

function withinDocuments(figures: ReviewedObservation[]): Finding[] {
  const findings: Finding[] = [];
  for (const list of groupBy(figures, (o) => [o.documentId, ...slotKey(o)].join('|')).values()) {
    const distinct = distinctFigures(list);
    if (distinct.length < 2) continue;
    const o = distinct[0];
    findings.push(makeFinding(ID, 'error', `${o.indicator} has ${distinct.length} different figures for the ${slot(o)} in this document: ${distinct.map(at).join(' and ')}.`, {
      key: [o.document, ...slotKey(o)].join('|'), evidence: distinct.map((x) => valueEvidence(x)), indicator: o.indicator,
    }));
  }
  return findings;
}

function partnershipOf(o: ReviewedObservation): string | null {
  return partnershipKey(o.partnership);
}

function acrossDocuments(figures: ReviewedObservation[]): Finding[] {
  // Undated figures from two plans are not comparable: each plan's "baseline" may be a different year.
  const comparable = figures.filter((o) => partnershipOf(o) !== null && o.period !== null);
  const findings: Finding[] = [];
  for (const list of groupBy(comparable, (o) => [partnershipOf(o), ...slotKey(o)].join('|')).values()) {
    const perDocument = [...groupBy(list, (o) => String(o.documentId)).values()].map((docList) => docList[0]);
    if (perDocument.length < 2) continue;
    const distinct = distinctFigures(perDocument);
    if (distinct.length < 2) continue;
    const o = distinct[0];
    const says = distinct.map((x) => `${x.document} says ${formatValue(x.value, x.unit)}`).join(', ');
    findings.push(makeFinding(ID, 'warning', `${o.indicator} ${slot(o)}: documents of ${o.partnership} disagree — ${says}.`, {
      key: [partnershipOf(o), ...slotKey(o)].join('|'), evidence: distinct.map((x) => valueEvidence(x)), indicator: o.indicator,
    }));
  }
  return findings;
}

export const conflicts: Check = {
  id: ID,
  severity: 'error',
  describe: 'The same indicator, kind, period and area with different figures within one document (error) or between two documents of the same partnership (warning).',
  run(ctx) {
    return withinDocuments(ctx.observations.filter(hasFigure));
  },
  across(ctx) {
    return acrossDocuments(ctx.observations.filter(hasFigure));
  },
};
