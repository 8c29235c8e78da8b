// The benchmark's generator and the extractor keep each other honest: a small seeded batch, two documents of
// every format, read back through the whole per-document pipeline gives exactly the generated truth.
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../bench/generate/document.ts';
import { LAYOUTS } from '../../bench/generate/layouts/index.ts';
import { FORMATS } from '../../bench/generate/model.ts';
import { writeDocument } from '../../bench/generate/writers/index.ts';
import { comparable } from '../../bench/measure/accuracy.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import { compareRecords } from '../support/compare.ts';

const SEED = 20090401;
const DOCS = 2 * FORMATS.length;

describe('bench generator', () => {
  it('makes two documents of every format, the same bytes for the same seed', async () => {
    const docs = Array.from({ length: DOCS }, (_, i) => generateDocument(SEED, i));
    for (const format of FORMATS) expect(docs.filter((d) => d.format === format), format).toHaveLength(2);
    expect(new Set(docs.flatMap((d) => d.layouts))).toEqual(new Set(LAYOUTS.map((l) => l.name)));
    expect(docs.filter((d) => d.format === 'pdf').map((d) => d.pdf.ruled).sort()).toEqual([false, true]);
    const again = await writeDocument(generateDocument(SEED, 5));
    expect(Buffer.from(again.bytes).equals(Buffer.from((await writeDocument(docs[5])).bytes))).toBe(true);
  });

  it('reads back exactly its truth (recall and precision 1.0)', async () => {
    let expected = 0;
    for (let i = 0; i < DOCS; i++) {
      const doc = generateDocument(SEED, i);
      const { bytes } = await writeDocument(doc);
      const result = await processBytes(bytes, doc.name);
      if (!result.ok) throw new Error(`${doc.name} rejected: ${result.reason}`);
      const c = compareRecords(doc.truth, result.result.observations.map(comparable));
      expect({ document: doc.name, missing: c.missing, unexpected: c.unexpected }).toEqual({ document: doc.name, missing: [], unexpected: [] });
      expected += doc.truth.length;
    }
    // A batch with almost nothing in it would pass trivially.
    expect(expected).toBeGreaterThan(200);
  });
});
