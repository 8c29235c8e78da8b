import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodeGreyPng } from '../../../src/ocr/png.ts';
import { fill, paper } from './draw.ts';

describe('greyscale PNG crops', () => {
  it('encode pixels a standard decoder reads back exactly', async () => {
    const image = paper(37, 11);
    fill(image, 3, 2, 20, 9, 0);
    fill(image, 22, 0, 30, 11, 140);
    const png = encodeGreyPng(image);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const decoded = await loadImage(Buffer.from(png));
    expect([decoded.width, decoded.height]).toEqual([37, 11]);
    const canvas = createCanvas(37, 11);
    const context = canvas.getContext('2d');
    context.drawImage(decoded, 0, 0);
    const rgba = context.getImageData(0, 0, 37, 11).data;
    expect(Array.from({ length: 37 * 11 }, (_, i) => rgba[i * 4])).toEqual([...image.data]);
  });
});
