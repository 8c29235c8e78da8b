// Codes and titles that disagree: an NI code written with a title unlike the catalogue's title for that code
// (a mistyped code, or a local measure filed under an NI number), and a local code whose title reads like a
// National Indicator (seed 003's LI 2.1 is NI 139's wording; LI 188 is NI 188's title).
import { matchTitle, titleSimilarity, titleStems, type TitleMatch } from '../../detect/catalogue.ts';
import type { Finding } from '../../model/finding.ts';
import type { StoredIndicator } from '../../store/read.ts';
import { namingEvidence } from '../evidence.ts';
import { makeFinding } from '../finding.ts';
import type { Check } from '../types.ts';

const ID = 'code-title';
/** Below this similarity an NI title is not the catalogue's title reworded (seed titles that are: 0.6 and up). */
const MISMATCH_BELOW = 0.45;
/** A local title this close to an NI title, sharing enough words, reads like that NI. */
const LOCAL_MATCH = 0.5;
const LOCAL_STRONG = 0.8;
/** Short titles ("Access to Services") match many NIs on two words: ask for three shared words. */
const MIN_SHARED_WORDS = 3;

function sharedWords(a: string, b: string): number {
  const sb = titleStems(b);
  return [...titleStems(a)].filter((s) => sb.has(s)).length;
}

function readsLike(title: string, minScore: number): TitleMatch | null {
  const match = matchTitle(title, minScore);
  if (!match) return null;
  return match.score >= LOCAL_STRONG || sharedWords(title, match.title) >= MIN_SHARED_WORDS ? match : null;
}

function score(n: number): string {
  return n.toFixed(2);
}

/** Every word of the written title is in the other: a shortened title ("Access to", a PDF cell cut at its wrap). */
function isShortenedFrom(title: string, fuller: string): boolean {
  const full = titleStems(fuller);
  return [...titleStems(title)].every((s) => full.has(s));
}

function niMismatch(ind: StoredIndicator & { title: string; catalogueTitle: string }): Finding | null {
  if (isShortenedFrom(ind.title, ind.catalogueTitle)) return null;
  const similarity = titleSimilarity(ind.title, ind.catalogueTitle);
  if (similarity >= MISMATCH_BELOW) return null;
  const other = readsLike(ind.title, LOCAL_MATCH);
  const hint = other && other.code !== ind.code ? ` It reads more like ${other.code} "${other.title}" (${score(other.score)}).` : '';
  return makeFinding(ID, 'warning', `${ind.code} is written with the title "${ind.title}", which does not match the catalogue title for ${ind.code}, "${ind.catalogueTitle}" (similarity ${score(similarity)}).${hint}`, {
    key: `${ind.document}|${ind.code}|title`, evidence: namingEvidence(ind), document: ind.document, indicator: ind.code,
  });
}

function localReadsLikeNi(ind: StoredIndicator & { title: string }): Finding | null {
  const match = readsLike(ind.title, LOCAL_MATCH);
  if (!match) return null;
  return makeFinding(ID, 'warning', `Local indicator ${ind.code} "${ind.title}" reads like ${match.code} "${match.title}" (similarity ${score(match.score)}): is it the National Indicator under a local code?`, {
    key: `${ind.document}|${ind.code}|title`, evidence: namingEvidence(ind), document: ind.document, indicator: ind.code,
  });
}

export const codeTitle: Check = {
  id: ID,
  severity: 'warning',
  describe: 'An NI code whose written title does not match the catalogue title for that code, or a local (LI/LAA) code whose title matches a National Indicator.',
  run(ctx) {
    const findings: Finding[] = [];
    for (const ind of ctx.indicators) {
      // A code inferred from its title matches that title by construction.
      if (!ind.title || ind.inferred) continue;
      const finding =
        ind.scheme === 'NI' && ind.catalogueTitle ? niMismatch({ ...ind, title: ind.title, catalogueTitle: ind.catalogueTitle })
        : ind.scheme === 'LI' || ind.scheme === 'LAA' ? localReadsLikeNi({ ...ind, title: ind.title })
        : null;
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
