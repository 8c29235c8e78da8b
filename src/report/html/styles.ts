// The report's stylesheet, inline so the file works offline with no other asset; the print rules drop the
// filters and colours a printer would waste, and keep each finding on one page.
export const STYLES = `
:root { --error: #b3261e; --warning: #9a6700; --info: #3b5b8c; --muted: #5f6368; --line: #d9dce1; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; padding: 0 1.5rem 3rem; max-width: 1200px; }
h1 { font-size: 1.5rem; margin: 1.2rem 0 .3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
.meta, .place, .was, .reasons, .catalogue { color: var(--muted); }
.hint { background: #f6f8fa; border: 1px solid var(--line); padding: .5rem .8rem; border-radius: 6px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
table { border-collapse: collapse; margin: .4rem 0 .8rem; }
th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; white-space: nowrap; }
.filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: .6rem 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; }
.filters label { white-space: nowrap; }
#shown-count { color: var(--muted); margin-left: auto; }
article.indicator { border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; margin: .8rem 0; }
.finding { border-left: 4px solid var(--info); background: #f8f9fb; padding: .4rem .7rem; margin: .5rem 0; }
.finding.sev-error { border-left-color: var(--error); background: #fdf3f2; }
.finding.sev-warning { border-left-color: var(--warning); background: #fdf8ec; }
.finding.acknowledged { opacity: .7; }
.badge { display: inline-block; color: #fff; border-radius: 3px; padding: 0 .4rem; font-size: 12px; text-transform: uppercase; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.check { font-weight: 600; }
.fid, .oid { color: var(--muted); }
.message { margin: .3rem 0; }
.ack { margin: .2rem 0; color: #1a7f37; } .ack.stale { color: var(--warning); }
.evidence-list { list-style: none; padding: 0; margin: .3rem 0 0; }
.evidence { margin: .3rem 0; }
.evidence-head { display: flex; flex-wrap: wrap; gap: .2rem .8rem; font-size: 13px; }
.label { font-weight: 600; }
blockquote.source { margin: .2rem 0 .2rem 1rem; padding: .2rem .5rem; border-left: 3px solid var(--line); white-space: pre-wrap; word-break: break-word; background: #fff; }
mark { background: #ffe58a; padding: 0 1px; outline: 1px solid #d4a200; }
figure.crop { margin: .2rem 0 .2rem 1rem; }
figure.crop img { max-width: 100%; height: auto; border: 1px solid var(--line); image-rendering: auto; }
figure.crop figcaption { font-size: 12px; color: var(--muted); }
tr.review-rejected td { text-decoration: line-through; color: var(--muted); }
tr.review-corrected td, tr.review-accepted td { background: #f0f8f1; }
[hidden] { display: none !important; }
@media print {
  body { font-size: 10pt; padding: 0; max-width: none; }
  .filters, .hint { display: none; }
  .finding, article.indicator, tr { break-inside: avoid; }
  .finding { background: none; border-left-width: 3px; }
  .badge { color: #000; border: 1px solid #000; background: none !important; }
  mark { background: none; outline: none; border-bottom: 2px solid #000; font-weight: 700; }
  a { color: inherit; text-decoration: none; }
}
`;
