// Parts of an indicator named by subject (src/vocabulary/parts.ts): only from the words a line opens with, and
// only the parts of the parent asked for.
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline/process.ts';
import { hasParts, partOpening } from '../../src/vocabulary/parts.ts';

describe('indicator parts named by subject', () => {
  it.each<[string, string, string | null]>([
    ['Major applications: target 60% - out-turn 61%', 'BV 109', 'BV 109a'],
    ['• Minor planning applications in under 8 weeks 85%', 'BV 109', 'BV 109b'],
    ['Other applications: target 80% - out-turn 85%', 'BV 109', 'BV 109c'],
    ['Graffiti 4% (target 5%)', 'BV 199', 'BV 199b'],
    ['Fly-posting 1%', 'BV 199', 'BV 199c'],
    ['Changes of circumstances: 9.8 days', 'BV 78', 'BV 78b'],
    ['Household waste recycled 21.4%', 'BV 82', 'BV 82a'],
    ['Major applications: 68% (target 60%)', 'NI 157', 'NI 157a'],
    ['Detritus 11% (target 10%)', 'NI 195', 'NI 195b'],
    ['Fly-posting 0%', 'NI 195', 'NI 195d'],
    // Not at the start, not the parent asked for, or not the part's words.
    ['The figure for major applications was 61%', 'BV 109', null],
    ['Major applications: target 60%', 'BV 199', null],
    ['Other business was deferred', 'BV 109', null],
  ])('%s (under %s) → %s', (text, parent, code) => {
    expect(partOpening(text, parent)?.part.code ?? null).toBe(code);
  });

  it('knows which codes have parts', () => {
    expect([hasParts('BV 109'), hasParts('BV 109a'), hasParts('NI 157'), hasParts('NI 157c'), hasParts('BV 199')]).toEqual([true, false, true, false, true]);
  });

  it('reads the figure right after a part\'s name as reported for that part, not its name as a place', async () => {
    const result = await processBytes(new TextEncoder().encode([
      'Quarter 3 report 2009/10', '', 'NI 157 Processing of planning applications', 'Major applications: 68% (target 60%)', 'Other applications: 85% (target 80%)', '',
      'NI 195 Street cleanliness - Tranche 2 survey results:', 'Litter 5% (target 7%)', 'Graffiti 3%', '',
    ].join('\n')), 'parts.txt');
    if (!result.ok) throw new Error(result.reason);
    expect(result.result.observations.map((o) => [o.indicator.code, o.kind, o.value, o.period, o.area])).toEqual([
      ['NI 157a', 'result', 68, '2009/10', null], ['NI 157a', 'target', 60, '2009/10', null],
      ['NI 157c', 'result', 85, '2009/10', null], ['NI 157c', 'target', 80, '2009/10', null],
      ['NI 195a', 'result', 5, '2009/10', null], ['NI 195a', 'target', 7, '2009/10', null], ['NI 195c', 'result', 3, '2009/10', null],
    ]);
  });
});
