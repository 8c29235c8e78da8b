// A relative target states its change and the figure it works out at ("Herts - 4% reduction (15,381)");
// both must agree with the baseline within the precision the document writes its figures to. A baseline
// written as 6.7 stands for 6.65–6.75, so 6.7 − 6.6% = 6.26 is consistent with a written 6.2.
import type { Finding } from '../../model/finding.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import { describeObservation, valueEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import { formatChange, formatNumber, formatValue } from '../format.ts';
import { halfUnit, writtenDecimals } from '../rounding.ts';
import { baselineFor, groupBy, hasFigure, seriesKey, writtenValue } from '../series.ts';
import type { Check } from '../types.ts';

const ID = 'arithmetic';

/** The smallest and largest results of f over the corners of two intervals. */
function range(a: [number, number], b: [number, number], f: (x: number, y: number) => number): [number, number] {
  const corners = [f(a[0], b[0]), f(a[0], b[1]), f(a[1], b[0]), f(a[1], b[1])];
  return [Math.min(...corners), Math.max(...corners)];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return Math.max(a[0], b[0]) <= Math.min(a[1], b[1]) + 1e-9;
}

function keyOf(o: ReviewedObservation): string {
  return [o.document, o.indicator, o.kind, o.period ?? '', o.area ?? ''].join('|');
}

function check(target: ReviewedObservation & { value: number; relativeChange: number }, base: ReviewedObservation & { value: number }): Finding {
  const b = base.value;
  const r = target.relativeChange;
  const t = target.value;
  const bd = writtenDecimals(writtenValue(base), b);
  const td = writtenDecimals(writtenValue(target), t);
  const hb = halfUnit(bd);
  const hr = halfUnit(writtenDecimals(writtenValue(target), Math.abs(r)));
  const written: [number, number] = [t - halfUnit(td), t + halfUnit(td)];
  const relative = range([b - hb, b + hb], [r - hr, r + hr], (x, y) => x * (1 + y / 100));
  // "+2%" on a percentage can mean two percentage points: accepted when only that reading fits.
  const points = range([b - hb, b + hb], [r - hr, r + hr], (x, y) => x + y);
  const exact = b * (1 + r / 100);
  const where = `${target.area ? ` ${target.area}` : ''}:`;
  const sum = `${target.indicator}${where} ${formatValue(b, base.unit)} ${formatChange(r)} = ${formatValue(exact, target.unit, Math.max(2, td + 1))}`;
  const evidence = [valueEvidence(target), valueEvidence(base)];
  const parts = { key: keyOf(target), evidence, indicator: target.indicator };
  const writes = target.reviewState === 'corrected' ? `the corrected figure is ${formatNumber(t, td)}` : `the document writes ${formatNumber(t, td)}`;
  if (overlaps(relative, written)) {
    return makeFinding(ID, 'info', `${sum}; ${writes}: consistent within its rounding.`, parts);
  }
  if (target.unit === '%' && overlaps(points, written)) {
    return makeFinding(ID, 'info', `${target.indicator}${where} ${formatValue(b, '%')} ${formatChange(r).replace('%', ' points')} = ${formatValue(t, '%')}: consistent when the change is read as percentage points.`, parts);
  }
  const allowed = `${formatNumber(relative[0], td + 1)}–${formatNumber(relative[1], td + 1)}`;
  return makeFinding(ID, 'warning', `${sum}, but ${writes} (its figures allow ${allowed}).`, parts);
}

export const arithmetic: Check = {
  id: ID,
  severity: 'warning',
  describe: 'A relative target and the figure it works out at agree with the baseline (16,022 − 4% = 15,381), within the rounding the document uses; consistent ones are reported as info.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const series of groupBy(ctx.observations, seriesKey).values()) {
      const baselines = series.filter((o) => o.kind === 'baseline');
      for (const o of series) {
        if (o.kind === 'baseline' || o.relativeChange === null || !hasFigure(o)) continue;
        const target = o as ReviewedObservation & { value: number; relativeChange: number };
        const base = baselineFor(o, baselines);
        if (base) {
          findings.push(check(target, base as ReviewedObservation & { value: number }));
          continue;
        }
        findings.push(makeFinding(ID, 'info', `${o.indicator} ${describeObservation(o)} is a relative change, but the document gives no baseline figure in the same unit to check it against.`, {
          key: `${keyOf(o)}|no-baseline`, evidence: [valueEvidence(o)], indicator: o.indicator,
        }));
      }
    }
    return findings;
  },
};
