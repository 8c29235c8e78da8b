// summary.md: counts per check and per document, every error and warning in one line each, and decisions
// that lost their target. Document words are entity-escaped (the HTML helper) and stripped of Markdown syntax.
import type { Severity } from '../model/message.ts';
import { describeSnapshot } from '../review/orphans.ts';
import { formatShare } from '../unread/types.ts';
import type { ReportData, ReportFinding } from './data.ts';
import { escapeHtml } from './html/safe-html.ts';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Text from a document or a finding, safe inside a Markdown table cell or list item. */
export function mdText(text: string): string {
  return escapeHtml(text).replace(/[\\`*_[\]|#]/g, (ch) => `\\${ch}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function findingLine(f: ReportFinding): string {
  const where = [f.indicator, f.documents.join(', ')].filter(Boolean).map((s) => mdText(s!)).join(', ');
  const ack = f.acknowledged ? ` — acknowledged by ${mdText(f.acknowledged.decidedBy)}` : '';
  return `- **${f.severity}** ${f.check} (${where}): ${mdText(f.message)} \`${f.id}\`${ack}`;
}

export function summaryMarkdown(data: ReportData): string {
  const c = data.counts;
  const byCheck = data.checks.map((check) => [check.id, ...SEVERITIES.map((s) => c.byCheck[check.id]?.[s] ?? 0), mdText(check.describe)]);
  const byDocument = data.documents.map((d) => {
    const mine = data.findings.filter((f) => f.documents.includes(d.info.fileName));
    const observations = data.observations.filter((o) => o.documentId === d.info.id).length;
    const f = d.figures;
    return [
      mdText(d.info.fileName), mdText(d.info.partnership ?? '—'), d.indicators.length, observations, ...SEVERITIES.map((s) => mine.filter((f) => f.severity === s).length),
      f?.near ?? '–', f?.unread ?? '–', formatShare(f?.share ?? null),
    ];
  });
  const serious = data.findings.filter((f) => f.severity !== 'info');
  const orphans = data.orphans.map((o) => `- ${o.kind}: ${o.decision.action} \`${o.targetId}\` — ${mdText(describeSnapshot(o.decision.previous))}: ${mdText(o.reason)}`);
  return [
    '# planharvest findings',
    '',
    `${mdText(data.database)}: ${data.documents.length} documents, ${data.observations.length} observations, ${c.total} findings ` +
      `(${c.bySeverity.error} errors, ${c.bySeverity.warning} warnings, ${c.bySeverity.info} info). Generated ${data.generatedAt}.`,
    '',
    'Details, source text and filters: `report.html`. All findings: `findings.csv`. To review, fill in `decisions.csv` and run `planharvest decisions apply`.',
    '',
    '## Findings by check',
    '',
    table(['check', ...SEVERITIES, 'what it looks for'], byCheck),
    '',
    '## Documents',
    '',
    table(['document', 'partnership', 'indicators', 'observations', ...SEVERITIES, 'figures near indicators', 'unread', 'unread share'], byDocument),
    '',
    'Figures near indicators: figures in the same table row, cell or sentence as an indicator mention (not dates, money, list or page numbers); ' +
      'unread: no observation was read from them (check `unread-figures`). The unread share is a recall signal for documents without annotations.',
    '',
    `## Errors and warnings (${serious.length})`,
    '',
    ...(serious.length ? serious.map(findingLine) : ['None.']),
    '',
    `## Decisions that no longer apply (${data.orphans.length})`,
    '',
    ...(orphans.length ? orphans : ['None.']),
    '',
  ].join('\n');
}
