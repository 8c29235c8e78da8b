// CSV: the document's one table, every record padded to the table's width (the CSV sniffer wants a
// consistent column count), fields with commas or quotes quoted.
import { cellText, type SynthDoc } from '../model.ts';
import { placeRow, tableWidth } from './grid.ts';

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(doc: SynthDoc): Uint8Array {
  const tables = doc.blocks.filter((b) => b.kind === 'table');
  if (tables.length !== 1) throw new Error(`${doc.name}: a CSV holds exactly one table, not ${tables.length}`);
  const rows = tables[0].rows;
  const width = tableWidth(rows);
  const records = rows.map((row) => {
    const fields = Array<string>(width).fill('');
    for (const p of placeRow(row)) fields[p.col] = cellText(p.cell);
    return fields.map(field).join(',');
  });
  return Buffer.from(`${records.join('\r\n')}\r\n`, 'utf8');
}
