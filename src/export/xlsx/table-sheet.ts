// One worksheet as a table a migration can load: a bold header row that stays in view (frozen), a filter on
// every column, and typed cells — numbers as numbers, booleans as booleans, timestamps as dates, nothing (null,
// an empty list) as an empty cell — never numbers written as text.
import type ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | Date | null;

export interface SheetColumn<T> {
  header: string;
  value: (row: T) => CellValue;
  /** An Excel number format for the column, or per row (a figure in % is formatted, one in tonnes is not). */
  numFmt?: string | ((row: T) => string | undefined);
}

/** The number of percent (26.5 for 26.5%, as in JSONL) shown with a % sign; the cell keeps 26.5. */
export const NUMBER_OF_PERCENT = 'General"%"';
/** A 0..1 fraction shown as a percentage (0.97 → 97%). */
export const FRACTION_AS_PERCENT = '0%';
export const TIMESTAMP = 'yyyy-mm-dd hh:mm:ss';

const MAX_WIDTH = 60;

function displayWidth(value: CellValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return 19;
  return String(value).length;
}

export function addTableSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: SheetColumn<T>[], rows: T[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header }));
  sheet.getRow(1).font = { bold: true };
  const widths = columns.map((c) => c.header.length);
  for (const row of rows) {
    const values = columns.map((c) => c.value(row));
    const added = sheet.addRow(values.map((v) => (v === null || v === '' ? undefined : v)));
    columns.forEach((c, i) => {
      widths[i] = Math.max(widths[i], displayWidth(values[i]));
      const format = typeof c.numFmt === 'function' ? c.numFmt(row) : c.numFmt;
      if (format && values[i] !== null && values[i] !== '') added.getCell(i + 1).numFmt = format;
    });
  }
  columns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, widths[i] + 2);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}
