// The extract stage: walk the document in reading order, keep track of which indicator is in scope, and
// collect readings from labelled lines, tables and prose. Pure: a function of the document alone.
import { findMentions, isUncodedDefinition, partMention, type Mention } from '../detect/mentions.ts';
import type { Block, PlanDocument, TextUnit } from '../model/document.ts';
import { message, type Message, type StageResult } from '../model/message.ts';
import type { Section } from '../segment/index.ts';
import type { Candidate, MilestoneCandidate } from './candidate.ts';
import { documentContext } from './context.ts';
import { labelledLine, prosePending } from './lines.ts';
import { numberedTitles } from '../detect/numbered-titles.ts';
import { readFlattened } from './flattened-table.ts';
import { readInlineTables } from './inline-table.ts';
import { readPhrases } from './phrases.ts';
import { completeTextHeader, parseTextHeader, readTextRow, stackedTextHeader, type TextHeader } from './text-table.ts';
import { IndicatorScope } from './scope.ts';
import { readTable } from './table.ts';
import { parseValues } from './values.ts';
import { NAMED_AS_MEASURE_BEFORE } from '../vocabulary/cues.ts';
import { CAPTION_LABEL, INDICATOR_LABEL } from '../vocabulary/headers.ts';
import { hasParts } from '../vocabulary/parts.ts';
import { changeSpanIn, listResultsPeriod } from '../vocabulary/periods.ts';

export interface Extraction {
  candidates: Candidate[];
  milestones: MilestoneCandidate[];
  /** Every indicator mention, defining or passing, for the indicator list and alias detection. */
  mentions: ReturnType<typeof findMentions>;
}

/** Short lines without figures (legends, group titles, wrapped labels) a text table may run through. */
const TEXT_TABLE_GAP = 4;

/** A paragraph that is an item of a list the text export did not mark: "a) …", "(ii) …", "• …", "2. …". */
const LIST_MARKER = /^\s*(?:[•·*–-]|\(?[a-z]\)|\(?[ivx]{1,4}\)|\d{1,2}[.)])\s+/i;

/** How many blocks after a line naming an indicator its figures may still come in prose. */
const NAMED_REACH = 2;
/** How many blocks after a code with parts ("BV 109") lines may name its parts by subject. */
const PARTS_REACH = 8;

/** The code opens the paragraph, after at most a row number or a bullet ("33 / LPI 24 / The % of streetlights …"). */
function leadsWith(text: string, mention: Mention): boolean {
  return LEAD_BEFORE_CODE.test(text.slice(0, mention.source.start));
}

// A bullet, an item number, a caption's label ("Figure 1: BVPI 12 sickness absence", "Table 3 – NI 195 …") or
// a label saying an indicator follows ("Indicator: NI 111 First time entrants …"): a code after them still
// opens the line, and heads what follows like a heading.
const LEAD_BEFORE_CODE = new RegExp(String.raw`^[\s•·*–-]*(?:${CAPTION_LABEL.source})?(?:\d{1,3}\s*[/|.)]?\s*)?(?:${INDICATOR_LABEL.source})?$`, 'i');

function parseValuesCount(text: string): number {
  return parseValues(text).filter((t) => t.state === 'value').length;
}

function textUnits(block: Block): TextUnit[] {
  if (block.kind === 'list') return block.items;
  if (block.kind === 'table') return [];
  return [block];
}

