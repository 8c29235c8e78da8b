// What extraction produces and the store keeps: one observation per baseline, target or result.
import * as z from 'zod';
import { Provenance, Span } from './document.ts';

export const ObservationKind = z.enum(['baseline', 'target', 'result']);
export type ObservationKind = z.infer<typeof ObservationKind>;

export const ObservationState = z.enum(['value', 'pending']);
export type ObservationState = z.infer<typeof ObservationState>;

/** A located piece of source text: the whole text unit it sits in, and the span inside it. */
export const SourceRef = z.object({
  provenance: Provenance,
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /**
   * For text read by OCR: its word spans (offsets into `text`), each with its box, confidence and repairs,
   * so the value's own words can be told from the rest of the cell or paragraph. Normalise keeps only the
   * value's words; the store keeps their confidence and repairs on the observation, not the spans.
   */
  spans: z.array(Span).optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

// The scheme as the document writes it (vocabulary/schemes.ts lists the known ones: NI, LI, LPI, BV, PSA, PAF, NAS, ...).
export const IndicatorScheme = z.string().regex(/^[A-Z]{1,6}$/);
export type IndicatorScheme = z.infer<typeof IndicatorScheme>;

/** An indicator as the document refers to it, resolved to a normalised code. */
export const IndicatorRef = z.object({
  code: z.string(),
  scheme: IndicatorScheme,
  aliases: z.array(z.string()).default([]),
  title: z.string().nullable(),
  catalogueTitle: z.string().nullable(),
  inferred: z.boolean(),
  /** Title similarity 0..1 when the code was inferred from a title. */
  matchScore: z.number().min(0).max(1).nullable().default(null),
  source: SourceRef,
});
export type IndicatorRef = z.infer<typeof IndicatorRef>;

export const Observation = z.object({
  id: z.string(),
  indicator: IndicatorRef,
  kind: ObservationKind,
  state: ObservationState,
  value: z.number().nullable(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  area: z.string().nullable(),
  relativeChange: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Why a pending observation has no value: "tbc", "deferred", "awaiting baseline", "empty cell". */
  pendingReason: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  /** What lowered the confidence, in words a reviewer understands. */
  confidenceReasons: z.array(z.string()),
  /** The value's own words. */
  source: SourceRef,
  /** The header that gave the period or kind, when a table column did. */
  headerSource: SourceRef.nullable(),
  /** OCR repairs applied to the value's text (`O→0 in 1O.5`). */
  repairs: z.array(z.string()).default([]),
});
export type Observation = z.infer<typeof Observation>;

export const MilestoneStatus = z.enum(['red', 'amber', 'green', 'complete']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const Milestone = z.object({
  id: z.string(),
  text: z.string(),
  outcome: z.string().nullable(),
  status: MilestoneStatus,
  section: z.string().nullable(),
  source: SourceRef,
});
export type Milestone = z.infer<typeof Milestone>;
