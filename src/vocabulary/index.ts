// The domain's words and forms as data, in one room: code schemes, kind and comparator words, pending
// words, units, period forms. Ingest, detect, extract, segment and normalise import from here; a new label,
// unit or code form is one edit in one of these files. The layout room knows none of them.
export * from './cues.ts';
export * from './headers.ts';
export * from './kinds.ts';
export * from './pending.ts';
export * from './parts.ts';
export * from './periods.ts';
export * from './schemes.ts';
export * from './units.ts';
