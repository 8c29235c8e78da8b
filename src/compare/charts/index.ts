// The charts of one indicator comparison: per unit, a trajectory and (when the direction is known) an
// ambition ranking, each as a Vega-Lite spec and its SVG.
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorComparison, UnitGroup } from '../comparison.ts';
import { slug } from './names.ts';
import { renderSvg } from './render-svg.ts';
import { ambitionSpec, trajectorySpec } from './specs.ts';

export interface Chart {
  kind: 'trajectory' | 'ambition';
  /** File name without extension: "ni-186-tonnes-per-capita-trajectory". */
  name: string;
  spec: TopLevelSpec;
  svg: string;
}

export interface GroupCharts {
  group: UnitGroup;
  trajectory: Chart;
  ambition: Chart | null;
}

async function chart(kind: Chart['kind'], comparison: IndicatorComparison, group: UnitGroup, spec: TopLevelSpec): Promise<Chart> {
  return { kind, name: `${slug(comparison.indicator)}-${slug(group.unit)}-${kind}`, spec, svg: await renderSvg(spec) };
}

export async function chartsFor(comparison: IndicatorComparison): Promise<GroupCharts[]> {
  const out: GroupCharts[] = [];
  for (const group of comparison.groups) {
    const ambition = ambitionSpec(comparison, group);
    out.push({
      group,
      trajectory: await chart('trajectory', comparison, group, trajectorySpec(comparison, group)),
      ambition: ambition ? await chart('ambition', comparison, group, ambition) : null,
    });
  }
  return out;
}
