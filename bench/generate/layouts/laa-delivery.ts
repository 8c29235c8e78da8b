// The LAA delivery table: a "Measure and Target" header, a row naming the indicator, then a row of
// label-and-value cells ("<u>Baseline</u> 31% (05/06) | <u>08/09</u> 29% | …"), or (the other shape plans use)
// a row of labels with the figures in the row below, where empty slots are pending.
import { allowsRelative, figure, financialYear, pendingFigure, relativeFigure, shortYear, type Figure } from '../figures.ts';
import { EMPTY, plain, type SynthBlock, type SynthCell, type Truth } from '../model.ts';
import type { Rng } from '../random.ts';
import { AGENCIES, PEOPLE, PROSE, type IndicatorDef } from '../vocabulary.ts';
import { record, type Layout } from './shared.ts';

const VALUE_COLUMNS = 4;

/** "<u>Baseline</u> 31%…": the label underlined, as the exports keep it. */
function labelled(label: string, rest: string): SynthCell {
  return { runs: rest ? [{ text: label, underline: true }, { text: ` ${rest}` }] : [{ text: label, underline: true }] };
}

/** The baseline slot's words: a figure with its own year, two years sharing one figure, or a pending word. */
function baselineSlot(rng: Rng, d: IndicatorDef, year: number, truth: Truth[]): string {
  if (rng.chance(0.1)) {
    const f = pendingFigure(rng, 'baseline');
    truth.push(record(d, 'baseline', f.reading, null));
    return f.text;
  }
  const f = figure(rng, d.measure);
  const form = rng.int(0, 3);
  if (form === 3) {
    // "30% (06/07 & 07/08)": one figure, two years, two records.
    truth.push(record(d, 'baseline', f.reading, financialYear(year - 1)), record(d, 'baseline', f.reading, financialYear(year)));
    return `${f.text} (${shortYear(year - 1)} & ${shortYear(year)})`;
  }
  const written = form === 0 ? shortYear(year) : form === 1 ? financialYear(year) : String(year + 1);
  const period = form === 2 ? String(year + 1) : financialYear(year);
  truth.push(record(d, 'baseline', f.reading, period));
  return `${f.text} (${written})`;
}

function targetFigure(rng: Rng, d: IndicatorDef, around: number | undefined): Figure {
  if (rng.chance(0.1)) return pendingFigure(rng, 'target');
  if (around !== undefined && allowsRelative(d.measure) && rng.chance(0.12)) return relativeFigure(rng, d.measure, around);
  return figure(rng, d.measure, around);
}

/** Label-and-value cells: every slot labelled, figures beside their labels. */
function inlineRows(rng: Rng, d: IndicatorDef, years: number[], truth: Truth[]): SynthCell[][] {
  const baseline = baselineSlot(rng, d, years[0] - 1, truth);
  const around = truth.at(-1)?.value ?? undefined;
  const cells = [labelled('Baseline', baseline)];
  for (const y of years) {
    // A labelled year left empty is a gap the plan admits to (pending), as long as the row has figures.
    if (rng.chance(0.08)) {
      cells.push(labelled(shortYear(y), ''));
      truth.push(record(d, 'target', pendingFigure(rng, 'target').reading, financialYear(y)));
      continue;
    }
    const f = targetFigure(rng, d, around);
    cells.push(labelled(shortYear(y), f.text));
    truth.push(record(d, 'target', f.reading, financialYear(y)));
  }
  return [cells];
}

/** Labels in one row, figures in the next; a plan that has set only the baseline leaves the rest empty. */
function labelRowThenValues(rng: Rng, d: IndicatorDef, years: number[], truth: Truth[]): SynthCell[][] {
  const labels = [labelled('Baseline', ''), ...years.map((y) => labelled(shortYear(y), ''))];
  const base = figure(rng, d.measure);
  truth.push(record(d, 'baseline', base.reading, null));
  const onlyBaseline = rng.chance(0.5);
  const values: SynthCell[] = [plain(base.text, base.typed)];
  for (const y of years) {
    if (onlyBaseline) {
      values.push(EMPTY);
      truth.push(record(d, 'target', pendingFigure(rng, 'target').reading, financialYear(y)));
      continue;
    }
    const f = figure(rng, d.measure, base.reading.value ?? undefined);
    values.push(plain(f.text, f.typed));
    truth.push(record(d, 'target', f.reading, financialYear(y)));
  }
  return [labels, values];
}

export const laaDelivery: Layout = {
  name: 'laa-delivery',
  inTables: true,
  build(ctx) {
    const { rng } = ctx;
    const truth: Truth[] = [];
    const blocks: SynthBlock[] = [];
    // Mostly one table per indicator with its "Measure and Target" header, as the LAA plans print them;
    // sometimes several indicators share one table, each block an indicator row and its figures (not in a
    // borderless PDF, where such a table's columns are not found reliably: reported in BENCHMARKS.md).
    const indicators = ctx.takeIndicators(rng.int(1, 3));
    const perTable = ctx.oneTable || (ctx.spans && rng.chance(0.3)) ? indicators.length : 1;
    const wide = (cell: SynthCell): SynthCell[] => (ctx.spans ? [{ ...cell, colSpan: VALUE_COLUMNS }] : [cell, ...Array<SynthCell>(VALUE_COLUMNS - 1).fill(EMPTY)]);
    for (let t = 0; t < indicators.length; t += perTable) {
      const rows: SynthCell[][] = [[...wide(plain('Measure and Target')), plain('Lead Officer'), plain('Lead Agency')]];
      for (const d of indicators.slice(t, t + perTable)) {
        const first = rng.int(2008, 2009);
        const years = Array.from({ length: VALUE_COLUMNS - 1 }, (_, k) => first + k);
        const title = rng.chance(0.5) ? `${d.code}: ${d.title}` : `${d.title} (${d.code})`;
        rows.push([...wide(plain(title)), plain(rng.pick(PEOPLE)), plain(rng.pick(AGENCIES))]);
        rows.push(...(rng.chance(0.25) ? labelRowThenValues(rng, d, years, truth) : inlineRows(rng, d, years, truth)));
      }
      blocks.push({ kind: 'table', headerRows: 1, rows });
      // Each table is usually followed by its actions; in a borderless PDF always, or the next table's rows
      // would join this one as a second indicator block, which is not read reliably there (see above).
      if (!ctx.tablesOnly && (!ctx.spans || rng.chance(0.5))) blocks.push({ kind: 'paragraph', text: `Actions: ${rng.pick(PROSE)}` });
    }
    return { blocks, truth };
  },
};
