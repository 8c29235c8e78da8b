// Findings recomputed for what an import touched (src/reconcile/scope.ts, index.ts): a corpus imported in
// batches, with decisions recorded between them and documents replaced, keeps after every import exactly the
// findings (ids, messages, evidence, acknowledgements, reviewed values) that recomputing every finding over
// the same store gives — both the streamed recomputation and the original whole-store one (runChecks over
// loadContext). And the touched scope itself: which documents and partnership series a change reaches.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelines } from '../../../pipelines/index.ts';
import { importFiles } from '../../../src/pipeline/import.ts';
import { loadContext } from '../../../src/reconcile/context.ts';
import { runChecks } from '../../../src/reconcile/engine.ts';
import { BULK_WRITE, reconcileStore } from '../../../src/reconcile/index.ts';
import { decidedSince, footprintOf, ImportChanges, seriesScope, documentScope, touchedScope } from '../../../src/reconcile/scope.ts';
import { partnershipKey } from '../../../src/reconcile/series.ts';
import { lastOptions, readFindings } from '../../../src/reconcile/store.ts';
import { reviewedFindings } from '../../../src/report/data.ts';
import { listDecisions } from '../../../src/review/decisions.ts';
import { decide } from '../../../src/review/decide.ts';
import { loadTargets } from '../../../src/review/targets.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { readObservations } from '../../../src/store/read.ts';
import { plan } from '../../support/findings.ts';
import { runCli } from '../../support/cli.ts';
import { SEEDS, tempDir } from '../../support/run.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'text');
const P = 'Testshire Local Strategic Partnership';
const Q = 'Othershire Local Strategic Partnership';

const SPORT = 'Adult participation in sport and active recreation';
const VOLUNTEERING = 'Participation in regular volunteering';

const PLAN_2008 = plan(P, [
  ['NI 8', SPORT, ['Baseline: NI 8 20.2% (2007/08)', 'Target: NI 8 24.7% (2010/11)']],
  ['NI 6', VOLUNTEERING, ['Baseline: NI 6 17.5% (2008/09)', 'Target: NI 6 19.5% (2010/11)']],
]);
const plan2009 = (partnership: string, baseline: string) => plan(partnership, [['NI 8', SPORT, [`Baseline: NI 8 ${baseline} (2007/08)`, 'Target: NI 8 24.7% (2010/11)']]]);
// Two documents called notes.txt in two folders, naming NI 5 without figures: the same gaps finding (ids are
// keyed by file name), which the store keeps once.
const notes = (extra: string) => plan(P, [
  ['NI 5', 'Overall/general satisfaction with local area', ['The survey is due in the autumn.']],
  ['NI 6', VOLUNTEERING, [`Target: NI 6 ${extra} (2010/11)`]],
]);

function files(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => join(dir, f));
}

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Everything the findings are, as the report and the SQL views read them; not when or by which run they were computed. */
function snapshot(store: Store) {
  const db = store.db;
  return {
    findings: reviewedFindings(readFindings(db), listDecisions(db)).map((f) => ({
      id: f.id, check: f.check, severity: f.severity, message: f.message, document: f.document, indicator: f.indicator, key: f.key,
      evidence: f.evidence, acknowledged: f.acknowledged?.id ?? null, staleAcknowledgement: f.staleAcknowledgement?.id ?? null,
    })),
    scopes: db.prepare('SELECT id, scope FROM findings ORDER BY id').all(),
    reviewedValues: db.prepare('SELECT * FROM reviewed_values ORDER BY observation_id').all(),
  };
}

function plain(f: ReturnType<typeof readFindings>[number] | ReturnType<typeof runChecks>[number]) {
  return { id: f.id, check: f.check, severity: f.severity, message: f.message, document: f.document, indicator: f.indicator, key: f.key, evidence: f.evidence };
}

