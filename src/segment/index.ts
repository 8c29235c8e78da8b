// Sections of a plan: themes, priorities, "LAA Target" blocks, appendices. Later stages use them to know
// where an indicator's scope ends and to name the section a milestone belongs to.
import * as z from 'zod';
import { findCodes } from '../detect/codes.ts';
import { Provenance, type PlanDocument } from '../model/document.ts';

export const SectionKind = z.enum(['theme', 'priority', 'indicator', 'appendix', 'other']);
export type SectionKind = z.infer<typeof SectionKind>;

export const Section = z.object({
  index: z.number().int().nonnegative(),
  title: z.string(),
  kind: SectionKind,
  level: z.number().int(),
  /** Blocks [firstBlock, endBlock) of the document belong to this section. */
  firstBlock: z.number().int().nonnegative(),
  endBlock: z.number().int().nonnegative(),
  provenance: Provenance,
});
export type Section = z.infer<typeof Section>;

export function sectionKind(title: string): SectionKind {
  if (/\b(?:priority|objective)\b/i.test(title)) return 'priority';
  if (/\btheme\b/i.test(title)) return 'theme';
  if (/^appendix\b/i.test(title)) return 'appendix';
  if (/\b(?:LAA Target|indicator)\b/i.test(title) || findCodes(title).length) return 'indicator';
  return 'other';
}

export function segment(doc: PlanDocument): Section[] {
  const sections: Section[] = [];
  doc.blocks.forEach((block, i) => {
    if (block.kind !== 'heading') return;
    if (sections.length) sections[sections.length - 1].endBlock = i;
    sections.push({
      index: sections.length,
      title: block.text,
      kind: sectionKind(block.text),
      level: block.level,
      firstBlock: i,
      endBlock: doc.blocks.length,
      provenance: block.provenance,
    });
  });
  return sections;
}
