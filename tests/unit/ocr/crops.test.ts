// Crops around OCR values: cut from the page image, kept with the observation in the store (migration 004),
// and embedded in the low-confidence finding card of the HTML report.
import { loadImage } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/model/observation.ts';
import { cropValues } from '../../../src/ocr/crops.ts';
import { encodeGreyPng } from '../../../src/ocr/png.ts';
import { processBytes } from '../../../src/pipeline/process.ts';
import { reconcileStore } from '../../../src/reconcile/index.ts';
import { loadReport } from '../../../src/report/data.ts';
import { reportPage } from '../../../src/report/html/page.ts';
import { readCrops } from '../../../src/store/crops.ts';
import { openStore } from '../../../src/store/index.ts';
import { SEEDS, tempDir } from '../../support/run.ts';
import { fill, paper } from './draw.ts';

function observationAt(id: string, page: number, box: [number, number, number, number]): Observation {
  const provenance = { file: 'scan.pdf', page, box };
  return {
    id, indicator: { code: 'NI 54', scheme: 'NI', aliases: [], title: null, catalogueTitle: null, inferred: false, matchScore: null, source: { provenance, text: 'NI 54', start: 0, end: 5 } },
    kind: 'target', state: 'value', value: 43, unit: '%', period: '2008/09', area: null, relativeChange: null, denominator: null, pendingReason: null,
    confidence: 0.5, confidenceReasons: [], source: { provenance, text: '43%', start: 0, end: 3 }, headerSource: null, repairs: [],
  };
}

describe('crops around values read by OCR', () => {
  it('are cut from the page the value is on, small, with the value framed', async () => {
    const image = paper(1240, 1754); // an A4 page at 150 dpi: 2.08 px per point
    fill(image, 208, 208, 260, 229);
    const crops = cropValues([observationAt('obs_a', 1, [100, 100, 125, 110]), observationAt('obs_b', 2, [100, 100, 125, 110])], [{ page: 1, image, pixelsPerUnit: 150 / 72 }]);
    expect(crops.map((c) => c.observationId)).toEqual(['obs_a']); // page 2 was not OCRed: no image, no crop
    const [crop] = crops;
    expect(crop.width).toBeLessThanOrEqual(520);
    expect(crop.height).toBeLessThanOrEqual(140);
    expect(crop.box).toEqual([100, 100, 125, 110]);
    const decoded = await loadImage(Buffer.from(crop.png));
    expect([decoded.width, decoded.height]).toEqual([crop.width, crop.height]);
  });

  it('are stored with their observation, replaced with their document, and shown in the low-confidence card', async () => {
    const file = '003_b93e07daa693e4b6.txt';
    const r = await processBytes(new Uint8Array(readFileSync(join(SEEDS, file))), file);
    if (!r.ok) throw new Error(r.reason);
    const store = openStore(join(tempDir(), 's.db'));
    const [first, second] = r.result.observations;
    const png = encodeGreyPng(paper(30, 10));
    const crops = [first, second].map((o) => ({ observationId: o.id, page: 1, box: [1, 2, 3, 4] as [number, number, number, number], width: 30, height: 10, png }));
    store.saveDocument(store.beginRun('test'), '/docs/plan.txt', r.document, r.result, [], crops);
    expect([...readCrops(store.db, [first.id, second.id, 'obs_none']).keys()]).toEqual([first.id, second.id]);

    reconcileStore(store.db, { trigger: 'report', options: { confidenceThreshold: 0.99 } });
    const report = await loadReport(store.reader(), 's.db');
    const card = report.findings.find((f) => f.check === 'low-confidence' && f.evidence[0].observationId === first.id)!;
    expect(card.crops?.get(first.id)?.png).toEqual(png);
    expect(report.findings.filter((f) => f.check !== 'low-confidence').every((f) => !f.crops)).toBe(true);
    const markup = reportPage(report).markup;
    expect(markup).toContain(`<img src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`);
    expect(markup.split('<figure class="crop">').length - 1).toBe(2);

    store.saveDocument(store.beginRun('test'), '/docs/plan.txt', { ...r.document, contentHash: 'changed' }, r.result, []);
    expect(readCrops(store.db, [first.id, second.id]).size).toBe(0);
    store.close();
  });
});
