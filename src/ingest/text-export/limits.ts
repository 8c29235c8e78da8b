// Apart from the reader so `planharvest import --help` can show it without loading the reader.
/** The largest real plan export seen is 0.2 MB; 32 MB leaves room for any plan and keeps a worker's heap small. */
export const DEFAULT_MAX_TEXT_BYTES = 32 * 1024 * 1024;
