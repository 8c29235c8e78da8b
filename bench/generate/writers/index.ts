// One document's bytes in its format. Only PDFs have pages to count.
import type { SynthDoc } from '../model.ts';
import { writeCsv } from './csv.ts';
import { writeDocx } from './docx.ts';
import { writeHtml } from './html.ts';
import { writePdf } from './pdf/index.ts';
import { writeText } from './text.ts';
import { writeXlsx } from './xlsx.ts';

export async function writeDocument(doc: SynthDoc): Promise<{ bytes: Uint8Array; pages: number | null }> {
  switch (doc.format) {
    case 'text':
      return { bytes: writeText(doc), pages: null };
    case 'html':
      return { bytes: writeHtml(doc), pages: null };
    case 'csv':
      return { bytes: writeCsv(doc), pages: null };
    case 'xlsx':
      return { bytes: await writeXlsx(doc), pages: null };
    case 'docx':
      return { bytes: await writeDocx(doc), pages: null };
    case 'pdf':
      return writePdf(doc);
  }
}
