// Office twins of the text fixtures read back to the same tables, the hand-made merged-cells document keeps
// its spans in every format, and bad inputs are refused with a reason (never a crash).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingesters } from '../../src/ingest/registry.ts';
import { textExportIngester } from '../../src/ingest/text-export/index.ts';
import { RejectedInput, type IngestOptions } from '../../src/ingest/types.ts';
import { PlanDocument, type Block, type Table } from '../../src/model/document.ts';
import type { Message } from '../../src/model/message.ts';
import { FIXTURES } from '../support/compare.ts';
import { gridDifference, normaliseCell, tableGrid, tidyGrid, type Grid } from '../support/table-grid.ts';
import { requireTool } from '../support/tools.ts';

const OFFICE = join(FIXTURES, 'office');
const BAD = join(OFFICE, 'bad');

type Outcome =
  | { ok: true; format: string; doc: PlanDocument; messages: Message[] }
  | { ok: false; format: string | null; rejected: RejectedInput };

/** What the pipeline does with a file: the first ingester that sniffs it reads it, by bytes only. */
async function ingestFile(path: string, extra: Partial<IngestOptions> = {}): Promise<Outcome> {
  const bytes = new Uint8Array(readFileSync(path));
  const ingester = ingesters.find((i) => i.sniff(bytes));
  if (!ingester) return { ok: false, format: null, rejected: new RejectedInput('no ingester', '') };
  try {
    const result = await ingester.ingest(bytes, { fileName: path.split('/').pop()!, contentHash: 'test', ...extra });
    // Every office reading is a valid PlanDocument.
    const doc = PlanDocument.parse(result.value);
    return { ok: true, format: ingester.format, doc, messages: result.messages };
  } catch (error) {
    if (error instanceof RejectedInput) return { ok: false, format: ingester.format, rejected: error };
    throw error;
  }
}

function tables(doc: PlanDocument): Table[] {
  return doc.blocks.filter((b): b is Table => b.kind === 'table');
}

function grid(table: Table): Grid {
  return tidyGrid(tableGrid(table), false);
}

/** `expected` appears as a block of `actual`, and every row outside the block is a one-cell line of text. */
function gridAmongTextRows(expected: Grid, actual: Grid): string | null {
  for (let offset = 0; offset + expected.length <= actual.length; offset++) {
    if (gridDifference(expected, actual.slice(offset, offset + expected.length)) !== null) continue;
    const outside = [...actual.slice(0, offset), ...actual.slice(offset + expected.length)];
    const wide = outside.find((row) => row.filter(Boolean).length > 1);
    return wide ? `a row outside the table has several cells: [${wide.join(' | ')}]` : null;
  }
  return `the twin's ${expected.length}-row table is not among the ${actual.length} rows`;
}

/** Every word of the document outside tables, in order. */
function proseWords(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'heading') parts.push(b.text);
    else if (b.kind === 'list') parts.push(...b.items.map((i) => i.text));
  }
  return normaliseCell(parts.join(' '));
}

