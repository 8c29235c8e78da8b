// Building findings with stable ids: a hash of the check, the evidence observation ids and a key. Values are
// deliberately not part of the id, so the same finding keeps its id (and its acknowledgement) when the same
// documents are imported again, or when a reviewer corrects a value it is about.
import { createHash } from 'node:crypto';
import type { Evidence, Finding } from '../model/finding.ts';
import type { Severity } from '../model/message.ts';

export function findingId(checkId: string, observationIds: string[], key: string): string {
  const parts = [checkId, [...observationIds].sort().join(','), key].join('|');
  return `fnd_${createHash('sha1').update(parts).digest('hex').slice(0, 16)}`;
}

export interface FindingParts {
  key: string;
  evidence: Evidence[];
  document?: string | null;
  indicator?: string | null;
}

export function makeFinding(checkId: string, severity: Severity, message: string, parts: FindingParts): Finding {
  const observationIds = parts.evidence.map((e) => e.observationId).filter((id): id is string => id !== null);
  return {
    id: findingId(checkId, [...new Set(observationIds)], parts.key),
    check: checkId,
    severity,
    message,
    document: parts.document ?? parts.evidence[0]?.document ?? null,
    indicator: parts.indicator ?? null,
    key: parts.key,
    evidence: parts.evidence,
  };
}
