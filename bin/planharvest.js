#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the prepare script, or `npm run build`).
import { fileURLToPath } from 'node:url';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
let cli;
try {
  cli = await import(entry.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(entry))) throw error;
  process.stderr.write('planharvest: the compiled CLI (dist/) is missing: run `npm run build` in the planharvest checkout\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv);
