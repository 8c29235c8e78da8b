// Every ingester the pipeline knows, in sniffing order: the first whose sniff() accepts the bytes reads them.
// A new input format is one new ingester added here; nothing downstream changes.
import type { Ingester } from './types.ts';
import { textExportIngester } from './text-export/index.ts';

export const ingesters: Ingester[] = [
  // Binary formats first: their magic numbers are unambiguous.
  // (PDF, Office, image ingesters register here.)
  // Plain text last: it accepts anything that decodes as text.
  textExportIngester,
];
