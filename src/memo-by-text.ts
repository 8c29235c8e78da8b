// A pure reading of a string, remembered: the stages read the same line, cell and sentence many times over
// (detect, each extractor, the unread-figure check), and code and period matching is most of their cost.
// Results are frozen so a caller that changed one could not change what the next caller is given.

/** Wrap `read` so repeated calls with the same text share one result; keeps the last `limit` texts. */
export function memoByText<T extends object>(read: (text: string) => readonly T[], limit = 4000): (text: string) => T[] {
  const remembered = new Map<string, readonly T[]>();
  return (text: string): T[] => {
    let found = remembered.get(text);
    if (!found) {
      found = Object.freeze(read(text).map((item) => Object.freeze(item)));
      if (remembered.size >= limit) remembered.delete(remembered.keys().next().value as string);
      remembered.set(text, found);
    }
    return [...found];
  };
}
