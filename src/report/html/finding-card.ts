// One finding: severity, check, message, its review state, and each piece of evidence with the source text
// shown, the value highlighted, page/line (and PDF box), confidence and the reasons that lowered it, and
// for a value read by OCR the page image around it.
import type { Evidence } from '../../model/finding.ts';
import type { Decision } from '../../review/decisions.ts';
import type { StoredCrop } from '../../store/crops.ts';
import type { ReportFinding } from '../data.ts';
import { highlighted } from './highlight.ts';
import { place } from './place.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** The page image around the value, embedded so the report stays one self-contained file. */
function cropImage(crop: StoredCrop): SafeHtml {
  const src = `data:image/png;base64,${Buffer.from(crop.png).toString('base64')}`;
  return html`<figure class="crop"><img src="${src}" width="${crop.width}" height="${crop.height}" alt="page ${crop.page} around the value, as scanned">
  <figcaption>page ${crop.page} as scanned (the value framed)</figcaption></figure>`;
}

function evidenceItem(e: Evidence, crop?: StoredCrop): SafeHtml {
  const confidence = e.confidence !== null ? html`<span class="confidence">confidence ${e.confidence.toFixed(2)}</span>` : '';
  const reasons = e.confidenceReasons.length ? html`<span class="reasons">${e.confidenceReasons.join('; ')}</span>` : '';
  const id = e.observationId ? html`<code class="oid">${e.observationId}</code>` : '';
  return html`<li class="evidence">
  <div class="evidence-head"><span class="label">${e.label}</span> ${place(e)} ${confidence} ${reasons} ${id}</div>
  ${e.text ? html`<blockquote class="source">${highlighted(e.text, e.start, e.end)}</blockquote>` : html`<p class="nosource">(no source text stored)</p>`}
  ${crop ? cropImage(crop) : ''}
</li>`;
}

function decided(d: Decision, verb: string): SafeHtml {
  return html`${verb} by <strong>${d.decidedBy}</strong> on ${d.decidedAt.slice(0, 10)}${d.comment ? html` — “${d.comment}”` : ''}`;
}

export function findingCard(f: ReportFinding): SafeHtml {
  const review = f.acknowledged
    ? html`<p class="ack">${decided(f.acknowledged, 'Acknowledged')}</p>`
    : f.staleAcknowledgement
      ? html`<p class="ack stale">${decided(f.staleAcknowledgement, 'Acknowledged when less severe')}; open again.</p>`
      : '';
  return html`<div class="finding sev-${f.severity}${f.acknowledged ? ' acknowledged' : ''}" id="${f.id}" data-severity="${f.severity}" data-check="${f.check}"
  data-indicator="${f.indicator ?? ''}" data-documents="${JSON.stringify(f.documents)}" data-acknowledged="${f.acknowledged ? 'yes' : 'no'}">
  <div class="finding-head"><span class="badge ${f.severity}">${f.severity}</span> <span class="check">${f.check}</span> <code class="fid">${f.id}</code></div>
  <p class="message">${f.message}</p>
  ${review}
  ${f.evidence.length ? html`<ul class="evidence-list">${f.evidence.map((e) => evidenceItem(e, e.observationId ? f.crops?.get(e.observationId) : undefined))}</ul>` : ''}
</div>`;
}
