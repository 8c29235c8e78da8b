// One indicator per meaning within a document: "LI 141" in a heading and "NI 141" on the baseline line
// are the same indicator, kept under the National Indicator code with the local code as an alias.
import type { Mention } from '../detect/mentions.ts';
import type { IndicatorRef } from '../model/observation.ts';

export interface IndicatorTable {
  resolve(mention: Mention): IndicatorRef;
  all(): IndicatorRef[];
}

function numberOf(code: string): string {
  return code.replace(/^[A-Z]+ /, '');
}

export function resolveIndicators(mentions: Mention[], used: Mention[]): IndicatorTable {
  const all = [...mentions, ...used];
  const niNumbers = new Set(all.filter((m) => m.scheme === 'NI').map((m) => numberOf(m.code)));
  const canonical = (code: string): string => (code.startsWith('LI ') && niNumbers.has(numberOf(code)) ? `NI ${numberOf(code)}` : code);

  const refs = new Map<string, IndicatorRef>();
  for (const m of all) {
    const code = canonical(m.code);
    let ref = refs.get(code);
    if (!ref) {
      ref = {
        code,
        scheme: code === m.code ? m.scheme : 'NI',
        aliases: [],
        title: null,
        catalogueTitle: code.startsWith('NI ') ? (m.code === code ? m.catalogueTitle : null) : null,
        inferred: m.inferred,
        matchScore: m.matchScore,
        source: m.source,
      };
      refs.set(code, ref);
    }
    for (const alias of [m.code, ...(m.aliases ?? [])]) if (alias !== code && !ref.aliases.includes(alias)) ref.aliases.push(alias);
    // The title the document writes beside its definition of the indicator.
    if (!ref.title && m.defining && m.title) ref.title = m.title;
    if (!ref.catalogueTitle && m.code === code) ref.catalogueTitle = m.catalogueTitle;
    // A code written anywhere beats a code inferred from a title.
    if (ref.inferred && !m.inferred) {
      ref.inferred = false;
      ref.matchScore = null;
    }
  }
  return {
    resolve: (mention) => refs.get(canonical(mention.code))!,
    all: () => [...refs.values()],
  };
}
