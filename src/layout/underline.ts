// A short horizontal rule running just under a run of words is an underline, not a table border. Taking
// these out first keeps them from inventing grid lines, and lets an underlined label ("Baseline") keep its
// style.
import { overlap, sizeOf } from './geometry.ts';
import type { Segment, Word } from './types.ts';

export function takeUnderlines(words: Word[], segments: Segment[]): { words: Word[]; segments: Segment[] } {
  const out = words.map((w) => ({ ...w }));
  const rest: Segment[] = [];
  for (const seg of segments) {
    if (seg.axis !== 'h') {
      rest.push(seg);
      continue;
    }
    const above = out.filter((w) => {
      const size = sizeOf(w);
      const h = w.box[3] - w.box[1];
      // Between the middle of the word and a little under its box (descenders end near the box bottom).
      return seg.at >= w.box[1] + h * 0.5 && seg.at <= w.box[3] + size * 0.15 && overlap(seg.from, seg.to, w.box[0], w.box[2]) > 0;
    });
    if (!above.length) {
      rest.push(seg);
      continue;
    }
    const size = Math.max(...above.map(sizeOf));
    const left = Math.min(...above.map((w) => w.box[0]));
    const right = Math.max(...above.map((w) => w.box[2]));
    const covered = above.reduce((sum, w) => sum + overlap(seg.from, seg.to, w.box[0], w.box[2]), 0);
    const length = seg.to - seg.from;
    // An underline stays within its words (give or take a space) and is mostly covered by them; a cell
    // border under a short value runs on across the empty rest of the cell.
    const isUnderline = seg.thickness <= size * 0.2 && seg.from >= left - size * 0.6 && seg.to <= right + size * 0.6 && covered >= length * 0.6;
    if (!isUnderline) {
      rest.push(seg);
      continue;
    }
    for (const w of above) if (overlap(seg.from, seg.to, w.box[0], w.box[2]) >= (w.box[2] - w.box[0]) * 0.5) w.underline = true;
  }
  return { words: out, segments: rest };
}
