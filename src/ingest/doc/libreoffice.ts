// Optional: convert a legacy .doc to .docx with LibreOffice, when asked to and when `soffice` is installed.
// Each conversion gets its own profile folder (concurrent runs otherwise block each other) and a timeout after
// which the whole process group is killed.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export interface ConvertOptions {
  /** e.g. 'docx:MS Word 2007 XML' */
  filter: string;
  /** Extension of the output LibreOffice writes (docx). */
  outputExtension: string;
  inputExtension: string;
  timeoutMs?: number;
}

/** Convert bytes with LibreOffice; resolves to the converted bytes or rejects with a short reason. */
export async function convertWithLibreOffice(bytes: Uint8Array, options: ConvertOptions): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('soffice not found on PATH');
  const dir = await mkdtemp(join(tmpdir(), 'planharvest-lo-'));
  try {
    const input = join(dir, `input.${options.inputExtension}`);
    const outDir = join(dir, 'out');
    await writeFile(input, bytes);
    const args = [
      '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to', options.filter, '--outdir', outDir, input,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, HOME: dir } });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString();
      });
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        reject(new Error(`LibreOffice did not finish within ${options.timeoutMs ?? 60_000} ms`));
      }, options.timeoutMs ?? 60_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`LibreOffice exited with ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
      });
    });
    const output = join(outDir, `input.${options.outputExtension}`);
    if (!existsSync(output)) throw new Error('LibreOffice wrote no output');
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
