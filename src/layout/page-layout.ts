// One page, start to finish: underlines out of the rules, ruled tables from the rules, reading regions
// (text columns), then per region borderless tables and text blocks; blocks come out in reading order.
import { findBorderlessTables } from './borderless-table.ts';
import { readingRegions } from './columns.ts';
import { containsPoint, median, sizeOf } from './geometry.ts';
import { bandLines, groupBands } from './lines.ts';
import { findRuledTables } from './ruled-table.ts';
import { mergeSegments } from './rulings.ts';
import { buildTextBlocks } from './text-blocks.ts';
import type { Box, LayoutBlock, PageInput, PageLayout, TableBlock } from './types.ts';
import { takeUnderlines } from './underline.ts';

export function layoutPage(input: PageInput): PageLayout {
  const { page } = input;
  const words = input.words.filter((w) => w.text.trim());
  if (!words.length) return { page, width: input.width, height: input.height, blocks: [], dropped: [] };
  const size = median(words.map(sizeOf)) || 10;
  const marks = input.marks ?? [];

  const merged = mergeSegments(input.segments ?? [], Math.max(size * 0.2, 0.5));
  const underlined = takeUnderlines(words, merged);
  const ruled = findRuledTables(underlined.words, underlined.segments, page, size);
  for (const t of ruled.tables) attachMarks(t, marks);

  const blocks: LayoutBlock[] = [];
  for (const region of readingRegions(ruled.rest, ruled.tables.map((t) => t.box), size)) {
    const regionBlocks: LayoutBlock[] = [];
    const bands = groupBands(region.words);
    const rules = ruled.unused.filter((s) => s.axis === 'h' && containsPoint(region.box, (s.from + s.to) / 2, s.at, size));
    const borderless = findBorderlessTables(bands, rules, page, size);
    for (const t of borderless.tables) attachMarks(t, marks);
    regionBlocks.push(...borderless.tables);
    // Text in reading order inside the region: top to bottom, and left to right within a band.
    const lines = borderless.rest.flatMap((band) => bandLines(band));
    regionBlocks.push(...buildTextBlocks(lines, page, marks));
    for (const index of region.obstacles) regionBlocks.push(ruled.tables[index]);
    regionBlocks.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    blocks.push(...regionBlocks);
  }
  return { page, width: input.width, height: input.height, blocks, dropped: [] };
}

function attachMarks(table: TableBlock, marks: Box[]): void {
  if (!marks.length) return;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const inside = marks.filter((m) => containsPoint(cell.box, (m[0] + m[2]) / 2, (m[1] + m[3]) / 2));
      if (inside.length) cell.marks = inside;
    }
  }
}
