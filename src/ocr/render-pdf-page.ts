// A PDF page as a greyscale image for OCR, drawn by pdfjs onto an @napi-rs/canvas canvas (pdfjs's own
// optional dependency for Node). 300 dpi: tesseract's accuracy falls off below about 200 dpi and gains
// nothing above 300, while time and memory grow with the square of the resolution.
import { createCanvas } from '@napi-rs/canvas';
import type { PdfPage } from '../ingest/pdf/load.ts';
import { greyFromRgba, type GreyImage } from './grey-image.ts';

export const OCR_DPI = 300;

export async function renderPdfPage(page: PdfPage, rotation: number, dpi = OCR_DPI): Promise<GreyImage> {
  const viewport = page.getViewport({ scale: dpi / 72, rotation });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  // Paper is white; a transparent canvas would read as black once the alpha is dropped.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  const { data } = context.getImageData(0, 0, width, height);
  return greyFromRgba(data, width, height);
}
