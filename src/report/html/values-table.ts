// An indicator's figures as a small table, baseline → targets → results in period order, with review state:
// corrected figures show what was extracted, rejected ones are struck through.
import { cellOf } from '../../reconcile/evidence.ts';
import { formatFigure, formatValue } from '../../reconcile/format.ts';
import { periodEnd } from '../../reconcile/series.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import { highlighted } from './highlight.ts';
import { placeText } from './place.ts';
import { html, type SafeHtml } from './safe-html.ts';

const KIND_ORDER = { baseline: 0, target: 1, result: 2 } as const;

function ordered(observations: ReviewedObservation[]): ReviewedObservation[] {
  return [...observations].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (periodEnd(a.period) ?? Infinity) - (periodEnd(b.period) ?? Infinity) || a.ordinal - b.ordinal,
  );
}

function figure(o: ReviewedObservation): SafeHtml {
  const now = o.state === 'pending' ? html`<em>pending${o.pendingReason ? ` (${o.pendingReason})` : ''}</em>` : html`${formatValue(o.value, o.unit)}`;
  if (o.reviewState !== 'corrected') return now;
  const e = o.extracted;
  const was = formatFigure(e);
  return html`${now} <span class="was">extracted ${was}${e.period !== o.period ? ` for ${e.period ?? 'no period'}` : ''}${e.indicator !== o.indicator ? ` as ${e.indicator}` : ''}</span>`;
}

function row(o: ReviewedObservation): SafeHtml {
  const review = o.reviewState === 'machine' ? 'machine' : html`${o.reviewState} by ${o.reviewedBy ?? '?'}`;
  const s = o.source;
  const source = s ? html`<details><summary>${placeText({ ...s, cell: cellOf(s) }) || 'text'}</summary><blockquote class="source">${highlighted(s.text, s.start, s.end)}</blockquote></details>` : '';
  return html`<tr class="review-${o.reviewState}">
  <td>${o.kind}</td><td>${o.period ?? '—'}</td><td>${o.area ?? ''}</td><td class="num">${figure(o)}</td>
  <td class="num">${o.confidence.toFixed(2)}</td><td>${review}</td><td>${source}</td><td><code class="oid">${o.id}</code></td>
</tr>`;
}

export function valuesTable(observations: ReviewedObservation[]): SafeHtml {
  if (!observations.length) return html`<p class="novalues">No baseline, target or result was found.</p>`;
  return html`<table class="values">
  <thead><tr><th>kind</th><th>period</th><th>area</th><th>value</th><th>confidence</th><th>review</th><th>source</th><th>id</th></tr></thead>
  <tbody>${ordered(observations).map(row)}</tbody>
</table>`;
}
