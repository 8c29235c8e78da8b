// Observation ids survive edits to the words around the figures (review decisions find them again after a
// re-import), and two figures of one line never share one.
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/pipeline/process.ts';

async function ids(text: string): Promise<string[]> {
  const result = await processBytes(new TextEncoder().encode(text), 'plan.txt');
  if (!result.ok) throw new Error(result.reason);
  return result.result.observations.map((o) => o.id);
}

describe('observation ids', () => {
  it('stay the same when only the words of a line change', async () => {
    const before = await ids('Quarterly report 2009/10\n\nNI 192 Waste recycled: achieved 41% against a target of 45%.\n');
    const after = await ids('Quarterly report 2009/10\n\nNI 192 Household waste sent for recycling: we achieved 41% this year against a target of 45%.\n');
    expect(before).toHaveLength(2);
    expect(after).toEqual(before);
  });

  it('differ for two figures of one line read as the same kind and period', async () => {
    const found = await ids('Target: NI 141 50% (2009/10) LI 141 55% (2009/10)\n');
    expect(found).toHaveLength(2);
    expect(new Set(found).size).toBe(2);
  });
});
