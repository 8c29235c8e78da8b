// The compare page's stylesheet: the report's, plus charts and comparison tables. Inline, so the page is one
// self-contained file.
import { STYLES } from '../../report/html/styles.ts';

export const COMPARE_STYLES = `${STYLES}
section.indicator { margin-bottom: 2.5rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
figure.chart { margin: .4rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { color: var(--muted); font-size: 12px; max-width: 640px; }
table.compare td.doc { color: var(--muted); font-size: 12px; }
table.compare th[scope=row] { background: none; font-weight: 600; }
.period, .note { color: var(--muted); font-size: 12px; }
.pending { color: var(--warning); }
.review { color: #1a7f37; cursor: help; }
.status { font-weight: 600; }
.status-ahead-of-path, .status-on-path { color: #1a7f37; }
.status-behind-path { color: var(--warning); }
.status-moved-the-wrong-way { color: var(--error); }
.direction { margin: .2rem 0 .8rem; }
@media print { .charts { display: block; } }
`;
