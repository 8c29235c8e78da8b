// Everything a report shows, loaded once: documents with their indicators (values and findings), findings
// that compare documents, acknowledgements, orphaned decisions and counts. Worst first throughout. Read
// through the store's reader (src/store/reader.ts), so a report is the same from either engine.

import { severityRank } from '../model/finding.ts';
import type { Severity } from '../model/message.ts';
import { CHECKS } from '../reconcile/checks/index.ts';
import { countFindings, type FindingCounts, type StoredFinding } from '../reconcile/store.ts';
import { acknowledgement } from '../review/apply.ts';
import { decisionsByTarget, type Decision } from '../review/decisions.ts';
import { orphansIn, type Orphan } from '../review/orphans.ts';
import { reviewObservations, type ReviewedObservation } from '../review/reviewed.ts';
import { targetsOf } from '../review/targets.ts';
import type { StoredCrop } from '../store/crops.ts';
import type { DocumentInfo, StoredIndicator } from '../store/read.ts';
import type { StoreReader } from '../store/reader.ts';
import type { FigureCounts } from '../store/unread.ts';

export interface ReportFinding extends StoredFinding {
  /** Every document the evidence comes from. */
  documents: string[];
  acknowledged: Decision | null;
  /** An acknowledgement that no longer covers the finding (it has become more severe). */
  staleAcknowledgement: Decision | null;
  /** Page image crops around evidence values read by OCR, by observation id. */
  crops?: Map<string, StoredCrop>;
}

/**
 * Findings whose evidence shows the page image around the value: a low-confidence reading is judged by
 * looking at what was read. Other checks are about what the figures mean, which a crop does not help with.
 */
const CHECKS_WITH_CROPS = new Set(['low-confidence']);

export interface ReportIndicator {
  document: string;
  code: string;
  title: string | null;
  catalogueTitle: string | null;
  aliases: string[];
  observations: ReviewedObservation[];
  findings: ReportFinding[];
  worst: Severity | null;
}

export interface ReportDocument {
  info: DocumentInfo;
  indicators: ReportIndicator[];
  /** Findings about the document but no one indicator. */
  findings: ReportFinding[];
  worst: Severity | null;
  /** Figures beside indicator mentions and how many were left unread (the unread-figures check). */
  figures: FigureCounts | null;
}

export interface ReportData {
  generatedAt: string;
  database: string;
  documents: ReportDocument[];
  /** Findings whose evidence spans documents, or no document at all. */
  across: ReportFinding[];
  findings: ReportFinding[];
  observations: ReviewedObservation[];
  orphans: Orphan[];
  counts: FindingCounts;
  checks: Array<{ id: string; severity: Severity; describe: string }>;
}

function worstOf(findings: ReportFinding[]): Severity | null {
  return findings.reduce<Severity | null>((w, f) => (w === null || severityRank(f.severity) < severityRank(w) ? f.severity : w), null);
}

function byWorst<T extends { worst: Severity | null }>(items: T[]): T[] {
  const rank = (s: Severity | null) => (s === null ? 3 : severityRank(s));
  return items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item.worst) - rank(b.item.worst) || a.i - b.i).map((x) => x.item);
}

function withReview(findings: StoredFinding[], decisions: Map<string, Decision[]>): ReportFinding[] {
  return findings.map((f) => {
    const ack = acknowledgement(f.severity, decisions.get(f.id) ?? []);
    const documents = [...new Set([...(f.document ? [f.document] : []), ...f.evidence.map((e) => e.document)])];
    return { ...f, documents, acknowledged: ack.current, staleAcknowledgement: ack.stale };
  });
}

/** The stored crops of the evidence values of the findings that show them. */
async function withCrops(reader: StoreReader, findings: ReportFinding[]): Promise<ReportFinding[]> {
  const shown = (f: ReportFinding) => (CHECKS_WITH_CROPS.has(f.check) ? f.evidence.flatMap((e) => (e.observationId ? [e.observationId] : [])) : []);
  const crops = await reader.crops(findings.flatMap(shown));
  if (!crops.size) return findings;
  return findings.map((f) => {
    const own = new Map(shown(f).flatMap((id) => (crops.has(id) ? [[id, crops.get(id)!] as const] : [])));
    return own.size ? { ...f, crops: own } : f;
  });
}

function indicatorsOf(doc: DocumentInfo, named: StoredIndicator[], observations: ReviewedObservation[], findings: ReportFinding[]): ReportIndicator[] {
  const codes = [...new Set([...named.map((i) => i.code), ...observations.map((o) => o.indicator), ...findings.flatMap((f) => (f.indicator ? [f.indicator] : []))])];
  return codes.map((code) => {
    const ind = named.find((i) => i.code === code);
    const own = observations.filter((o) => o.indicator === code);
    const its = findings.filter((f) => f.indicator === code);
    return {
      document: doc.fileName, code, title: ind?.title ?? own[0]?.indicatorTitle ?? null, catalogueTitle: ind?.catalogueTitle ?? own[0]?.catalogueTitle ?? null,
      aliases: ind?.aliases ?? own[0]?.aliases ?? [], observations: own, findings: its, worst: worstOf(its),
    };
  });
}

/** The current findings, worst first, with the acknowledgement in force on each (the report and the XLSX export). */
export function reviewedFindings(findings: StoredFinding[], decisions: Decision[]): ReportFinding[] {
  return withReview(findings, decisionsByTarget(decisions));
}

export async function loadReport(reader: StoreReader, database: string): Promise<ReportData> {
  const decisions = await reader.decisions();
  const stored = await reader.findings();
  const findings = await withCrops(reader, reviewedFindings(stored, decisions));
  const read = await reader.observations();
  const observations = reviewObservations(read, decisions);
  const indicators = await reader.indicators();
  const single = findings.filter((f) => f.documents.length === 1);
  const figures = new Map((await reader.figureCounts()).map((c) => [c.documentId, c]));
  const documents = (await reader.documents()).map((info): ReportDocument => {
    const mine = single.filter((f) => f.documents[0] === info.fileName);
    const inds = indicatorsOf(info, indicators.filter((i) => i.documentId === info.id), observations.filter((o) => o.documentId === info.id), mine.filter((f) => f.indicator));
    const general = mine.filter((f) => !f.indicator);
    return { info, indicators: byWorst(inds), findings: general, worst: worstOf(mine), figures: figures.get(info.id) ?? null };
  });
  return {
    generatedAt: new Date().toISOString(),
    database,
    documents: byWorst(documents),
    across: findings.filter((f) => f.documents.length !== 1),
    findings,
    observations,
    orphans: orphansIn(targetsOf(read, stored, decisions)),
    counts: countFindings(findings),
    checks: CHECKS.map((c) => ({ id: c.id, severity: c.severity, describe: c.describe })),
  };
}
