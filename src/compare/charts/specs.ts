// The comparison charts as Vega-Lite specs with their data inline, so each .vl.json written beside its SVG
// renders on its own (vega-lite editor, Altair, vl-convert) and a researcher can restyle it.
// One chart per unit: figures in different units never share an axis.
import type { TopLevelSpec } from 'vega-lite';
import { formatNumber } from '../../reconcile/format.ts';
import type { IndicatorComparison, UnitGroup } from '../comparison.ts';
import type { Figure } from '../series.ts';
import { unitLabel } from './names.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 560;

/** Long partnership names must stay readable in legends and axes. */
const CONFIG = {
  font: 'sans-serif',
  legend: { labelLimit: 380, orient: 'bottom', direction: 'vertical', columns: 1 },
  axis: { labelLimit: 380 },
  title: { anchor: 'start', subtitleColor: '#5f6368' },
} as const;

export interface TrajectoryRow {
  series: string;
  kind: 'baseline' | 'target' | 'result';
  /** The planned line (baseline → targets) or the actual one (baseline → results). */
  line: 'plan' | 'actual';
  year: number;
  period: string | null;
  value: number;
}

function row(series: string, kind: TrajectoryRow['kind'], line: TrajectoryRow['line'], f: Figure): TrajectoryRow | null {
  return f.year === null ? null : { series, kind, line, year: f.year, period: f.period, value: f.value };
}

export function trajectoryRows(group: UnitGroup): TrajectoryRow[] {
  return group.series.flatMap((s) => {
    const base = s.baseline ? [s.baseline] : [];
    const plan = [...base.map((b) => row(s.label, 'baseline', 'plan', b)), ...s.targets.map((t) => row(s.label, 'target', 'plan', t))];
    const actual = s.results.length ? [...base.map((b) => row(s.label, 'baseline', 'actual', b)), ...s.results.map((r) => row(s.label, 'result', 'actual', r))] : [];
    return [...plan, ...actual].filter((r): r is TrajectoryRow => r !== null);
  });
}

/** Figures a trajectory cannot place because they have no period. */
export function undatedCount(group: UnitGroup): number {
  return group.series.reduce((n, s) => n + [s.baseline, ...s.targets, ...s.results].filter((f) => f && f.year === null).length, 0);
}

export function trajectorySpec(comparison: IndicatorComparison, group: UnitGroup): TopLevelSpec {
  const unit = unitLabel(group.unit);
  return {
    $schema: SCHEMA,
    title: { text: `${comparison.indicator} trajectories (${unit})`, subtitle: 'baseline → targets (solid) and results (dashed), by the year each period ends' },
    width: WIDTH,
    height: 300,
    config: CONFIG,
    data: { values: trajectoryRows(group) },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'period end year', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false, padding: 16 } },
      y: { field: 'value', type: 'quantitative', title: `${comparison.indicator} (${unit})`, scale: { zero: false, padding: 12 } },
      color: { field: 'series', type: 'nominal', title: 'partnership' },
    },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          detail: { field: 'line' },
          strokeDash: { field: 'line', type: 'nominal', title: 'line', scale: { domain: ['plan', 'actual'], range: [[1, 0], [5, 3]] } },
        },
      },
      {
        // The baseline starts both lines; draw its point once.
        transform: [{ filter: "datum.line === 'plan' || datum.kind !== 'baseline'" }],
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          shape: { field: 'kind', type: 'nominal', title: 'figure', scale: { domain: ['baseline', 'target', 'result'], range: ['circle', 'square', 'triangle-up'] } },
        },
      },
      {
        transform: [{ filter: "datum.line === 'plan' || datum.kind !== 'baseline'" }],
        mark: { type: 'text', dy: -10, fontSize: 10 },
        encoding: { text: { field: 'value', type: 'quantitative', format: ',.4~f' } },
      },
    ],
  } as TopLevelSpec;
}

export interface AmbitionRow {
  series: string;
  /** Ambition as % of the baseline, positive = the desired direction. */
  percent: number;
  absolute: number;
  toward: 'desired direction' | 'away from it';
  label: string;
  /** Where the label starts: the end of a bar pointing the desired way, else zero (clear of the bar). */
  labelAt: number;
}

function signedNumber(n: number, unit: string | null): string {
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  const amount = formatNumber(Math.abs(n), 3);
  return unit === '%' ? `${sign}${amount} pp` : `${sign}${amount}${unit ? ` ${unit}` : ''}`;
}

export function ambitionRows(group: UnitGroup): AmbitionRow[] {
  return group.series.flatMap((s) => {
    const a = s.ambition;
    if (!a?.ambition || a.ambition.percent === null) return [];
    const pct = a.ambition.percent;
    return [{
      series: s.label, percent: pct, absolute: a.ambition.absolute, toward: pct >= 0 ? 'desired direction' : 'away from it',
      label: `${pct >= 0 ? '+' : '−'}${formatNumber(Math.abs(pct), 1)}% (${signedNumber(a.ambition.absolute, group.unit)}: ${formatNumber(a.from.value, 3)} → ${formatNumber(a.to.value, 3)})`,
      labelAt: Math.max(pct, 0),
    } satisfies AmbitionRow];
  });
}

/** Null when no series has both a baseline and a target, or the desired direction is unknown. */
export function ambitionSpec(comparison: IndicatorComparison, group: UnitGroup): TopLevelSpec | null {
  if (!('known' in comparison.direction)) return null;
  const rows = ambitionRows(group);
  if (!rows.length) return null;
  const better = comparison.direction.known.direction === 'higher' ? 'higher is better' : 'lower is better';
  return {
    $schema: SCHEMA,
    title: {
      text: `${comparison.indicator} ambition (${unitLabel(group.unit)})`,
      subtitle: `change from baseline to final target as % of the baseline; positive = toward the desired direction (${better})`,
    },
    width: 360,
    height: { step: 28 },
    config: CONFIG,
    data: { values: rows },
    encoding: {
      // Rows come most ambitious first; an explicit order keeps both layers on one sorted axis.
      y: { field: 'series', type: 'nominal', sort: rows.map((r) => r.series), title: null },
      x: { field: 'percent', type: 'quantitative', title: 'ambition, % of baseline' },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          color: { field: 'toward', type: 'nominal', title: null, scale: { domain: ['desired direction', 'away from it'], range: ['#2e7d32', '#b3261e'] } },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'label' }, x: { field: 'labelAt', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}
