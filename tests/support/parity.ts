// Parity between a document and its text twin: the same observations (indicator, kind, state, value,
// unit, period, area, relative change, denominator), compared record by record through the whole pipeline.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { processBytes, type ProcessOptions } from '../../src/pipeline/process.ts';
import { compareRecords, type Comparison, type ExpectedObservation } from './compare.ts';

export async function observationsOf(path: string, options: ProcessOptions = {}): Promise<ExpectedObservation[]> {
  const result = await processBytes(new Uint8Array(readFileSync(path)), basename(path), options);
  if (!result.ok) throw new Error(`${basename(path)} rejected: ${result.reason}`);
  return result.result.observations.map((o) => ({
    indicator: o.indicator.code, kind: o.kind, state: o.state, value: o.value, unit: o.unit, period: o.period, area: o.area,
    relative_change: o.relativeChange, denominator: o.denominator,
  }));
}

/** Compare `path` with its text twin; `missing` are the twin's records the document lacks. `options` are the
 * pipeline options for `path` (e.g. `{ ocr: true }` for a scan). */
export async function parityWithTwin(path: string, twin: string, options: ProcessOptions = {}): Promise<Comparison & { twinCount: number }> {
  const [mine, theirs] = await Promise.all([observationsOf(path, options), observationsOf(twin)]);
  return { ...compareRecords(theirs, mine), twinCount: theirs.length };
}
