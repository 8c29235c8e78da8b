// Text-layer PDF with pdf-lib: Helvetica text placed on a grid (fast: no browser), headings set larger,
// paragraphs wrapped, tables ruled or borderless and split over pages, a running header and "Page n of N".
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { SynthDoc } from '../../model.ts';
import { Flow, LEADING, MARGIN, type Op } from './flow.ts';
import { drawTable } from './table.ts';

const A4: [number, number] = [595.28, 841.89];
const BODY = 10;
const HEADING_SIZE = { 1: 16, 2: 13, 3: 11.5 } as const;

function layout(doc: SynthDoc, flow: Flow): void {
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      drawTable(flow, block, doc.pdf.ruled);
      continue;
    }
    const heading = block.kind === 'heading';
    const size = heading ? HEADING_SIZE[block.level] : BODY;
    const lines = flow.wrap(block.text, size, flow.contentWidth, heading);
    const lineHeight = size * LEADING;
    if (heading) flow.y -= 6;
    // A heading keeps at least two lines of what follows on its page.
    flow.ensure(lines.length * lineHeight + (heading ? 3 * BODY * LEADING : 0));
    for (const line of lines) {
      flow.ensure(lineHeight);
      flow.text(flow.left, flow.y, line, size, heading);
      flow.y -= lineHeight;
    }
    flow.y -= heading ? 4 : 7;
  }
}

export async function writePdf(doc: SynthDoc): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const [w, h] = doc.pdf.landscape ? [A4[1], A4[0]] : A4;
  const flow = new Flow(w, h, fonts);
  layout(doc, flow);
  const total = flow.pages.length;
  const black = rgb(0, 0, 0);
  flow.pages.forEach((ops: Op[], i) => {
    const page = pdf.addPage([w, h]);
    for (const op of ops) {
      if (op.kind === 'text') page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font: op.bold ? fonts.bold : fonts.regular, color: black });
      else page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.thickness, color: black });
    }
    // Running header and footer: the same words on every page, which the ingester strips.
    page.drawText(doc.partnership, { x: MARGIN, y: h - MARGIN / 2, size: 8, font: fonts.regular, color: black });
    const footer = `Page ${i + 1} of ${total}`;
    page.drawText(footer, { x: (w - fonts.regular.widthOfTextAtSize(footer, 8)) / 2, y: MARGIN / 2, size: 8, font: fonts.regular, color: black });
  });
  pdf.setTitle(doc.title);
  return { bytes: await pdf.save(), pages: total };
}
