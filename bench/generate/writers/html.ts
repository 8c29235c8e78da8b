// HTML as a word processor saves it: h1/h2 headings, paragraphs, bordered tables with a thead of th cells,
// colspan, and <u> for underlined labels.
import type { Run, SynthBlock, SynthCell, SynthDoc } from '../model.ts';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function runs(list: Run[]): string {
  return list.map((r) => (r.underline ? `<u>${escape(r.text)}</u>` : escape(r.text))).join('');
}

function cell(c: SynthCell, tag: 'th' | 'td'): string {
  const span = c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '';
  return `<${tag}${span}>${runs(c.runs)}</${tag}>`;
}

function block(b: SynthBlock): string {
  if (b.kind === 'heading') return `<h${b.level}>${escape(b.text)}</h${b.level}>`;
  if (b.kind === 'paragraph') return `<p>${escape(b.text)}</p>`;
  const head = b.rows.slice(0, b.headerRows).map((r) => `<tr>${r.map((c) => cell(c, 'th')).join('')}</tr>`);
  const body = b.rows.slice(b.headerRows).map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`);
  return [
    '<table border="1" cellspacing="0" cellpadding="4">',
    ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
    '<tbody>', ...body, '</tbody>',
    '</table>',
  ].join('\n');
}

export function writeHtml(doc: SynthDoc): Uint8Array {
  const html = [
    '<!DOCTYPE html>',
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${escape(doc.title)}</title></head>`,
    '<body>',
    ...doc.blocks.map(block),
    '</body></html>',
    '',
  ].join('\n');
  return Buffer.from(html, 'utf8');
}
