// The pool's one OCR engine (src/ocr/engine-host.ts) answering pool threads over message ports
// (remote-engine.ts): a stopped thread's pages dropped and the engine restarted without failing another
// thread's page; a missing model refused in words. Real tesseract.js on a real scanned page (fixture 03).
// Pages spread over the workers, with the same results as in process: tests/e2e/ocr-pool.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePages } from '../../../src/ingest/image/decode.ts';
import { OcrHost } from '../../../src/ocr/engine-host.ts';
import { OcrUnavailable } from '../../../src/ocr/engine.ts';
import type { GreyImage } from '../../../src/ocr/grey-image.ts';
import { remoteEngine } from '../../../src/ocr/remote-engine.ts';
import { configureOcr } from '../../../src/ocr/shared-engine.ts';
import { FIXTURES } from '../../support/compare.ts';
import { tempDir } from '../../support/run.ts';

async function scannedPage(): Promise<GreyImage> {
  const [load] = await decodePages(new Uint8Array(readFileSync(join(FIXTURES, 'scanned', '03-harbourside-years-as-rows.scan.jpg'))), 'jpeg');
  return load();
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(test()).toBe(true);
}

const hosts: OcrHost[] = [];
function host(workers: number): OcrHost {
  const h = new OcrHost(workers);
  hosts.push(h);
  return h;
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  configureOcr({ langPath: undefined });
});

describe('the pool\'s shared OCR engine', () => {
  it('drops a stopped thread\'s page, restarts the engine, and still answers the other thread', { timeout: 90_000 }, async () => {
    const image = await scannedPage();
    const shared = host(1);
    const stopped = shared.connect();
    const other = shared.connect();
    let stoppedAnswered = false;
    void remoteEngine(stopped.remote, 1).recognise(image).then(() => (stoppedAnswered = true), () => (stoppedAnswered = true));
    const answer = remoteEngine(other.remote, 1).recognise(image);
    await until(() => shared.stats().inEngine === 2 && shared.stats().recognising === 1);
    shared.abandon(stopped.local);
    const words = await answer;
    expect(words.length).toBeGreaterThan(10);
    expect(shared.stats()).toMatchObject({ restarts: 1, pages: 1, inEngine: 0, recognising: 0 });
    expect(stoppedAnswered).toBe(false);
    // The restarted engine serves new pages too.
    expect((await remoteEngine(shared.connect().remote, 1).recognise(image)).length).toBe(words.length);
  });

  it('refuses in words when the engine cannot start (no language data)', { timeout: 30_000 }, async () => {
    configureOcr({ langPath: join(tempDir(), 'no-such-folder') });
    const shared = host(1);
    const error = await remoteEngine(shared.connect().remote, 1).recognise(await scannedPage()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrUnavailable);
    expect((error as OcrUnavailable).reason).toMatch(/^OCR language data not found/);
    expect((error as OcrUnavailable).advice).toMatch(/npm ci/);
  });
});
