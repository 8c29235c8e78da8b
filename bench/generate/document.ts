// One synthetic plan: format by position (so every format gets an equal share and a small batch has each),
// a partnership and title, then sections in layouts the format can hold, with prose between them.
import { LAYOUTS, type Layout, type LayoutContext } from './layouts/index.ts';
import { EXTENSION, FORMATS, type SynthBlock, type SynthDoc, type Truth } from './model.ts';
import { Rng } from './random.ts';
import { BEST_VALUE, localIndicator, NATIONAL, PARTNERSHIP_KINDS, PARTNERSHIP_STEMS, PROSE, type IndicatorDef } from './vocabulary.ts';

const TITLES = [
  'Local Area Agreement Delivery Plan 2008 - 2011', 'Partnership Performance Scorecard', 'Sustainable Community Strategy Action Plan',
  'Annual Performance Report to the Board', 'Local Area Agreement Refresh', 'Targets and Trajectories Annex',
];

/** NI numbers in the catalogue: a plain local code with one of these would be read as that NI's alias. */
const NI_NUMBERS = new Set(NATIONAL.map((d) => d.bare));

/** Indicators for one document, never the same code twice. */
function indicatorPicker(rng: Rng): LayoutContext['takeIndicators'] {
  const used = new Set<string>();
  const fresh = (d: IndicatorDef) => !used.has(d.code);
  const local = (): IndicatorDef => {
    for (;;) {
      const major = rng.int(1, 40);
      const dotted = rng.chance(0.7);
      if (!dotted && NI_NUMBERS.has(String(major))) continue;
      const d = localIndicator(major, dotted ? rng.int(1, 9) : null, rng.chance(0.2) ? rng.pick(['a', 'b']) : '', rng.int(0, 1000));
      if (fresh(d)) return d;
    }
  };
  return (n, scheme) => {
    const out: IndicatorDef[] = [];
    while (out.length < n) {
      const roll = rng.next();
      const pool = scheme === 'BV' || (roll >= 0.85 && roll < 0.93) ? BEST_VALUE.filter(fresh) : roll < 0.85 ? NATIONAL.filter(fresh) : [];
      const d = pool.length ? rng.pick(pool) : scheme === 'BV' ? null : local();
      if (!d) break; // every Best Value code is taken: a shorter table
      used.add(d.code);
      out.push(d);
    }
    return out;
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function generateDocument(seed: number, index: number): SynthDoc {
  const rng = Rng.forDocument(seed, index);
  const format = FORMATS[index % FORMATS.length];
  const stem = rng.pick(PARTNERSHIP_STEMS);
  const partnership = `${stem} ${rng.pick(PARTNERSHIP_KINDS)}`;
  const title = rng.pick(TITLES);
  const tablesOnly = format === 'csv' || format === 'xlsx';
  const usable = LAYOUTS.filter((l) => !tablesOnly || l.inTables);
  // The first section's layout rotates with the document number, so every layout meets every format.
  const round = Math.floor(index / FORMATS.length);
  const sectionCount = format === 'csv' ? 1 : tablesOnly ? rng.int(1, 3) : rng.int(2, 6);
  const chosen: Layout[] = [usable[round % usable.length], ...Array.from({ length: sectionCount - 1 }, () => rng.pick(usable))];

  const blocks: SynthBlock[] = tablesOnly ? [] : [
    { kind: 'heading', level: 1, text: partnership },
    { kind: 'paragraph', text: title },
    ...Array.from({ length: rng.int(1, 3) }, (): SynthBlock => ({ kind: 'paragraph', text: rng.sample(PROSE, rng.int(2, 4)).join(' ') })),
  ];
  const truth: Truth[] = [];
  const takeIndicators = indicatorPicker(rng);
  // Ruled and borderless PDFs alternate, so any two consecutive PDFs have one of each.
  const pdf = { ruled: round % 2 === 0, landscape: rng.chance(0.15) };
  const spans = format !== 'pdf' || pdf.ruled;
  chosen.forEach((layout, i) => {
    const out = layout.build({ rng, takeIndicators, tablesOnly, oneTable: format === 'csv', spans, section: i + 1 });
    // Something always stands between two tables: to the text-export reader, tables with only a blank line
    // between them are one table cut by a page break, and the second's rows are read under the first's
    // header (reported in BENCHMARKS.md).
    if (!tablesOnly && blocks.at(-1)?.kind === 'table' && out.blocks[0]?.kind === 'table') blocks.push({ kind: 'paragraph', text: rng.pick(PROSE) });
    blocks.push(...out.blocks);
    truth.push(...out.truth);
    if (!tablesOnly && rng.chance(0.5)) blocks.push({ kind: 'paragraph', text: rng.sample(PROSE, rng.int(2, 5)).join(' ') });
  });
  return {
    name: `${String(index).padStart(6, '0')}-${slug(stem)}.${EXTENSION[format]}`,
    format, title, partnership,
    layouts: [...new Set(chosen.map((l) => l.name))],
    blocks, truth,
    pdf,
  };
}
