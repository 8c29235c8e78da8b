// Debian's chromium through playwright-core, for the tests that open a written page in a real browser.
import { chromium, type Browser } from 'playwright-core';
import { requireTool } from './tools.ts';

/** Headless, no sandbox (the tests run as root), and nothing fetched behind the page's back. */
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Fails with the install line when chromium is missing. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireTool('chromium', 'chromium'), args: LAUNCH_ARGS });
}
