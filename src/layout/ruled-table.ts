// Tables drawn with rules: the cell grid comes from the lines themselves. Column edges are the distinct
// x of vertical rules, row edges the distinct y of horizontal rules; a missing piece of rule between two grid
// cells means they are one merged cell (colSpan / rowSpan). Words go to the cell holding their centre.
import { centreX, centreY, cluster1d, unionBox } from './geometry.ts';
import { linesOf } from './lines.ts';
import { networks } from './rulings.ts';
import type { Box, Segment, TableBlock, TableCell, TableRow, Word } from './types.ts';

export interface RuledResult {
  tables: TableBlock[];
  /** Words outside every table. */
  rest: Word[];
  /** Rules that formed no table (horizontal ones may still separate borderless rows). */
  unused: Segment[];
}

/** Share of a grid edge a rule must cover for the edge to count as drawn. */
const EDGE_COVER = 0.5;

function covered(rules: Segment[], at: number, from: number, to: number, tol: number): boolean {
  const span = to - from;
  let cover = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > tol) continue;
    cover += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
  }
  return cover >= span * EDGE_COVER;
}

function indexIn(edges: number[], v: number): number {
  for (let i = 0; i < edges.length - 1; i++) if (v >= edges[i] && v < edges[i + 1]) return i;
  return -1;
}

export function findRuledTables(words: Word[], segments: Segment[], page: number, size: number): RuledResult {
  const tol = Math.max(size * 0.35, 1);
  const tables: TableBlock[] = [];
  const unused: Segment[] = [];
  let rest = words;
  for (const net of networks(segments, tol)) {
    const hs = net.filter((s) => s.axis === 'h');
    const vs = net.filter((s) => s.axis === 'v');
    const table = hs.length >= 2 && vs.length >= 2 ? gridTable(hs, vs, rest, page, tol, size) : null;
    if (!table) {
      unused.push(...net);
      continue;
    }
    tables.push(table.block);
    rest = table.rest;
  }
  return { tables, rest, unused };
}

function gridTable(hs: Segment[], vs: Segment[], words: Word[], page: number, tol: number, size: number): { block: TableBlock; rest: Word[] } | null {
  // Open-sided tables (no outer verticals, or no top rule) still end where their rules end.
  const xs = cluster1d([...vs.map((v) => v.at), Math.min(...hs.map((h) => h.from)), Math.max(...hs.map((h) => h.to))], tol);
  const ys = cluster1d([...hs.map((h) => h.at), Math.min(...vs.map((v) => v.from)), Math.max(...vs.map((v) => v.to))], tol);
  // Thin slivers between a double rule are not columns or rows.
  const xe = dropSlivers(xs, size * 0.6);
  const ye = dropSlivers(ys, size * 0.4);
  const nc = xe.length - 1;
  const nr = ye.length - 1;
  if (nc < 1 || nr < 1 || nc * nr < 2) return null;

  // Union grid cells that no drawn edge separates.
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const vRules = vs;
  const hRules = hs;
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !covered(vRules, xe[c + 1], ye[r], ye[r + 1], tol)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < nr && !covered(hRules, ye[r + 1], xe[c], xe[c + 1], tol)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const regions = new Map<number, { r0: number; r1: number; c0: number; c1: number; words: Word[] }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const reg = regions.get(root);
      if (!reg) regions.set(root, { r0: r, r1: r, c0: c, c1: c, words: [] });
      else {
        reg.r0 = Math.min(reg.r0, r);
        reg.r1 = Math.max(reg.r1, r);
        reg.c0 = Math.min(reg.c0, c);
        reg.c1 = Math.max(reg.c1, c);
      }
    }
  }
  if (regions.size < 2) return null; // a frame round a paragraph, not a table

  const rest: Word[] = [];
  let placed = 0;
  for (const w of words) {
    const r = indexIn(ye, centreY(w.box));
    const c = indexIn(xe, centreX(w.box));
    if (r < 0 || c < 0) {
      rest.push(w);
      continue;
    }
    regions.get(find(id(r, c)))!.words.push(w);
    placed++;
  }
  if (placed === 0) return null;

  // Rows of nothing but empty cells (the gap of a double rule, a spacer row) are dropped; spans shrink to match.
  const rowHasText = Array.from({ length: nr }, () => false);
  const rowHasStart = Array.from({ length: nr }, () => false);
  for (const reg of regions.values()) {
    rowHasStart[reg.r0] = true;
    if (reg.words.length) for (let r = reg.r0; r <= reg.r1; r++) rowHasText[r] = true;
  }
  const keptRows: number[] = [];
  for (let r = 0; r < nr; r++) if (rowHasText[r] && rowHasStart[r]) keptRows.push(r);
  const newRow = new Map(keptRows.map((r, i) => [r, i]));

  const rows: TableRow[] = keptRows.map((r) => ({ cells: [], box: [xe[0], ye[r], xe[nc], ye[r + 1]] as Box, page, header: false }));
  for (const reg of regions.values()) {
    const start = newRow.get(reg.r0);
    if (start === undefined) continue;
    const rowSpan = keptRows.filter((r) => r >= reg.r0 && r <= reg.r1).length;
    const box: Box = [xe[reg.c0], ye[reg.r0], xe[reg.c1 + 1], ye[reg.r1 + 1]];
    const cell: TableCell = { lines: linesOf(reg.words), box, page, col: reg.c0, colSpan: reg.c1 - reg.c0 + 1, rowSpan };
    rows[start].cells.push(cell);
  }
  for (const row of rows) row.cells.sort((a, b) => a.col - b.col);
  const box = unionBox(rows.map((r) => r.box));
  return { block: { kind: 'table', method: 'ruled', page, box, xs: xe, rows, pages: [page] }, rest };
}

function dropSlivers(edges: number[], min: number): number[] {
  const out: number[] = [];
  for (const e of edges) {
    if (out.length && e - out[out.length - 1] < min) {
      // Keep the outer edge of the pair so the grid's extent is unchanged.
      if (out.length === 1) continue;
      out[out.length - 1] = e;
      continue;
    }
    out.push(e);
  }
  return out;
}
