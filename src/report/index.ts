// The report stage: report.html (self-contained), summary.md, findings.csv and decisions.csv (for the review
// loop) written into one folder from what the store holds now.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreReader } from '../store/reader.ts';
import { decisionsCsv } from '../review/decisions-csv.ts';
import { loadReport, type ReportData } from './data.ts';
import { findingsCsv } from './findings-csv.ts';
import { reportPage } from './html/page.ts';
import { summaryMarkdown } from './markdown.ts';

export interface WrittenReport {
  files: { html: string; markdown: string; findings: string; decisions: string };
  data: ReportData;
}

export async function writeReport(reader: StoreReader, outDir: string, databaseLabel: string): Promise<WrittenReport> {
  const data = await loadReport(reader, databaseLabel);
  mkdirSync(outDir, { recursive: true });
  const files = {
    html: join(outDir, 'report.html'),
    markdown: join(outDir, 'summary.md'),
    findings: join(outDir, 'findings.csv'),
    decisions: join(outDir, 'decisions.csv'),
  };
  writeFileSync(files.html, reportPage(data).markup);
  writeFileSync(files.markdown, summaryMarkdown(data));
  writeFileSync(files.findings, findingsCsv(data.findings));
  const findings = data.findings.map((f) => ({ ...f, acknowledgedBy: f.acknowledged?.decidedBy ?? null }));
  writeFileSync(files.decisions, decisionsCsv(findings, data.observations));
  return { files, data };
}
