// npm run score [-- set ...] [--verbose]: value precision/recall/F1, indicator recall and period accuracy per
// evaluation set (seeds, fixtures, realworld, dev; heldback and heldback2 only when named), the figures BENCHMARKS.md records.
import { scoreSet, SETS, setExists } from './sets.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const named = args.filter((a) => !a.startsWith('--'));
const chosen = named.length ? named : ['seeds', 'fixtures', 'realworld', 'dev'];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const rows: string[] = ['| set | documents | indicator recall | value precision | value recall | value F1 | period accuracy |', '|---|---|---|---|---|---|---|'];
for (const name of chosen) {
  const set = SETS[name];
  if (!set) throw new Error(`unknown set "${name}" (${Object.keys(SETS).join(', ')})`);
  if (!setExists(set)) {
    console.error(`${name}: not present, skipped`);
    continue;
  }
  const { score, report } = await scoreSet(set, { verbose });
  if (verbose) console.log(`## ${name}\n${report}`);
  const s = score.summary;
  const t = score.totals;
  rows.push(`| ${name} | ${score.documents} | ${pct(s.indicator_recall)} (${t.mi}/${t.gi}) | ${pct(s.value_precision)} (${t.mv}/${t.pv}) | ${pct(s.value_recall)} (${t.mv}/${t.gv}) | ${pct(s.value_f1)} | ${pct(s.period_accuracy)} (${t.pc}/${t.pm}) |`);
}
console.log(rows.join('\n'));
