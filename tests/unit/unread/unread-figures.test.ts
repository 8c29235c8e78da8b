// The unread-figure check on small documents built by hand (table rows, cells with their own code, value rows
// under the row naming the indicator, sentences), and once through the whole pipeline: which figures beside an
// indicator mention no observation was read from, with where they are.
import { describe, expect, it } from 'vitest';
import type { Block, Cell, PlanDocument, Provenance, TextUnit } from '../../../src/model/document.ts';
import { processBytes } from '../../../src/pipeline/process.ts';
import { findUnreadFigures } from '../../../src/unread/index.ts';
import type { MentionLike, ObservationLike } from '../../../src/unread/types.ts';

const FILE = 'plan.txt';

function cell(text: string, at: Partial<Provenance>, col: number): Cell {
  return { text, spans: [], provenance: { file: FILE, ...at, col }, col, colSpan: 1, rowSpan: 1, content: [] };
}

function table(index: number, rows: string[][], firstLine = 10): Block {
  return {
    kind: 'table', index, method: 'tabs', provenance: { file: FILE, table: index },
    rows: rows.map((cells, row) => ({
      header: false, provenance: { file: FILE, line: firstLine + row, table: index, row },
      cells: cells.map((text, col) => cell(text, { line: firstLine + row, table: index, row }, col)),
    })),
  };
}

function paragraph(text: string, line: number): Block {
  return { kind: 'paragraph', text, spans: [], provenance: { file: FILE, line } };
}

function doc(blocks: Block[]): PlanDocument {
  return { file: FILE, format: 'text-export', contentHash: 'x', title: null, partnership: null, blocks };
}

function units(d: PlanDocument): TextUnit[] {
  return d.blocks.flatMap((b): TextUnit[] => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells) : b.kind === 'list' ? b.items : [b]));
}

/** The unit whose text contains `words`, and the span of `words` in it. */
function at(d: PlanDocument, words: string, nth = 0) {
  const unit = units(d).filter((u) => u.text.includes(words))[nth];
  if (!unit) throw new Error(`no unit with "${words}"`);
  const start = unit.text.indexOf(words);
  return { provenance: unit.provenance, text: unit.text, start, end: start + words.length };
}

const mention = (d: PlanDocument, code: string, title: string | null = null): MentionLike => ({ code, title, source: at(d, code) });
const read = (d: PlanDocument, code: string, figure: string, nth = 0): ObservationLike => ({ indicator: { code }, source: at(d, figure, nth) });