const stems = readdirSync(join(FIXTURES, 'text'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

const TWINS: Array<{ ext: string; format: string; tablesOnly: boolean }> = [
  { ext: 'html', format: 'html', tablesOnly: false },
  { ext: 'docx', format: 'docx', tablesOnly: false },
  { ext: 'doc', format: 'doc', tablesOnly: false },
  { ext: 'xlsx', format: 'xlsx', tablesOnly: true },
  { ext: 'csv', format: 'csv', tablesOnly: true },
];

async function textTwin(stem: string): Promise<PlanDocument> {
  const bytes = readFileSync(join(FIXTURES, 'text', `${stem}.txt`));
  return (await textExportIngester.ingest(bytes, { fileName: `${stem}.txt`, contentHash: 'test' })).value;
}

describe('office twins of the text fixtures', () => {
  it('has twins for every text fixture', () => {
    for (const stem of stems) {
      for (const ext of ['html', 'docx', 'doc']) expect(existsSync(join(OFFICE, `${stem}.${ext}`)), `${stem}.${ext}`).toBe(true);
    }
  });

  for (const stem of stems) {
    for (const twin of TWINS) {
      const path = join(OFFICE, `${stem}.${twin.ext}`);
      if (!existsSync(path)) continue;
      it(`${stem}.${twin.ext} has the text twin's tables`, async () => {
        const text = await textTwin(stem);
        const outcome = await ingestFile(path);
        if (!outcome.ok) throw new Error(`rejected: ${outcome.rejected.message}`);
        expect(outcome.format).toBe(twin.format);
        const expected = tables(text).map(grid);
        const actual = tables(outcome.doc).map(grid);
        const wanted = twin.ext === 'csv' ? expected.slice(0, 1) : expected;
        expect(actual.length, 'table count').toBe(wanted.length);
        // Spreadsheet twins carry the document's text as one-cell title and note rows around each table.
        wanted.forEach((g, i) => expect(twin.tablesOnly ? gridAmongTextRows(g, actual[i]) : gridDifference(g, actual[i]), `table ${i}`).toBeNull());
        if (!twin.tablesOnly) {
          expect(proseWords(outcome.doc.blocks)).toBe(proseWords(text.blocks));
          expect(outcome.doc.partnership).toBe(text.partnership);
          expect(outcome.doc.title).toBe(text.title);
        }
      });
    }
  }

  it('keeps bold/underline from the export as span styles (docx and doc)', async () => {
    for (const ext of ['docx', 'doc', 'html']) {
      const outcome = await ingestFile(join(OFFICE, `01-northmoor-laa-delivery-plan.${ext}`));
      if (!outcome.ok) throw new Error(outcome.rejected.message);
      const cell = tables(outcome.doc)[0].rows[2].cells[0];
      expect(cell.text, ext).toMatch(/^Baseline 31%/);
      expect(cell.spans.find((s) => s.style?.underline), ext).toMatchObject({ start: 0, end: 8 });
    }
  });

  it('reads typed numbers and percent formats from the xlsx twin', async () => {
    const outcome = await ingestFile(join(OFFICE, '02-eastwell-ridgeway-scorecard.xlsx'));
    if (!outcome.ok) throw new Error(outcome.rejected.message);
    const [safer, healthier] = tables(outcome.doc);
    // Title rows (one cell each) come first on each sheet; the table starts at its header row.
    const headerOf = (t: Table) => t.rows.findIndex((r) => r.cells.filter((c) => c.text).length > 1);
    const s0 = headerOf(safer);
    const h0 = headerOf(healthier);
    expect(safer.rows[s0].header).toBe(true);
    expect(safer.rows[s0 + 1].cells[1]).toMatchObject({ text: '0.61', number: 0.61, numberFormat: '0.00' });
    expect(healthier.rows[h0 + 1].cells[1]).toMatchObject({ text: '41.2%', number: 41.2, numberFormat: '0.0%' });
    expect(healthier.rows[h0 + 2].cells[1]).toMatchObject({ text: '1,412', number: 1412, numberFormat: '#,##0' });
    expect(healthier.rows[h0 + 1].cells[1].provenance).toMatchObject({ sheet: 'Table 2', address: `B${h0 + 2}`, row: h0 + 1, col: 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------

interface ExpectedCell {
  col: number;
  colSpan: number;
  rowSpan: number;
  text: string;
}
interface MergedExpectation {
  title: string;
  tables: Array<{ nestedOnly?: boolean; headerRows: number; rows: ExpectedCell[][] }>;
}

const merged = JSON.parse(readFileSync(join(OFFICE, 'merged-cells.expected.json'), 'utf8')) as MergedExpectation;

function cellShapes(table: Table): ExpectedCell[][] {
  return table.rows.map((r) => r.cells.map((c) => ({ col: c.col, colSpan: c.colSpan, rowSpan: c.rowSpan, text: normaliseCell(c.text) })));
}

describe('merged cells, a nested table and a table over a page break', () => {
  const cases: Array<{ ext: string; nested: boolean; options?: Partial<IngestOptions> }> = [
    { ext: 'docx', nested: true },
    { ext: 'html', nested: true },
    { ext: 'doc', nested: true },
    { ext: 'doc', nested: true, options: { useLibreOffice: true } },
    { ext: 'xlsx', nested: false },
  ];
  for (const c of cases) {
    const label = `merged-cells.${c.ext}${c.options?.useLibreOffice ? ' (via LibreOffice)' : ''}`;
    it(`${label}: spans kept once, grid columns right, headers marked`, async () => {
      if (c.options?.useLibreOffice) requireTool('soffice', 'libreoffice-writer-nogui');
      const outcome = await ingestFile(join(OFFICE, `merged-cells.${c.ext}`), c.options);
      if (!outcome.ok) throw new Error(outcome.rejected.message);
      // Read through LibreOffice, not the direct reader it falls back to when a conversion fails.
      if (c.options?.useLibreOffice) expect(outcome.messages.map((m) => m.rule), JSON.stringify(outcome.messages)).toContain('ingest:doc-libreoffice');
      const want = merged.tables.filter((t) => c.nested || !t.nestedOnly);
      const got = tables(outcome.doc);
      expect(got.length).toBe(want.length);
      want.forEach((t, i) => {
        const expected = t.rows.map((r) => r.map((cell) => ({ ...cell, text: normaliseCell(cell.text) })));
        expect(cellShapes(got[i]), `table ${i}`).toEqual(expected);
        expect(got[i].rows.map((r) => r.header), `header rows of table ${i}`).toEqual(t.rows.map((_, r) => r < t.headerRows));
        expect(got[i].index).toBe(i);
      });
      // A merged cell's text appears once: never copied into the grid slots it covers.
      const all = got[0].rows.flatMap((r) => r.cells.map((cell) => cell.text));
      expect(all.filter((t) => t === 'Targets')).toHaveLength(1);
      expect(all.filter((t) => t === 'Safer')).toHaveLength(1);
      expect(all.filter((t) => t.startsWith('To be set'))).toHaveLength(1);
      // Cell provenance locates the cell.
      const target = got[0].rows[4].cells.find((cell) => cell.text.startsWith('To be set'))!;
      expect(target.provenance).toMatchObject({ table: 0, row: 4, col: 3 });
      if (c.ext === 'xlsx') expect(target.provenance).toMatchObject({ sheet: 'LAA targets', address: 'D5' });
      else expect(target.provenance.line).toBe(got[0].provenance.line);
      if (c.ext !== 'xlsx') {
        expect(outcome.doc.title).toBe(merged.title);
        expect(outcome.doc.partnership).toBe(merged.title);
        // The nested table comes right after the outer one.
        const i = outcome.doc.blocks.indexOf(got[0]);
        expect(outcome.doc.blocks[i + 1]).toBe(got[1]);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------------

describe('bad inputs', () => {
  const refused: Array<{ file: string; reason: RegExp; format?: string }> = [
    { file: 'not-a-zip.docx', reason: /binary data/ },
    { file: 'truncated.docx', reason: /damaged or incomplete zip/, format: 'docx' },
    { file: 'not-word.docx', reason: /not a Word document/, format: 'docx' },
    { file: 'zip-bomb.docx', reason: /zip bomb/, format: 'docx' },
    { file: 'zip-bomb-declared.docx', reason: /would inflate to more than 200 MB/, format: 'docx' },
    { file: 'zip-bomb-understated.docx', reason: /inflates past its declared size/, format: 'docx' },
    { file: 'password-protected.docx', reason: /^password-protected Word\/Excel file$/, format: 'doc' },
  ];
  for (const r of refused) {
    it(`${r.file} is refused with a reason`, async () => {
      const outcome = await ingestFile(join(BAD, r.file));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.rejected.reason).toMatch(r.reason);
      expect(outcome.rejected.advice.length).toBeGreaterThan(5);
      if (r.format) expect(outcome.format).toBe(r.format);
    });
  }

  it('tells the user to save an unprotected copy of a password-protected file', async () => {
    const outcome = await ingestFile(join(BAD, 'password-protected.docx'));
    expect(!outcome.ok && outcome.rejected.message).toBe('password-protected Word/Excel file — save an unprotected copy');
  });

  it('reads a macro-enabled document without running its macros, and says so', async () => {
    const outcome = await ingestFile(join(BAD, 'macros.docm'));
    if (!outcome.ok) throw new Error(outcome.rejected.message);
    expect(outcome.format).toBe('docx');
    expect(outcome.messages.map((m) => m.rule)).toContain('ingest:docx-macros-ignored');
    expect(tables(outcome.doc).length).toBeGreaterThan(0);
  });

  it('refuses the zip bomb quickly without inflating it', async () => {
    const started = Date.now();
    await ingestFile(join(BAD, 'zip-bomb.docx'));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a lower maxInflatedBytes refuses an ordinary document', async () => {
    const outcome = await ingestFile(join(OFFICE, '01-northmoor-laa-delivery-plan.docx'), { maxInflatedBytes: 1000 });
    expect(!outcome.ok && outcome.rejected.reason).toMatch(/would inflate to more than/);
  });

  it('never crashes on any office fixture', async () => {
    for (const dir of [OFFICE, BAD]) {
      for (const f of readdirSync(dir)) {
        if (f.endsWith('.json') || !f.includes('.')) continue;
        const outcome = await ingestFile(join(dir, f));
        expect(typeof outcome.ok, f).toBe('boolean');
      }
    }
  });
});
