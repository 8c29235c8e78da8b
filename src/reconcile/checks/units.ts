// Figures of one indicator in different units (a baseline in tonnes, targets in %), figures without a unit
// beside figures with one, and percentages above 100.
import type { Finding } from '../../model/finding.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import { describeObservation, valueEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import { groupBy, hasFigure, indicatorKey } from '../series.ts';
import type { Check } from '../types.ts';

const ID = 'units';

function unitName(unit: string): string {
  return unit === '' ? 'no unit' : unit;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function mixedUnits(figures: ReviewedObservation[]): Finding | null {
  const byUnit = groupBy(figures, (o) => o.unit ?? '');
  if (byUnit.size < 2) return null;
  const named = [...byUnit.keys()].filter((u) => u !== '');
  // The unit most figures are in; a named unit wins a tie with "no unit".
  const main = [...byUnit.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] === '' ? 1 : 0) - (b[0] === '' ? 1 : 0))[0][0];
  const odd = figures.filter((o) => (o.unit ?? '') !== main);
  const first = figures[0];
  const counts = [...byUnit.entries()].map(([u, list]) => `${unitName(u)} (${plural(list.length, 'figure')})`).join(', ');
  const message =
    named.length > 1
      ? `${first.indicator} figures are in different units: ${counts}. Odd one${odd.length === 1 ? '' : 's'} out: ${odd.map(describeObservation).join('; ')}.`
      : `${first.indicator}: ${odd.map(describeObservation).join('; ')} ${odd.length === 1 ? 'has' : 'have'} ${main === '' ? 'a unit while the other figures have none' : `no unit while the other figures are ${main}`}.`;
  return makeFinding(ID, named.length > 1 ? 'warning' : 'info', message, {
    key: `${first.document}|${first.indicator}|units`,
    evidence: [valueEvidence(byUnit.get(main)![0]), ...odd.map((o) => valueEvidence(o))],
    indicator: first.indicator,
  });
}

function overHundred(o: ReviewedObservation): Finding {
  return makeFinding(ID, 'warning', `${o.indicator} ${describeObservation(o)}: a percentage above 100.`, {
    key: `${o.id}|over-100`, evidence: [valueEvidence(o)], indicator: o.indicator,
  });
}

export const units: Check = {
  id: ID,
  severity: 'warning',
  describe: 'Figures of one indicator in different units (warning; info when only some lack a unit), and percentages above 100.',
  run(ctx) {
    const figures = ctx.observations.filter(hasFigure);
    const findings = [...groupBy(figures, indicatorKey).values()].map(mixedUnits).filter((f): f is Finding => f !== null);
    for (const o of figures) if (o.unit === '%' && o.value > 100) findings.push(overHundred(o));
    return findings;
  },
};
