// Every piece of document text goes through one escaping helper: in element content, in attributes, in the
// highlighted source, and (entity-escaped, Markdown syntax neutralised) in summary.md.
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafe, spreadsheetSafe } from '../../../src/export/csv.ts';
import { highlighted } from '../../../src/report/html/highlight.ts';
import { escapeHtml, html, trusted } from '../../../src/report/html/safe-html.ts';
import { mdText } from '../../../src/report/markdown.ts';

const NASTY = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & 'quotes'`;

describe('escaping document text', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(NASTY)).toBe('&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; &amp; &#39;quotes&#39;');
  });

  it('escapes every interpolated value of the html template, in content and attributes, but not nested markup', () => {
    const inner = html`<b>${NASTY}</b>`;
    const page = html`<div title="${NASTY}">${inner}${[NASTY, 1]}${null}</div>`.markup;
    expect(page).not.toMatch(/<script|<img/);
    expect(page).toMatch(/^<div title="&lt;script&gt;.*"><b>&lt;script&gt;/);
    expect(trusted('<style>a{}</style>').markup).toBe('<style>a{}</style>');
  });

  it('highlights the span inside escaped text', () => {
    expect(highlighted('Target <NI 6> 19.5% (2010/11)', 14, 19).markup).toBe('Target &lt;NI 6&gt; <mark>19.5%</mark> (2010/11)');
    const long = `${'x'.repeat(400)}42%${'y'.repeat(400)}`;
    expect(highlighted(long, 400, 403).markup).toMatch(/^…x{240}<mark>42%<\/mark>y{240}…$/);
  });

  it('neutralises HTML and Markdown syntax in summary.md', () => {
    expect(mdText('a | b *c* <script> [x](y)\nnext')).toBe('a \\| b \\*c\\* &lt;script&gt; \\[x\\](y) next');
  });

  it('keeps document text in report CSVs from running as a spreadsheet formula, and reads it back', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1', '@SUM(A1)']) {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
      expect(fromSpreadsheetSafe(spreadsheetSafe(text))).toBe(text);
    }
    expect(spreadsheetSafe('- 4% reduction (15,381)')).toBe('- 4% reduction (15,381)');
  });
});
