// Drawn rules arrive in pieces: one rectangle per cell edge, double strokes, a border drawn twice by two
// neighbouring cells. Merge collinear pieces into whole rules, then group rules that touch into networks:
// each network of crossing horizontal and vertical rules is a candidate table grid.
import { mergeIntervals } from './geometry.ts';
import type { Segment } from './types.ts';

/** Collinear pieces closer than `tol` (across and along) become one segment. */
export function mergeSegments(segments: Segment[], tol: number): Segment[] {
  const out: Segment[] = [];
  for (const axis of ['h', 'v'] as const) {
    const list = segments.filter((s) => s.axis === axis && s.to - s.from > 0).sort((a, b) => a.at - b.at);
    let group: Segment[] = [];
    const flush = () => {
      if (!group.length) return;
      const at = group.reduce((sum, s) => sum + s.at, 0) / group.length;
      const thickness = Math.max(...group.map((s) => s.thickness));
      for (const [from, to] of mergeIntervals(group.map((s) => [s.from, s.to] as [number, number]), tol)) {
        out.push({ axis, at, from, to, thickness });
      }
      group = [];
    };
    for (const s of list) {
      if (group.length && s.at - group[group.length - 1].at > tol) flush();
      group.push(s);
    }
    flush();
  }
  return out;
}

/** Do a horizontal and a vertical segment cross or touch (within `tol`)? */
export function touches(h: Segment, v: Segment, tol: number): boolean {
  return v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;
}

/** Connected networks of crossing rules. Rules touching nothing come back as networks of one. */
export function networks(segments: Segment[], tol: number): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = segments.map((s, i) => [s, i] as const).filter(([s]) => s.axis === 'h');
  const vs = segments.map((s, i) => [s, i] as const).filter(([s]) => s.axis === 'v');
  for (const [h, i] of hs) for (const [v, j] of vs) if (touches(h, v, tol)) parent[find(i)] = find(j);
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(s);
  });
  return [...groups.values()];
}
