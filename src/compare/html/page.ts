// The compare page: the indicators partnerships share (when no indicator was asked for), then per indicator
// its desired direction and, per unit, the charts and the table of series. Self-contained: inline CSS and
// SVG, no script, no other file; every piece of document text goes through the report's escaping helper.
import { html, trusted, type SafeHtml } from '../../report/html/safe-html.ts';
import type { GroupCharts } from '../charts/index.ts';
import { slug, unitLabel } from '../charts/names.ts';
import { inertSvg } from '../charts/render-svg.ts';
import { undatedCount } from '../charts/specs.ts';
import type { IndicatorComparison } from '../comparison.ts';
import type { SharedIndicator } from '../shared.ts';
import { seriesTable } from './series-table.ts';
import { COMPARE_STYLES } from './styles.ts';

export interface ComparePageData {
  database: string;
  generatedAt: string;
  /** The ranking of shared indicators, shown when no one indicator was asked for. */
  shared: SharedIndicator[] | null;
  sections: Array<{ comparison: IndicatorComparison; charts: GroupCharts[] }>;
  chartsFolder: string;
}

export function sectionId(indicator: string): string {
  return `cmp-${slug(indicator)}`;
}

function sharedTable(shared: SharedIndicator[], compared: Set<string>): SafeHtml {
  const rows = shared.map((s, i) => html`<tr data-indicator="${s.indicator}">
  <td class="num">${i + 1}</td><td>${compared.has(s.indicator) ? html`<a href="#${sectionId(s.indicator)}">${s.indicator}</a>` : s.indicator}</td>
  <td>${s.title ?? ''}</td><td class="num">${s.partnerships.length}</td><td>${s.partnerships.join('; ')}</td>
  <td>${s.units.map(unitLabel).join(', ')}</td><td class="num">${s.figures}</td>
</tr>`);
  return html`<section id="shared"><h2>Indicators partnerships share</h2>
  <p class="meta">Ranked by the number of partnerships (documents naming none count by file name) giving the indicator a figure.</p>
  <table class="shared"><thead><tr><th>#</th><th>indicator</th><th>title</th><th>partnerships</th><th>which</th><th>units</th><th>figures</th></tr></thead>
  <tbody>${rows}</tbody></table>
</section>`;
}

function chartFigure(chart: { name: string; svg: string }, folder: string, caption: SafeHtml): SafeHtml {
  return html`<figure class="chart" data-chart="${chart.name}">${inertSvg(chart.svg)}
  <figcaption>${caption} Also <a href="${folder}/${chart.name}.svg">${chart.name}.svg</a>, spec <a href="${folder}/${chart.name}.vl.json">${chart.name}.vl.json</a>.</figcaption>
</figure>`;
}

function directionLine(c: IndicatorComparison): SafeHtml {
  if ('known' in c.direction) {
    const d = c.direction.known;
    return html`<p class="direction">Desired direction: <strong>${d.direction} is better</strong> (${d.because}). Ambition and progress are signed so positive means that way.</p>`;
  }
  return html`<p class="direction">Desired direction unknown: ${c.direction.unknown}. Changes are shown as written and not ranked; give <code>--direction higher|lower</code> to rank them.</p>`;
}

function unitSection(charts: GroupCharts, folder: string): SafeHtml {
  const undated = undatedCount(charts.group);
  const note = undated ? html`${undated} undated figure${undated > 1 ? 's are' : ' is'} in the table but not on the chart.` : html``;
  return html`<div class="unit-group" data-unit="${charts.group.unit ?? ''}">
  <h3>Figures in ${unitLabel(charts.group.unit)}</h3>
  <div class="charts">
    ${chartFigure(charts.trajectory, folder, html`Baseline → targets (solid) and results (dashed) per partnership, x = the year each period ends. ${note}`)}
    ${charts.ambition ? chartFigure(charts.ambition, folder, html`Change from baseline to final target, % of the baseline, most ambitious first.`) : ''}
  </div>
  ${seriesTable(charts.group)}
</div>`;
}

function indicatorSection(c: IndicatorComparison, charts: GroupCharts[], folder: string): SafeHtml {
  const titles = [...new Set([c.catalogueTitle, ...c.titles].filter((t): t is string => Boolean(t)))];
  const pendingOnly = c.pendingOnly.length ? html`<p class="meta">Named with pending figures only (nothing to compare yet): ${c.pendingOnly.join('; ')}.</p>` : '';
  const empty = c.groups.length ? '' : html`<p class="meta">No figures for ${c.indicator} in the store.</p>`;
  return html`<section class="indicator" id="${sectionId(c.indicator)}" data-indicator="${c.indicator}">
  <h2>${c.indicator}${titles.length ? html` — ${titles[0]}` : ''}</h2>
  ${titles.length > 1 ? html`<p class="meta">Also titled: ${titles.slice(1).join(' · ')}</p>` : ''}
  <p class="meta">${c.partnerships.length} partnership${c.partnerships.length === 1 ? '' : 's'} with figures; ${c.groups.length} unit${c.groups.length === 1 ? '' : 's'} (figures in different units are compared separately).</p>
  ${directionLine(c)}
  ${charts.map((g) => unitSection(g, folder))}
  ${pendingOnly}${empty}
</section>`;
}

export function comparePage(data: ComparePageData): SafeHtml {
  const heading = data.shared ? 'shared indicators' : data.sections.map((s) => s.comparison.indicator).join(', ');
  const compared = new Set(data.sections.map((s) => s.comparison.indicator));
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>planharvest compare — ${heading}</title>
<style>${trusted(COMPARE_STYLES)}</style>
</head>
<body>
<header>
  <h1>planharvest compare — ${heading}</h1>
  <p class="meta">${data.database} · reviewed figures (review decisions applied, rejected ones left out) · generated ${data.generatedAt}</p>
  <p class="hint">✎ a reviewer corrected the figure, ✓ a reviewer accepted it (hover for who). Ambition: change from baseline to the final
    target, signed so positive is the desired direction, in the unit (pp = percentage points) and as % of the baseline. Progress: the latest
    result against the straight line from baseline to final target in the result's year.</p>
</header>
<main>
${data.shared ? sharedTable(data.shared, compared) : ''}
${data.sections.map((s) => indicatorSection(s.comparison, s.charts, data.chartsFolder))}
</main>
</body>
</html>
`;
}
