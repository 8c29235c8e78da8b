// Which pages are OCRed: pages without a text layer and pages whose text layer is garbage, when the pipeline
// allows OCR; never pages with good text. Without OCR (the text-only pipeline) scans are refused as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelines } from '../../pipelines/index.ts';
import { ingestPdf } from '../../src/ingest/pdf/ingest.ts';
import { shutdownOcr } from '../../src/ocr/shared-engine.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import { FIXTURES } from '../support/compare.ts';

const bytesOf = (...path: string[]) => new Uint8Array(readFileSync(join(FIXTURES, ...path)));

afterAll(shutdownOcr);

describe('OCR is for pages without usable text', () => {
  it('a born-digital PDF is read from its text layer, even with OCR allowed', async () => {
    const result = await ingestPdf(bytesOf('pdf', '02-eastwell-ridgeway-scorecard.ruled.pdf'), { fileName: 'x.pdf', contentHash: 'x', ocr: true });
    expect(result.messages.filter((m) => m.rule.startsWith('ocr:'))).toEqual([]);
    expect(result.pageImages).toEqual([]);
  });

  it('without OCR (text-only), a scan is refused with what to do, and so is a garbage text layer', async () => {
    const scan = await pipelines['text-only'].process(bytesOf('scanned', '02-eastwell-ridgeway-scorecard.scan.pdf'), 'scan.pdf');
    expect(scan.ok ? '' : `${scan.reason} — ${scan.advice}`).toMatch(/^no text layer \(scanned\) — needs OCR/);
    const garbage = await pipelines['text-only'].process(bytesOf('scanned', '10-quarrybank-lowfield-cp1252.bad-text-layer.pdf'), 'garbage.pdf');
    expect(garbage.ok ? '' : garbage.reason).toMatch(/^unreadable text layer/);
  });

  it('in a mixed PDF only the page with a garbage text layer is OCRed; both pages give their values', { timeout: 120_000 }, async () => {
    const mixed = await PDFDocument.create();
    for (const source of [bytesOf('pdf', '05-ashcombe-quarterly-report.ruled.pdf'), bytesOf('scanned', '10-quarrybank-lowfield-cp1252.bad-text-layer.pdf')]) {
      const doc = await PDFDocument.load(source);
      const [page] = await mixed.copyPages(doc, [0]);
      mixed.addPage(page);
    }
    const result = await processBytes(await mixed.save(), 'mixed.pdf', { ocr: true });
    if (!result.ok) throw new Error(result.reason);
    expect(result.messages.filter((m) => m.rule === 'ocr:page').map((m) => m.text)).toEqual([expect.stringMatching(/^page 2 read by OCR \(unreadable text layer\): \d+ words/)]);
    const byPage = (page: number) => result.result.observations.filter((o) => o.source.provenance.page === page);
    expect(byPage(1).length).toBeGreaterThan(5);
    expect(byPage(2).length).toBeGreaterThan(5);
    // Only OCR values carry word confidences, and only they get a crop of the page for review.
    expect(byPage(1).every((o) => o.source.provenance.ocrConfidence === undefined)).toBe(true);
    expect(byPage(2).every((o) => o.source.provenance.ocrConfidence !== undefined)).toBe(true);
    expect(new Set(result.crops.map((c) => c.page))).toEqual(new Set([2]));
    expect(result.crops.map((c) => c.observationId).sort()).toEqual(byPage(2).map((o) => o.id).sort());
    for (const o of byPage(2).filter((x) => x.state === 'value')) {
      const words = o.source.spans ?? [];
      expect(words.length).toBeGreaterThan(0);
      expect(o.confidence).toBeLessThanOrEqual(Math.min(...words.map((s) => s.provenance!.ocrConfidence!)) + 1e-9);
    }
  });
});
