// Corrected values as reviewers type them, normalised the way extraction normalises.
import { describe, expect, it } from 'vitest';
import { parseCorrection } from '../../../src/review/correction.ts';

describe('parsing a correction', () => {
  it('normalises figures, units, periods and codes', () => {
    expect(parseCorrection({ value: '15,400', unit: 'Tonnes', period: '08/09', code: 'ni139' })).toEqual({
      correction: { value: 15400, unit: 'tonnes', period: '2008/09', code: 'NI 139' }, errors: [],
    });
    expect(parseCorrection({ value: '24.6%', period: '2008-02', code: 'LI 5.1a' }).correction).toEqual({ value: 24.6, period: '2008-02', code: 'LI 5.1a' });
    expect(parseCorrection({ unit: 'none', period: 'none' }).correction).toEqual({ unit: '', period: '' });
    expect(parseCorrection({ kind: ' Target ' }).correction).toEqual({ kind: 'target' });
  });

  it('leaves out what was not given', () => {
    expect(parseCorrection({ value: '', unit: '  ' })).toEqual({ correction: {}, errors: [] });
  });

  it('says what is wrong with each bad field', () => {
    const { errors } = parseCorrection({ value: 'twelve', period: 'soon', code: 'XYZ 1', kind: 'aim' });
    expect(errors).toEqual([
      'value "twelve" is not a number',
      'period "soon" is not a period (write 2008/09, 2008 or 2008-02)',
      'code "XYZ 1" is not an indicator code (write NI 186, LI 5.1a, BV 82a)',
      'kind "aim" is not a kind (write baseline, target or result)',
    ]);
  });
});
