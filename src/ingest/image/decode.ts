// Page images → greyscale pages. PNG and JPEG are decoded by @napi-rs/canvas (already here for rendering
// PDF pages), TIFF by utif2 (CCITT fax, LZW, Deflate, PackBits; one image per page, thumbnails skipped).
// A TIFF's pages are decoded one at a time, when OCR is ready for them: a long fax need not fit in memory.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { greyFromRgba, type GreyImage } from '../../ocr/grey-image.ts';
import { RejectedInput } from '../types.ts';
import type { ImageKind } from './index.ts';

/** A 600 dpi A3 scan is 50 million pixels; anything bigger is not a page and would exhaust a worker. */
const MAX_PIXELS = 50_000_000;

function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new RejectedInput('image has no pixels', 'export or scan the page again');
  if (width * height > MAX_PIXELS) {
    throw new RejectedInput(`image too large (${width} × ${height} pixels)`, 'scan at 300 dpi, or split the image into pages');
  }
}

/** Decodes one page when called. */
export type PageLoader = () => GreyImage;

async function decodeWithCanvas(bytes: Uint8Array): Promise<PageLoader[]> {
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes));
  } catch (error) {
    throw new RejectedInput(`corrupt image (${String((error as Error)?.message ?? error).slice(0, 120)})`, 'export or scan the page again');
  }
  checkSize(image.width, image.height);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const page = greyFromRgba(context.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
  return [() => page];
}

/** TIFF tag 254 (NewSubfileType) bit 0: a reduced-resolution copy (a thumbnail), not a page. */
const isThumbnail = (ifd: UTIF.IFD): boolean => ((ifd.t254 as number[] | undefined)?.[0] ?? 0) & 1 ? true : false;

function decodeTiff(bytes: Uint8Array): PageLoader[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer).filter((ifd) => !isThumbnail(ifd));
  } catch (error) {
    throw new RejectedInput(`corrupt TIFF (${String((error as Error)?.message ?? error).slice(0, 120)})`, 'export or scan the pages again');
  }
  if (!ifds.length) throw new RejectedInput('TIFF holds no page image', 'export or scan the pages again');
  for (const ifd of ifds) checkSize(Number((ifd.t256 as number[] | undefined)?.[0] ?? 0), Number((ifd.t257 as number[] | undefined)?.[0] ?? 0));
  return ifds.map((ifd) => () => {
    try {
      UTIF.decodeImage(buffer, ifd);
      const page = greyFromRgba(UTIF.toRGBA8(ifd), ifd.width, ifd.height);
      ifd.data = new Uint8Array(0); // the decoded samples are not needed twice
      return page;
    } catch (error) {
      throw new RejectedInput(`unreadable TIFF page (${String((error as Error)?.message ?? error).slice(0, 120)})`, 'save the scan as PNG, JPEG or PDF and import again');
    }
  });
}

export async function decodePages(bytes: Uint8Array, kind: ImageKind): Promise<PageLoader[]> {
  return kind === 'tiff' ? decodeTiff(bytes) : decodeWithCanvas(bytes);
}
