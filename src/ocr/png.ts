// A minimal PNG encoder for 8-bit greyscale images: the crops the review report embeds. Greyscale PNG is a
// third the size of the RGBA PNG a canvas would write, and needs nothing beyond zlib.
import { crc32, deflateSync } from 'node:zlib';
import type { GreyImage } from './grey-image.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function encodeGreyPng(image: GreyImage): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  // bytes 10–12: compression, filter method, no interlace (all 0)
  // Each row starts with its filter byte; "Up" (2) makes rows of paper and print compress well.
  const rows = Buffer.alloc((image.width + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    const at = y * (image.width + 1);
    rows[at] = 2;
    for (let x = 0; x < image.width; x++) {
      const i = y * image.width + x;
      rows[at + 1 + x] = (image.data[i] - (y > 0 ? image.data[i - image.width] : 0)) & 0xff;
    }
  }
  return new Uint8Array(Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
}
