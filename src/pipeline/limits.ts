// The import's default limits, in a module of their own so `planharvest import --help` can show them without
// loading the readers.
export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_MEMORY_MB = 1536;
