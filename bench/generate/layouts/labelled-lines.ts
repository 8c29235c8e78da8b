// Labelled lines in the action-plan style: "Performance Indicators: NI 6 …", then "Baseline: NI 6 21.3%
// (2008/09)", "Target: NI 6 23.0% (2009/10) 25.0% (2010/11)", sometimes "Result: …"; pending words stand in
// for figures not yet known. Prose only, so never in a tables-only format.
import { figure, financialYear, pendingFigure } from '../figures.ts';
import type { SynthBlock, Truth } from '../model.ts';
import { PROSE, THEMES } from '../vocabulary.ts';
import { record, type Layout } from './shared.ts';

export const labelledLines: Layout = {
  name: 'labelled-lines',
  inTables: false,
  build(ctx) {
    const { rng } = ctx;
    const blocks: SynthBlock[] = [{ kind: 'heading', level: 2, text: `Priority ${ctx.section}: ${rng.pick(THEMES)}` }];
    const truth: Truth[] = [];
    for (const d of ctx.takeIndicators(rng.int(1, 2))) {
      blocks.push({ kind: 'paragraph', text: `Performance Indicators: ${d.code} ${d.title}` });
      const baseYear = rng.int(2005, 2008);
      // Baseline: its own year in brackets, financial ("(2008/09)") or calendar ("(2006)").
      if (rng.chance(0.15)) {
        const f = pendingFigure(rng, 'baseline');
        blocks.push({ kind: 'paragraph', text: `Baseline: ${d.code} ${f.text}` });
        truth.push(record(d, 'baseline', f.reading, null));
      } else {
        const f = figure(rng, d.measure);
        const calendar = rng.chance(0.3);
        const period = calendar ? String(baseYear + 1) : financialYear(baseYear);
        blocks.push({ kind: 'paragraph', text: `Baseline: ${d.code} ${f.text} (${period})` });
        truth.push(record(d, 'baseline', f.reading, period));
      }
      // Targets: one to three years on one line, each with its year; the last may still be pending. (A figure
      // after a pending word is taken for the pending word's note, and after figures "TBA by March 09
      // (2010/11)" also gives a pending target for 2009-03: both reported in BENCHMARKS.md.)
      const parts: string[] = [];
      const first = rng.int(baseYear + 1, 2009);
      const years = rng.int(1, 3);
      for (let y = first; y < first + years; y++) {
        const f = y === first + years - 1 && rng.chance(0.15) ? pendingFigure(rng, 'target', y > first) : figure(rng, d.measure);
        parts.push(`${f.text} (${financialYear(y)})`);
        truth.push(record(d, 'target', f.reading, financialYear(y)));
      }
      blocks.push({ kind: 'paragraph', text: `Target: ${d.code} ${parts.join(' ')}` });
      if (rng.chance(0.4)) {
        const f = figure(rng, d.measure);
        const period = financialYear(baseYear + 1);
        blocks.push({ kind: 'paragraph', text: `Result: ${d.code} ${f.text} (${period})` });
        truth.push(record(d, 'result', f.reading, period));
      }
    }
    blocks.push({ kind: 'paragraph', text: rng.sample(PROSE, rng.int(1, 3)).join(' ') });
    return { blocks, truth };
  },
};
