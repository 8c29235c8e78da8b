// Table grids for comparing two readings of one document cell by cell: the tables a text export holds (as
// the fixture converter reads them) and the tables an ingester produced. Text is compared as words only:
// markup, bullets and line breaks differ between formats and carry no values.
import type { PlanDocument, Table } from '../../src/model/document.ts';
import { parseTextExport, sanitiseFragment } from '../../scripts/fixtures/text-to-html.ts';

export type Grid = string[][];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'" };

export function normaliseCell(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, e: string) => ENTITIES[e])
    .replace(/[•○∅Ø▪§●◦]/g, ' ')
    .replace(/\*\*/g, '')
    // A line broken after a hyphen ("A*-" / "C") joins without a space.
    .replace(/(\S-)\n/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tidy a grid the same way on both sides: trailing empty cells, empty rows and (optionally) empty columns go. */
export function tidyGrid(grid: Grid, dropEmptyColumns: boolean): Grid {
  let rows = grid.map((r) => [...r]).filter((r) => r.some((c) => c));
  if (dropEmptyColumns) {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const keep = Array.from({ length: width }, (_, c) => rows.some((r) => (r[c] ?? '') !== ''));
    rows = rows.map((r) => r.filter((_, c) => keep[c]));
  }
  return rows.map((r) => {
    const out = [...r];
    while (out.length && !out[out.length - 1]) out.pop();
    return out;
  });
}

export function twinGrids(text: string): Grid[] {
  return parseTextExport(text)
    .filter((n) => n.kind === 'table')
    .map((t) => (t as { rows: string[][] }).rows.map((r) => r.map((c) => normaliseCell(sanitiseFragment(c)))));
}

/** A model table as a grid: a cell spanning columns fills its first column and leaves the others empty. */
export function tableGrid(table: Table): Grid {
  return table.rows.map((row) => {
    const out: string[] = [];
    for (const cell of row.cells) {
      while (out.length < cell.col) out.push('');
      out[cell.col] = normaliseCell(cell.text);
      for (let k = 1; k < cell.colSpan; k++) out[cell.col + k] = '';
    }
    return out;
  });
}

export function documentGrids(doc: PlanDocument): Array<{ grid: Grid; method: string; pages: number[] }> {
  return doc.blocks
    .filter((b): b is Table => b.kind === 'table')
    .map((t) => ({ grid: tableGrid(t), method: t.method, pages: [...new Set(t.rows.map((r) => r.provenance.page ?? 0))] }));
}

/** First difference between two grids, or null when equal. */
export function gridDifference(expected: Grid, actual: Grid): string | null {
  if (expected.length !== actual.length) return `rows: expected ${expected.length}, got ${actual.length}`;
  for (let r = 0; r < expected.length; r++) {
    const e = expected[r];
    const a = actual[r];
    if (e.length !== a.length) return `row ${r}: expected ${e.length} cells [${e.join(' | ')}], got ${a.length} [${a.join(' | ')}]`;
    for (let c = 0; c < e.length; c++) if (e[c] !== a[c]) return `row ${r} col ${c}: expected "${e[c]}", got "${a[c]}"`;
  }
  return null;
}
