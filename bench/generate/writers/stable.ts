// Office files carry the time they were written (zip headers, docProps/core.xml); a fixed date keeps the
// generated corpus byte-identical for a seed, so re-running the benchmark imports the same content hashes.
import { stableZip } from '../../../scripts/fixtures/container-writers.ts';

export const FIXED_DATE = new Date(Date.UTC(2009, 0, 1));

export function stableOffice(bytes: Uint8Array): Uint8Array {
  return stableZip(bytes, FIXED_DATE);
}
