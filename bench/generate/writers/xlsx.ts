// XLSX with exceljs: one worksheet per table, figures as typed numbers with the number format that shows
// them as written ("0.0%" over 0.334, '0 "kg"' over 702), underlined labels as rich text, spans as merges.
import ExcelJS from 'exceljs';
import { FIXED_DATE, stableOffice } from './stable.ts';
import { cellText, type SynthCell, type SynthDoc } from '../model.ts';
import { placeRow } from './grid.ts';


function setCell(target: ExcelJS.Cell, cell: SynthCell): void {
  if (cell.number) {
    target.value = cell.number.value;
    if (cell.number.numFmt) target.numFmt = cell.number.numFmt;
  } else if (cell.runs.some((r) => r.underline)) {
    target.value = { richText: cell.runs.map((r) => ({ text: r.text, font: r.underline ? { underline: true } : {} })) };
  } else target.value = cellText(cell);
}

export async function writeXlsx(doc: SynthDoc): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'planharvest bench';
  wb.title = doc.title;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  let sheet = 0;
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    const ws = wb.addWorksheet(`Table ${++sheet}`);
    block.rows.forEach((row, r) => {
      for (const p of placeRow(row)) {
        setCell(ws.getCell(r + 1, p.col + 1), p.cell);
        if (p.span > 1) ws.mergeCells(r + 1, p.col + 1, r + 1, p.col + p.span);
      }
      if (r < block.headerRows) ws.getRow(r + 1).font = { bold: true };
    });
  }
  if (!sheet) throw new Error(`${doc.name}: an XLSX needs at least one table`);
  return stableOffice(new Uint8Array(await wb.xlsx.writeBuffer()));
}
