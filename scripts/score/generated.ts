// Accuracy on the project's own generated corpus, read in this process (no store, no CLI): generate the
// benchmark's documents (bench/generate, same seed, so the first N documents of the 1,000-document bench), read
// each with processBytes and compare its observations with the generated truth, record by record.
//   node --import tsx scripts/score/generated.ts [--docs 300] [--seed 1] [--pdf]
// PDFs are left out unless --pdf is given (they take most of the time and have their own parity tests).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docsDir, generateCorpus, parseArgs, positive, readTruth } from '../../bench/generate/index.ts';
import { Accuracy, comparable } from '../../bench/measure/accuracy.ts';
import type { ExpectedObservation } from '../../tests/support/compare.ts';
import { processBytes } from '../../src/pipeline/process.ts';

const args = parseArgs(process.argv.slice(2), { docs: '300', seed: '1' });
const withPdf = process.argv.includes('--pdf');
const out = join(tmpdir(), `planharvest-generated-${args.seed}-${args.docs}`);
await generateCorpus({ docs: positive('docs', args.docs), seed: positive('seed', args.seed), out });
const accuracy = new Accuracy(20);
for await (const line of readTruth(out)) {
  if (!withPdf && line.format === 'pdf') continue;
  const result = await processBytes(new Uint8Array(readFileSync(join(docsDir(out), line.name))), line.name);
  accuracy.add(line.name, line.format, line.layouts, line.truth as ExpectedObservation[], result.ok ? result.result.observations.map(comparable) : []);
}
const report = accuracy.report();
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
console.log(`recall ${pct(report.recall)} (${report.matched}/${report.expected}), precision ${pct(report.precision)} (${report.matched}/${report.actual})`);
for (const e of report.examples) console.log(`${e.document}\n  missing    ${e.missing.join('\n  missing    ')}\n  unexpected ${e.unexpected.join('\n  unexpected ')}`);
