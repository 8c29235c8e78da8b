// One unit's series side by side: baseline, a column per target period, results, ambition and progress.
import { formatNumber } from '../../reconcile/format.ts';
import { periodEnd } from '../../reconcile/series.ts';
import { html, type SafeHtml } from '../../report/html/safe-html.ts';
import type { ComparedSeries, UnitGroup } from '../comparison.ts';
import type { Change } from '../measures.ts';
import type { Figure } from '../series.ts';
import { amount, figureCell } from './figures.ts';

const UNDATED = 'undated';

function targetPeriods(group: UnitGroup): string[] {
  const periods = new Set<string>();
  for (const s of group.series) {
    for (const t of s.targets) periods.add(t.period ?? UNDATED);
    for (const p of s.pending) if (p.kind === 'target') periods.add(p.period ?? UNDATED);
  }
  const end = (p: string) => (p === UNDATED ? Infinity : (periodEnd(p) ?? Infinity));
  return [...periods].sort((a, b) => end(a) - end(b) || a.localeCompare(b));
}

function targetCell(s: ComparedSeries, period: string, unit: string | null): SafeHtml {
  const figures = s.targets.filter((t) => (t.period ?? UNDATED) === period);
  const pending = s.pending.filter((p) => p.kind === 'target' && (p.period ?? UNDATED) === period);
  return html`${figures.map((f, i) => html`${i ? ' / ' : ''}${figureCell(f, unit, false)}`)}${pending.map((p) => html`<em class="pending">pending${p.reason ? ` (${p.reason})` : ''}</em>`)}`;
}

function signedText(n: number, decimals: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), decimals)}`;
}

function changeText(c: Change, unit: string | null): string {
  const absolute = `${signedText(c.absolute, 3)}${unit === '%' ? ' pp' : ''}`;
  return c.percent === null ? absolute : `${absolute} (${signedText(c.percent, 1)}%)`;
}

function ambitionCell(s: ComparedSeries, unit: string | null): SafeHtml {
  const a = s.ambition;
  if (!a) return html`<span class="note">${s.ambitionNote}</span>`;
  if (!a.ambition) return html`change ${changeText(a.change, unit)} <span class="note">${s.ambitionNote}</span>`;
  return html`<strong class="ambition" data-percent="${a.ambition.percent ?? ''}">${changeText(a.ambition, unit)}</strong>`;
}

function progressCell(s: ComparedSeries, unit: string | null): SafeHtml {
  const p = s.progress;
  if (!p) return html`<span class="note">${s.progressNote}</span>`;
  const achieved = p.achieved === null ? '' : `; ${formatNumber(p.achieved, 0)}% of the planned change`;
  return html`<span class="status status-${p.status.replace(/ /g, '-')}">${p.status}</span>:
    ${amount(p.result.value, unit)} in ${p.result.period ?? UNDATED} against ${amount(p.expected, unit)} on the path${achieved}`;
}

function resultsCell(results: Figure[], unit: string | null): SafeHtml {
  return html`${results.map((r, i) => html`${i ? html`<br>` : ''}${figureCell(r, unit, true)}`)}`;
}

function seriesRow(s: ComparedSeries, periods: string[], unit: string | null, rank: number | null): SafeHtml {
  const baseline = s.baseline ? figureCell(s.baseline, unit, true) : html`<span class="note">none</span>`;
  return html`<tr data-series="${s.label}" data-document="${s.document}">
  <td class="num">${rank ?? ''}</td><th scope="row">${s.label}</th><td class="doc">${s.document}</td>
  <td class="num" data-kind="baseline">${baseline}</td>
  ${periods.map((p) => html`<td class="num" data-kind="target" data-period="${p}">${targetCell(s, p, unit)}</td>`)}
  <td class="num" data-kind="result">${resultsCell(s.results, unit)}</td>
  <td class="num" data-kind="ambition">${ambitionCell(s, unit)}</td>
  <td data-kind="progress">${progressCell(s, unit)}</td>
</tr>`;
}

export function seriesTable(group: UnitGroup): SafeHtml {
  const periods = targetPeriods(group);
  let rank = 0;
  const rows = group.series.map((s) => seriesRow(s, periods, group.unit, s.ambition?.ambition?.percent != null ? ++rank : null));
  return html`<table class="compare" data-unit="${group.unit ?? ''}">
  <thead><tr><th title="ambition rank">#</th><th>partnership</th><th>document</th><th>baseline</th>
    ${periods.map((p) => html`<th>target ${p}</th>`)}<th>results</th><th>ambition</th><th>progress against the path to target</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
}
