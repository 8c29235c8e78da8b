// Print what planharvest reads from one file, one observation a line with the words it came from and why
// its confidence is what it is: node --import tsx scripts/score/show.ts <file>
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { processBytes } from '../../src/pipeline/process.ts';

for (const file of process.argv.slice(2)) {
  const result = await processBytes(new Uint8Array(readFileSync(file)), basename(file));
  if (!result.ok) {
    console.log(`${file}: rejected, ${result.reason}`);
    continue;
  }
  for (const o of result.result.observations) {
    const fields = [o.indicator.code, o.kind, o.state === 'pending' ? `pending(${o.pendingReason})` : o.value, o.unit, o.period, o.area, o.relativeChange];
    const where = o.source.provenance.line ?? o.source.provenance.page;
    console.log(`${fields.map((f) => f ?? '-').join(' ')} | ${where}: ${o.source.text.slice(o.source.start, o.source.end)} | ${o.confidenceReasons.join('; ')}`);
  }
}
