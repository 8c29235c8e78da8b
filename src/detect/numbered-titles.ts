// National Indicators written as a bare number with their title beside it, one per line, as tables flattened
// from PDFs give them ("50" / "Emotional health of children"). The number alone could be anything; the number
// and the catalogue's title for that number agreeing is what makes it a code.
import type { TextUnit } from '../model/document.ts';
import { catalogueTitle, titleSimilarity } from './catalogue.ts';
import { codeMention, type Mention } from './mentions.ts';

/** How close the line after a bare number must be to the catalogue title of NI <number>. */
const AGREEMENT = 0.55;
const BARE_NUMBER = /^\s*(\d{1,3})\s*$/;

export function numberedTitles(units: TextUnit[]): Mention[] {
  const out: Mention[] = [];
  units.forEach((unit, i) => {
    const m = BARE_NUMBER.exec(unit.text);
    if (!m) return;
    const code = `NI ${Number(m[1])}`;
    const official = catalogueTitle(code);
    const next = units[i + 1];
    if (!official || !next) return;
    // A title may run over two lines: try the next line alone and joined with the one after.
    const candidates = [next.text, `${next.text} ${units[i + 2]?.text ?? ''}`];
    const score = Math.max(...candidates.map((t) => titleSimilarity(t.replace(/[“”"]/g, ''), official)));
    if (score < AGREEMENT) return;
    const start = m.index + m[0].indexOf(m[1]);
    out.push(codeMention(unit, { code, scheme: 'NI', start, end: start + m[1].length }, next.text.replace(/[“”"]/g, '').trim()));
  });
  return out;
}
