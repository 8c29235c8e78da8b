// A PDF page as a greyscale image for OCR, drawn by pdfjs onto an @napi-rs/canvas canvas (pdfjs's own
// optional dependency for Node). 300 dpi: tesseract's accuracy falls off below about 200 dpi and gains
// nothing above 300, while time and memory grow with the square of the resolution.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { PdfPage } from '../ingest/pdf/load.ts';
import { greyFromRgba, type GreyImage } from './grey-image.ts';

export const OCR_DPI = 300;

/** A PDF page drawn on white at `scale` pixels per point (also what the review app shows: src/review-app/page-image.ts). */
export async function drawPdfPage(page: PdfPage, scale: number, rotation: number): Promise<Canvas> {
  const viewport = page.getViewport({ scale, rotation });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  // Paper is white; a transparent canvas would read as black once the alpha is dropped.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  return canvas;
}

export async function renderPdfPage(page: PdfPage, rotation: number, dpi = OCR_DPI): Promise<GreyImage> {
  const canvas = await drawPdfPage(page, dpi / 72, rotation);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return greyFromRgba(data, canvas.width, canvas.height);
}
