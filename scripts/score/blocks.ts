// Print the document model's blocks of one file (kind, line, text), to see what the extractor is given:
// node --import tsx scripts/score/blocks.ts <file>
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { processBytes } from '../../src/pipeline/process.ts';

const file = process.argv[2];
const result = await processBytes(new Uint8Array(readFileSync(file)), basename(file));
if (!result.ok) throw new Error(result.reason);
for (const block of result.document.blocks) {
  if (block.kind === 'table') console.log(`table ${block.rows.length} rows: ${block.rows.slice(0, 3).map((row) => row.cells.map((c) => c.text).join(' | ')).join(' // ')}`);
  else if (block.kind === 'list') for (const item of block.items) console.log(`item ${item.provenance.line}: ${item.text}`);
  else console.log(`${block.kind} ${block.provenance.line}: ${block.text}`);
}
