// OCR crops in the store (migration 004): written with their document's observations, read by the report
// for the observations it shows them beside.
import type Database from 'better-sqlite3';
import type { Box } from '../model/document.ts';
import type { ValueCrop } from '../ocr/crops.ts';
import { prepared } from './read.ts';
import { cropRow, INSERT_CROP } from './rows.ts';

/** A crop as stored is the crop as cut: the same fields, read back. */
export type StoredCrop = ValueCrop;

export function insertCrops(db: Database.Database, crops: ValueCrop[]): void {
  if (crops.length === 0) return;
  const insert = prepared(db, INSERT_CROP);
  for (const c of crops) insert.run(...cropRow(c));
}

interface CropRow {
  observation_id: string;
  page: number;
  box_json: string;
  width: number;
  height: number;
  png: Buffer;
}

/** The crops of these observations (those without one are simply absent). */
export function readCrops(db: Database.Database, observationIds: string[]): Map<string, StoredCrop> {
  const out = new Map<string, StoredCrop>();
  const select = db.prepare('SELECT observation_id, page, box_json, width, height, png FROM ocr_crops WHERE observation_id = ?');
  for (const id of new Set(observationIds)) {
    const row = select.get(id) as CropRow | undefined;
    if (row) out.set(id, { observationId: row.observation_id, page: row.page, box: JSON.parse(row.box_json) as Box, width: row.width, height: row.height, png: new Uint8Array(row.png) });
  }
  return out;
}
