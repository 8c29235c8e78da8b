// Several pages of one document through the thread's OCR engine at once: as many in flight as it has
// workers, so a page is being rendered or decoded here while the previous one is recognised. Pages come
// back in the order asked for.
import PQueue from 'p-queue';
import { recognisePage, type OcrPage, type PageImageInput } from './recognise-page.ts';
import { ocrEngine } from './shared-engine.ts';

export interface PageSource {
  page: number;
  /** Render or decode the page only when a worker is about to be free: images are large. */
  load(): Promise<PageImageInput>;
}

export async function recognisePages(sources: PageSource[]): Promise<OcrPage[]> {
  if (!sources.length) return [];
  const engine = await ocrEngine();
  const queue = new PQueue({ concurrency: engine.workers });
  return Promise.all(sources.map((source) => queue.add(async () => recognisePage(await source.load(), engine))));
}
