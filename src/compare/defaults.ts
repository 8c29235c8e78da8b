// Apart from the comparison so `planharvest compare --help` can show it without loading the store readers.
/** Without an indicator: how many of the most shared indicators get a full comparison. */
export const DEFAULT_TOP = 5;
