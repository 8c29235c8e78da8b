// The located text units of one document, each written once (migration 008): the cell or line a value was read
// from, a column's header cell, the cell naming an indicator. Observations point at a unit by its number in
// the document and keep their own span in its text, so the unit naming an indicator is not written again for
// every figure read beside it.
import type { SourceRef } from '../model/observation.ts';
import type { Row } from './rows.ts';

export class DocumentSources {
  private readonly numbers = new Map<string, number>();
  /** The same SourceRef object again (an indicator's code cell, shared by its observations): no key to build. */
  private readonly seen = new Map<SourceRef, number>();

  constructor(
    /** Writes one unit's row (INSERT_SOURCE's parameters): each engine runs it its own way. */
    private readonly insert: (row: Row) => void,
    private readonly documentId: number,
    /** The document's file name: a unit in that file is stored with `file` null. */
    private readonly fileName: string,
  ) {}

  /** The unit's number in the document, writing it the first time it is used. */
  number(source: SourceRef): number {
    const known = this.seen.get(source);
    if (known !== undefined) return known;
    const p = source.provenance;
    const file = p.file === this.fileName ? null : p.file;
    const box = p.box ? JSON.stringify(p.box) : null;
    // Every stored column: two units are one only when all of them are equal.
    const key = JSON.stringify([file, p.page, p.line, box, p.table, p.row, p.col, p.sheet, p.address, p.ocrConfidence, source.text]);
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(key, n);
      this.insert([
        this.documentId, n, file, p.page ?? null, p.line ?? null, box, p.table ?? null, p.row ?? null, p.col ?? null, p.sheet ?? null, p.address ?? null,
        p.ocrConfidence ?? null, source.text,
      ]);
    }
    this.seen.set(source, n);
    return n;
  }
}

export const INSERT_SOURCE = `INSERT INTO sources (document_id, n, file, page, line, box_json, table_index, row_index, col_index, sheet, address, ocr_confidence, text)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
