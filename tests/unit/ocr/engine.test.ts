// The OCR engine refuses, at once and in words, to run without local language data: never a download
// attempt, never a hang (tesseract.js would otherwise go to a CDN).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OcrUnavailable } from '../../../src/ocr/engine.ts';
import { createTesseractEngine, defaultLangPath } from '../../../src/ocr/tesseract.ts';
import { RejectedInput } from '../../../src/ingest/types.ts';
import { tempDir } from '../../support/run.ts';

async function refusal(langPath: string): Promise<{ error: unknown; ms: number }> {
  const t0 = Date.now();
  const error = await createTesseractEngine({ workers: 1, langPath }).then(
    async (engine) => {
      await engine.shutdown();
      return null;
    },
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - t0 };
}

describe('OCR language data', () => {
  it('is found in the installed @tesseract.js-data/eng package', () => {
    expect(defaultLangPath()).toMatch(/@tesseract\.js-data[/\\]eng[/\\]4\.0\.0_best_int$/);
  });

  it('missing: an immediate, clear refusal', async () => {
    const { error, ms } = await refusal(join(tempDir(), 'no-such-folder'));
    expect(error).toBeInstanceOf(OcrUnavailable);
    expect(error).toBeInstanceOf(RejectedInput);
    expect((error as OcrUnavailable).reason).toMatch(/^OCR language data not found \(.*eng\.traineddata\.gz\)$/);
    expect((error as OcrUnavailable).advice).toMatch(/npm ci/);
    expect(ms).toBeLessThan(1000);
  });

  it('a URL: refused rather than fetched', async () => {
    const { error } = await refusal('https://cdn.example.org/tessdata');
    expect((error as OcrUnavailable).reason).toMatch(/is a URL/);
  });

  it('damaged: refused before tesseract.js sees it (it would crash the process)', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'eng.traineddata.gz'), gzipSync(Buffer.from('not a language model')));
    const { error, ms } = await refusal(dir);
    expect((error as OcrUnavailable).reason).toMatch(/^OCR language data is damaged/);
    expect(ms).toBeLessThan(1000);
  });
});
