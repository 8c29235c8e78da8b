// Every ingester the pipeline knows, in sniffing order: the first whose sniff() accepts the bytes reads them.
// A new input format is one new ingester added here; nothing downstream changes.
import type { Ingester } from './types.ts';
import { textExportIngester } from './text-export/index.ts';
import { docIngester } from './doc/index.ts';
import { docxIngester } from './docx/index.ts';
import { htmlIngester } from './html/index.ts';
import { csvIngester } from './sheet/csv.ts';
import { xlsxIngester } from './sheet/xlsx.ts';
import { imageIngester } from './image/index.ts';
import { pdfIngester } from './pdf/index.ts';

export const ingesters: Ingester[] = [
  // Binary formats first: their magic numbers are unambiguous.
  pdfIngester,
  // Page images (PNG, JPEG, TIFF): scans, read by OCR.
  imageIngester,
  // Office: a zip holding xl/workbook.xml is a workbook; any other zip goes to the Word ingester, which refuses
  // non-Word archives with a reason. Every OLE compound file goes to the .doc ingester (which refuses .xls,
  // password-protected files and the like).
  xlsxIngester,
  docxIngester,
  docIngester,
  // Markup: <!DOCTYPE html>, <html>, <table> ... at the start.
  htmlIngester,
  // CSV: consistent comma/semicolon columns and no tabs (tab-separated lines are the text export's tables).
  csvIngester,
  // Plain text last: it accepts anything that decodes as text.
  textExportIngester,
];
