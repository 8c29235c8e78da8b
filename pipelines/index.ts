// Named pipelines: which stages a document goes through and with which options. The CLI runs one by
// name (--pipeline); `default` suits born-digital documents, `ocr` also recognises scanned pages.
import type { ProcessOptions, ProcessResult } from '../src/pipeline/process.ts';

export interface Pipeline {
  name: string;
  description: string;
  options: ProcessOptions;
  /** `overrides` carries run options (limits from the command line) on top of the pipeline's own. */
  process(bytes: Uint8Array, fileName: string, overrides?: ProcessOptions): Promise<ProcessResult>;
}

function definePipeline(name: string, description: string, options: ProcessOptions): Pipeline {
  return {
    name,
    description,
    options,
    // The stages load on the first document, so naming the pipelines (`import --help`) loads none of them.
    process: async (bytes, fileName, overrides) => {
      const { processBytes } = await import('../src/pipeline/process.ts');
      return processBytes(bytes, fileName, { ...options, ...overrides });
    },
  };
}

export const pipelines: Record<string, Pipeline> = {
  default: definePipeline('default', 'every supported format; scanned pages are OCRed when an OCR engine is available', { ocr: true }),
  'text-only': definePipeline('text-only', 'born-digital documents only: pages without a text layer are rejected rather than OCRed', { ocr: false }),
  'office-libreoffice': definePipeline('office-libreoffice', 'like default, but legacy .doc files go through LibreOffice when it is installed', { ocr: true, useLibreOffice: true }),
};

export function pipelineByName(name: string): Pipeline | null {
  return pipelines[name] ?? null;
}
