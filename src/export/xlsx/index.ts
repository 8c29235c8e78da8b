// `export --format xlsx`: one workbook a new performance system (or an analyst) can load — documents,
// indicators, observations (the export records, review decisions applied), findings and decisions.
import ExcelJS from 'exceljs';
import { reviewedFindings } from '../../report/data.ts';
import { findingRow } from '../../report/findings-csv.ts';
import type { StoreReader } from '../../store/reader.ts';
import { flatRecord } from '../csv.ts';
import { flatIndicatorRecord } from '../indicator-csv.ts';
import { readIndicatorRecords } from '../indicator-records.ts';
import { readExportRecords, type ExportOptions } from '../records.ts';
import { DECISION_COLUMNS, DOCUMENT_COLUMNS, FINDING_SHEET_COLUMNS, INDICATOR_COLUMNS, OBSERVATION_COLUMNS } from './sheets.ts';
import { addTableSheet } from './table-sheet.ts';

export const SHEET_NAMES = ['documents', 'indicators', 'observations', 'findings', 'decisions'] as const;

/**
 * The workbook as bytes. Export options filter the observations sheet; the indicators sheet lists every
 * indicator, counting the observations the observations sheet holds; the other sheets are whole.
 */
export async function exportWorkbook(reader: StoreReader, options: ExportOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'planharvest';
  const decisions = await reader.decisions();
  addTableSheet(workbook, 'documents', DOCUMENT_COLUMNS, await reader.documents());
  addTableSheet(workbook, 'indicators', INDICATOR_COLUMNS, (await readIndicatorRecords(reader, options)).map(flatIndicatorRecord));
  addTableSheet(workbook, 'observations', OBSERVATION_COLUMNS, (await readExportRecords(reader, options)).map(flatRecord));
  addTableSheet(workbook, 'findings', FINDING_SHEET_COLUMNS, reviewedFindings(await reader.findings(), decisions).map(findingRow));
  addTableSheet(workbook, 'decisions', DECISION_COLUMNS, decisions);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
