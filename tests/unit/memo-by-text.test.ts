import { describe, expect, it } from 'vitest';
import { findCodes } from '../../src/detect/codes.ts';
import { memoByText } from '../../src/memo-by-text.ts';
import { findPeriods } from '../../src/vocabulary/periods.ts';

describe('memoByText', () => {
  it('reads a text once and hands each caller its own array of the same findings', () => {
    let reads = 0;
    const words = memoByText((text: string) => {
      reads++;
      return text.split(' ').map((w) => ({ w }));
    });
    const first = words('rose to 6.1 days');
    const second = words('rose to 6.1 days');
    expect(reads).toBe(1);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    second.pop();
    expect(words('rose to 6.1 days')).toHaveLength(4);
  });

  it('freezes what it remembers, so a caller cannot change the next caller’s findings', () => {
    const words = memoByText((text: string) => [{ text }]);
    const [found] = words('NI 186');
    expect(() => {
      (found as { text: string }).text = 'NI 187';
    }).toThrow(TypeError);
    expect(words('NI 186')[0].text).toBe('NI 186');
  });

  it('forgets the oldest text once it holds its limit', () => {
    let reads = 0;
    const words = memoByText((text: string) => {
      reads++;
      return [{ text }];
    }, 2);
    words('a');
    words('b');
    words('c');
    expect(reads).toBe(3);
    words('c');
    words('b');
    expect(reads).toBe(3);
    words('a');
    expect(reads).toBe(4);
  });

  it('leaves the code and period readers giving what they gave, read once or twice', () => {
    const cell = 'BV 66a, PAFB12';
    expect(findCodes(cell)).toEqual(findCodes(cell));
    expect(findCodes(cell).map((m) => [m.code, m.aliases])).toEqual([['BV 66a', ['PAF B12']]]);
    const line = 'Re-let times (BV 212) rose from 5.2 days in 2008/09 to 6.1 days in Q3 2009/10 (NI 186)';
    expect(findCodes(line).map((m) => m.code)).toEqual(['BV 212', 'NI 186']);
    expect(findPeriods(line).map((p) => p.period)).toEqual(findPeriods(line).map((p) => p.period));
    expect(findPeriods(line).map((p) => p.period)).toContain('2008/09');
  });
});
