// The compare page in a real browser (Debian chromium through playwright-core): charts and tables render,
// the page asks for nothing but itself, and markup planted in a document (its file name becomes a series
// label; its indicator title a heading) shows as text and never runs. Leaves a screenshot at
// output/compare.png (NI 186 on the seeds and fixtures).
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStore } from '../../src/compare/index.ts';
import { writeComparison } from '../../src/compare/write.ts';
import { launchChromium } from '../support/browser.ts';
import { FIXTURES } from '../support/compare.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror=window.__pwned=2>';
const PLANTED_FILE = `x${IMG}.txt`;
// No partnership named, so the series is labelled with the file name, markup and all.
const PLANTED = ['Delivery Plan 2008-11', '', `Performance Indicators: NI 8 Adult participation in sport ${SCRIPT}`, '',
  'Baseline: NI 8 19.0% (2005/06)', 'Target: NI 8 23.0% (2010/11)', ''].join('\n');

const SCREENSHOT = join(import.meta.dirname, '..', '..', 'output', 'compare.png');

describe('compare page in a browser', () => {
  let browser: Browser;
  let page: Page;
  let ni8: string;
  let ni186: string;
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const dir = tempDir();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, PLANTED_FILE), PLANTED);
    for (const seed of ['001_bb7cceca8e2011e9.txt', '003_b93e07daa693e4b6.txt']) copyFileSync(join(SEEDS, seed), join(docs, seed));
    for (const f of readdirSync(join(FIXTURES, 'text'))) copyFileSync(join(FIXTURES, 'text', f), join(docs, f));
    const { store } = await importInto([docs], join(dir, 'store.db'));
    const write = async (indicator: string, folder: string) =>
      (await writeComparison(compareStore(store.db, { indicator }), join(dir, folder), { databaseLabel: 'store.db', showShared: false })).files.html;
    ni8 = await write('NI 8', 'ni8');
    ni186 = await write('NI 186', 'ni186');
    store.close();

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // Self-contained: any request other than the page itself is a failure.
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders NI 8 for five partnerships with charts and a table, loading nothing else', async () => {
    await page.goto(pathToFileURL(ni8).href);
    expect(requests).toEqual([pathToFileURL(ni8).href]);
    const labels = await page.$$eval('table.compare tbody tr', (rows) => rows.map((r) => r.getAttribute('data-series')));
    expect(new Set(labels)).toEqual(new Set(['Rochford District Local Strategic Partnership', 'Hertfordshire Forward', 'Tollbridge Borough Partnership', 'Elmsworth Local Strategic Partnership', PLANTED_FILE]));
    const charts = page.locator('figure.chart svg');
    expect(await charts.count()).toBe(2);
    for (const svg of await charts.all()) {
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(100);
    }
    // The trajectory draws a line and a point per figure; the ambition ranking a bar per partnership.
    const trajectory = page.locator('figure[data-chart="ni-8-percent-trajectory"] svg');
    expect(await trajectory.locator('.role-mark path').count()).toBeGreaterThan(3);
    const legend = await trajectory.locator('.role-legend text').allTextContents();
    expect(legend.join('|')).toContain('Hertfordshire Forward');
    const ambition = page.locator('figure[data-chart="ni-8-percent-ambition"] svg');
    // Elmsworth's sheet gives NI 8 a target and results but no baseline: no ambition to rank.
    expect(await ambition.locator('.role-mark path[aria-roledescription="bar"]').count()).toBe(4);
    const herts = await page.locator('tr[data-series="Hertfordshire Forward"]').innerText();
    expect(herts).toMatch(/21\.8%[\s\S]*25\.8%/);
  });

  it('shows planted markup as text and runs none of it', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain(SCRIPT);
    expect(text).toContain(PLANTED_FILE);
    // In the charts too: the legend and the ranking's axis draw the file name as text.
    const chartText = await page.locator('figure.chart svg text').allTextContents();
    expect(chartText.some((t) => t.includes('<img'))).toBe(true);
  });

  it('renders NI 186 in tonnes per capita and saves a screenshot', async () => {
    await page.goto(pathToFileURL(ni186).href);
    expect(await page.locator('.unit-group').getAttribute('data-unit')).toBe('tonnes per capita');
    expect(await page.locator('figure.chart svg').count()).toBe(2);
    const herts = page.locator('tr[data-series="Hertfordshire Forward"]');
    expect(await herts.locator('td[data-kind=target]').allInnerTexts()).toEqual(['6.4', '6.2', '6.1']);
    expect(await herts.locator('td[data-kind=baseline]').innerText()).toMatch(/6\.7\s*\(2005\)/);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
