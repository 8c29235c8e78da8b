// What the whole document says about the figures it holds: the period it reports on, read from its title
// and opening words ("Adult Social Care 4th Quarter Performance … 2010/11 Quarter 4 Key Performance
// Indicator results"). Results and targets in prose that carry no period of their own take it.
import type { PlanDocument } from '../model/document.ts';
import { reportingPeriodIn } from '../vocabulary/periods.ts';
import type { PhraseContext } from './phrases.ts';

/** How much of the opening text is read: a report states its period in its title or first paragraphs. */
const OPENING_CHARS = 3000;

export function documentContext(doc: PlanDocument): PhraseContext {
  let opening = doc.title ?? '';
  for (const block of doc.blocks) {
    if (opening.length >= OPENING_CHARS) break;
    if (block.kind === 'table') continue;
    opening += '\n' + (block.kind === 'list' ? block.items.map((i) => i.text).join('\n') : block.text);
  }
  return { reportingPeriod: reportingPeriodIn(opening.slice(0, OPENING_CHARS)) };
}
