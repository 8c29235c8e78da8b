// Files named on the command line, with folders walked recursively. Symlink loops, unreadable entries and
// vanished files become rejections, never crashes.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface FileEntry {
  path: string;
}

export interface WalkProblem {
  path: string;
  reason: string;
  advice: string;
}

export function collectFiles(inputs: string[]): { files: FileEntry[]; problems: WalkProblem[] } {
  const files: FileEntry[] = [];
  const problems: WalkProblem[] = [];
  const visitedDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const visit = (path: string, depth: number) => {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'no such file (or a broken link)' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`;
      problems.push({ path, reason, advice: code === 'EACCES' ? 'give the importing user read permission' : 'check the path' });
      return;
    }
    if (stat.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        problems.push({ path, reason: 'folder cannot be resolved', advice: 'check the path' });
        return;
      }
      if (visitedDirs.has(real) || depth > 64) {
        problems.push({ path, reason: 'folder already visited (symbolic link loop)', advice: 'remove the looping link' });
        return;
      }
      visitedDirs.add(real);
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (error) {
        problems.push({ path, reason: `folder cannot be listed (${(error as NodeJS.ErrnoException).code})`, advice: 'give the importing user read permission' });
        return;
      }
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        visit(join(path, entry), depth + 1);
      }
      return;
    }
    if (!stat.isFile()) {
      problems.push({ path, reason: 'not a regular file', advice: 'import documents only' });
      return;
    }
    const absolute = resolve(path);
    if (seenFiles.has(absolute)) return;
    seenFiles.add(absolute);
    files.push({ path: ownCopy(absolute) });
  };
  for (const input of inputs) visit(input, 0);
  return { files, problems };
}

/**
 * The same string held in one piece. path.resolve builds its result from slices of longer strings, and each
 * slice keeps its whole parent alive: 440 bytes a file instead of 110, held for the whole run (21 MB at
 * 50,000 files). A string UTF-8 cannot carry unchanged stays as it is.
 */
function ownCopy(text: string): string {
  const copy = Buffer.from(text, 'utf8').toString('utf8');
  return copy === text ? copy : text;
}
