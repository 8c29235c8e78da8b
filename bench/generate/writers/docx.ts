// DOCX with the docx package: headings, paragraphs, Word tables (header rows marked, spans as gridSpan,
// underlined labels as underlined runs), a paragraph after each table so Word keeps tables apart.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { stableOffice } from './stable.ts';
import type { SynthBlock, SynthCell, SynthDoc } from '../model.ts';
import { tableWidth } from './grid.ts';

const PAGE_WIDTH_TWIPS = 9600;
const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cell(c: SynthCell): TableCell {
  const runs = c.runs.map((r) => new TextRun({ text: r.text, underline: r.underline ? {} : undefined }));
  return new TableCell({ children: [new Paragraph({ children: runs })], columnSpan: c.colSpan && c.colSpan > 1 ? c.colSpan : undefined });
}

function table(b: Extract<SynthBlock, { kind: 'table' }>): Table {
  const width = tableWidth(b.rows);
  return new Table({
    // `tableHeader: false` would be written as a header row by some readers: leave it out instead.
    rows: b.rows.map((row, r) => new TableRow({ children: row.map(cell), tableHeader: r < b.headerRows || undefined })),
    width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: Array.from({ length: width }, () => Math.floor(PAGE_WIDTH_TWIPS / width)),
  });
}

export async function writeDocx(doc: SynthDoc): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') children.push(new Paragraph({ text: b.text, heading: HEADING[b.level] }));
    else if (b.kind === 'paragraph') children.push(new Paragraph(b.text));
    else children.push(table(b), new Paragraph(''));
  }
  const word = new Document({ title: doc.title, creator: 'planharvest bench', sections: [{ children }] });
  return stableOffice(await Packer.toBuffer(word));
}
