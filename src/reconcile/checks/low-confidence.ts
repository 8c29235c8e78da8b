// Observations the extractor was unsure of (read from prose, inferred codes, OCR), below a threshold the
// user sets (import/report --confidence-threshold, default 0.6), with the reasons the extractor recorded.
import { describeObservation, valueEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import type { Check } from '../types.ts';

const ID = 'low-confidence';

export const lowConfidence: Check = {
  id: ID,
  severity: 'warning',
  describe: 'Observations whose confidence is below the threshold (default 0.6), with the reasons that lowered it.',
  run(ctx) {
    const threshold = ctx.options.confidenceThreshold;
    return ctx.observations
      .filter((o) => o.confidence < threshold)
      .map((o) => makeFinding(ID, 'warning', `${o.indicator} ${describeObservation(o)}: confidence ${o.confidence} is below ${threshold} — ${o.confidenceReasons.join('; ') || 'no reason recorded'}.`, {
        key: `${o.id}|low-confidence`, evidence: [valueEvidence(o)], indicator: o.indicator,
      }));
  },
};
