// The whole report page: summary counts, filters, one section per document (its indicators worst first,
// each with its figures and findings), findings across documents, and decisions that lost their target.
import type { Severity } from '../../model/message.ts';
import { describeSnapshot } from '../../review/orphans.ts';
import { formatShare } from '../../unread/types.ts';
import type { ReportData, ReportDocument, ReportIndicator } from '../data.ts';
import { FILTER_SCRIPT } from './filter-script.ts';
import { findingCard } from './finding-card.ts';
import { html, trusted, type SafeHtml } from './safe-html.ts';
import { STYLES } from './styles.ts';
import { valuesTable } from './values-table.ts';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function summary(data: ReportData): SafeHtml {
  const c = data.counts;
  const rows = data.checks.map((check) => {
    const n = c.byCheck[check.id] ?? {};
    return html`<tr><td><strong>${check.id}</strong></td>${SEVERITIES.map((s) => html`<td class="num">${n[s] ?? 0}</td>`)}<td>${check.describe}</td></tr>`;
  });
  return html`<table class="summary">
  <thead><tr><th>check</th>${SEVERITIES.map((s) => html`<th>${s}</th>`)}<th>what it looks for</th></tr></thead>
  <tbody>${rows}</tbody>
  <tfoot><tr><th>all</th>${SEVERITIES.map((s) => html`<th class="num">${c.bySeverity[s]}</th>`)}<th>${c.total} findings</th></tr></tfoot>
</table>`;
}

function options(values: string[]): SafeHtml[] {
  return values.map((v) => html`<option value="${v}">${v}</option>`);
}

function filters(data: ReportData): SafeHtml {
  const indicators = [...new Set(data.documents.flatMap((d) => d.indicators.map((i) => i.code)))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return html`<form id="filters" class="filters" onsubmit="return false">
  <span>Severity:</span>
  ${SEVERITIES.map((s) => html`<label><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`)}
  <label>Document <select name="document"><option value="">all</option>${options(data.documents.map((d) => d.info.fileName))}</select></label>
  <label>Indicator <select name="indicator"><option value="">all</option>${options(indicators)}</select></label>
  <label>Check <select name="check"><option value="">all</option>${options(data.checks.map((c) => c.id))}</select></label>
  <label><input type="checkbox" name="acknowledged" checked> acknowledged</label>
  <button type="reset">Show all</button>
  <span id="shown-count"></span>
</form>`;
}

function indicatorArticle(ind: ReportIndicator): SafeHtml {
  const aliases = ind.aliases.length ? html` <span class="meta">also written ${ind.aliases.join(', ')}</span>` : '';
  const catalogue = ind.catalogueTitle && ind.catalogueTitle !== ind.title ? html`<div class="catalogue">Catalogue: ${ind.catalogueTitle}</div>` : '';
  return html`<article class="indicator" data-document="${ind.document}" data-indicator="${ind.code}">
  <h3>${ind.code}${ind.title ? html` — ${ind.title}` : ''}${aliases}</h3>
  ${catalogue}
  ${valuesTable(ind.observations)}
  ${ind.findings.map(findingCard)}
</article>`;
}

/** "Unread figures: 2 of 158 near indicator mentions (1.3%)": the document's recall signal. */
function figuresLine(doc: ReportDocument): SafeHtml {
  const f = doc.figures;
  if (!f || f.near === null) return html``;
  return html`<p class="meta figures">Unread figures: ${f.unread} of ${f.near} near indicator mentions (${formatShare(f.share)}) — check <code>unread-figures</code></p>`;
}

function documentSection(doc: ReportDocument): SafeHtml {
  const i = doc.info;
  const about = [i.partnership, i.title && i.title !== i.partnership ? i.title : null, i.format].filter(Boolean).join(' · ');
  return html`<section class="group document" data-document="${i.fileName}">
  <h2>${i.fileName}</h2>
  <p class="meta">${about} — ${i.path}</p>
  ${figuresLine(doc)}
  ${doc.findings.map(findingCard)}
  ${doc.indicators.map(indicatorArticle)}
</section>`;
}

function orphanSection(data: ReportData): SafeHtml {
  if (!data.orphans.length) return html``;
  const rows = data.orphans.map((o) => html`<tr><td>${o.kind}</td><td>${o.decision.action}</td><td><code>${o.targetId}</code></td>
    <td>${describeSnapshot(o.decision.previous)}</td><td>${o.reason}</td><td>${o.decision.decidedBy}, ${o.decision.decidedAt.slice(0, 10)}</td></tr>`);
  return html`<section id="orphans"><h2>Decisions that no longer apply (${data.orphans.length})</h2>
  <p class="meta">Kept in the audit trail; review the target again or leave them.</p>
  <table><thead><tr><th></th><th>decision</th><th>target</th><th>as decided</th><th>why it no longer applies</th><th>by</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

export function reportPage(data: ReportData): SafeHtml {
  const c = data.counts;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>planharvest findings — ${data.database}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<header>
  <h1>planharvest findings</h1>
  <p class="meta">${data.database} · ${data.documents.length} documents · ${data.observations.length} observations ·
    ${c.bySeverity.error} errors, ${c.bySeverity.warning} warnings, ${c.bySeverity.info} info · generated ${data.generatedAt}</p>
  <p class="hint">Review with <code>planharvest review accept|reject|correct|acknowledge &lt;id&gt; --db … --by &lt;name&gt;</code>,
    or fill in the <code>decision</code> column of decisions.csv and run <code>planharvest decisions apply decisions.csv --db …</code>.</p>
</header>
${summary(data)}
${filters(data)}
<main id="report">
${data.documents.map(documentSection)}
${data.across.length ? html`<section class="group across"><h2>Across documents</h2>${data.across.map(findingCard)}</section>` : ''}
${orphanSection(data)}
</main>
<script>${trusted(FILTER_SCRIPT)}</script>
</body>
</html>
`;
}