export function extract(doc: PlanDocument, sections: Section[]): StageResult<Extraction> {
  const scope = new IndicatorScope();
  const candidates: Candidate[] = [];
  const context = documentContext(doc);
  // Tables flattened one cell per line are rebuilt first, over the document's paragraphs in order.
  const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
  const flattened = readFlattened(paragraphs);
  candidates.push(...flattened.candidates);
  const milestones: MilestoneCandidate[] = [];
  const mentions: Extraction['mentions'] = [...numberedTitles(paragraphs), ...flattened.parts];
  const messages: Message[] = [];
  const sectionAt = new Map(sections.map((s) => [s.firstBlock, s]));
  let section: Section | null = null;
  let previousDefined = false;
  let named: { mention: Mention; block: number } | null = null;
  // The periods a list of changes runs between, from the line introducing it.
  let changeSpan: [string, string] | null = null;
  // The period a line introducing a list of results names ("The out-turn position for 05-06 was as follows:").
  let listPeriod: string | null = null;
  // The last code with parts named ("all three BV 109 targets"): lines after it may name a part by subject.
  let parent: { mention: Mention; block: number } | null = null;
  // A header line of value columns over lines of figures (a table flattened to text), while its rows last.
  let textTable: { header: TextHeader; unit: TextUnit; indicator: Mention | null; gap: number } | null = null;
  // The line before this one, for a header written over two lines.
  let previousLine: TextUnit | null = null;

  doc.blocks.forEach((block, i) => {
    scope.block = i;
    const starting = sectionAt.get(i);
    if (starting) {
      section = starting;
      if (starting.kind !== 'indicator' && starting.kind !== 'other') scope.clear();
    }
    if (block.kind === 'table') {
      textTable = null;
      scope.endListing();
      previousDefined = false;
      const reading = readTable(block, scope, section?.title ?? null, context);
      candidates.push(...reading.candidates);
      milestones.push(...reading.milestones);
      for (const row of block.rows) for (const cell of row.cells) mentions.push(...findMentions(cell));
      return;
    }
    for (const unit of textUnits(block)) {
      const lineBefore = previousLine;
      previousLine = unit;
      const found = findMentions(unit, { heading: block.kind === 'heading' });
      mentions.push(...found);
      // A short line or heading naming one indicator ("• NI 136 (Vital Signs C3) People supported …"), or a
      // sentence naming it as the measure in question, is what the next paragraph or two talk about; another
      // heading or code ends that. A sentence that names one and reports its figures ("The number of affordable
      // homes delivered (NI 155) was 214, …") is about it alone: the next list item's figures are not its.
      const defining = found.some((m) => m.defining);
      // A line that defines an indicator and reports no figure: a heading over what follows, or an item of a list of names.
      const definesWithoutFigures = defining && parseValuesCount(unit.text) === 0;
      const headsWhatFollows = defining && (definesWithoutFigures || block.kind === 'heading');
      if (block.kind === 'heading' || found.length) named = found.length && new Set(found.map((m) => m.code)).size === 1 && (headsWhatFollows || leadsWith(unit.text, found[0]) || NAMED_AS_MEASURE_BEFORE.test(unit.text.slice(0, found[0].source.start))) ? { mention: found[0], block: i } : null;
      if (found.length) {
        const withParts = found.find((m) => hasParts(m.code));
        parent = withParts ? { mention: withParts, block: i } : null;
      }
      const part = !found.length && parent && i - parent.block <= PARTS_REACH ? partMention(unit, parent.mention) : null;
      // A line introducing a list ("Between 2002/03 and 2005/06, performance has increased as follows:", "The
      // out-turn position for 05-06 was as follows:") dates the items under it; any other line ends the list.
      const listed = block.kind === 'list' || LIST_MARKER.test(unit.text) || part !== null;
      if (!listed) {
        changeSpan = /:\s*$/.test(unit.text) ? changeSpanIn(unit.text) : null;
        listPeriod = listResultsPeriod(unit.text);
      }
      // A list dated by the line over it covers that year, not the report's quarter of it.
      const listContext = listed ? { ...context, changeSpan, reportingPeriod: listPeriod ?? context.reportingPeriod, reportingQuarter: listPeriod ? null : context.reportingQuarter } : context;
      if (part && parent) {
        // "Major applications: target 60% - out-turn 61%": the line is about that part of the indicator in scope.
        mentions.push(part);
        const from = parent.mention.code;
        candidates.push(...readPhrases(unit, listContext, part, true).map((c) => ({ ...c, reasons: [...c.reasons, `indicator read as ${part.code}, the part of ${from} the line names ("${part.title ?? ''}")`] })));
        continue;
      }
      if (textTable) {
        // "Actual Actual Target Target" under a header line of years: the kinds of its columns.
        const completed = textTable.gap === 0 ? (completeTextHeader(textTable.header, unit.text) ?? stackedTextHeader(textTable.header, textTable.unit.text, unit.text, context)) : null;
        if (completed) {
          textTable.header = completed;
          continue;
        }
        const row = readTextRow(unit, textTable.header, textTable.unit, textTable.indicator ?? (scope.distance() <= 3 ? scope.single() : null));
        if (row) {
          candidates.push(...row.candidates);
          textTable.indicator = row.indicator;
          textTable.gap = 0;
          // The comments after the row's figures ("The target for end of June was 2.44") speak of its indicator.
          const sentenceStart = /(?<=^|[\s.])(?:The|This|It|Performance|Outturn)\b/.exec(unit.text.slice(row.figuresEnd));
          if (row.indicator && sentenceStart) {
            const from = row.figuresEnd + sentenceStart.index;
            const comments = readPhrases({ ...unit, text: ' '.repeat(from) + unit.text.slice(from) }, context, row.indicator);
            candidates.push(...comments);
            named = { mention: row.indicator, block: i };
          }
          continue;
        }
        // A wrapped label line between rows keeps the table open; anything else closes it.
        // A coded row that does not line up ("BVPI 99d(i) n/a 35.43 33.27" under four columns) is skipped, not the end.
        const codedRow = found.length > 0 && unit.text.length <= 300;
        if (!codedRow && (unit.text.length > 80 || parseValuesCount(unit.text) > 0 || ++textTable.gap > TEXT_TABLE_GAP)) textTable = null;
      }
      const parsed = block.kind === 'heading' ? null : parseTextHeader(unit.text, context);
      if (parsed) {
        // A kinds line just above a header line of years reads the same way as one just below it.
        const header = (lineBefore && completeTextHeader(parsed, lineBefore.text)) || parsed;
        textTable = { header, unit, indicator: found.find((m) => !m.inferred) ?? null, gap: 0 };
        continue;
      }
      const labelled = labelledLine(unit, scope, listContext);
      if (labelled) {
        candidates.push(...labelled);
        // Labelled lines of the named indicator's own block ("Current agreed targets: …", "Proposed revised
        // targets: …") keep its prose after them in reach: "…; the November 2008 figure was 8.1%".
        if (labelled.length && named && labelled.every((c) => c.indicator.code === named!.mention.code)) named = { ...named, block: i };
        if (!labelled.length) messages.push(message('extract:label-without-value', 'info', `label without a figure or an indicator in scope: "${unit.text.slice(0, 80)}"`, unit.provenance));
        previousDefined = false;
        scope.endListing();
        continue;
      }
      if (defining) {
        scope.define(found, previousDefined);
        // A sentence reporting figures ("Processing of new benefit claims (BV 78a) improved to 21 days.") is no
        // item of a list of indicators: the next line naming one starts its own scope.
        previousDefined = definesWithoutFigures;
        if (!previousDefined) scope.endListing();
      } else {
        if (block.kind === 'heading' && section && section.firstBlock === i && (section.kind === 'priority' || section.kind === 'theme')) scope.clear();
        if (isUncodedDefinition(unit)) scope.clear();
        previousDefined = false;
        scope.endListing();
      }
      if (block.kind !== 'heading' && !flattened.consumed.has(unit)) {
        const carried = !found.length && named && i - named.block <= NAMED_REACH ? named.mention : null;
        // A table run into the paragraph is read for the one indicator the paragraph names (or carries on).
        const ownCodes = new Set(found.filter((m) => !m.inferred).map((m) => m.code));
        const subject = ownCodes.size === 1 ? found.find((m) => !m.inferred)! : carried;
        const inline = subject ? readInlineTables(unit, subject) : [];
        const inTable = (c: Candidate) => inline.some((t) => c.source.start >= t.start && c.source.end <= t.end);
        candidates.push(...inline.flatMap((t) => t.candidates));
        candidates.push(...readPhrases(unit, listContext, carried).filter((c) => !inTable(c)));
        candidates.push(...prosePending(unit));
      }
    }
  });
  return { value: { candidates, milestones, mentions }, messages };
}
