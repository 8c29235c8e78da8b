// The plain-text export: one paragraph a line, blank lines between blocks, tables as tab-separated rows with
// HTML fragments (<u>) inside cells and a spanned cell followed by empty cells, as the legacy exporter wrote.
import type { SynthCell, SynthDoc } from '../model.ts';
import { placeRow } from './grid.ts';

function cellMarkup(cell: SynthCell): string {
  return cell.runs.map((r) => (r.underline ? `<u>${r.text}</u>` : r.text)).join('');
}

export function writeText(doc: SynthDoc): Uint8Array {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) {
        const cells = placeRow(row).flatMap((p) => [cellMarkup(p.cell), ...Array<string>(p.span - 1).fill('')]);
        // A row that is all empty after its first cell still needs one tab to read as a table row.
        lines.push(cells.length > 1 ? cells.join('\t') : `${cells[0] ?? ''}\t`);
      }
    } else lines.push(block.text);
    lines.push('');
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}
