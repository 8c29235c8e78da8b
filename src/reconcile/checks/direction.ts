// Targets that move away from where an indicator should go, and results that moved the wrong way from the
// baseline (seed 003: NI 165, qualifications — higher is better — went from 24.9% to 24.6%). The desired
// direction comes from the wording of the indicator's titles (direction-words.ts); without one, no finding.
import type { Finding } from '../../model/finding.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import { desiredDirection, type DesiredDirection } from '../direction-words.ts';
import { valueEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import { formatValue } from '../format.ts';
import { baselineFor, groupBy, hasFigure, inPeriodOrder, periodEnd, sameUnit, seriesKey } from '../series.ts';
import type { Check } from '../types.ts';

const ID = 'direction';

function worse(a: number, b: number, d: DesiredDirection): boolean {
  return d.direction === 'higher' ? a < b : a > b;
}

function figure(o: ReviewedObservation): string {
  const when = o.period ? ` ${o.period}` : '';
  return `${o.kind}${when} (${formatValue(o.value, o.unit)})`;
}

function because(d: DesiredDirection): string {
  return `${d.direction} is better for this indicator ("${d.cue}" in its ${d.from})`;
}

function finding(o: ReviewedObservation, reference: ReviewedObservation, d: DesiredDirection, comparison: string): Finding {
  const side = d.direction === 'higher' ? 'below' : 'above';
  const area = o.area ? ` in ${o.area}` : '';
  const message =
    comparison === 'result-vs-baseline'
      ? `${o.indicator}${area}: the ${figure(o)} moved the wrong way from the ${figure(reference)}: ${because(d)}.`
      : `${o.indicator}${area}: the ${figure(o)} is ${side} the ${figure(reference)}, although ${because(d)}.`;
  return makeFinding(ID, 'warning', message, {
    key: [o.document, o.indicator, o.area ?? '', comparison, o.period ?? ''].join('|'),
    evidence: [valueEvidence(o), valueEvidence(reference)],
    indicator: o.indicator,
  });
}

function checkSeries(series: ReviewedObservation[]): Finding[] {
  const d = desiredDirection(series[0].indicatorTitle, series[0].catalogueTitle);
  if (!d) return [];
  const findings: Finding[] = [];
  const flagged = new Set<string>();
  const baselines = series.filter((o) => o.kind === 'baseline');
  for (const o of series) {
    if (o.kind === 'baseline') continue;
    const base = baselineFor(o, baselines);
    if (base && worse(o.value!, base.value!, d)) {
      findings.push(finding(o, base, d, `${o.kind}-vs-baseline`));
      flagged.add(o.id);
    }
  }
  // A later target that gives back what an earlier one promised, e.g. 14.1% → 14.4% → 14.3% with lower better.
  const dated = inPeriodOrder(series.filter((o) => o.kind === 'target' && periodEnd(o.period) !== null));
  for (let i = 1; i < dated.length; i++) {
    const [previous, next] = [dated[i - 1], dated[i]];
    if (flagged.has(next.id) || !sameUnit(previous, next) || periodEnd(next.period)! <= periodEnd(previous.period)!) continue;
    if (worse(next.value!, previous.value!, d)) findings.push(finding(next, previous, d, 'target-vs-earlier-target'));
  }
  return findings;
}

export const direction: Check = {
  id: ID,
  severity: 'warning',
  describe: 'Targets that move away from the desired direction (where the title or catalogue title says higher or lower is better), and results that moved the wrong way from the baseline.',
  run(ctx) {
    return [...groupBy(ctx.observations.filter(hasFigure), seriesKey).values()].flatMap(checkSeries);
  },
};