describe('findings recomputed for what an import touched', () => {
  const work = tempDir();
  const dbPath = join(tempDir(), 'store.db');
  let store: Store;
  let copies = 0;

  const importBatch = (paths: string[]) => importFiles(paths, store, { pipeline: pipelines.default });

  /** The last reconciliation: what it recomputed (null: everything). */
  const lastScope = () => JSON.parse((store.db.prepare('SELECT scope_json FROM reconciliations ORDER BY id DESC LIMIT 1').pluck().get() as string | null) ?? 'null');

  /** The incremental store equals every finding recomputed over a copy of it, streamed and at once. */
  function expectSameAsFullRecomputation(): void {
    const copyPath = join(tempDir(), `copy-${++copies}.db`);
    store.db.exec(`VACUUM INTO '${copyPath}'`);
    const copy = openStore(copyPath);
    try {
      const options = lastOptions(copy.db)!;
      const atOnce = runChecks(loadContext(copy.db, options)).map(plain);
      const full = reconcileStore(copy.db, { trigger: 'reconcile' });
      expect(full.recomputed).toBe('all');
      expect(snapshot(store)).toEqual(snapshot(copy));
      expect(readFindings(store.db).map(plain)).toEqual(atOnce);
    } finally {
      copy.close();
    }
  }

  beforeAll(() => {
    store = openStore(dbPath);
  });
  afterAll(() => store.close());

  it('batch 1, the first import: everything is computed', async () => {
    await importBatch(files(FIXTURES).slice(0, 8));
    expect(lastScope()).toBeNull();
    expectSameAsFullRecomputation();
  });

  it('batch 2, the other fixtures and the seeds: only the new documents', async () => {
    const before = store.db.prepare('SELECT id, reconciliation_id FROM findings ORDER BY id').all();
    const summary = await importBatch([...files(FIXTURES).slice(8), SEEDS]);
    expect(summary.counts.imported).toBe(files(FIXTURES).length - 8 + files(SEEDS).length);
    expect(lastScope()).toMatchObject({ documents: summary.counts.imported });
    // The findings of batch 1's documents were left as they were stored (same rows, same reconciliation).
    const after = new Map((store.db.prepare('SELECT id, reconciliation_id FROM findings').all() as Array<{ id: string; reconciliation_id: number }>).map((r) => [r.id, r.reconciliation_id]));
    for (const r of before as Array<{ id: string; reconciliation_id: number }>) expect(after.get(r.id)).toBe(r.reconciliation_id);
    expectSameAsFullRecomputation();
  });

  it('batch 3, a plan of a new partnership and a notes file', async () => {
    await importBatch([write(join(work, 'one', 'plan-2008.txt'), PLAN_2008), write(join(work, 'one', 'notes.txt'), notes('19.5%'))]);
    expect(readFindings(store.db).filter((f) => f.check === 'conflicts')).toEqual([]);
    expectSameAsFullRecomputation();
  });

  it('batch 4, a later plan of the same partnership raises a finding on the earlier plan; a second notes.txt', async () => {
    await importBatch([write(join(work, 'two', 'plan-2009.txt'), plan2009(P, '21.0%')), write(join(work, 'two', 'notes.txt'), notes('19.6%'))]);
    const conflicts = readFindings(store.db).filter((f) => f.check === 'conflicts');
    // NI 6: the two notes.txt disagree on their target (19.5%, 19.6%); NI 8: the two plans on their baseline.
    expect(conflicts.map((f) => f.indicator).sort()).toEqual(['NI 6', 'NI 8']);
    const conflict = conflicts.find((f) => f.indicator === 'NI 8')!;
    expect(conflict).toMatchObject({ severity: 'warning', document: 'plan-2008.txt', indicator: 'NI 8' });
    expect(conflict.evidence.map((e) => e.document)).toEqual(['plan-2008.txt', 'plan-2009.txt']);
    expect(lastScope()).toMatchObject({ documents: 3 }); // the two written, and the first notes.txt (same name)
    expect(readFindings(store.db).filter((f) => f.check === 'gaps' && f.indicator === 'NI 5')).toHaveLength(1);
    expectSameAsFullRecomputation();
  });

  it('decisions recorded between imports are recomputed for by the next import, and an acknowledgement survives', async () => {
    const db = store.db;
    const conflict = readFindings(db).find((f) => f.check === 'conflicts' && f.indicator === 'NI 8')!;
    expect(conflict.message).toMatch(/^NI 8 baseline for 2007\/08/);
    const decided = (targetId: string, action: 'acknowledge' | 'reject' | 'correct', correction?: { code: string }) =>
      expect(decide(db, loadTargets(db), { targetId, action, correction, by: 'Ann' }, { origin: 'test' }).status).toBe('recorded');
    decided(conflict.id, 'acknowledge');
    // A figure of one of the fixtures rejected, and the NI 6 target of one notes.txt recoded as NI 8.
    const fixture = readObservations(db).find((o) => o.document.startsWith('01-') && o.state === 'value')!;
    decided(fixture.id, 'reject');
    const recoded = readObservations(db).find((o) => o.document === 'notes.txt' && o.indicator === 'NI 6' && o.value === 19.6)!;
    decided(recoded.id, 'correct', { code: 'NI 8' });
    // An import that writes nothing still brings the findings up to date with those decisions.
    const summary = await importBatch([join(work, 'one'), join(work, 'two')]);
    expect(summary.counts.unchanged).toBe(4);
    // The recoded figure now takes part in NI 8's comparison: its target disagrees with the plans'.
    expect(readFindings(db).find((f) => f.check === 'conflicts' && f.message.startsWith('NI 8 target'))?.message).toMatch(/notes\.txt says 19\.6%, plan-2008\.txt says 24\.7%/);
    expect(lastScope()).not.toBeNull();
    expect(db.prepare("SELECT review_state FROM reviewed_values WHERE observation_id = ?").pluck().get(fixture.id)).toBe('rejected');
    const [still] = reviewedFindings(readFindings(db), listDecisions(db)).filter((f) => f.id === conflict.id);
    expect(still.acknowledged).not.toBeNull();
    expectSameAsFullRecomputation();
  });

  it('decisions alone (a review, a decisions file) recompute only the documents and comparisons they fell on', async () => {
    const db = store.db;
    const figure = readObservations(db).find((o) => o.document === 'plan-2008.txt' && o.indicator === 'NI 8' && o.kind === 'baseline')!;
    expect(decide(db, loadTargets(db), { targetId: figure.id, action: 'correct', correction: { value: 21.3 }, by: 'Bo' }, { origin: 'test' }).status).toBe('recorded');
    const outcome = await store.findingsAfterDecisions('review');
    const scope = lastScope() as { documents: number; series: number };
    expect(scope).not.toBeNull();
    expect(scope.documents).toBeLessThan((db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number) / 2);
    expect(scope.series).toBeGreaterThan(0);
    expect(outcome.counts.total).toBe(readFindings(db).length);
    expectSameAsFullRecomputation();
  });

  it('a document edited in place keeps its finding and the acknowledgement on it', async () => {
    const before = readFindings(store.db).find((f) => f.check === 'conflicts' && f.message.startsWith('NI 8 baseline'))!;
    const summary = await importBatch([write(join(work, 'two', 'plan-2009.txt'), plan2009(P, '22.0%'))]);
    expect(summary.counts.replaced).toBe(1);
    const [after] = reviewedFindings(readFindings(store.db), listDecisions(store.db)).filter((f) => f.id === before.id);
    expect(after.message).toMatch(/plan-2009\.txt says 22%/);
    expect(after.acknowledged).not.toBeNull();
    expectSameAsFullRecomputation();
  });

  it('a document replaced by one of another partnership takes its comparisons with it', async () => {
    const summary = await importBatch([write(join(work, 'two', 'plan-2009.txt'), plan2009(Q, '22.0%'))]);
    expect(summary.counts.replaced).toBe(1);
    expect(readFindings(store.db).filter((f) => f.check === 'conflicts' && f.message.includes('plan-2009.txt'))).toEqual([]);
    expectSameAsFullRecomputation();
  });

  it('a new threshold recomputes everything', async () => {
    const summary = await importFiles([join(work, 'one')], store, { pipeline: pipelines.default, reconcile: { confidenceThreshold: 0.95 } });
    expect(summary.counts.unchanged).toBe(2);
    expect(lastScope()).toBeNull();
    expectSameAsFullRecomputation();
  });
});

