import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout/page-layout.ts';
import type { TableBlock, Word } from '../../../src/layout/types.ts';
import { repairCodePrefixes } from '../../../src/ocr/code-repairs.ts';
import { repairFigure } from '../../../src/ocr/figure-repairs.ts';
import { repairPercentColumns } from '../../../src/ocr/percent-repairs.ts';
import { grid, page, text } from '../layout/synthetic.ts';

describe('figure repairs', () => {
  it.each([
    ['1O.5', '10.5', ['O→0 in 1O.5']],
    ['O.61', '0.61', ['O→0 in O.61']],
    ['l2', '12', ['l→1 in l2']],
    ['1,4l2', '1,412', ['l→1 in 1,4l2']],
    ['2OO8/O9', '2008/09', ['O→0 in 2OO8/O9']],
    ['4I%', '41%', ['I→1 in 4I%']],
    ['2010111', '2010/11', ['1→/ in 2010111']],
    ['2009l10', '2009/10', ['l→/ in 2009l10']],
  ])('%s → %s', (read, repaired, repairs) => {
    expect(repairFigure(read)).toEqual({ text: repaired, repairs });
  });

  it.each(['IO', 'lol', 'NI', 'LI', 'Oakhurst', '41.2%', '1,412', '2010112', '1O.5O.5', 'l2abc'])('leaves %s alone', (read) => {
    expect(repairFigure(read)).toBeNull();
  });
});

// OCR words (a confidence, no font size): a table with a percentage column, ruled.
function ocrWords(line: string, x: number, y: number): Word[] {
  return text(line, x, y, { ocr: true }).map((w) => ({ ...w, confidence: 0.9 }));
}

function tableOf(rows: string[][]): TableBlock {
  const xs = [40, 200, 300, 400];
  const ys = rows.map((_, i) => 80 + i * 20).concat(80 + rows.length * 20);
  const words = rows.flatMap((cells, r) => cells.flatMap((c, k) => ocrWords(c, xs[k] + 4, ys[r] + 14)));
  const laid = layoutPage(page(words, { segments: grid(xs, ys) }));
  return laid.blocks.find((b): b is TableBlock => b.kind === 'table')!;
}

const cellText = (t: TableBlock, r: number, c: number) => t.rows[r].cells.find((x) => x.col === c)!.lines.map((l) => l.text).join(' ');

describe('"%" read as 96 in a percentage column', () => {
  it('repairs it when the column is percentages and the figure as read does not fit', () => {
    const t = tableOf([['Indicator', 'Baseline', 'Target'], ['NI 53', '41.2%', '43%'], ['NI 54', '38.5%', '4396'], ['NI 55', '36.1%', '45%']]);
    const laid = { page: 1, width: 595, height: 842, blocks: [t], dropped: [] };
    expect(repairPercentColumns(laid)).toEqual(['96→% in 4396']);
    expect(cellText(t, 2, 2)).toBe('43%');
    expect(t.rows[2].cells.find((x) => x.col === 2)!.lines[0].words[0].repairs).toEqual(['96→% in 4396']);
  });

  it('leaves figures alone outside a percentage column', () => {
    const t = tableOf([['Indicator', 'Baseline', 'Target'], ['NI 39', '1,412', '1,460'], ['NI 40', '212', '4396'], ['NI 41', '386', '401']]);
    expect(repairPercentColumns({ page: 1, width: 595, height: 842, blocks: [t], dropped: [] })).toEqual([]);
    expect(cellText(t, 2, 2)).toBe('4396');
  });
});

describe('indicator code prefixes', () => {
  it('repairs the I of NI and LI before a code number, on the line or the next', () => {
    const laid = layoutPage(page([...ocrWords('Serious crime (Nt 16)', 40, 100), ...ocrWords('Ni 53 and Li 2.1 and (N)', 40, 300), ...ocrWords('186)', 40, 312)]));
    const repairs = repairCodePrefixes(laid);
    expect(repairs).toEqual(['t→I in (Nt 16)', 'i→I in Ni 53', 'i→I in Li 2.1', ')→I in (N) 186)']);
    const texts = laid.blocks.flatMap((b) => (b.kind === 'text' ? b.lines.map((l) => l.text) : []));
    expect(texts).toContain('Serious crime (NI 16)');
    expect(texts.join(' ')).toContain('NI 53 and LI 2.1 and (NI 186)');
  });

  it('leaves words that are not a code alone', () => {
    const laid = layoutPage(page(ocrWords('Ni cadmium and Nt apples Ni 500', 40, 100)));
    expect(repairCodePrefixes(laid)).toEqual([]);
  });
});
