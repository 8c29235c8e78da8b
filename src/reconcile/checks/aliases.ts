// One indicator written under two codes in one document ("LI 141" in the list of indicators, "NI 141" on the
// baseline line). Normalisation stores the figures together under the NI code; a reviewer confirms the merge.
import { findCodes } from '../../detect/codes.ts';
import type { Evidence, Finding } from '../../model/finding.ts';
import type { ReviewedObservation } from '../../review/reviewed.ts';
import type { StoredIndicator } from '../../store/read.ts';
import { codeEvidence, namingEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import type { Check } from '../types.ts';

const ID = 'aliases';

function writes(text: string, code: string): boolean {
  return findCodes(text).some((m) => m.code === code);
}

/** Where the document writes `code`: its naming line if that is where, else the first value line carrying it. */
function whereWritten(code: string, ind: StoredIndicator, observations: ReviewedObservation[]): Evidence[] {
  const s = ind.source;
  if (s && writes(s.text.slice(s.start, s.end), code)) return namingEvidence(ind, `${code} where the indicator is first named`);
  const o = observations.find((x) => x.source && writes(x.source.text, code));
  return o ? [codeEvidence(o, code)] : [];
}

export const aliases: Check = {
  id: ID,
  severity: 'warning',
  describe: 'One indicator written under two codes in one document (LI 141 and NI 141): the figures are stored together under one code, to be confirmed.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const ind of ctx.indicators) {
      if (!ind.aliases.length) continue;
      const own = ctx.observations.filter((o) => o.documentId === ind.documentId && o.extracted.indicator === ind.code);
      const evidence = [ind.code, ...ind.aliases].flatMap((code) => whereWritten(code, ind, own));
      findings.push(makeFinding(ID, 'warning', `${ind.code} is also written as ${ind.aliases.join(', ')} in this document; their figures are stored together under ${ind.code}. Confirm they are one indicator, or correct the code of the figures that are not.`, {
        key: `${ind.document}|${ind.code}|aliases`, evidence, document: ind.document, indicator: ind.code,
      }));
    }
    return findings;
  },
};
