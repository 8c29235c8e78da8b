// The PDF ingester evaluates each page once: it reads the text from pdfjs's operator list
// (src/ingest/pdf/text-from-ops.ts) instead of asking pdfjs for it a second time with getTextContent. That is
// only right if what it reads is what getTextContent gives, item for item: these tests compare the two over
// every page of the fixture PDFs, and over pages written operator by operator to use every text-state
// operator, forms, images, marked content, annotations and text off the page; and check that the pages the
// list cannot speak for are handed back to getTextContent.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf, pdfjs, type PdfPage } from '../../../src/ingest/pdf/load.ts';
import { textFromOperators, type OpsFont, type OpsTextContent } from '../../../src/ingest/pdf/text-from-ops.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

function pdfsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'bad' ? [] : pdfsUnder(path);
    return name.endsWith('.pdf') ? [path] : [];
  });
}

async function fromOps(page: PdfPage): Promise<OpsTextContent | { unsupported: string }> {
  const ops = await page.getOperatorList();
  const fontOf = (id: string) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as OpsFont) : undefined);
  return textFromOperators(ops, fontOf, page.view);
}

/** Differences between the two readings of a page ('' when they agree); numbers within 1e-3 pt. */
function differences(mine: OpsTextContent, theirs: Awaited<ReturnType<PdfPage['getTextContent']>>): string {
  const items = theirs.items as unknown as OpsTextContent['items'];
  if (mine.items.length !== items.length) {
    return `${mine.items.length} items, getTextContent ${items.length}: ${JSON.stringify(mine.items.map((i) => i.str))} vs ${JSON.stringify(items.map((i) => i.str))}`;
  }
  for (let i = 0; i < items.length; i++) {
    const a = mine.items[i];
    const b = items[i];
    if (a.str !== b.str || a.fontName !== b.fontName || a.hasEOL !== b.hasEOL || a.dir !== b.dir) {
      return `item ${i}: ${JSON.stringify([a.str, a.fontName, a.hasEOL, a.dir])} vs ${JSON.stringify([b.str, b.fontName, b.hasEOL, b.dir])}`;
    }
    const numbers = [a.width - b.width, a.height - b.height, ...a.transform.map((v, k) => v - b.transform[k])];
    if (numbers.some((d) => !(Math.abs(d) <= 1e-3))) return `item ${i} "${a.str}": ${JSON.stringify([a.width, a.height, a.transform])} vs ${JSON.stringify([b.width, b.height, b.transform])}`;
  }
  const styles = theirs.styles as Record<string, { fontFamily?: string; ascent?: number; descent?: number; vertical?: boolean }>;
  if (Object.keys(mine.styles).sort().join() !== Object.keys(styles).sort().join()) return `styles ${Object.keys(mine.styles)} vs ${Object.keys(styles)}`;
  for (const [id, s] of Object.entries(styles)) {
    const m = mine.styles[id];
    if (!Object.is(m.fontFamily, s.fontFamily) || !Object.is(m.ascent, s.ascent) || !Object.is(m.descent, s.descent) || !Object.is(m.vertical, s.vertical)) {
      return `style ${id}: ${JSON.stringify(m)} vs ${JSON.stringify(s)}`;
    }
  }
  return '';
}

