#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx planharvest` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
