// The HTML report in a real browser (Debian chromium through playwright-core): findings render, every filter
// works, and markup planted in a document's table cells shows as text and never runs. Leaves a screenshot
// at output/report.png.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileStore } from '../../src/reconcile/index.ts';
import { readFindings, type StoredFinding } from '../../src/reconcile/store.ts';
import { writeReport } from '../../src/report/index.ts';
import { decide } from '../../src/review/decide.ts';
import { loadTargets } from '../../src/review/targets.ts';
import { launchChromium } from '../support/browser.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=2">';
const encoded = (markup: string) => markup.replace(/</g, '&lt;').replace(/>/g, '&gt;');

// A text export with markup in its table cells: raw (the ingester parses cell markup) and entity-encoded (it
// decodes to the literal characters), and raw again on labelled lines, where it stays as written.
const PLANTED = [
  'Testshire Local Strategic Partnership',
  '',
  'Delivery Plan 2008-11',
  '',
  'Measure and Target\t\t\t\tLead Individual',
  `Serious acquisitive crime rate (NI 16) ${SCRIPT}\t\t\t\tDCI Marsh ${IMG}`,
  `<u>Baseline</u> (07/08) Testshire: 16,022 ${encoded(SCRIPT)}\t<u>08/09</u> tbc ${encoded(IMG)}\t<u>09/10</u> tbc ${IMG}\t<u>10/11</u> (By 2011) Testshire - 4% reduction (14,000)\t`,
  '',
  `Performance Indicators: NI 6 Participation in regular volunteering ${SCRIPT}`,
  '',
  `Baseline: NI 6 17.5% (2008/09) ${IMG}`,
  'Target: NI 6 16.0% (2010/11)',
  `Target: NI 6 18.0% (2010/11) ${SCRIPT}`,
  '',
].join('\n');

const SCREENSHOT = join(import.meta.dirname, '..', '..', 'output', 'report.png');

describe('HTML report in a browser', () => {
  let browser: Browser;
  let page: Page;
  let findings: StoredFinding[];
  let acknowledged: StoredFinding;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dir = tempDir();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'planted.txt'), PLANTED);
    copyFileSync(join(SEEDS, '003_b93e07daa693e4b6.txt'), join(docs, '003_b93e07daa693e4b6.txt'));
    const { store } = await importInto([docs], join(dir, 'store.db'));
    acknowledged = readFindings(store.db).find((f) => f.check === 'aliases')!;
    decide(store.db, loadTargets(store.db), { targetId: acknowledged.id, action: 'acknowledge', by: 'Ann' }, { origin: 'test' });
    reconcileStore(store.db, { trigger: 'review' });
    findings = readFindings(store.db);
    const { files } = await writeReport(store.reader(), join(dir, 'report'), 'store.db');
    store.close();

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // Self-contained: any request other than the file itself is a failure.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(files.html).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const visible = () => page.$$eval('.finding:not([hidden])', (els) => els.map((e) => ({
    severity: e.getAttribute('data-severity'), check: e.getAttribute('data-check'), indicator: e.getAttribute('data-indicator'),
    documents: JSON.parse(e.getAttribute('data-documents') ?? '[]') as string[], acknowledged: e.getAttribute('data-acknowledged'),
  })));
  const showAll = async () => {
    await page.click('button[type=reset]');
    await page.waitForFunction(() => document.querySelectorAll('.finding[hidden]').length === 0);
  };

  it('runs no planted markup and shows it as text', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const text = await page.locator('body').innerText();
    expect(text).toContain(SCRIPT);
    expect(text).toContain(IMG);
    // In a finding's highlighted source too.
    expect(await page.locator('.finding blockquote.source', { hasText: 'window.__pwned' }).count()).toBeGreaterThan(0);
  });

  it('renders every stored finding, worst first, with its source and highlighted value', async () => {
    expect(await page.locator('.finding').count()).toBe(findings.length);
    expect(await page.textContent('#shown-count')).toBe(`${findings.length} of ${findings.length} findings shown`);
    const conflict = page.locator('.finding[data-check=conflicts]');
    expect(await conflict.getAttribute('data-severity')).toBe('error');
    expect(await conflict.locator('mark').allInnerTexts()).toEqual(['16.0%', '18.0%']);
    const arithmetic = page.locator('.finding[data-check=arithmetic]');
    expect(await arithmetic.locator('.message').innerText()).toMatch(/16,022 − 4% = 15,381\.12, but the document writes 14,000/);
    expect(await page.locator('.finding[data-check=direction]', { hasText: 'NI 165' }).count()).toBe(1);
  });

  it('filters by severity', async () => {
    await page.uncheck('input[name=severity][value=info]');
    const shown = await visible();
    expect(shown.length).toBe(findings.filter((f) => f.severity !== 'info').length);
    expect(shown.every((f) => f.severity !== 'info')).toBe(true);
    await page.uncheck('input[name=severity][value=warning]');
    expect((await visible()).map((f) => f.severity)).toEqual(['error']);
    await showAll();
  });

  it('filters by document', async () => {
    await page.selectOption('select[name=document]', 'planted.txt');
    const shown = await visible();
    expect(shown.length).toBe(findings.filter((f) => f.evidence.some((e) => e.document === 'planted.txt') || f.document === 'planted.txt').length);
    expect(shown.every((f) => f.documents.includes('planted.txt'))).toBe(true);
    expect(await page.locator('section.document[data-document="003_b93e07daa693e4b6.txt"]').isHidden()).toBe(true);
    await showAll();
  });

  it('filters by indicator, hiding other indicators’ tables', async () => {
    await page.selectOption('select[name=indicator]', 'NI 6');
    const shown = await visible();
    expect(shown.length).toBe(findings.filter((f) => f.indicator === 'NI 6').length);
    expect(shown.every((f) => f.indicator === 'NI 6')).toBe(true);
    const articles = await page.$$eval('article.indicator:not([hidden])', (els) => els.map((e) => e.getAttribute('data-indicator')));
    expect(new Set(articles)).toEqual(new Set(['NI 6']));
    await showAll();
  });

  it('filters by check', async () => {
    await page.selectOption('select[name=check]', 'gaps');
    const shown = await visible();
    expect(shown.length).toBe(findings.filter((f) => f.check === 'gaps').length);
    expect(shown.every((f) => f.check === 'gaps')).toBe(true);
    await showAll();
  });

  it('hides acknowledged findings on request', async () => {
    expect(await page.locator(`[id="${acknowledged.id}"] .ack`).innerText()).toMatch(/Acknowledged by Ann/);
    await page.uncheck('input[name=acknowledged]');
    const shown = await visible();
    expect(shown.length).toBe(findings.length - 1);
    expect(shown.every((f) => f.acknowledged === 'no')).toBe(true);
    await showAll();
  });

  it('saves a screenshot', async () => {
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.selectOption('select[name=document]', 'planted.txt');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await showAll();
  });
});
