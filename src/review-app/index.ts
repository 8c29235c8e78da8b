// Starting the review app (./server.ts) on a local port: loopback unless the caller says otherwise.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { reviewApp, type ReviewAppOptions } from './server.ts';

export const DEFAULT_PORT = 8610;
export const LOOPBACK = '127.0.0.1';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export async function serveReview(options: Omit<ReviewAppOptions, 'assets'> & { host?: string; port?: number }): Promise<RunningApp> {
  const app = reviewApp({ ...options, assets: fileURLToPath(new URL('./assets', import.meta.url)) });
  const host = options.host ?? LOOPBACK;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${shown}:${info.port}/`, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
    server.once('error', reject);
  });
}
