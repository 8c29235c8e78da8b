// Tables run into a paragraph, as web copies of reports give them: a row of periods, then rows that open with a
// kind label and hold exactly one figure per period ("… as the figures below indicate: Year 2005/06 2006/07
// 2007/08 2008/09 Actual Days Lost 10.35 11.95 12.52 9.08 Target 9.30 9.10 10.12 11.50"). Read only where every
// row lines up with the periods: a row of more or fewer figures ends the table, and a table of rows that name no
// kind gives nothing.
import type { Mention } from '../detect/mentions.ts';
import type { TextUnit } from '../model/document.ts';
import { kindOfLabel, placeComparator, NOT_A_FIGURE_OF_OURS } from '../vocabulary/kinds.ts';
import { findPeriods, type PeriodMatch } from '../vocabulary/periods.ts';
import { figureIndex, sourceOf, type Candidate } from './candidate.ts';
import { parseValues } from './values.ts';

/** The fewest periods a row of them needs to be read as a table's header. */
const FEWEST_PERIODS = 3;
/** The longest row label: a kind and a few words of subject ("Actual Days Lost"). */
const LONGEST_LABEL_WORDS = 5;

export interface InlineTable {
  candidates: Candidate[];
  /** Where the table stands in the text: the phrase reader leaves it alone. */
  start: number;
  end: number;
}

/** Runs of consecutive periods with nothing but spaces or rules between them. */
function periodRuns(text: string): PeriodMatch[][] {
  const runs: PeriodMatch[][] = [];
  for (const p of findPeriods(text)) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.end <= p.start && /^[\s|/]*$/.test(text.slice(last.end, p.start))) run.push(p);
    else runs.push([p]);
  }
  return runs.filter((r) => r.length >= FEWEST_PERIODS && new Set(r.map((p) => p.period)).size === r.length);
}

/** Read the tables of one text unit for the one indicator the text speaks of. */
export function readInlineTables(unit: TextUnit, indicator: Mention): InlineTable[] {
  const tables: InlineTable[] = [];
  const text = unit.text;
  for (const run of periodRuns(text)) {
    const k = run.length;
    const candidates: Candidate[] = [];
    let at = run[k - 1].end;
    for (;;) {
      const rest = text.slice(at);
      const figures = parseValues(rest).filter((t) => t.state === 'value');
      if (figures.length < k) break;
      const label = rest.slice(0, figures[0].start).trim();
      const kind = kindOfLabel(label);
      const area = placeComparator(label)?.area ?? null;
      const words = label.split(/\s+/).filter(Boolean);
      if ((!kind && !area) || words.length > LONGEST_LABEL_WORDS || findPeriods(label).length || NOT_A_FIGURE_OF_OURS.test(label)) break;
      const row = figures.slice(0, k);
      const lined = row.every((f, n) => n === 0 || /^\s*$/.test(rest.slice(row[n - 1].end, f.start)));
      // One figure too many in the row: a column this reading does not see.
      const more = figures[k] && /^\s*$/.test(rest.slice(row[k - 1].end, figures[k].start));
      if (!lined || more || row.some((f) => f.unit === 'gbp')) break;
      row.forEach((f, n) => {
        candidates.push({
          indicator,
          kind: kind ?? 'result',
          token: { ...f, start: f.start + at, end: f.end + at, periods: [], area: null },
          labelPeriod: run[n].period,
          source: sourceOf(unit, f.start + at, f.end + at),
          headerSource: sourceOf(unit, run[n].start, run[n].end),
          baseConfidence: 0.75,
          reasons: ['read from a table run into the text (a row of periods, then rows of as many figures)'],
          ordinal: figureIndex(text, f.start + at),
          area,
        });
      });
      at += row[k - 1].end;
    }
    if (candidates.length) tables.push({ candidates, start: run[0].start, end: at });
  }
  return tables;
}
