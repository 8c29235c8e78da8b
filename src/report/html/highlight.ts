// A source text with its value's span marked. Long paragraphs are cut to a window around the span so the
// report stays readable; the cut is shown with an ellipsis.
import { html, type SafeHtml } from './safe-html.ts';

const CONTEXT = 240;

export function highlighted(text: string, start: number, end: number): SafeHtml {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const from = Math.max(0, s - CONTEXT);
  const to = Math.min(text.length, e + CONTEXT);
  const before = (from > 0 ? '…' : '') + text.slice(from, s);
  const after = text.slice(e, to) + (to < text.length ? '…' : '');
  const marked = e > s ? html`<mark>${text.slice(s, e)}</mark>` : '';
  return html`${before}${marked}${after}`;
}
