// Export records exactly as ../shared/CONTRACT.md describes them; the zod schema is the contract in code.
import * as z from 'zod';
import type Database from 'better-sqlite3';

export const ExportRecord = z.object({
  document: z.string(),
  partnership: z.string().nullable(),
  indicator: z.string(),
  aliases: z.array(z.string()),
  indicator_title: z.string().nullable(),
  catalogue_title: z.string().nullable(),
  inferred: z.boolean(),
  kind: z.enum(['baseline', 'target', 'result']),
  state: z.enum(['value', 'pending']),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  area: z.string().nullable(),
  relative_change: z.number().nullable(),
  denominator: z.number().nullable(),
  confidence: z.number().min(0).max(1),
  source: z.object({
    page: z.number().int().nullable(),
    line: z.number().int().nullable(),
    text: z.string(),
  }),
  // Additions beyond the contract's first fields (allowed: "add fields freely").
  id: z.string(),
  pending_reason: z.string().nullable(),
  confidence_reasons: z.array(z.string()),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

interface Row {
  id: string;
  file_name: string;
  partnership: string | null;
  indicator_code: string;
  aliases_json: string;
  title: string | null;
  catalogue_title: string | null;
  inferred: number;
  kind: ExportRecord['kind'];
  state: ExportRecord['state'];
  value: number | null;
  unit: string | null;
  period: string | null;
  area: string | null;
  relative_change: number | null;
  denominator: number | null;
  confidence: number;
  page: number | null;
  line: number | null;
  text: string;
  pending_reason: string | null;
  confidence_reasons_json: string;
}

export function exportRecords(db: Database.Database): ExportRecord[] {
  const rows = db
    .prepare(
      `SELECT o.id, d.file_name, d.partnership, o.indicator_code, i.aliases_json, i.title, i.catalogue_title, i.inferred,
              o.kind, o.state, o.value, o.unit, o.period, o.area, o.relative_change, o.denominator, o.confidence,
              p.page, p.line, p.text, o.pending_reason, o.confidence_reasons_json
       FROM observations o
       JOIN documents d ON d.id = o.document_id
       JOIN indicators i ON i.document_id = o.document_id AND i.code = o.indicator_code
       LEFT JOIN provenance p ON p.observation_id = o.id AND p.role = 'value'
       ORDER BY d.file_name, d.path, o.ordinal`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    document: r.file_name,
    partnership: r.partnership,
    indicator: r.indicator_code,
    aliases: JSON.parse(r.aliases_json) as string[],
    indicator_title: r.title,
    catalogue_title: r.catalogue_title,
    inferred: r.inferred === 1,
    kind: r.kind,
    state: r.state,
    value: r.value,
    unit: r.unit,
    period: r.period,
    area: r.area,
    relative_change: r.relative_change,
    denominator: r.denominator,
    confidence: r.confidence,
    source: { page: r.page, line: r.line, text: r.text ?? '' },
    id: r.id,
    pending_reason: r.pending_reason,
    confidence_reasons: JSON.parse(r.confidence_reasons_json) as string[],
  }));
}
