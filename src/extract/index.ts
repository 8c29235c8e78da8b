// The extract stage: walk the document in reading order, keep track of which indicator is in scope, and
// collect readings from labelled lines, tables and prose. Pure: a function of the document alone.
import { findMentions, isUncodedDefinition } from '../detect/mentions.ts';
import type { Block, PlanDocument, TextUnit } from '../model/document.ts';
import { message, type Message, type StageResult } from '../model/message.ts';
import type { Section } from '../segment/index.ts';
import type { Candidate, MilestoneCandidate } from './candidate.ts';
import { documentContext } from './context.ts';
import { labelledLine, prosePending } from './lines.ts';
import { readPhrases } from './phrases.ts';
import { IndicatorScope } from './scope.ts';
import { readTable } from './table.ts';

export interface Extraction {
  candidates: Candidate[];
  milestones: MilestoneCandidate[];
  /** Every indicator mention, defining or passing, for the indicator list and alias detection. */
  mentions: ReturnType<typeof findMentions>;
}

function textUnits(block: Block): TextUnit[] {
  if (block.kind === 'list') return block.items;
  if (block.kind === 'table') return [];
  return [block];
}

export function extract(doc: PlanDocument, sections: Section[]): StageResult<Extraction> {
  const scope = new IndicatorScope();
  const context = documentContext(doc);
  const candidates: Candidate[] = [];
  const milestones: MilestoneCandidate[] = [];
  const mentions: Extraction['mentions'] = [];
  const messages: Message[] = [];
  const sectionAt = new Map(sections.map((s) => [s.firstBlock, s]));
  let section: Section | null = null;
  let previousDefined = false;

  doc.blocks.forEach((block, i) => {
    scope.block = i;
    const starting = sectionAt.get(i);
    if (starting) {
      section = starting;
      if (starting.kind !== 'indicator' && starting.kind !== 'other') scope.clear();
    }
    if (block.kind === 'table') {
      scope.endListing();
      previousDefined = false;
      const reading = readTable(block, scope, section?.title ?? null, context);
      candidates.push(...reading.candidates);
      milestones.push(...reading.milestones);
      for (const row of block.rows) for (const cell of row.cells) mentions.push(...findMentions(cell));
      return;
    }
    for (const unit of textUnits(block)) {
      const found = findMentions(unit, { heading: block.kind === 'heading' });
      mentions.push(...found);
      const labelled = labelledLine(unit, scope);
      if (labelled) {
        candidates.push(...labelled);
        if (!labelled.length) messages.push(message('extract:label-without-value', 'info', `label without a figure or an indicator in scope: "${unit.text.slice(0, 80)}"`, unit.provenance));
        previousDefined = false;
        scope.endListing();
        continue;
      }
      if (found.some((m) => m.defining)) {
        scope.define(found, previousDefined);
        previousDefined = true;
      } else {
        if (block.kind === 'heading' && section && section.firstBlock === i && (section.kind === 'priority' || section.kind === 'theme')) scope.clear();
        if (isUncodedDefinition(unit)) scope.clear();
        previousDefined = false;
        scope.endListing();
      }
      if (block.kind !== 'heading') {
        candidates.push(...readPhrases(unit, context));
        candidates.push(...prosePending(unit));
      }
    }
  });
  return { value: { candidates, milestones, mentions }, messages };
}
