// Runs checks over a context and returns the findings worst first. A check that throws becomes one error
// finding naming it, so a bug in one check never hides the others' findings or stops an import.
//
// The store is reconciled a part at a time (src/reconcile/index.ts): `documentFindings` over one document,
// `seriesFindings` over one partnership's documents for one indicator; `runChecks` over any context at once.
import type { Finding } from '../model/finding.ts';
import { severityRank } from '../model/finding.ts';
import { CHECKS } from './checks/index.ts';
import { makeFinding } from './finding.ts';
import type { Check, CheckContext } from './types.ts';

export function sortFindings<T extends Finding>(findings: T[]): T[] {
  const text = (s: string | null) => s ?? '';
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      text(a.document).localeCompare(text(b.document)) ||
      text(a.indicator).localeCompare(text(b.indicator), 'en', { numeric: true }) ||
      a.check.localeCompare(b.check) ||
      a.message.localeCompare(b.message) ||
      // Same place, check and words: any fixed order, so findings read back in one order however they were stored.
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Where a check failed, for its error finding: a document (its file name), or "<indicator> in <partnership>". */
interface Part {
  label: string;
  document: string | null;
}

function failed(check: Check, error: unknown, part: Part | null): Finding {
  const text = error instanceof Error ? error.message : String(error);
  const where = part === null ? '' : ` on ${part.label}`;
  return makeFinding('reconcile', 'error', `The ${check.id} check failed${where} (${text.slice(0, 200)}); its findings are missing. Report this.`, {
    key: part === null ? check.id : `${check.id}|${part.label}`, evidence: [], document: part?.document ?? null,
  });
}

function collect(checks: readonly Check[], part: Part | null, run: (check: Check) => Finding[] | null): Finding[] {
  const byId = new Map<string, Finding>();
  for (const check of checks) {
    let found: Finding[] | null;
    try {
      found = run(check);
    } catch (error) {
      found = [failed(check, error, part)];
    }
    for (const f of found ?? []) if (!byId.has(f.id)) byId.set(f.id, f);
  }
  return [...byId.values()];
}

/** Every check over the whole context at once (its documents one by one and compared), worst first. */
export function runChecks(ctx: CheckContext, checks: readonly Check[] = CHECKS): Finding[] {
  return sortFindings(collect(checks, null, (check) => [...check.run(ctx), ...(check.across?.(ctx) ?? [])]));
}

/** The findings about one document: `ctx` holds that document alone. */
export function documentFindings(ctx: CheckContext, document: string, checks: readonly Check[] = CHECKS): Finding[] {
  return collect(checks, { label: document, document }, (check) => check.run(ctx));
}

/** The findings that compare the documents of one partnership on one indicator: `ctx` holds those figures alone. */
export function seriesFindings(ctx: CheckContext, partnership: string, indicator: string, checks: readonly Check[] = CHECKS): Finding[] {
  return collect(checks, { label: `${indicator} in ${partnership}`, document: null }, (check) => check.across?.(ctx) ?? null);
}