describe('the scope a change touches', () => {
  let store: Store;
  const dir = tempDir();
  const a = join(dir, 'a', 'plan.txt');
  const b = join(dir, 'b', 'plan.txt');
  const c = join(dir, 'c.txt');
  const d = join(dir, 'd.txt');
  const id = (path: string) => store.db.prepare('SELECT id FROM documents WHERE path = ?').pluck().get(path) as number;
  const p = partnershipKey(P)!;
  const q = partnershipKey(Q)!;

  beforeAll(async () => {
    store = openStore(join(tempDir(), 'scope.db'));
    write(a, PLAN_2008);
    write(b, plan(Q, [['NI 8', SPORT, ['Baseline: NI 8 21.0% (2007/08)']]]));
    write(c, plan2009(P, '21.0%'));
    write(d, plan(Q, [['NI 6', VOLUNTEERING, ['Baseline: NI 6 17.0% (2008/09)']]]));
    await importFiles([dir], store, { pipeline: pipelines.default });
  });
  afterAll(() => store.close());

  it('compares partnerships whatever their case and spacing', () => {
    expect(partnershipKey('  Testshire   Local Strategic Partnership ')).toBe(p);
    expect(partnershipKey('')).toBeNull();
    expect(partnershipKey(null)).toBeNull();
  });

  it('takes a document, the documents of its file name, and its partnership on each of its indicators', () => {
    const footprint = footprintOf(store.db, id(a))!;
    expect(footprint).toEqual({ documentId: id(a), fileName: 'plan.txt', partnership: p, codes: ['NI 6', 'NI 8'] });
    const scope = touchedScope(store.db, [footprint]);
    expect(scope.documents.map((x) => x.path)).toEqual([a, b]);
    expect(scope.series).toEqual(new Map([[p, new Set(['NI 6', 'NI 8'])]]));
    expect(scope.drop.sort()).toEqual([documentScope(id(a)), documentScope(id(b)), seriesScope(p, 'NI 6'), seriesScope(p, 'NI 8')].sort());
    // c.txt is in the same partnership: its comparison with plan.txt is in the series, its own findings are not touched.
    expect(scope.drop).not.toContain(documentScope(id(c)));
  });

  it('takes the codes a decision gives, and the documents decided on since a reconciliation', () => {
    const db = store.db;
    const target = readObservations(db).find((o) => o.documentId === id(d))!;
    const through = db.prepare('SELECT COALESCE(MAX(id), 0) FROM decisions').pluck().get() as number;
    decide(db, loadTargets(db), { targetId: target.id, action: 'correct', correction: { code: 'NI 8' }, by: 'Ann' }, { origin: 'test' });
    expect(decidedSince(db, through)).toEqual([{ documentId: id(d), fileName: 'd.txt', partnership: q, codes: ['NI 6', 'NI 8'] }]);
    expect(decidedSince(db, through + 1)).toEqual([]);
  });

  it('takes both the version a document replaced and the version stored now', async () => {
    const changes = new ImportChanges(store.db, 0);
    const oldId = id(c);
    const replaced = changes.beforeWrite(c);
    expect(replaced).toEqual({ documentId: oldId, fileName: 'c.txt', partnership: p, codes: ['NI 8'] });
    write(c, plan(Q, [['NI 9', 'Use of public libraries', ['Baseline: NI 9 45% (2008/09)']]]));
    expect((await importFiles([c], store, { pipeline: pipelines.default })).counts.replaced).toBe(1);
    changes.written(c, replaced);
    const footprints = changes.footprints();
    expect(footprints.map((f) => [f.partnership, f.codes])).toEqual([[p, ['NI 8']], [q, ['NI 9']]]);
    expect(footprints[1].documentId).toBe(id(c));
    const scope = touchedScope(store.db, footprints);
    expect(scope.documents.map((x) => x.path)).toEqual([c]);
    expect(scope.series).toEqual(new Map([[p, new Set(['NI 8'])], [q, new Set(['NI 9'])]]));
    expect(scope.drop).toEqual(expect.arrayContaining([documentScope(oldId), documentScope(id(c)), seriesScope(p, 'NI 8'), seriesScope(q, 'NI 9')]));
  });

  it('finds nothing to take for a path that holds no document', () => {
    expect(new ImportChanges(store.db, 0).beforeWrite(join(dir, 'missing.txt'))).toBeNull();
  });
});