/** Every page of the PDF: '' where the operator list gives getTextContent's text, else what differs. */
async function compareDocument(bytes: Uint8Array): Promise<Array<{ page: number; problem: string; unsupported?: string }>> {
  const doc = await openPdf(bytes);
  const out: Array<{ page: number; problem: string; unsupported?: string }> = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const mine = await fromOps(page);
      const theirs = await page.getTextContent();
      page.cleanup();
      if ('unsupported' in mine) out.push({ page: n, problem: '', unsupported: mine.unsupported });
      else out.push({ page: n, problem: differences(mine, theirs) });
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

describe('text from the operator list, on the fixture PDFs', () => {
  const files = [...pdfsUnder(join(FIXTURES, 'pdf')), ...pdfsUnder(join(FIXTURES, 'scanned'))];

  it('finds the fixture PDFs', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('gives getTextContent\'s items and styles on every page', async () => {
    const problems: string[] = [];
    let pages = 0;
    for (const file of files) {
      for (const r of await compareDocument(new Uint8Array(readFileSync(file)))) {
        pages++;
        if (r.unsupported) problems.push(`${file} p${r.page}: left to getTextContent (${r.unsupported})`);
        else if (r.problem) problems.push(`${file} p${r.page}: ${r.problem}`);
      }
    }
    expect(pages).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  }, 120_000);
});

/** A one-page PDF whose content stream is `content` (Latin-1), with fonts F1–F3, a form, an image and a graphics state. */
async function handWritten(content: string, options: { formContent?: string; formMatrix?: number[]; annotationText?: string; cropBox?: number[] } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([600, 800]);
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const times = await doc.embedFont(StandardFonts.TimesRoman);
  const fonts = doc.context.obj({ F1: helvetica.ref, F2: bold.ref, F3: times.ref });
  const form = doc.context.register(
    doc.context.stream(options.formContent ?? 'BT /F3 10 Tf 0 0 Td (inside the form) Tj ET', {
      Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 600, 800], Matrix: options.formMatrix ?? [1, 0, 0, 1, 0, 0], Resources: { Font: fonts },
    }),
  );
  // A 2×2 grey image.
  const image = doc.context.register(doc.context.stream(new Uint8Array([0, 255, 255, 0]), { Type: 'XObject', Subtype: 'Image', Width: 2, Height: 2, ColorSpace: 'DeviceGray', BitsPerComponent: 8 }));
  const gstate = doc.context.register(doc.context.obj({ Type: 'ExtGState', Font: [bold.ref, 14] }));
  // Resources named as the content streams name them (pdf-lib's own helpers add a random suffix).
  page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: fonts, XObject: { Fm1: form, Im1: image }, ExtGState: { GSFont: gstate } }));
  page.node.addContentStream(doc.context.register(doc.context.stream(content)));
  if (options.cropBox) page.node.set(PDFName.of('CropBox'), doc.context.obj(options.cropBox));
  if (options.annotationText) {
    const appearance = doc.context.register(
      doc.context.stream(`BT /F1 9 Tf 2 2 Td (${options.annotationText}) Tj ET`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 200, 20], Resources: { Font: fonts } }),
    );
    const annotation = doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [50, 50, 250, 70], Contents: options.annotationText, DA: '/F1 9 Tf 0 g', AP: { N: appearance } }),
    );
    page.node.set(PDFName.of('Annots'), doc.context.obj([annotation]));
  }
  return doc.save({ useObjectStreams: false });
}

