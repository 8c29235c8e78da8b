// OCR crops in the store (migration 004): written with their document's observations, read by the report
// for the observations it shows them beside.
import type Database from 'better-sqlite3';
import type { Box } from '../model/document.ts';
import type { ValueCrop } from '../ocr/crops.ts';
import { inJsonList, prepared, type Dialect, type Query } from './read.ts';
import { cropRow, INSERT_CROP } from './rows.ts';

/** A crop as stored is the crop as cut: the same fields, read back. */
export type StoredCrop = ValueCrop;

export function insertCrops(db: Database.Database, crops: ValueCrop[]): void {
  if (crops.length === 0) return;
  const insert = prepared(db, INSERT_CROP);
  for (const c of crops) insert.run(...cropRow(c));
}

export interface CropRow {
  observation_id: string;
  page: number;
  box_json: string;
  width: number;
  height: number;
  png: Buffer;
}

/** The crops of these observations: the query both stores run. */
export function cropsQuery(dialect: Dialect, observationIds: string[]): Query {
  return {
    sql: `SELECT observation_id, page, box_json, width, height, png FROM ocr_crops WHERE ${inJsonList(dialect, 'observation_id', 'text')}`,
    params: [JSON.stringify([...new Set(observationIds)])],
  };
}

/** The crops read, in the order their observations were asked for. */
export function cropsFromRows(rows: CropRow[], observationIds: string[]): Map<string, StoredCrop> {
  const byId = new Map(rows.map((r) => [r.observation_id, r]));
  return new Map(
    [...new Set(observationIds)].flatMap((id) => {
      const r = byId.get(id);
      return r ? [[id, { observationId: id, page: r.page, box: JSON.parse(r.box_json) as Box, width: r.width, height: r.height, png: new Uint8Array(r.png) }] as const] : [];
    }),
  );
}

/** The crops of these observations (those without one are simply absent). */
export function readCrops(db: Database.Database, observationIds: string[]): Map<string, StoredCrop> {
  if (!observationIds.length) return new Map();
  const { sql, params } = cropsQuery('sqlite', observationIds);
  return cropsFromRows(prepared(db, sql).all(...params) as CropRow[], observationIds);
}
