// Decisions that no longer apply, reported rather than lost: their target is gone (the document changed or
// was removed; the finding is no longer raised), or it changed since the decision (an accept of values the
// document no longer gives; an acknowledgement of a finding that has since become more severe).
import type Database from 'better-sqlite3';
import { formatFigure, formatValue } from '../reconcile/format.ts';
import { acknowledgement } from './apply.ts';
import type { Decision, TargetSnapshot, TargetType } from './decisions.ts';
import { loadTargets, type Targets } from './targets.ts';

export interface Orphan {
  kind: 'missing' | 'stale';
  targetType: TargetType;
  targetId: string;
  /** The latest decision about the target. */
  decision: Decision;
  /** How many decisions the target has in the audit trail. */
  decisions: number;
  reason: string;
}

/** "NI 16 target 2010/11 Herts 15,381 (001.txt)" — a target named from its snapshot. */
export function describeSnapshot(s: TargetSnapshot): string {
  if (s.type === 'finding') return `${s.check} finding on ${s.indicator ?? 'the store'}${s.document ? ` (${s.document})` : ''}: ${s.message}`;
  const figure = formatFigure(s);
  return `${s.indicator} ${s.kind}${s.period ? ` ${s.period}` : ''}${s.area ? ` ${s.area}` : ''} ${figure} (${s.document})`;
}

export function findOrphans(db: Database.Database): Orphan[] {
  return orphansIn(loadTargets(db));
}

/** The decisions of these targets that no longer apply, oldest first. */
export function orphansIn(targets: Targets): Orphan[] {
  const orphans: Orphan[] = [];
  for (const [targetId, decisions] of targets.decisions) {
    const latest = decisions.at(-1)!;
    const observation = targets.observations.get(targetId);
    const finding = targets.findings.get(targetId);
    const base = { targetType: latest.targetType, targetId, decision: latest, decisions: decisions.length };
    if (!observation && !finding) {
      const reason = latest.targetType === 'observation'
        ? 'the observation is no longer in the store (its document changed or was removed)'
        : 'the finding is no longer raised';
      orphans.push({ ...base, kind: 'missing', reason });
    } else if (observation && observation.staleDecisions.includes(latest)) {
      orphans.push({ ...base, kind: 'stale', reason: `accepted when it read ${describeSnapshot(latest.previous)}; it now reads ${formatValue(observation.value, observation.unit)}${observation.period ? ` for ${observation.period}` : ''}` });
    } else if (finding) {
      const stale = acknowledgement(finding.severity, decisions).stale;
      if (stale) orphans.push({ ...base, kind: 'stale', reason: `acknowledged as ${stale.previous.type === 'finding' ? stale.previous.severity : 'info'}; it is now ${finding.severity}` });
    }
  }
  return orphans.sort((a, b) => a.decision.id - b.decision.id);
}
