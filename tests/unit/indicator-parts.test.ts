// Parts of an indicator named by subject (src/vocabulary/parts.ts): only from the words a line opens with, and
// only the parts of the parent asked for.
import { describe, expect, it } from 'vitest';
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
    // Not at the start, not the parent asked for, or not the part's words.
    ['The figure for major applications was 61%', 'BV 109', null],
    ['Major applications: target 60%', 'BV 199', null],
    ['Other business was deferred', 'BV 109', null],
  ])('%s (under %s) → %s', (text, parent, code) => {
    expect(partOpening(text, parent)?.part.code ?? null).toBe(code);
  });

  it('knows which codes have parts', () => {
    expect([hasParts('BV 109'), hasParts('BV 109a'), hasParts('NI 157'), hasParts('BV 199')]).toEqual([true, false, false, true]);
  });
});
