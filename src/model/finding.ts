// What the reconcile stage produces and the report shows: a finding about stored observations, with the
// evidence a reviewer needs to judge it — the observations and the words they were read from.
import * as z from 'zod';
import { Box } from './document.ts';
import { Severity } from './message.ts';

/** Which located source of an observation the evidence shows: its value, its period header, or its code. */
export const EvidenceRole = z.enum(['value', 'header', 'code']);
export type EvidenceRole = z.infer<typeof EvidenceRole>;

export const Evidence = z.object({
  /** Null when the evidence is where an indicator is named rather than one of its values. */
  observationId: z.string().nullable(),
  role: EvidenceRole,
  /** What this piece of evidence is, e.g. "target 2010/11 Herts: 15,381". */
  label: z.string(),
  document: z.string(),
  page: z.number().int().nullable(),
  line: z.number().int().nullable(),
  box: Box.nullable(),
  /** A spreadsheet cell as "Sheet!B4". */
  cell: z.string().nullable().default(null),
  /** The whole text unit, and the span of the value (or code) inside it. */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().nullable(),
  confidenceReasons: z.array(z.string()),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  /** Hash of the check id, the evidence observation ids and the key: unchanged by re-importing the same documents. */
  id: z.string(),
  check: z.string(),
  severity: Severity,
  message: z.string(),
  /** The document the finding is about (the first one when it compares documents). */
  document: z.string().nullable(),
  indicator: z.string().nullable(),
  /** What the finding is about within its check, e.g. "doc|NI 16|target|2010/11|Herts". */
  key: z.string(),
  evidence: z.array(Evidence),
});
export type Finding = z.infer<typeof Finding>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort key: error before warning before info. */
export function severityRank(severity: Severity): number {
  return RANK[severity];
}
