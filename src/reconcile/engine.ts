// Runs every check over a context and returns the findings worst first. A check that throws becomes one
// error finding naming it, so a bug in one check never hides the others' findings or stops an import.
import type { Finding } from '../model/finding.ts';
import { severityRank } from '../model/finding.ts';
import { CHECKS } from './checks/index.ts';
import { makeFinding } from './finding.ts';
import type { Check, CheckContext } from './types.ts';

export function sortFindings(findings: Finding[]): Finding[] {
  const text = (s: string | null) => s ?? '';
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      text(a.document).localeCompare(text(b.document)) ||
      text(a.indicator).localeCompare(text(b.indicator), 'en', { numeric: true }) ||
      a.check.localeCompare(b.check) ||
      a.message.localeCompare(b.message),
  );
}

export function runChecks(ctx: CheckContext, checks: readonly Check[] = CHECKS): Finding[] {
  const byId = new Map<string, Finding>();
  for (const check of checks) {
    let found: Finding[];
    try {
      found = check.run(ctx);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      found = [makeFinding('reconcile', 'error', `The ${check.id} check failed (${text.slice(0, 200)}); its findings are missing. Report this.`, { key: check.id, evidence: [] })];
    }
    for (const f of found) if (!byId.has(f.id)) byId.set(f.id, f);
  }
  return sortFindings([...byId.values()]);
}