describe('unread figures', () => {
  it('finds a second figure in a quarter cell that no observation was read from', () => {
    const d = doc([table(0, [['Indicator', 'Q1', 'Q2', 'Q3'], ['NI 192 recycling', '38%', '39% 41%', '40%']])]);
    const r = findUnreadFigures(d, [mention(d, 'NI 192')], [read(d, 'NI 192', '38%'), read(d, 'NI 192', '39%'), read(d, 'NI 192', '40%')]);
    expect([r.near, r.read]).toEqual([4, 3]);
    expect(r.figures).toHaveLength(1);
    const [f] = r.figures;
    expect(f).toMatchObject({ figure: '41%', value: 41, near: 'row', indicators: ['NI 192'] });
    expect(f.source.provenance).toMatchObject({ file: FILE, line: 11, table: 0, row: 1, col: 2 });
    expect(f.source.text.slice(f.source.start, f.source.end)).toBe('41%');
  });

  it('finds a figure in the cell that names the indicator', () => {
    const d = doc([table(0, [['NI 8 Adult participation in sport 21.8% (2007/08)', 'Lead: Sport England']])]);
    const r = findUnreadFigures(d, [mention(d, 'NI 8')], []);
    expect(r.figures.map((f) => [f.figure, f.near])).toEqual([['21.8%', 'cell']]);
  });

  it('counts every cell of a row that names an indicator, and no row that does not', () => {
    const d = doc([table(0, [['Notes', '12 partners met 4 times'], ['NI 16', '16,022', '15,381'], ['Total budget', '£250k', '35 staff']])]);
    const r = findUnreadFigures(d, [mention(d, 'NI 16')], [read(d, 'NI 16', '16,022')]);
    expect([r.near, r.read]).toEqual([2, 1]);
    expect(r.figures.map((f) => f.figure)).toEqual(['15,381']);
  });

  it('counts a value row whose indicator is named in the row above (read figures make it an indicator row)', () => {
    const d = doc([table(0, [['NI175: Access to services', 'Trevor Mason'], ['Baseline 29% (05/06)', '08/09 26%', '09/10 25%', '10/11 24% (as set out in LTP)']])]);
    const r = findUnreadFigures(d, [mention(d, 'NI175')], [read(d, 'NI 175', '29%'), read(d, 'NI 175', '26%'), read(d, 'NI 175', '24%')]);
    expect(r.figures.map((f) => [f.figure, f.near, f.indicators])).toEqual([['25%', 'row', ['NI 175']]]);
    expect([r.near, r.read]).toEqual([4, 3]);
  });

  it('leaves out a row number in the first cell, years, codes and the title’s own numbers', () => {
    const d = doc([table(0, [['Ref', 'Indicator', 'Baseline', '2008/09'], ['4', 'NI 117 16-18 year olds not in education', '6.2% (2007/08)', '5.9%']])]);
    const r = findUnreadFigures(d, [mention(d, 'NI 117', '16-18 year olds not in education')], [read(d, 'NI 117', '6.2%')]);
    expect([r.near, r.read]).toEqual([2, 1]);
    expect(r.figures.map((f) => f.figure)).toEqual(['5.9%']);
  });

  it('reads sentences: only those naming an indicator or read from count', () => {
    const text =
      'NI 192 outturn was 38.7% in 2008/09. The county average was 41%. Our target for NI 191 is 600kg per household by 2011. ' +
      'The 2009/10 target is 25 days.';
    const d = doc([paragraph(text, 3)]);
    const r = findUnreadFigures(d, [mention(d, 'NI 192'), mention(d, 'NI 191')], [read(d, 'NI 192', '38.7'), read(d, 'LI 4.3', '25 days')]);
    expect(r.figures.map((f) => [f.figure, f.near, f.indicators])).toEqual([['600', 'sentence', ['NI 191']]]);
    expect([r.near, r.read]).toEqual([3, 2]);
    expect(r.figures[0].source.provenance).toMatchObject({ line: 3 });
  });

  it('matches mentions and observations to their own text unit only', () => {
    const d = doc([table(0, [['NI 7', '12%'], ['NI 7', '12%']])]);
    // The observation is of the second row's cell: the first row's 12% is unread.
    const second = { indicator: { code: 'NI 7' }, source: at(d, '12%', 1) };
    const r = findUnreadFigures(d, [mention(d, 'NI 7')], [second]);
    expect(r.figures.map((f) => f.source.provenance.row)).toEqual([0]);
  });

  it('narrows a PDF figure to its own word box', () => {
    const d = doc([table(0, [['NI 192', '38% 41%']])]);
    const value = (d.blocks[0] as Extract<Block, { kind: 'table' }>).rows[0].cells[1];
    value.provenance = { ...value.provenance, page: 2, box: [300, 100, 360, 112] };
    value.spans = [
      { start: 0, end: 3, provenance: { page: 2, box: [300, 100, 320, 112] } },
      { start: 4, end: 7, provenance: { page: 2, box: [330, 100, 360, 112] } },
    ];
    const r = findUnreadFigures(d, [mention(d, 'NI 192')], [read(d, 'NI 192', '38%')]);
    expect(r.figures[0].source.provenance).toMatchObject({ page: 2, box: [330, 100, 360, 112], table: 0, row: 0, col: 1 });
  });

  it('runs in the pipeline after normalisation, on the document’s own mentions and observations', async () => {
    const text = 'Testshire Local Strategic Partnership\n\nNI 192 recycling rates are reported to 12 partners each quarter.\n';
    const result = await processBytes(new TextEncoder().encode(text), 'probe.txt');
    if (!result.ok) throw new Error(result.reason);
    expect(result.unread.figures.map((f) => [f.figure, f.near, f.indicators, f.source.provenance.line])).toEqual([['12', 'sentence', ['NI 192'], 3]]);
  });
});
