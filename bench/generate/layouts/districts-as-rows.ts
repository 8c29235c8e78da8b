// One table per indicator with districts as rows ("District | Baseline 2007/08 | Target 2010/11"), the
// county total last; the area is the row's place. The indicator is named just above the table (inside it,
// as a one-cell first row, in the tables-only formats).
import { allowsRelative, figure, financialYear, pendingFigure, relativeFigure, type Figure, type Kind } from '../figures.ts';
import { plain, type SynthBlock, type SynthCell, type Truth } from '../model.ts';
import { DISTRICTS, PARTNERSHIP_STEMS } from '../vocabulary.ts';
import { named, record, type Layout } from './shared.ts';

interface Column {
  header: string;
  kind: Kind;
  period: string;
}

export const districtsAsRows: Layout = {
  name: 'districts-as-rows',
  inTables: true,
  build(ctx) {
    const { rng } = ctx;
    const [d] = ctx.takeIndicators(1);
    const base = rng.int(2006, 2007);
    const columns: Column[] = [{ header: `Baseline ${financialYear(base)}`, kind: 'baseline', period: financialYear(base) }];
    if (rng.chance(0.4)) columns.push({ header: `${financialYear(base + 1)} Actual`, kind: 'result', period: financialYear(base + 1) });
    columns.push({ header: `Target ${financialYear(base + 3)}`, kind: 'target', period: financialYear(base + 3) });
    const areaWord = rng.pick(['District', 'Area', 'Borough', 'Locality']);
    const districts = rng.sample(DISTRICTS, rng.int(2, 5));
    const places = [...districts, rng.pick(PARTNERSHIP_STEMS.filter((s) => !districts.includes(s)))];
    const truth: Truth[] = [];
    const rows: SynthCell[][] = [[plain(areaWord), ...columns.map((c) => plain(c.header))]];
    const pendingRow = rng.chance(0.2) ? rng.int(0, places.length - 2) : -1;
    places.forEach((place, i) => {
      const cells: SynthCell[] = [plain(place)];
      let around: number | undefined;
      for (const c of columns) {
        let f: Figure;
        if (i === pendingRow) f = pendingFigure(rng, c.kind);
        else if (c.kind === 'target' && around !== undefined && allowsRelative(d.measure) && rng.chance(0.15)) f = relativeFigure(rng, d.measure, around);
        else f = figure(rng, d.measure, around);
        around ??= f.reading.value ?? undefined;
        cells.push(plain(f.text, f.typed));
        truth.push(record(d, c.kind, f.reading, c.period, place));
      }
      rows.push(cells);
    });
    const title = named(rng, d);
    const blocks: SynthBlock[] = ctx.tablesOnly
      ? [{ kind: 'table', headerRows: 0, rows: [[plain(title)], ...rows] }]
      : [{ kind: 'paragraph', text: title }, { kind: 'table', headerRows: 1, rows }];
    return { blocks, truth };
  },
};
