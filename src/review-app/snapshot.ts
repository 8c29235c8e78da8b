// What a review page says it showed, as the browser sends it back with a decision: checked here, at the edge,
// before the review module compares it with the store (a decision on something changed since is refused).
import * as z from 'zod';
import { Severity } from '../model/message.ts';
import { ObservationKind, ObservationState } from '../model/observation.ts';
import type { TargetSnapshot } from '../review/decisions.ts';

const text = z.string().max(2000);

export const TargetSnapshotSchema: z.ZodType<TargetSnapshot> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('observation'), document: text, indicator: text, kind: ObservationKind, period: text.nullable(), area: text.nullable(),
    state: ObservationState, value: z.number().nullable(), unit: text.nullable(), reviewState: z.enum(['machine', 'accepted', 'corrected', 'rejected']),
  }),
  z.object({ type: z.literal('finding'), check: text, severity: Severity, message: z.string().max(10_000), document: text.nullable(), indicator: text.nullable() }),
]);
