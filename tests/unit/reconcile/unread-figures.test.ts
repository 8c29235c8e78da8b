// The unread-figures check: one info finding per figure beside an indicator mention that no observation was
// read from, with its words and span; ids that survive re-imports; acknowledged like any finding; settled
// when a reviewer corrects the observation of the same sentence or cell to the figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileStore } from '../../../src/reconcile/index.ts';
import { readFindings, type StoredFinding } from '../../../src/reconcile/store.ts';
import { reviewedFindings } from '../../../src/report/data.ts';
import { listDecisions } from '../../../src/review/decisions.ts';
import { decide } from '../../../src/review/decide.ts';
import { loadTargets } from '../../../src/review/targets.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';

const DOC = plan('Testshire Local Strategic Partnership', [
  ['NI 6', 'Participation in regular volunteering', ['Baseline: NI 6 17.5% (2008/09)', 'Target: NI 6 19.5% (2010/11)']],
  ['NI 192', 'Household waste recycled and composted', ['Outturn for NI 192 in 2008/09 was 38.7%, with 41 partners taking part.']],
]);

describe('unread-figures check', () => {
  let small: Imported;
  let finding: StoredFinding;
  beforeAll(async () => {
    small = await importDocuments({ 'plan.txt': DOC });
    [finding] = small.of('unread-figures');
  });
  afterAll(() => small.store.close());

  it('reports the figure no observation was read from, with its sentence, span and line', () => {
    expect(small.of('unread-figures')).toHaveLength(1);
    expect(finding).toMatchObject({ severity: 'info', document: 'plan.txt', indicator: 'NI 192' });
    expect(finding.message).toMatch(/^Unread figure "41" in the same sentence as NI 192: no baseline, target or result was read from it \(read there: NI 192 result 2008\/09 38\.7%?\)\.$/);
    const [figure, neighbour] = finding.evidence;
    expect(figure).toMatchObject({ observationId: null, role: 'value', label: 'unread figure 41', line: 12 });
    expect(figure.text.slice(figure.start, figure.end)).toBe('41');
    // The observation read from the same sentence is shown, so a reviewer can correct it.
    expect(neighbour.observationId).toMatch(/^obs_/);
    expect(neighbour.text.slice(neighbour.start, neighbour.end)).toMatch(/^38\.7/);
  });

  it('keeps the finding’s id when the same document is imported into another store', async () => {
    const again = await importDocuments({ 'plan.txt': DOC });
    expect(again.of('unread-figures').map((f) => f.id)).toEqual([finding.id]);
    again.store.close();
  });

  it('is acknowledged like any finding, and settled once the observation beside it is corrected to the figure', () => {
    const db = small.store.db;
    decide(db, loadTargets(db), { targetId: finding.id, action: 'acknowledge', by: 'Ann', comment: 'partners, not a value' }, { origin: 'cli' });
    reconcileStore(db, { trigger: 'review' });
    expect(reviewedFindings(readFindings(db), listDecisions(db)).find((f) => f.id === finding.id)?.acknowledged?.decidedBy).toBe('Ann');

    const observationId = finding.evidence[1].observationId!;
    decide(db, loadTargets(db), { targetId: observationId, action: 'correct', correction: { value: 41 }, by: 'Bob' }, { origin: 'cli' });
    reconcileStore(db, { trigger: 'review' });
    expect(readFindings(db).filter((f) => f.check === 'unread-figures')).toEqual([]);
  });
});
