// The review app (issue 14) in a real browser (Debian chromium through playwright-core), on a real SQLite store
// of seeds, a word-processor PDF, a scanned PDF (read by OCR) and a text export with markup planted in it:
// a finding reviewed end to end with the keyboard alone, its decision in the export; the highlight box on the
// value's place on a PDF page and on a scanned page; a table-level fix covering every figure of a column; two
// reviewers' pages never given the same item; a request without the page's token refused; planted markup shown
// as text; a decision on a figure changed since it was shown refused. Leaves a screenshot at output/review-app.png.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportRecords } from '../../src/export/records.ts';
import { decideWith } from '../../src/review/decide.ts';
import { serveReview, type RunningApp } from '../../src/review-app/index.ts';
import type { Store } from '../../src/store/index.ts';
import type { StoredObservation } from '../../src/store/read.ts';
import { launchChromium } from '../support/browser.ts';
import { FIXTURES } from '../support/compare.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'planharvest.js');
const SCREENSHOT = join(import.meta.dirname, '..', '..', 'output', 'review-app.png');
const PDF = '01-northmoor-laa-delivery-plan.ruled.pdf';
const SCAN = '02-eastwell-ridgeway-scorecard.scan.pdf';

// A text export of our own with markup where document text goes: it must show as text and never run.
const PLANTED = [
  'Testshire Local Strategic Partnership <script>window.__pwned=1</script>',
  '',
  'Delivery Plan 2008-11',
  '',
  'Performance Indicators: NI 6 Participation in regular volunteering <img src=x onerror="window.__pwned=2">',
  '',
  'Baseline: NI 6 17.5% (2008/09) <b onmouseover="window.__pwned=3">bold</b>',
  'Target: NI 6 19.0% (2010/11)',
  '',
].join('\n');

let store: Store;
let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** A page of its own browser session (its own cookie, so its own reviewer session), offline but for the app. */
async function reviewerPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => (route.request().url().startsWith(app.url) ? route.continue() : route.abort()));
  return page;
}

/** Waits until the page shows an item other than `key` (or, with `back`, the item `key` itself). */
async function shown(page: Page, key: string, back = false): Promise<void> {
  await page
    .waitForFunction(
      ([k, b]) => document.readyState === 'complete' && (document.querySelector('main.item') as HTMLElement | null)?.dataset.key !== undefined && ((document.querySelector('main.item') as HTMLElement).dataset.key === k) === b,
      [key, back] as const,
      { timeout: 15_000 },
    )
    .catch(async () => {
      throw new Error(`the page said: ${await page.locator('#message').textContent().catch(() => '')} (at ${page.url()})`);
    });
}

async function observationsOf(document: string): Promise<StoredObservation[]> {
  return (await store.reader().observations()).filter((o) => o.document === document);
}

/** Where the page shows a box, against where the stored box puts it on the shown page image. */
async function highlightAgainstStored(page: Page, o: StoredObservation): Promise<{ shown: number[]; expected: number[]; ink: number }> {
  const img = (await page.locator('.page img').boundingBox())!;
  const box = (await page.locator('.box.value').boundingBox())!;
  const ppu = Number(await page.locator('.box.value').getAttribute('data-ppu'));
  const [x0, y0, x1, y1] = o.source!.box!;
  // The value's box, drawn with 2 pixels to spare on each side.
  const expected = [img.x + x0 * ppu - 2, img.y + y0 * ppu - 2, (x1 - x0) * ppu + 4, (y1 - y0) * ppu + 4];
  // Dark pixels of the page image inside the box: the box sits on writing, not on blank paper.
  const ink = await page.evaluate(([bx0, by0, bx1, by1, scale]) => {
    const image = document.querySelector('.page img') as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(Math.floor(bx0 * scale), Math.floor(by0 * scale), Math.ceil((bx1 - bx0) * scale), Math.ceil((by1 - by0) * scale)).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 110) dark++;
    return dark;
  }, [x0, y0, x1, y1, ppu]);
  return { shown: [box.x, box.y, box.width, box.height], expected, ink };
}

