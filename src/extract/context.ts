// What the whole document says about the figures it holds: the period it reports on, read from its title
// and opening words ("Adult Social Care 4th Quarter Performance … 2010/11 Quarter 4 Key Performance
// Indicator results"). Results and targets in prose that carry no period of their own take it.
import type { Block, PlanDocument } from '../model/document.ts';
import { reportingPeriodIn, reportingQuarterIn } from '../vocabulary/periods.ts';
import type { PhraseContext } from './phrases.ts';

/** How much of the opening text is read: a report states its period in its title or first paragraphs. */
const OPENING_CHARS = 3000;
/** The title and first block: where a period named alone is the report's, whatever the body names after. */
const HEADLINE_CHARS = 300;

function blockText(block: Block): string {
  return block.kind === 'table' ? '' : block.kind === 'list' ? block.items.map((i) => i.text).join('\n') : block.text;
}

export function documentContext(doc: PlanDocument): PhraseContext {
  const first = doc.blocks.find((b) => b.kind !== 'table');
  const headline = `${doc.title ?? ''}\n${first ? blockText(first) : ''}`.slice(0, HEADLINE_CHARS);
  let opening = doc.title ?? '';
  for (const block of doc.blocks) {
    if (opening.length >= OPENING_CHARS) break;
    if (block.kind === 'table') continue;
    opening += '\n' + blockText(block);
  }
  // "Quarter 3 Performance Report 2009/10" over a body that also names "2008/09 outturn": the headline decides.
  // Nearest the top first: the title and first block, then the first few lines, then the opening.
  const reportingPeriod = reportingPeriodIn(headline) ?? reportingPeriodIn(opening.slice(0, HEADLINE_CHARS)) ?? reportingPeriodIn(opening.slice(0, OPENING_CHARS));
  const reportingQuarter = reportingPeriod ? (reportingQuarterIn(headline) ?? reportingQuarterIn(opening.slice(0, HEADLINE_CHARS))) : null;
  return { reportingPeriod, reportingQuarter };
}
