// Scorecards: one row per indicator under year-and-kind column headers ("Indicator | 2007/08 Actual |
// 2008/09 Target …", "Baseline (2007/08)"), or a Best Value plan's bare codes under "BVPI No.". Dashes,
// pending words and empty cells are pending; "n/a" is no record at all.
import { allowsRelative, figure, financialYear, pendingFigure, relativeFigure, type Figure, type Kind } from '../figures.ts';
import { cellText, EMPTY, plain, type SynthCell, type Truth } from '../model.ts';
import type { Rng } from '../random.ts';
import { AGENCIES, type IndicatorDef } from '../vocabulary.ts';
import { named, record, type Layout } from './shared.ts';

interface Column {
  header: string;
  kind: Kind;
  period: string;
}

function columns(rng: Rng): Column[] {
  const start = rng.int(2006, 2008);
  const first: Column = rng.chance(0.5)
    ? { header: `${financialYear(start)} Actual`, kind: 'result', period: financialYear(start) }
    : { header: rng.pick([`Baseline (${financialYear(start)})`, `Baseline ${financialYear(start)}`]), kind: 'baseline', period: financialYear(start) };
  const targets = Array.from({ length: rng.int(2, 3) }, (_, i): Column => {
    const period = financialYear(start + 1 + i);
    return { header: rng.chance(0.7) ? `${period} Target` : `Target ${period}`, kind: 'target', period };
  });
  return [first, ...targets];
}

/** One value cell and its record (none for "n/a"); `figureOnly` rules out n/a, empty and pending. */
function slot(rng: Rng, d: IndicatorDef, column: Column, around: number | undefined, figureOnly: boolean): { cell: SynthCell; truth: Truth | null } {
  const roll = figureOnly ? 1 : rng.next();
  if (roll < 0.04) return { cell: plain('n/a'), truth: null };
  if (roll < 0.08) return { cell: EMPTY, truth: record(d, column.kind, pendingFigure(rng, column.kind).reading, column.period) };
  let f: Figure;
  if (roll < 0.14) f = { ...pendingFigure(rng, column.kind), ...(rng.chance(0.5) ? { text: '-' } : {}) };
  else if (column.kind === 'target' && around !== undefined && allowsRelative(d.measure) && roll < 0.22) f = relativeFigure(rng, d.measure, around);
  else f = figure(rng, d.measure, around);
  return { cell: plain(f.text, f.typed), truth: record(d, column.kind, f.reading, column.period) };
}

export const scorecard: Layout = {
  name: 'scorecard',
  inTables: true,
  build(ctx) {
    const { rng } = ctx;
    const bestValue = rng.chance(0.25);
    const indicators = ctx.takeIndicators(rng.int(2, 5), bestValue ? 'BV' : undefined);
    const leads = indicators.map((d) => (bestValue ? [d.bare, d.title] : [named(rng, d)]));
    const cols = columns(rng);
    const truth: Truth[] = [];
    const header = bestValue ? ['BVPI No.', 'Description'] : ['Indicator'];
    const rows: SynthCell[][] = [[...header, ...cols.map((c) => c.header), 'Lead'].map((t) => plain(t))];
    for (const [i, d] of indicators.entries()) {
      const lead = leads[i].map((t) => plain(t));
      const cells: SynthCell[] = [];
      let around: number | undefined;
      for (const [c, column] of cols.entries()) {
        // A row whose value cells are all empty is not read, so its slots would not be pending (reported in
        // BENCHMARKS.md): such a row's last slot gets a figure.
        const allEmpty = cells.every((cell) => !cellText(cell));
        const s = slot(rng, d, column, around, c === cols.length - 1 && allEmpty);
        cells.push(s.cell);
        if (s.truth) truth.push(s.truth);
        around ??= s.truth?.value ?? undefined;
      }
      // The lead agency closes the row, so an empty value cell is never the row's last.
      rows.push([...lead, ...cells, plain(rng.pick(AGENCIES))]);
    }
    return { blocks: [{ kind: 'table', headerRows: 1, rows }], truth };
  },
};
