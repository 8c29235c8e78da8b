// Recording decisions against a real store: what fits which target, a decision already in effect recorded
// once, the audit trail never changed or deleted, and exports carrying the review state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/export/records.ts';
import { decide, DecisionError } from '../../../src/review/decide.ts';
import { listDecisions } from '../../../src/review/decisions.ts';
import { loadTargets } from '../../../src/review/targets.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';

describe('recording decisions', () => {
  let small: Imported;
  let target: string;
  let baseline: string;
  beforeAll(async () => {
    small = await importDocuments({
      'plan.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 6', 'Participation in regular volunteering', ['Baseline: NI 6 17.5% (2008/09)', 'Target: NI 6 19.5% (2010/11)']],
      ]),
    });
    const records = exportRecords(small.store.db);
    target = records.find((r) => r.kind === 'target')!.id;
    baseline = records.find((r) => r.kind === 'baseline')!.id;
  });
  afterAll(() => small.store.close());

  const request = (targetId: string, action: 'accept' | 'reject' | 'correct' | 'acknowledge', extra = {}) => ({ targetId, action, by: 'Ann', ...extra });

  it('refuses decisions that do not fit their target, a missing id, or no reviewer', () => {
    const db = small.store.db;
    expect(() => decide(db, loadTargets(db), request('obs_0000000000000000', 'accept'), { origin: 'test' })).toThrow(/no observation obs_0+ in this store/);
    expect(() => decide(db, loadTargets(db), request(target, 'acknowledge'), { origin: 'test' })).toThrow(/not a decision for an observation/);
    expect(() => decide(db, loadTargets(db), request(target, 'correct'), { origin: 'test' })).toThrow(/needs at least one new value/);
    expect(() => decide(db, loadTargets(db), { ...request(target, 'accept'), by: ' ' }, { origin: 'test' })).toThrow(DecisionError);
    expect(listDecisions(db)).toEqual([]);
  });

  it('records a correction once, with who, when, what it was and why; exports show it', () => {
    const db = small.store.db;
    const first = decide(db, loadTargets(db), request(target, 'correct', { correction: { value: 20.5 }, comment: '2010 refresh' }), { origin: 'test' });
    const again = decide(db, loadTargets(db), request(target, 'correct', { correction: { value: 20.5 } }), { origin: 'test' });
    expect(first.status).toBe('recorded');
    expect(again.status).toBe('unchanged');
    const [d] = listDecisions(db);
    expect(d).toMatchObject({ action: 'correct', decidedBy: 'Ann', comment: '2010 refresh', correction: { value: 20.5 } });
    expect(d.previous).toMatchObject({ type: 'observation', indicator: 'NI 6', kind: 'target', value: 19.5, reviewState: 'machine' });
    expect(d.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const record = exportRecords(db).find((r) => r.id === target)!;
    expect(record).toMatchObject({ value: 20.5, review_state: 'corrected', reviewed_by: 'Ann' });
  });

  it('leaves rejected observations out of exports unless asked for', () => {
    const db = small.store.db;
    decide(db, loadTargets(db), request(baseline, 'reject', { by: 'Bob' }), { origin: 'test' });
    expect(exportRecords(db).map((r) => r.id)).not.toContain(baseline);
    expect(exportRecords(db, { includeRejected: true }).find((r) => r.id === baseline)).toMatchObject({ review_state: 'rejected', reviewed_by: 'Bob' });
  });

  it('never changes or deletes a recorded decision', () => {
    const db = small.store.db;
    expect(() => db.prepare("UPDATE decisions SET decided_by = 'Mallory'").run()).toThrow(/audit trail/);
    expect(() => db.prepare('DELETE FROM decisions').run()).toThrow(/never deleted/);
    expect(listDecisions(db).map((d) => d.decidedBy)).toEqual(['Ann', 'Bob']);
  });
});
