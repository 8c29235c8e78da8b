import { describe, expect, it } from 'vitest';
import { judgeText } from '../../../src/ingest/pdf/garbage.ts';
import { readGraphics } from '../../../src/ingest/pdf/graphics.ts';
import { isPdf } from '../../../src/ingest/pdf/index.ts';
import { pdfjs } from '../../../src/ingest/pdf/load.ts';
import { fontFacts, itemsToWords } from '../../../src/ingest/pdf/words.ts';

const PAGE = [1, 0, 0, -1, 0, 842]; // pdfjs viewport transform of an A4 page at scale 1

describe('PDF sniffing', () => {
  it('accepts %PDF- in the first 1024 bytes and nothing else', () => {
    expect(isPdf(new TextEncoder().encode('%PDF-1.7\n...'))).toBe(true);
    expect(isPdf(new TextEncoder().encode(`${' '.repeat(500)}%PDF-1.4`))).toBe(true);
    expect(isPdf(new TextEncoder().encode(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(isPdf(new TextEncoder().encode('Indicator\tBaseline\n'))).toBe(false);
    expect(isPdf(new Uint8Array())).toBe(false);
  });
});

describe('text items to words', () => {
  const fonts = new Map([
    ['f1', fontFacts('ABCDEF+LiberationSans-Bold', { ascent: 0.9, descent: -0.2 })],
    ['f2', fontFacts('Arial', undefined)],
  ]);

  it('splits an item into words with boxes in top-left coordinates', () => {
    const { words } = itemsToWords([{ str: 'NI 186 7.4 tonnes', transform: [10, 0, 0, 10, 100, 742], width: 80, height: 10, fontName: 'f2' }], PAGE, fonts);
    expect(words.map((w) => w.text)).toEqual(['NI', '186', '7.4', 'tonnes']);
    expect(words[0].box[0]).toBeCloseTo(100);
    expect(words[3].box[2]).toBeCloseTo(180);
    expect(words[0].box[1]).toBeCloseTo(100 - 8); // baseline at 842 - 742 = 100, ascent 0.8
    expect(words[0].box[3]).toBeCloseTo(102);
    expect(words.every((w, i) => i === 0 || w.box[0] > words[i - 1].box[2])).toBe(true);
  });

  it('reads bold and italic from the font name and skips rotated text', () => {
    const { words, rotated } = itemsToWords(
      [
        { str: 'Baseline', transform: [10, 0, 0, 10, 50, 700], width: 40, height: 10, fontName: 'f1' },
        { str: 'DRAFT', transform: [0, 10, -10, 0, 300, 400], width: 30, height: 10, fontName: 'f2' },
        { str: '   ', transform: [10, 0, 0, 10, 90, 700], width: 8, height: 0, fontName: 'f2' },
      ],
      PAGE,
      fonts,
    );
    expect(words).toHaveLength(1);
    expect(words[0]).toMatchObject({ text: 'Baseline', bold: true, fontSize: 10 });
    expect(rotated).toBe(1);
    expect(fontFacts('Times-Italic', undefined).italic).toBe(true);
  });
});

describe('drawn rules and marks from the operator list', () => {
  const { OPS } = pdfjs;
  const rect = (x: number, y: number, w: number, h: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);

  it('takes thin filled rectangles and stroked lines as rules, small shapes as marks', () => {
    const ops = {
      fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.setLineWidth, OPS.constructPath, OPS.constructPath, OPS.restore, OPS.constructPath],
      argsArray: [
        null,
        [2, 0, 0, 2, 0, 0], // everything inside is drawn at double size
        [OPS.fill, [rect(10, 20, 100, 0.5)], null], // → h rule 200 long at user y 41
        [OPS.fill, [rect(10, 20, 0.5, 50)], null], // → v rule 100 long
        [1],
        [OPS.stroke, [new Float32Array([0, 10, 100, 1, 110, 100])], null], // stroked horizontal line
        [OPS.fill, [rect(200, 200, 3, 3)], null], // → a 6x6 mark
        null,
        [OPS.fill, [rect(0, 0, 400, 300)], null], // a big filled area: shading, not a rule
      ] as unknown[][],
    };
    const g = readGraphics(ops, PAGE, 595, 842);
    const h = g.segments.filter((s) => s.axis === 'h');
    const v = g.segments.filter((s) => s.axis === 'v');
    expect(h).toHaveLength(2);
    expect(h[0]).toMatchObject({ from: 20, to: 220 });
    expect(h[0].at).toBeCloseTo(842 - 40.5);
    expect(v).toHaveLength(1);
    expect(v[0].to - v[0].from).toBeCloseTo(100);
    expect(h[1]).toMatchObject({ from: 20, to: 220, thickness: 2 });
    expect(g.marks).toHaveLength(1);
    expect(g.marks[0][2] - g.marks[0][0]).toBeCloseTo(6);
  });

  it('measures how much of the page images cover', () => {
    const ops = { fnArray: [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore], argsArray: [null, [595, 0, 0, 842, 0, 0], ['img'], null] as unknown[][] };
    expect(readGraphics(ops, PAGE, 595, 842).imageCover).toBeCloseTo(1);
  });
});

describe('garbage text from fonts without a Unicode mapping', () => {
  it('passes plan text, tables of figures and codes', () => {
    expect(judgeText('The partnership will publish quarterly progress reports for every target in the plan and review them each year.').garbage).toBe(false);
    expect(judgeText('NI 186 7.4 tonnes 11.1% NI 192 38.2% 45% BV 82a 21.4% 24% 26% LI 2.1 26.5% 33.0%').garbage).toBe(false);
    expect(judgeText('Indicator Baseline Target Lead Outcome Status Measure Actual Comment Agency Individual Partners').garbage).toBe(false);
  });

  it('catches private-use and control characters', () => {
    expect(judgeText('\uf041\uf042\uf043 \uf044\uf045 \uf046\uf047\uf048\uf049').garbage).toBe(true);
    expect(judgeText('\u0001\u0002\u0003 \u0004\u0005\u0006 \u0007\u0008').garbage).toBe(true);
  });

  it('catches letters that spell nothing (a shifted or scrambled encoding)', () => {
    const shifted = 'Wkh sduwqhuvkls zloo sxeolvk txduwhuob surjuhvv uhsruwv iru hyhub wdujhw lq wkh sodq dqg uhylhz wkhp hdfk bhdu'; // Caesar +3
    expect(judgeText(shifted)).toMatchObject({ garbage: true, reason: 'no dictionary-like words' });
    expect(judgeText('!"#$%& \'()*+, -./0 !"#$ %&\'( )*+,').garbage).toBe(true);
  });
});
