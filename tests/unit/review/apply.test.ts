// Which decisions are in effect, from the audit trail alone (no store): corrections stack, an accept of
// values that have since changed is stale, a reject is undone by a later accept, and an acknowledgement
// covers a finding only while it is no more severe.
import { describe, expect, it } from 'vitest';
import { acknowledgement, reviewObservation } from '../../../src/review/apply.ts';
import type { Decision, ReviewableFields } from '../../../src/review/decisions.ts';

const EXTRACTED: ReviewableFields = { indicator: 'NI 16', kind: 'target', state: 'value', value: 15381, unit: null, period: '2010/11' };
let nextId = 1;

function decision(action: Decision['action'], extra: Partial<Decision> = {}): Decision {
  return {
    id: nextId++, targetType: action === 'acknowledge' ? 'finding' : 'observation', targetId: 'obs_x', action, correction: {},
    previous: { type: 'observation', document: 'd.txt', area: null, reviewState: 'machine', ...EXTRACTED },
    decidedBy: 'Ann', decidedAt: '2026-01-01T00:00:00Z', comment: null, origin: 'cli', ...extra,
  };
}

describe('decisions in effect', () => {
  it('is machine with no decisions', () => {
    expect(reviewObservation(EXTRACTED, [])).toMatchObject({ reviewState: 'machine', reviewedBy: null, fields: EXTRACTED });
  });

  it('applies a correction, and a later one on top', () => {
    const r = reviewObservation(EXTRACTED, [
      decision('correct', { correction: { value: 15400 } }),
      decision('correct', { correction: { period: '2011', code: 'NI 15', kind: 'result' }, decidedBy: 'Bob' }),
    ]);
    expect(r.fields).toEqual({ indicator: 'NI 15', kind: 'result', state: 'value', value: 15400, unit: null, period: '2011' });
    expect(r).toMatchObject({ reviewState: 'corrected', reviewedBy: 'Bob' });
  });

  it('makes an accept of a figure whose kind has changed since stale', () => {
    const r = reviewObservation({ ...EXTRACTED, kind: 'result' }, [decision('accept')]);
    expect(r.reviewState).toBe('machine');
    expect(r.stale).toHaveLength(1);
  });

  it('turns a pending slot into a value when a figure is given, and clears a unit with ""', () => {
    const pending: ReviewableFields = { ...EXTRACTED, state: 'pending', value: null, unit: '%' };
    const r = reviewObservation(pending, [decision('correct', { correction: { value: 12, unit: '' } })]);
    expect(r.fields).toMatchObject({ state: 'value', value: 12, unit: null });
  });

  it('accepts the values the reviewer saw, and calls an accept stale when the document now says otherwise', () => {
    expect(reviewObservation(EXTRACTED, [decision('accept')]).reviewState).toBe('accepted');
    const changed = { ...EXTRACTED, value: 15000 };
    const r = reviewObservation(changed, [decision('accept')]);
    expect(r.reviewState).toBe('machine');
    expect(r.stale).toHaveLength(1);
  });

  it('keeps "corrected" when a corrected value is then accepted', () => {
    const correctThenAccept = [
      decision('correct', { correction: { value: 15400 } }),
      decision('accept', { previous: { type: 'observation', document: 'd.txt', area: null, reviewState: 'corrected', ...EXTRACTED, value: 15400 } }),
    ];
    expect(reviewObservation(EXTRACTED, correctThenAccept).reviewState).toBe('corrected');
  });

  it('rejects until a later accept', () => {
    expect(reviewObservation(EXTRACTED, [decision('reject')]).reviewState).toBe('rejected');
    expect(reviewObservation(EXTRACTED, [decision('reject'), decision('accept', { decidedBy: 'Cat' })])).toMatchObject({ reviewState: 'accepted', reviewedBy: 'Cat' });
  });

  it('covers a finding while it is no more severe than when acknowledged', () => {
    const ack = decision('acknowledge', { previous: { type: 'finding', check: 'arithmetic', severity: 'warning', message: 'm', document: 'd', indicator: 'NI 16' } });
    expect(acknowledgement('warning', [ack]).current).toBe(ack);
    expect(acknowledgement('info', [ack]).current).toBe(ack);
    expect(acknowledgement('error', [ack])).toEqual({ current: null, stale: ack });
    expect(acknowledgement('error', [])).toEqual({ current: null, stale: null });
  });
});