const PAGES: Record<string, string> = {
  'plain lines and a second font': 'BT /F1 12 Tf 72 700 Td (Indicator baseline) Tj 0 -14 Td (NI 186 7.4 tonnes) Tj /F2 12 Tf ( bold) Tj ET',
  'TJ adjustments: kerning, a gap that reads as a space, a jump, zeros, going back':
    'BT /F1 11 Tf 72 700 Td [(Ke) -20 (rn) 15 (ed) -300 (spaced) -2500 (far) 0 (joined) 400 (back)] TJ ET',
  'character and word spacing, horizontal scaling': 'BT /F1 10 Tf 3 Tc 6 Tw 72 650 Td (spaced out  words) Tj 80 Tz 0 -20 Td (scaled text) Tj 0 Tc 0 Tw 100 Tz 0 -20 Td (normal) Tj ET',
  'text rise: superscripts and subscripts': 'BT /F1 12 Tf 72 600 Td (x) Tj 5 Ts /F1 8 Tf (2) Tj 0 Ts /F1 12 Tf ( + H) Tj -3 Ts /F1 8 Tf (2) Tj 0 Ts /F1 12 Tf (O) Tj ET',
  'leading, T*, \' and "': 'BT /F3 12 Tf 14 TL 72 500 Td (first) Tj T* (second) Tj (third) \' 2 1 (fourth) " ET',
  'TD sets the leading': 'BT /F1 10 Tf 72 450 Td (one) Tj 0 -12 TD (two) Tj T* (three) Tj ET',
  'text matrices: scaled, rotated, skewed, mirrored': [
    'BT /F1 1 Tf 12 0 0 12 72 400 Tm (scaled by Tm) Tj ET',
    'BT /F1 10 Tf 0 1 -1 0 300 300 Tm (rotated ninety) Tj ET',
    'BT /F1 10 Tf 1 0 0.3 1 72 380 Tm (skewed) Tj ET',
    'BT /F1 10 Tf -1 0 0 -1 400 360 Tm (upside down) Tj ET',
    'BT /F1 -10 Tf 72 340 Td (negative size) Tj ET',
  ].join('\n'),
  'the CTM: cm, nested q/Q, a font set inside q': 'q 0.5 0 0 0.5 36 36 cm BT /F1 20 Tf 72 600 Td (half size) Tj ET q 2 0 0 2 0 0 cm BT /F2 9 Tf 40 200 Td (doubled) Tj ET Q BT (after Q) Tj ET Q BT /F1 10 Tf 72 200 Td (outside) Tj ET',
  'a form in the middle of a line, with a matrix': 'BT /F1 10 Tf 72 300 Td (before the form) Tj ET /Fm1 Do BT /F1 10 Tf 160 300 Td ( after the form) Tj ET',
  'an image between two runs of a line': 'BT /F1 10 Tf 72 250 Td (left of the image) Tj ET q 10 0 0 10 160 250 cm /Im1 Do Q BT /F1 10 Tf 172 250 Td (right of it) Tj ET',
  'an inline image between two runs of a line': 'BT /F1 10 Tf 72 240 Td (left of inline) Tj ET q 10 0 0 10 160 240 cm BI /W 2 /H 1 /CS /G /BPC 8 ID \x80\x40 EI Q BT /F1 10 Tf 150 240 Td (right) Tj ET',
  'marked content': 'BT /F1 10 Tf 72 200 Td /P <</MCID 0>> BDC (marked) Tj EMC /Span BMC ( content) Tj EMC ( after) Tj ET',
  'invisible text (render mode 3)': 'BT 3 Tr /F1 10 Tf 72 180 Td (invisible OCR text) Tj 0 Tr (visible) Tj ET',
  'text off the page': 'BT /F1 10 Tf -300 700 Td (left of the page) Tj 900 0 Td (right of the page) Tj ET BT /F1 10 Tf 72 900 Td (above) Tj ET',
  'spaces: runs of them, a space at the start, a lone space, an empty string with spacing':
    'BT /F1 10 Tf 72 150 Td (a    b) Tj ( ) Tj ( c) Tj 2 Tc () Tj (d) Tj 0 Tc ET',
  'sizes that change along a line': 'BT /F1 10 Tf 72 120 Td (small ) Tj /F1 14 Tf (large ) Tj /F3 14 Tf (times ) Tj /F1 10 Tf (small) Tj ET',
  'overlapping and backwards text': 'BT /F1 10 Tf 72 100 Td (overprint) Tj -40 0 Td (again) Tj -100 0 Td (far back) Tj ET',
  'accented and special characters (WinAnsi)': 'BT /F1 10 Tf 72 80 Td (Caf\xe9 na\xefve \x96 \x93quoted\x94 \x80 50\xbd \xb7 \x95 bullet) Tj ET',
};

