// The Debian tools some tests drive (chromium, LibreOffice's soffice, util-linux's unshare and setpriv). A test
// that needs one calls requireTool inside the test (or its beforeAll): when the tool is missing the test FAILS
// with the tool's name and the line that installs it, never skips. `bash .ci/run` installs every one of them
// (tests/unit/test-tools.test.ts checks that each requireTool call's package is in .ci/run).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The executable file `name` on PATH (where the code under test looks too, e.g. findSoffice), or null. */
export function findTool(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The tool's path; throws (failing the test) with the tool's name and its install line when it is missing. */
export function requireTool(name: string, debianPackage: string): string {
  const path = findTool(name);
  if (!path) throw new Error(`${name} is missing: apt-get update && apt-get install -y ${debianPackage}`);
  return path;
}
