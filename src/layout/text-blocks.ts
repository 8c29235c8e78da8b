// Lines of running text → paragraphs and list items. A paragraph goes on while lines follow at line spacing
// in the same size; a bullet (typed, or drawn as a small shape left of the line) opens a list item, and
// lines indented to the item's text continue it. Headings are decided later, across the whole document,
// because "bigger than body text" needs the body size of every page.
import { overlap, unionBox } from './geometry.ts';
import type { Box, Line, TextBlock } from './types.ts';

/** Typed list markers: bullets, dashes, "1.", "a)", "(iv)". */
export const LIST_MARKER = /^(?:[•●▪■◦○∙·‣⁃➢►✓✔Ø∅§*\-–]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])(?=\s)/;
const ORDERED_MARKER = /^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$/;

/** A line may join the paragraph above when the gap between them is under this many text sizes. */
const PARAGRAPH_GAP = 0.6;

function allBold(line: Line): boolean {
  return line.words.every((w) => w.bold);
}

function markBefore(line: Line, marks: Box[]): Box | undefined {
  const midY = (line.box[1] + line.box[3]) / 2;
  return marks.find((m) => m[2] <= line.box[0] + line.size * 0.1 && line.box[0] - m[2] <= line.size * 2.5 && midY >= m[1] - line.size * 0.3 && midY <= m[3] + line.size * 0.3);
}

export function buildTextBlocks(lines: Line[], page: number, marks: Box[] = []): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let itemTextX = 0;
  for (const line of lines) {
    const typed = LIST_MARKER.exec(line.text);
    const drawn = typed ? undefined : markBefore(line, marks);
    const prevLine = current?.lines[current.lines.length - 1];
    const gap = prevLine ? line.box[1] - prevLine.box[3] : Infinity;
    const sameSize = !!current && Math.abs(line.size - current.size) <= current.size * 0.1;
    const aligned = !!current && overlap(line.box[0], line.box[2], current.box[0], current.box[2]) > 0;
    const follows = !!current && sameSize && aligned && gap <= line.size * PARAGRAPH_GAP && gap > -line.size * 0.5;

    if (typed || drawn) {
      const marker = typed ? typed[0] : '';
      current = {
        kind: 'text',
        role: 'list-item',
        page,
        lines: [line],
        box: line.box,
        size: line.size,
        bold: allBold(line),
        marker,
        ordered: ORDERED_MARKER.test(marker),
      };
      // Continuation lines of the item hang at the text's start, not at the bullet.
      const second = line.words[1];
      itemTextX = typed && second ? second.box[0] : line.box[0];
      blocks.push(current);
      continue;
    }
    const continuesItem = current?.role === 'list-item' && follows && line.box[0] >= itemTextX - line.size * 0.6;
    // A bold line over plain text is a label or heading, not the first line of the paragraph below it.
    const styleBreak = !!current && current.bold !== allBold(line) && current.lines.length === 1 && current.bold;
    if (current && (continuesItem || (current.role === 'paragraph' && follows && !styleBreak))) {
      current.lines.push(line);
      current.box = unionBox([current.box, line.box]);
      current.bold = current.bold && allBold(line);
      continue;
    }
    current = { kind: 'text', role: 'paragraph', page, lines: [line], box: line.box, size: line.size, bold: allBold(line) };
    blocks.push(current);
  }
  return blocks;
}
