// Check a generated corpus against the extractor in-process (processBytes, no store): the step to run
// after changing the generator, before scaling up. Prints recall and precision per format and layout and
// every document that does not read back exactly as its truth.
//
//   node --import tsx bench/generate/verify.ts <corpus folder> [--limit N]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { processBytes } from '../../src/pipeline/process.ts';
import { Accuracy, comparable } from '../measure/accuracy.ts';
import { docsDir, readTruth } from './index.ts';

async function main(): Promise<void> {
  const [folder, flag, limitArg] = process.argv.slice(2);
  if (!folder) throw new Error('usage: verify.ts <corpus folder> [--limit N]');
  const limit = flag === '--limit' ? Number(limitArg) : Number.POSITIVE_INFINITY;
  const corpus = resolve(folder);
  const accuracy = new Accuracy(1000);
  let n = 0;
  for await (const t of readTruth(corpus)) {
    if (n++ >= limit) break;
    const result = await processBytes(new Uint8Array(readFileSync(join(docsDir(corpus), t.name))), t.name);
    const actual = result.ok ? result.result.observations.map(comparable) : [];
    if (!result.ok) console.log(`${t.name}: rejected — ${result.reason}`);
    const c = accuracy.add(t.name, t.format, t.layouts, t.truth, actual);
    if (c.missing.length || c.unexpected.length) {
      console.log(`${t.name} [${t.layouts.join(', ')}]`);
      for (const m of c.missing) console.log(`  missing     ${m}`);
      for (const u of c.unexpected) console.log(`  unexpected  ${u}`);
    }
  }
  const r = accuracy.report();
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(2)}%` : '—');
  console.log(`\n${n} documents: recall ${pct(r.matched, r.expected)} (${r.matched}/${r.expected}), precision ${pct(r.matched, r.actual)} (${r.matched}/${r.actual})`);
  for (const [group, tallies] of [['format', r.byFormat], ['layout', r.byLayout]] as const) {
    for (const [k, t] of Object.entries(tallies)) console.log(`  ${group} ${k.padEnd(18)} recall ${pct(t.matched, t.expected).padStart(8)}  precision ${pct(t.matched, t.actual).padStart(8)}  (${t.expected} expected)`);
  }
}

await main();
