// What import, report and review share about findings: the confidence-threshold option and the one-line
// findings summary printed after the checks run.
import type { FindingCounts } from '../reconcile/index.ts';
import { redacted } from '../store/postgres/url.ts';
import { UsageError } from './main.ts';

export const CONFIDENCE_THRESHOLD_HELP = 'report observations below this confidence (0..1; default 0.6, or what the store last used)';

export function confidenceThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--confidence-threshold must be a number from 0 to 1, got "${value}"`);
  return n;
}

export function findingsLine(counts: FindingCounts, db: string): string {
  const s = counts.bySeverity;
  return `findings: ${s.error} errors, ${s.warning} warnings, ${s.info} info — planharvest report --db ${redacted(db)} --out <folder> to review them\n`;
}