describe('when every finding is recomputed', () => {
  let store: Store;
  const dir = tempDir();
  const dbPath = join(tempDir(), 'all.db');
  const lastRow = () => store.db.prepare('SELECT trigger, scope_json, basis FROM reconciliations ORDER BY id DESC LIMIT 1').get() as { trigger: string; scope_json: string | null; basis: string | null };
  let n = 0;
  /** Imports one new small plan; returns what its reconciliation recomputed. */
  const importOne = async () => {
    const path = write(join(dir, `plan-${++n}.txt`), plan(P, [['NI 8', SPORT, [`Baseline: NI 8 ${20 + n}% (2007/08)`]]]));
    await importFiles([path], store, { pipeline: pipelines.default });
    return lastRow();
  };

  beforeAll(async () => {
    store = openStore(dbPath);
    await importFiles([SEEDS], store, { pipeline: pipelines.default });
  });
  afterAll(() => store.close());

  it('recomputes only what an import touched otherwise', async () => {
    expect((await importOne()).scope_json).toMatch(/"documents":1/);
  });

  it('after findings stored by an earlier planharvest, or with other checks or schema', async () => {
    store.db.prepare('UPDATE reconciliations SET basis = NULL WHERE id = (SELECT MAX(id) FROM reconciliations)').run();
    expect((await importOne()).scope_json).toBeNull();
    store.db.prepare("UPDATE reconciliations SET basis = 'schema 6' WHERE id = (SELECT MAX(id) FROM reconciliations)").run();
    expect((await importOne()).scope_json).toBeNull();
    expect((await importOne()).scope_json).not.toBeNull();
  });

  it('after an import whose findings were never computed (a killed run)', async () => {
    // As if the last import had stored its documents and stopped before its reconciliation.
    store.db.prepare('UPDATE reconciliations SET run_id = run_id - 1 WHERE id = (SELECT MAX(id) FROM reconciliations)').run();
    expect((await importOne()).scope_json).toBeNull();
  });

  it('after a bulk import that wrote at least half of the store, without listing what each document took part in', () => {
    const stored = store.db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
    const runId = store.db.prepare('SELECT MAX(id) FROM import_runs').pluck().get() as number;
    const asked: string[] = [];
    // Only the number written decides; the footprints are never asked for.
    const bulk = (count: number) => ({ runId, count, footprints: () => (asked.push(`footprints of ${count}`), []) });
    const all = reconcileStore(store.db, { trigger: 'import', runId, changes: bulk(Math.max(BULK_WRITE, stored)) });
    expect(all.recomputed).toBe('all');
    expect(all.reason).toMatch(/^the import wrote \d+ of the \d+ documents stored$/);
    expect(asked).toEqual([]);
    // Fewer than BULK_WRITE documents, however large their share, are recomputed for what they touched.
    expect(reconcileStore(store.db, { trigger: 'import', runId, changes: bulk(stored) }).recomputed).toEqual({ documents: 0, series: 0 });
    expect(asked).toEqual([`footprints of ${stored}`]);
  });

  it('when asked: planharvest reconcile', () => {
    const before = readFindings(store.db).map(plain);
    store.close();
    const r = runCli('reconcile', '--db', dbPath);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/recomputed every finding in [\d.]+ s\nfindings: \d+ errors, \d+ warnings, \d+ info/);
    store = openStore(dbPath);
    expect(lastRow()).toMatchObject({ trigger: 'reconcile', scope_json: null });
    expect(readFindings(store.db).map(plain)).toEqual(before);
    expect(runCli('reconcile', '--db', join(tempDir(), 'missing.db')).code).toBe(2);
  });
});