describe('text from the operator list, on hand-written pages', () => {
  for (const [name, content] of Object.entries(PAGES)) {
    it(name, async () => {
      const [r] = await compareDocument(await handWritten(content));
      expect(r.unsupported).toBeUndefined();
      expect(r.problem).toBe('');
    });
  }

  it('a form with its own transform, nested q/Q and fonts', async () => {
    const formContent = 'q BT /F2 8 Tf 10 10 Td (bold in form) Tj ET Q BT /F3 9 Tf 10 30 Td [(kerned) -400 (form)] TJ ET';
    const [r] = await compareDocument(await handWritten('BT /F1 10 Tf 72 700 Td (page text) Tj ET /Fm1 Do BT /F1 10 Tf (page again) Tj ET', { formContent, formMatrix: [0.8, 0, 0, 0.8, 100, 200] }));
    expect(r.unsupported).toBeUndefined();
    expect(r.problem).toBe('');
  });

  it('leaves out text of annotations, as getTextContent does', async () => {
    const [r] = await compareDocument(await handWritten('BT /F1 10 Tf 72 700 Td (page text) Tj ET', { annotationText: 'a free-text note' }));
    expect(r.problem).toBe('');
  });

  it('leaves out text outside the crop box, as getTextContent does', async () => {
    const [r] = await compareDocument(await handWritten('BT /F1 10 Tf 72 700 Td (inside) Tj 400 0 Td (outside) Tj ET', { cropBox: [0, 0, 300, 800] }));
    expect(r.problem).toBe('');
  });

  it('hands a font set through a graphics state back to getTextContent', async () => {
    const [r] = await compareDocument(await handWritten('BT /GSFont gs 72 700 Td (font from the graphics state) Tj ET'));
    expect(r.unsupported).toBe('font set by a graphics state');
  });
});

describe('what the operator list cannot say', () => {
  const { OPS } = pdfjs;
  const glyphs = (text: string) => [...text].map((unicode) => ({ unicode, width: 500, originalCharCode: unicode.charCodeAt(0) }));
  const font: OpsFont = { loadedName: 'f1', name: 'Helvetica', fallbackName: 'sans-serif', vertical: false, isType3Font: false, fontMatrix: [0.001, 0, 0, 0.001, 0, 0], ascent: 0.8, descent: -0.2 };
  const list = (fnArray: number[], argsArray: unknown[]) => ({ fnArray, argsArray });
  const view = [0, 0, 600, 800];

  it('reads a plain list', () => {
    const r = textFromOperators(list([OPS.beginText, OPS.setFont, OPS.moveText, OPS.showText, OPS.endText], [null, ['f1', 10], [72, 700], [glyphs('Hello')], null]), () => font, view);
    expect('unsupported' in r ? r.unsupported : r.items.map((i) => i.str)).toEqual(['Hello']);
  });

  it('hands back right-to-left text (pdfjs reorders it)', () => {
    const r = textFromOperators(list([OPS.setFont, OPS.showText], [['f1', 10], [glyphs('שלום')]]), () => font, view);
    expect(r).toEqual({ unsupported: 'right-to-left text' });
  });

  it('hands back Type3 and vertical fonts, and fonts it cannot see', () => {
    expect(textFromOperators(list([OPS.setFont], [['f1', 10]]), () => ({ ...font, isType3Font: true }), view)).toEqual({ unsupported: 'Type3 font' });
    expect(textFromOperators(list([OPS.setFont], [['f1', 10]]), () => ({ ...font, vertical: true }), view)).toEqual({ unsupported: 'vertical font' });
    expect(textFromOperators(list([OPS.setFont], [['f1', 10]]), () => undefined, view)).toEqual({ unsupported: 'font f1 not loaded' });
    expect(textFromOperators(list([OPS.setFont], [['f1', 10]]), () => new Error('bad font') as OpsFont, view)).toEqual({ unsupported: 'font f1 not loaded' });
  });

  it('hands back pages with image masks (inline or XObject, the list does not say)', () => {
    expect(textFromOperators(list([OPS.paintImageMaskXObject], [[{}]]), () => font, view)).toEqual({ unsupported: 'image mask' });
  });

  it('hands back a list it cannot make sense of rather than failing the page', () => {
    const r = textFromOperators(list([OPS.setFont, OPS.showText], [['f1', 10], [null]]), () => font, view);
    expect('unsupported' in r && r.unsupported).toMatch(/^unexpected: /);
  });
});
