// The I of an indicator code misread: "Nt 16", "Ni 53", "(N) 186)", "Li 2.1". Repaired only in the one
// shape that leaves no doubt: a word that is N or L and one letter that looks like I, followed by a word
// that is the code's number (1–199 for NI; "2.1", "5.1a" for LI), on the same line or at the start of the
// next line of the same paragraph or cell. Nothing else in English reads that way.
import type { PageLayout, Word } from '../layout/types.ts';
import { lineGroups, rejoinLines } from './page-lines.ts';

const PREFIX = /^(\(?)([NL])([il1|!)tJ])$/;
const NI_NUMBER = /^(\d{1,3})[)\].,:;]*$/;
const LI_NUMBER = /^\d{1,2}(?:\.\d{1,2}[a-z]?)?[)\].,:;]*$/;

function isCodeNumber(scheme: string, next: Word | undefined): boolean {
  if (!next) return false;
  if (scheme === 'L') return LI_NUMBER.test(next.text);
  const m = NI_NUMBER.exec(next.text);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 199;
}

export function repairCodePrefixes(page: PageLayout): string[] {
  const changed = new Set<Word>();
  const repairs: string[] = [];
  for (const group of lineGroups(page)) {
    const words = group.flatMap((line) => line.words);
    words.forEach((word, i) => {
      const m = PREFIX.exec(word.text);
      const next = words[i + 1];
      if (!m || !isCodeNumber(m[2], next)) return;
      const repair = `${m[3]}→I in ${word.text} ${next.text}`;
      word.text = `${m[1]}${m[2]}I`;
      word.repairs = [...(word.repairs ?? []), repair];
      repairs.push(repair);
      changed.add(word);
    });
  }
  rejoinLines(page, changed);
  return repairs;
}
