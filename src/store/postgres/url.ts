// Telling a PostgreSQL store's address from a SQLite file's path, without loading node-postgres (every
// command asks, and only those given a URL need the driver).

/** Whether a `--db` value names a PostgreSQL store rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** A store's address as it may be printed: a URL without its password. */
export function redacted(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
