// What is missing: pending baselines and targets (tbc, deferred, empty cells), indicators a document names
// without any figure, and baselines dated after the targets they are the starting point for.
import type { Finding } from '../../model/finding.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import { describeObservation, namingEvidence, valueEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import { groupBy, periodEnd, seriesKey } from '../series.ts';
import type { Check, CheckContext } from '../types.ts';

const ID = 'gaps';

function pending(o: ReviewedObservation): Finding {
  // A missing baseline leaves every target without a starting point; a missing target is one gap.
  return makeFinding(ID, o.kind === 'baseline' ? 'warning' : 'info', `${o.indicator}: ${describeObservation(o)}.`, {
    key: `${o.id}|pending`, evidence: [valueEvidence(o)], indicator: o.indicator,
  });
}

function withoutFigures(ctx: CheckContext): Finding[] {
  // Counted by the code the document used, so a reviewer's re-coding does not make the indicator look empty.
  const named = new Set(ctx.observations.map((o) => `${o.documentId}|${o.extracted.indicator}`));
  return ctx.indicators
    .filter((ind) => !named.has(`${ind.documentId}|${ind.code}`))
    .map((ind) => makeFinding(ID, 'info', `${ind.code} is named in this document, but no baseline, target or result was found for it.`, {
      key: `${ind.document}|${ind.code}|no-values`, evidence: namingEvidence(ind), document: ind.document, indicator: ind.code,
    }));
}

function baselinesAfterTargets(series: ReviewedObservation[]): Finding[] {
  const targets = series.filter((o) => o.kind === 'target' && periodEnd(o.period) !== null);
  const findings: Finding[] = [];
  for (const b of series) {
    const end = b.kind === 'baseline' ? periodEnd(b.period) : null;
    if (end === null) continue;
    const earlier = targets.filter((t) => periodEnd(t.period)! < end);
    if (!earlier.length) continue;
    findings.push(makeFinding(ID, 'warning', `${b.indicator} baseline ${b.period} is later than its target${earlier.length === 1 ? '' : 's'} for ${earlier.map((t) => t.period).join(', ')}.`, {
      key: `${b.id}|after-target`, evidence: [valueEvidence(b), ...earlier.map((t) => valueEvidence(t))], indicator: b.indicator,
    }));
  }
  return findings;
}

export const gaps: Check = {
  id: ID,
  severity: 'warning',
  describe: 'Pending baselines (warning) and targets or results (info), indicators named with no figures at all (info), and a baseline dated after its target (warning).',
  run(ctx) {
    return [
      ...ctx.observations.filter((o) => o.state === 'pending').map(pending),
      ...withoutFigures(ctx),
      ...[...groupBy(ctx.observations, seriesKey).values()].flatMap(baselinesAfterTargets),
    ];
  },
};
