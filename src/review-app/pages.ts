// The review app's pages, rendered on the server. Every piece of document text goes through hono's `html`
// template, which escapes what it is given: a document's own markup shows as text. The page loads only the
// app's own script and style (a Content-Security-Policy in ./server.ts forbids anything else).
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { StoredFinding } from '../reconcile/store.ts';
import { formatFigure } from '../reconcile/format.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';
import { observationSnapshot, findingSnapshot } from '../review/targets.ts';
import { ObservationKind } from '../model/observation.ts';
import type { DocumentInfo, StoredSource } from '../store/read.ts';
import type { QueueFilter, QueueItem, TierCount } from './queue.ts';
import type { ShownLine } from './text-lines.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const TIER_WORDS: Record<QueueItem['tier'], string> = {
  error: 'error finding', warning: 'warning finding', 'low-confidence': 'low confidence', sample: 'quality sample',
};

export const KEYS: Array<[key: string, what: string]> = [
  ['a', 'accept'], ['r', 'reject'], ['c', 'correct (Enter saves, Esc cancels)'], ['k', 'acknowledge the finding'], ['t', 'fix the whole column'],
  ['s', 'skip'], ['n / →', 'next'], ['p / ←', 'previous'], ['q', 'queue'],
];

export function filterQuery(filter: QueueFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function layout(title: string, token: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="planharvest-token" content="${token}">
<title>${title} — planharvest review</title>
<link rel="stylesheet" href="/assets/review.css">
<script src="/assets/review.js" defer></script>
</head>
<body>
${body}
<div id="message" role="status" aria-live="polite"></div>
</body>
</html>`;
}

function counts(tiers: TierCount[], filter: QueueFilter): Html {
  return html`<nav class="counts">${tiers.map(
    (t) => html`<a href="/queue${filterQuery({ ...filter, tier: t.tier })}" class="tier ${t.tier}">${TIER_WORDS[t.tier]}: <b>${t.left}</b> left, ${t.done} done</a> `,
  )}<a href="/queue${filterQuery({})}" class="all">all</a></nav>`;
}

function keysHelp(): Html {
  return html`<footer class="keys">${KEYS.map(([k, what]) => html`<span><kbd>${k}</kbd> ${what}</span> `)}</footer>`;
}

export interface QueuePageData {
  token: string;
  by: string;
  filter: QueueFilter;
  tiers: TierCount[];
  items: Array<QueueItem & { done: boolean; claimed: boolean }>;
  offset: number;
  total: number;
  pageSize: number;
}

export function queuePage(d: QueuePageData): Html {
  const next = d.offset + d.pageSize < d.total ? html`<a href="/queue${filterQuery(d.filter, { offset: String(d.offset + d.pageSize) })}" rel="next">next ${d.pageSize}</a>` : '';
  const previous = d.offset > 0 ? html`<a href="/queue${filterQuery(d.filter, { offset: String(Math.max(0, d.offset - d.pageSize)) })}" rel="prev">previous ${d.pageSize}</a>` : '';
  return layout(
    'Queue',
    d.token,
    html`<header><h1>Review queue</h1><p>Reviewing as <b>${d.by}</b>. <a href="/next${filterQuery(d.filter)}" id="start">Start with the next item</a> (<kbd>n</kbd>).</p>
${counts(d.tiers, d.filter)}
<form class="filters" method="get" action="/queue">
${(['partnership', 'document', 'indicator', 'check'] as const).map((f) => html`<label>${f} <input name="${f}" value="${d.filter[f] ?? ''}"></label> `)}
<input type="hidden" name="tier" value="${d.filter.tier ?? ''}"><button>filter</button></form></header>
<main><p>${d.total} items${d.total ? html`, ${d.offset + 1}–${Math.min(d.total, d.offset + d.pageSize)} shown` : ''}.</p>
<table class="queue"><thead><tr><th>risk</th><th>document</th><th>indicator</th><th>check</th><th>state</th></tr></thead><tbody>
${d.items.map(
  (i) => html`<tr class="${i.tier}${i.done ? ' done' : ''}"><td>${TIER_WORDS[i.tier]}</td><td>${i.document ?? ''}</td><td><a href="/item/${i.key}${filterQuery(d.filter)}">${i.indicator ?? '(none)'}</a></td><td>${i.check ?? ''}</td><td>${i.done ? 'done' : i.claimed ? 'open elsewhere' : 'to do'}</td></tr>`,
)}
</tbody></table><p class="pager">${previous} ${next}</p></main>
${keysHelp()}`,
  );
}

/** Where on the shown page image each located source is, in image pixels. */
export interface PageView {
  src: string;
  width: number;
  height: number;
  pixelsPerUnit: number;
}

function sourceText(label: string, s: StoredSource | null, cls: string): Html {
  if (!s) return html``;
  const where = [s.page ? `page ${s.page}` : null, s.line ? `line ${s.line}` : null, s.sheet ? `${s.sheet}!${s.address ?? ''}` : null, s.table !== null ? `table ${s.table + 1}, row ${(s.row ?? 0) + 1}, column ${(s.col ?? 0) + 1}` : null]
    .filter(Boolean)
    .join(', ');
  return html`<div class="unit ${cls}"><span class="role">${label}</span> <span class="where">${where}</span>
<pre>${s.text.slice(0, s.start)}<mark class="${cls}">${s.text.slice(s.start, s.end)}</mark>${s.text.slice(s.end)}</pre></div>`;
}

function pageWithBoxes(view: PageView, o: ReviewedObservation): Html {
  const boxes: Array<[string, StoredSource | null]> = [['value', o.source], ['header', o.header], ['code', o.code]];
  const page = o.source?.page;
  // The boxes are placed by the app's script from their data (the page's policy allows no inline style).
  return html`<div class="page"><img src="${view.src}" width="${view.width}" height="${view.height}" alt="page ${page ?? ''} of the document">
${boxes.map(([role, s]) => (s?.box && s.page === page ? html`<div class="box ${role}" data-role="${role}" data-box="${JSON.stringify(s.box)}" data-ppu="${view.pixelsPerUnit}" title="${role}"></div>` : ''))}
</div>`;
}

/** The kinds a figure can be, to choose from; `current` chosen, or "as read" when none is. */
function kindChoice(current: ObservationKind | null): Html {
  return html`<select name="kind">${current === null ? html`<option value="">as read</option>` : ''}${ObservationKind.options.map(
    (k) => html`<option value="${k}"${k === current ? ' selected' : ''}>${k}s</option>`,
  )}</select>`;
}

export interface ItemPageData {
  token: string;
  by: string;
  filter: QueueFilter;
  tiers: TierCount[];
  item: QueueItem;
  position: number;
  total: number;
  claimedElsewhere: boolean;
  finding: StoredFinding | null;
  observation: ReviewedObservation | null;
  document: DocumentInfo | null;
  page: PageView | null;
  /** Why the page image is not shown, when the value is on a page. */
  pageMissing: string | null;
  /** A text export's lines around the figure's. */
  lines: ShownLine[] | null;
  /** How many figures a fix of the value's table column would cover. */
  columnSize: number;
}

export function itemPage(d: ItemPageData): Html {
  const o = d.observation;
  const f = d.finding;
  const source = o && d.page ? pageWithBoxes(d.page, o) : html``;
  const fields = o
    ? html`<table class="fields">
<tr><th>indicator</th><td data-field="indicator">${o.indicator}</td></tr>
<tr><th>kind</th><td data-field="kind">${o.kind}</td></tr>
<tr><th>value</th><td data-field="value">${formatFigure(o)}</td></tr>
<tr><th>unit</th><td data-field="unit">${o.unit ?? ''}</td></tr>
<tr><th>period</th><td data-field="period">${o.period ?? ''}</td></tr>
<tr><th>area</th><td data-field="area">${o.area ?? ''}</td></tr>
<tr><th>confidence</th><td>${o.confidence.toFixed(2)}${o.confidenceReasons.length ? html` (${o.confidenceReasons.join('; ')})` : ''}</td></tr>
<tr><th>review</th><td data-field="review">${o.reviewState}${o.reviewedBy ? html` by ${o.reviewedBy}` : ''}</td></tr>
</table>
<form class="correct" id="correct" hidden>
<label>value <input name="value" value="${o.value ?? ''}"></label>
<label>unit <input name="unit" value="${o.unit ?? ''}"></label>
<label>period <input name="period" value="${o.period ?? ''}"></label>
<label>code <input name="code" value="${o.indicator}"></label>
<label>kind ${kindChoice(o.kind)}</label>
<label>comment <input name="comment"></label>
<button type="submit">save correction (Enter)</button></form>
${d.columnSize > 1 ? html`<form class="table-fix" id="table-fix" hidden data-document="${o.documentId}" data-table="${o.source?.table ?? ''}" data-col="${o.source?.col ?? ''}">
<p>One decision for all <b>${d.columnSize}</b> figures of this column (table ${(o.source?.table ?? 0) + 1}, column ${(o.source?.col ?? 0) + 1}):</p>
<label>period <input name="period" placeholder="${o.period ?? ''}"></label>
<label>unit <input name="unit" placeholder="${o.unit ?? ''}"></label>
<label>they are ${kindChoice(null)}</label>
<label><input type="checkbox" name="reject"> reject them all</label>
<label>comment <input name="comment"></label>
<button type="submit">apply to the column (Enter)</button></form>` : ''}`
    : html``;
  return layout(
    `${d.item.indicator ?? 'Item'} — ${d.item.document ?? ''}`,
    d.token,
    html`<header><h1><a href="/queue${filterQuery(d.filter)}">Review</a> · item ${d.position + 1} of ${d.total}</h1>${counts(d.tiers, d.filter)}</header>
<main class="item" data-key="${d.item.key}" data-observation="${o?.id ?? ''}" data-finding="${f?.id ?? ''}" data-snapshot="${JSON.stringify(o ? observationSnapshot(o) : null)}"
  data-finding-snapshot="${JSON.stringify(f ? findingSnapshot(f) : null)}" data-filter="${filterQuery(d.filter)}">
${d.claimedElsewhere ? html`<p class="claimed">Another reviewer has this item open. <a href="/next${filterQuery(d.filter, { after: d.item.key })}">Go to the next one</a>.</p>` : ''}
<section class="source">
${source}
${d.pageMissing ? html`<p class="missing">${d.pageMissing}</p>` : ''}
${d.lines ? html`<ol class="lines">${d.lines.map((l) => html`<li value="${l.n}"${l.here ? html` class="here"` : ''}>${l.text}</li>`)}</ol>` : ''}
${!d.page && o ? html`${sourceText('value', o.source, 'value')}${sourceText('header', o.header, 'header')}${sourceText('code', o.code, 'code')}` : ''}
${!o && f ? html`${f.evidence.map((e) => html`<div class="unit code"><span class="role">${e.role}</span> <span class="where">${e.document}${e.page ? `, page ${e.page}` : ''}${e.line ? `, line ${e.line}` : ''}</span><pre>${e.text}</pre></div>`)}` : ''}
</section>
<section class="detail">
<p class="tier ${d.item.tier}">${TIER_WORDS[d.item.tier]}${d.document ? html` · ${d.document.fileName}${d.document.partnership ? html` (${d.document.partnership})` : ''}` : ''}</p>
${f ? html`<p class="finding ${f.severity}"><b>${f.check}</b>: ${f.message}</p>` : ''}
${fields}
${d.page && o ? html`<h2>The words they come from</h2>${sourceText('value', o.source, 'value')}${sourceText('header', o.header, 'header')}${sourceText('code', o.code, 'code')}` : ''}
</section>
</main>
${keysHelp()}`,
  );
}

export function messagePage(token: string, title: string, text: string): Html {
  return layout(title, token, html`<main><h1>${title}</h1><p>${text}</p><p><a href="/queue">Back to the queue</a></p></main>`);
}
