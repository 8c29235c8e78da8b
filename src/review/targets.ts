// What a decision can be about: a stored observation or a current finding, looked up by id, with the
// decisions already made about it and a snapshot of it as the reviewer sees it now.
import type Database from 'better-sqlite3';
import { readFindings, type StoredFinding } from '../reconcile/store.ts';
import { decisionsByTarget, listDecisions, type Decision, type FindingSnapshot, type ObservationSnapshot, type TargetType } from './decisions.ts';
import { reviewObservations, type ReviewedObservation } from './reviewed.ts';
import { readObservations, type StoredObservation } from '../store/read.ts';
import type { StoreReader } from '../store/reader.ts';

export interface Targets {
  observations: Map<string, ReviewedObservation>;
  findings: Map<string, StoredFinding>;
  decisions: Map<string, Decision[]>;
}

export function targetsOf(observations: StoredObservation[], findings: StoredFinding[], decisions: Decision[]): Targets {
  return {
    observations: new Map(reviewObservations(observations, decisions).map((o) => [o.id, o])),
    findings: new Map(findings.map((f) => [f.id, f])),
    decisions: decisionsByTarget(decisions),
  };
}

export function loadTargets(db: Database.Database): Targets {
  return targetsOf(readObservations(db), readFindings(db), listDecisions(db));
}

/** The same targets from either store (src/store/reader.ts): all of them, or only those some ids name. */
export async function readTargets(reader: StoreReader, only?: string[]): Promise<Targets> {
  if (!only) return targetsOf(await reader.observations(), await reader.findings(), await reader.decisions());
  const ids = new Set(only);
  return targetsOf(
    await reader.observations({ ids: [...ids] }),
    await reader.findings([...ids]),
    (await reader.decisions()).filter((d) => ids.has(d.targetId)),
  );
}

/** The kind of target an id names: ids carry their kind ("obs_…", "fnd_…"). */
export function targetTypeOf(id: string): TargetType | null {
  return id.startsWith('obs_') ? 'observation' : id.startsWith('fnd_') ? 'finding' : null;
}

export function observationSnapshot(o: ReviewedObservation): ObservationSnapshot {
  return {
    type: 'observation', document: o.document, indicator: o.indicator, kind: o.kind, period: o.period, area: o.area,
    state: o.state, value: o.value, unit: o.unit, reviewState: o.reviewState,
  };
}

export function findingSnapshot(f: StoredFinding): FindingSnapshot {
  return { type: 'finding', check: f.check, severity: f.severity, message: f.message, document: f.document, indicator: f.indicator };
}
