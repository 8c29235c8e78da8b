// A compared figure as table text: the number (with % for percentages; other units are in the heading), its
// period, and who reviewed it when a person did.
import { formatNumber } from '../../reconcile/format.ts';
import { html, type SafeHtml } from '../../report/html/safe-html.ts';
import type { Figure } from '../series.ts';

export function amount(value: number, unit: string | null, decimals = 3): string {
  return `${formatNumber(value, decimals)}${unit === '%' ? '%' : ''}`;
}

function reviewNote(f: Figure): SafeHtml | string {
  const o = f.observation;
  if (o.reviewState === 'machine') return '';
  const was = o.reviewState === 'corrected' && o.extracted.value !== o.value ? `, extracted ${o.extracted.value === null ? 'pending' : amount(o.extracted.value, o.extracted.unit)}` : '';
  return html` <span class="review ${o.reviewState}" title="${o.reviewState} by ${o.reviewedBy ?? '?'}${was}">${o.reviewState === 'corrected' ? '✎' : '✓'}</span>`;
}

export function figureCell(f: Figure, unit: string | null, withPeriod: boolean): SafeHtml {
  const period = withPeriod ? html` <span class="period">(${f.period ?? 'undated'})</span>` : '';
  return html`<span class="figure" data-observation="${f.observation.id}">${amount(f.value, unit)}</span>${period}${reviewNote(f)}`;
}
