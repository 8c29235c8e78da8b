// A document's identity in the store: the SHA-256 of its bytes. Its own module so that the importing thread,
// which hashes every file to skip unchanged ones, does not load the readers the worker threads run.
import { createHash } from 'node:crypto';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
