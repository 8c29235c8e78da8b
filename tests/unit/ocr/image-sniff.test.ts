import { describe, expect, it } from 'vitest';
import { imageKind } from '../../../src/ingest/image/index.ts';
import { ingesters } from '../../../src/ingest/registry.ts';
import { pipelines } from '../../../pipelines/index.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(32).fill(0)]);

describe('page images are sniffed by their bytes', () => {
  it.each([
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['tiff', bytes(0x49, 0x49, 0x2a, 0x00)],
    ['tiff', bytes(0x4d, 0x4d, 0x00, 0x2a)],
  ])('%s', (kind, b) => {
    expect(imageKind(b)).toBe(kind);
    expect(ingesters.find((i) => i.sniff(b))?.format).toBe('image');
  });

  it('text is not an image', () => {
    expect(imageKind(new TextEncoder().encode('PNG files are images'))).toBeNull();
  });

  it('the text-only pipeline refuses a page image with what to do', async () => {
    const result = await pipelines['text-only'].process(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'scan.png');
    expect(result).toMatchObject({ ok: false, reason: 'page image (PNG, no text layer)' });
    expect(!result.ok && result.advice).toMatch(/needs OCR/);
  });
});
