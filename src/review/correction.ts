// A reviewer's corrected values, as typed on the command line or in the decisions CSV, normalised the way
// extraction normalises (periods "08/09" → "2008/09", codes "ni186" → "NI 186", units lower-case).
import { findCodes } from '../detect/codes.ts';
import { ObservationKind } from '../model/observation.ts';
import { parsePeriod } from '../vocabulary/periods.ts';
import type { Correction } from './decisions.ts';

export interface CorrectionInput {
  value?: string;
  unit?: string;
  period?: string;
  code?: string;
  kind?: string;
}

/** Written to clear a unit or period. */
const NONE = /^(?:none|null|-)$/i;
const CANONICAL_PERIOD = /^(?:19|20)\d{2}(?:\/\d{2}|-(?:0[1-9]|1[0-2]))?$/;

function given(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

export function parseCorrection(input: CorrectionInput): { correction: Correction; errors: string[] } {
  const correction: Correction = {};
  const errors: string[] = [];
  if (given(input.value)) {
    const n = Number(input.value.trim().replace(/,/g, '').replace(/%$/, ''));
    if (Number.isFinite(n)) correction.value = n;
    else errors.push(`value "${input.value}" is not a number`);
  }
  if (given(input.unit)) correction.unit = NONE.test(input.unit.trim()) ? '' : input.unit.trim().toLowerCase();
  if (given(input.period)) {
    const text = input.period.trim();
    const period = NONE.test(text) ? '' : CANONICAL_PERIOD.test(text) ? text : parsePeriod(text);
    if (period === null) errors.push(`period "${text}" is not a period (write 2008/09, 2008 or 2008-02)`);
    else correction.period = period;
  }
  if (given(input.code)) {
    const text = input.code.trim().toUpperCase();
    const codes = findCodes(text);
    if (codes.length === 1 && codes[0].raw.length >= text.replace(/[^A-Z0-9.]/g, '').length) correction.code = codes[0].code;
    else errors.push(`code "${input.code}" is not an indicator code (write NI 186, LI 5.1a, BV 82a)`);
  }
  if (given(input.kind)) {
    const kind = ObservationKind.safeParse(input.kind.trim().toLowerCase());
    if (kind.success) correction.kind = kind.data;
    else errors.push(`kind "${input.kind}" is not a kind (write baseline, target or result)`);
  }
  return { correction, errors };
}

export function isEmptyCorrection(c: Correction): boolean {
  return c.value === undefined && c.unit === undefined && c.period === undefined && c.code === undefined && c.kind === undefined;
}
