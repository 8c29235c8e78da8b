// Indicators as columns and years as rows ("Year | NI 186 | NI 192", rows "Baseline 2007/08",
// "2008/09 target", "2008/09 actual"), sometimes with a second header row of titles. The row label gives
// kind and period; "n/a" cells give no record.
import { figure, financialYear, pendingFigure, shortYear, type Kind } from '../figures.ts';
import { EMPTY, plain, type SynthCell, type Truth } from '../model.ts';
import type { Rng } from '../random.ts';
import { record, type Layout } from './shared.ts';

interface RowLabel {
  text: string;
  kind: Kind;
  period: string;
}

function rowLabels(rng: Rng): RowLabel[] {
  const base = rng.int(2006, 2007);
  const fy = (y: number) => (rng.chance(0.3) ? shortYear(y) : financialYear(y));
  const labels: RowLabel[] = [{ text: `${rng.pick(['Baseline', 'Base line'])} ${fy(base)}`, kind: 'baseline', period: financialYear(base) }];
  const targets = rng.int(2, 4);
  for (let y = base + 1; y <= base + targets; y++) {
    labels.push({ text: rng.chance(0.8) ? `${fy(y)} target` : `Target ${fy(y)}`, kind: 'target', period: financialYear(y) });
  }
  for (let y = base + 1; y <= base + rng.int(0, 2); y++) labels.push({ text: `${fy(y)} actual`, kind: 'result', period: financialYear(y) });
  return labels;
}

export const yearsAsRows: Layout = {
  name: 'years-as-rows',
  inTables: true,
  build(ctx) {
    const { rng } = ctx;
    const indicators = ctx.takeIndicators(rng.int(2, 4));
    const labels = rowLabels(rng);
    const truth: Truth[] = [];
    const rows: SynthCell[][] = [[plain('Year'), ...indicators.map((d) => plain(d.code))]];
    // A row of titles under the codes, as long as no title has a figure in it: "16 to 18 year olds who are…"
    // and "…qualified to at least Level 4" under indicator columns are still read as figures 16, 18 and 4
    // (reported in BENCHMARKS.md; "Take up of 14-19 learning diplomas" is read right since 7060d32).
    const titles = rng.chance(0.4) && indicators.every((d) => !/\d/.test(d.title));
    if (titles) rows.push([EMPTY, ...indicators.map((d) => plain(d.title))]);
    const first = new Map<string, number>();
    for (const label of labels) {
      const cells: SynthCell[] = [plain(label.text)];
      for (const d of indicators) {
        const roll = rng.next();
        if (roll < 0.05) {
          cells.push(plain('n/a'));
          continue;
        }
        const f = roll < 0.1 && label.kind !== 'baseline' ? pendingFigure(rng, label.kind) : figure(rng, d.measure, first.get(d.code));
        if (f.reading.value !== null && !first.has(d.code)) first.set(d.code, f.reading.value);
        cells.push(plain(f.text, f.typed));
        truth.push(record(d, label.kind, f.reading, label.period));
      }
      rows.push(cells);
    }
    // Only the codes row counts as the header (repeated on a new PDF page): when both header rows are repeated,
    // joining the pages glues the titles row onto the row above the break (reported in BENCHMARKS.md).
    return { blocks: [{ kind: 'table', headerRows: 1, rows }], truth };
  },
};
