// Where a piece of text is: document, page, line, spreadsheet cell, and the box on a PDF page when the ingester gave one.
import type { Box } from '../../model/document.ts';
import { html, type SafeHtml } from './safe-html.ts';

function boxText(box: Box): string {
  const [x0, y0, x1, y1] = box.map((n) => Math.round(n * 10) / 10);
  return `box ${x0}, ${y0} – ${x1}, ${y1}`;
}

interface Where {
  page: number | null;
  line: number | null;
  cell?: string | null;
}

/** "page 2 · line 14", "cell Plan!B4"; empty when nothing is known. */
export function placeText(where: Where): string {
  const parts = [where.page !== null ? `page ${where.page}` : null, where.line !== null ? `line ${where.line}` : null, where.cell ? `cell ${where.cell}` : null];
  return parts.filter((p) => p !== null).join(' · ');
}

export function place(where: Where & { document: string; box: Box | null }): SafeHtml {
  const parts = [where.document, placeText(where)].filter(Boolean);
  const box = where.box ? html` <span class="box" title="position on the page, in points from its top-left corner">${boxText(where.box)}</span>` : '';
  return html`<span class="place">${parts.join(' · ')}</span>${box}`;
}