beforeAll(async () => {
  const docs = join(tempDir(), 'docs');
  mkdirSync(docs);
  for (const seed of ['001_bb7cceca8e2011e9.txt', '003_b93e07daa693e4b6.txt']) copyFileSync(join(SEEDS, seed), join(docs, seed));
  copyFileSync(join(FIXTURES, 'pdf', PDF), join(docs, PDF));
  copyFileSync(join(FIXTURES, 'scanned', SCAN), join(docs, SCAN));
  writeFileSync(join(docs, 'planted.txt'), PLANTED);
  ({ store } = await importInto([docs]));
  app = await serveReview({ store, by: 'Ann', port: 0, sampleShare: 0.05, confidenceThreshold: 0.6 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
  store?.close();
});

describe('the review app', () => {
  it('serves on loopback by default and warns when told to listen elsewhere', async () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const dir = tempDir();
    const db = join(dir, 'cli.db');
    await importInto([join(SEEDS, '003_b93e07daa693e4b6.txt')], db).then(({ store: s }) => s.close());
    const started = (host: string[]) =>
      new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'review', 'serve', '--db', db, '--by', 'Bo', '--port', '0', ...host], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('\n')) child.kill('SIGTERM');
        });
        child.on('exit', () => resolve({ stdout, stderr }));
        child.on('error', reject);
      });
    const local = await started([]);
    expect(local.stdout).toMatch(/review app for .*cli\.db at http:\/\/127\.0\.0\.1:\d+\//);
    expect(local.stderr).toBe('');
    const open = await started(['--host', '0.0.0.0']);
    expect(open.stderr).toMatch(/warning: listening on 0\.0\.0\.0, not loopback/);
  });

  it('reviews findings end to end with the keyboard alone, and the decisions show in the export and the trail', async () => {
    const page = await reviewerPage();
    await page.goto(`${app.url}queue`);
    await page.keyboard.press('n');
    await page.waitForSelector('main.item');
    // Worst first: the queue starts with a finding.
    const first = await page.locator('main.item').evaluate((el: HTMLElement) => ({ ...el.dataset }));
    expect(first.finding).toMatch(/^fnd_/);
    await page.keyboard.press('k');
    await shown(page, first.key!);
    const acknowledged = (await store.reader().decisions()).find((d) => d.targetId === first.finding);
    expect(acknowledged).toMatchObject({ action: 'acknowledge', decidedBy: 'Ann', origin: 'app' });
    // Previous goes back to it; next goes on.
    await page.keyboard.press('p');
    await shown(page, first.key!, true);
    await page.keyboard.press('n');
    await shown(page, first.key!);

    /** On through the queue (skipping) to an item about a figure. */
    const nextFigure = async () => {
      let item = await page.locator('main.item').evaluate((el: HTMLElement) => ({ ...el.dataset }));
      for (let i = 0; i < 40 && !item.observation; i++) {
        await page.keyboard.press('s');
        await shown(page, item.key!);
        item = await page.locator('main.item').evaluate((el: HTMLElement) => ({ ...el.dataset }));
      }
      expect(item.observation).toMatch(/^obs_/);
      return item;
    };
    // Correct a figure in place: c, the new value, Enter.
    const corrected = await nextFigure();
    await page.keyboard.press('c');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('123.5');
    await page.keyboard.press('Enter');
    await shown(page, corrected.key!);
    const records = await readExportRecords(store.reader(), { includeRejected: true });
    expect(records.find((r) => r.id === corrected.observation)).toMatchObject({ value: 123.5, review_state: 'corrected', reviewed_by: 'Ann' });
    // Accept the next figure, reject the one after.
    const accepted = await nextFigure();
    await page.keyboard.press('a');
    await shown(page, accepted.key!);
    const rejected = await nextFigure();
    await page.keyboard.press('r');
    await shown(page, rejected.key!);
    const after = await readExportRecords(store.reader(), { includeRejected: true });
    expect(after.find((r) => r.id === accepted.observation)).toMatchObject({ review_state: 'accepted', reviewed_by: 'Ann' });
    expect(after.find((r) => r.id === rejected.observation)).toMatchObject({ review_state: 'rejected', reviewed_by: 'Ann' });
    expect((await readExportRecords(store.reader())).map((r) => r.id)).not.toContain(rejected.observation);
    // The trail says who, how and from where.
    const trail = (await store.reader().decisions()).filter((d) => d.origin === 'app');
    expect(trail.map((d) => d.action)).toEqual(['acknowledge', 'correct', 'accept', 'reject']);
    expect(pageErrors).toEqual([]);
  });

  it('draws the value\'s box where the store puts it on a word-processor PDF page, and on a scanned page', async () => {
    const page = await reviewerPage();
    for (const [document, minimumInk] of [[PDF, 20], [SCAN, 20]] as const) {
      const o = (await observationsOf(document)).find((x) => x.source?.box && x.source.page === 1 && x.state === 'value')!;
      expect(o, document).toBeDefined();
      await page.goto(`${app.url}item/${o.id}`);
      await page.waitForFunction(() => (window.document.querySelector('.page img') as HTMLImageElement | null)?.complete === true);
      const { shown, expected, ink } = await highlightAgainstStored(page, o);
      for (let i = 0; i < 4; i++) expect(Math.abs(shown[i] - expected[i]), `${document} edge ${i}`).toBeLessThan(1.5);
      expect(ink, document).toBeGreaterThan(minimumInk);
      // The value's words are marked in the text unit beside the page.
      expect(await page.locator('.unit.value mark.value').textContent()).toBe(o.source!.text.slice(o.source!.start, o.source!.end));
      if (document === PDF) {
        mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: false });
      }
    }
  });

  it('applies a table-level fix to every figure of the column as one decision, listed as such in the trail', async () => {
    const index = await store.reader().reviewIndex();
    const pdfRows = index.filter((r) => r.document === PDF && r.table !== null && r.col !== null);
    const column = (r: (typeof pdfRows)[number]) => pdfRows.filter((x) => x.documentId === r.documentId && x.table === r.table && x.col === r.col);
    const start = pdfRows.find((r) => column(r).length >= 3)!;
    const covered = column(start).map((r) => r.id);
    const page = await reviewerPage();
    await page.goto(`${app.url}item/${start.id}`);
    // "This column's figures are targets for 2009/10": the period, Tab to the unit, Tab to the kind, choose
    // targets by its first letter, back to a text box and Enter.
    await page.keyboard.press('t');
    await page.keyboard.type('2009/10');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('t');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await shown(page, start.id);
    const records = await readExportRecords(store.reader(), { includeRejected: true });
    for (const id of covered) expect(records.find((r) => r.id === id), id).toMatchObject({ period: '2009/10', kind: 'target', review_state: 'corrected' });
    // The analysts' view shows the reviewed kind too.
    const kinds = store.db.prepare(`SELECT DISTINCT kind FROM observations_flat WHERE observation_id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(covered));
    expect(kinds).toEqual(['target']);
    const trail = (await store.reader().decisions()).filter((d) => d.origin.startsWith('app:table-fix:'));
    expect(trail.map((d) => d.targetId).sort()).toEqual([...covered].sort());
    expect(new Set(trail.map((d) => d.origin)).size).toBe(1);
    expect(trail[0].comment).toMatch(new RegExp(`table-level fix [0-9a-f]+ \\(table \\d+, column \\d+, ${covered.length} figures: period 2009/10, kind target\\)`));
  });

  it('never gives two reviewers\' pages the same item', async () => {
    const [ann, bo] = [await reviewerPage(), await reviewerPage()];
    await ann.goto(`${app.url}next`);
    await bo.goto(`${app.url}next`);
    const [a, b] = [await ann.locator('main.item').getAttribute('data-key'), await bo.locator('main.item').getAttribute('data-key')];
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(a).not.toBe(b);
    // Opening the other's item by its address says it is open elsewhere.
    await bo.goto(`${app.url}item/${a}`);
    await expect(bo.locator('.claimed').textContent()).resolves.toMatch(/Another reviewer has this item open/);
  });

  it('refuses a state-changing request without the page\'s token, and a decision on a figure changed since it was shown', async () => {
    const page = await reviewerPage();
    const o = (await observationsOf('003_b93e07daa693e4b6.txt')).find((x) => x.state === 'value')!;
    await page.goto(`${app.url}item/${o.id}`);
    const post = (headers: Record<string, string>) =>
      page.evaluate(async (h) => (await fetch('/decide', { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: '{}' })).status, headers);
    expect(await post({})).toBe(403);
    expect(await post({ 'x-planharvest-token': 'guessed' })).toBe(403);
    const token = await page.locator('meta[name="planharvest-token"]').getAttribute('content');
    expect(await post({ 'x-planharvest-token': token! })).toBe(400);
    // Another request without the browser's cookie at all.
    expect((await fetch(`${app.url}decide`, { method: 'POST', headers: { 'x-planharvest-token': token! }, body: '{}' })).status).toBe(403);

    // Someone corrects the figure while it is on screen: accepting what the page showed is refused, with why.
    await store.review((targets, record) => decideWith(record, targets, { targetId: o.id, action: 'correct', correction: { value: (o.value ?? 0) + 1 }, by: 'Bo' }, { origin: 'test' }));
    await page.keyboard.press('a');
    await page.waitForFunction(() => /changed since it was seen/.test(document.getElementById('message')?.textContent ?? ''), undefined, { timeout: 10_000 }).catch(async () => {
      throw new Error(`the page said: ${await page.locator('#message').textContent()}`);
    });
    expect((await readExportRecords(store.reader())).find((r) => r.id === o.id)).toMatchObject({ review_state: 'corrected', reviewed_by: 'Bo' });
  });

  it('shows markup planted in a document as text, and runs none of it', async () => {
    const page = await reviewerPage();
    const o = (await observationsOf('planted.txt')).find((x) => x.state === 'value')!;
    await page.goto(`${app.url}item/${o.id}`);
    const text = await page.locator('body').textContent();
    expect(text).toContain('NI 6 Participation in regular volunteering <img src=x onerror="window.__pwned=2">');
    // The text export's lines around the figure's, its own line marked, the markup in them as text too.
    expect(await page.locator('ol.lines li.here').textContent()).toBe(PLANTED.split('\n')[o.source!.line! - 1]);
    expect(await page.locator('ol.lines li').count()).toBeGreaterThan(5);
    expect(await page.locator('ol.lines').textContent()).toContain('<b onmouseover="window.__pwned=3">bold</b>');
    expect(await page.locator('main b[onmouseover], main img[src=x], main script').count()).toBe(0);
    await page.hover('main');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});

describe('clearing the seeds\' findings', () => {
  it('takes a reviewer through every item of the seeds\' queue with the keyboard alone, until nothing is left', async () => {
    const { store: seeds } = await importInto([SEEDS]);
    const seedsApp = await serveReview({ store: seeds, by: 'Cy', port: 0, sampleShare: 0, confidenceThreshold: 0.6 });
    try {
      const findings = (await seeds.reader().findings()).filter((f) => f.severity !== 'info');
      expect(findings.length).toBeGreaterThan(10);
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${seedsApp.url}queue`);
      await page.keyboard.press('n');
      await page.waitForSelector('main.item');
      for (let i = 0; i < findings.length + 5 && (await page.locator('main.item').count()); i++) {
        const item = await page.locator('main.item').evaluate((el: HTMLElement) => ({ ...el.dataset }));
        // A finding is acknowledged; a figure the finding rests on is accepted.
        await page.keyboard.press(item.finding ? 'k' : 'a');
        await page.waitForFunction((k) => document.readyState === 'complete' && (document.querySelector('main.item') as HTMLElement | null)?.dataset.key !== k, item.key);
      }
      await expect(page.locator('h1').textContent()).resolves.toBe('Nothing left');
      const decided = new Set((await seeds.reader().decisions()).map((d) => d.targetId));
      for (const f of findings) expect(decided.has(f.id) || f.evidence.some((e) => e.observationId && decided.has(e.observationId)), f.id).toBe(true);
    } finally {
      await seedsApp.close();
      seeds.close();
    }
  });
});
