// Observation (and milestone) ids are primary keys in the store, so they must be unique. Normalise derives them from the
// document's file name and each reading's meaning and place, and two readings can still get the same id
// (two figures of one prose sentence, or of two code segments of one labelled line that resolve to one
// indicator; two documents with the same file name in different folders). The store never drops an
// observation for that: a repeated id gets a new one derived from the id and its occurrence number (the 2nd,
// 3rd… reading in document order), an id another document already holds gets one derived from the id and
// this document's path. Both are stable: the same document imported again gets the same ids, so review
// decisions find their observations. Each renaming is recorded as a message on the document.
import { createHash } from 'node:crypto';
import { message, type Message } from '../model/message.ts';
import type { Observation } from '../model/observation.ts';
import type { ValueCrop } from '../ocr/crops.ts';

/** A new id of the same kind (obs_, mil_) from an id and what tells the two apart. */
function derive(id: string, salt: string): string {
  const prefix = /^[a-z]+_/.exec(id)?.[0] ?? '';
  return `${prefix}${createHash('sha1').update(`${id}|${salt}`).digest('hex').slice(0, 16)}`;
}

function describe(o: Observation): string {
  const p = o.source.provenance;
  const place = [p.page ? `page ${p.page}` : null, p.line ? `line ${p.line}` : null, p.address ? `cell ${p.address}` : null].filter(Boolean).join(', ');
  return `${o.indicator.code} ${o.kind}${o.period ? ` ${o.period}` : ''}${place ? `, ${place}` : ''}`;
}

export interface UniqueIds {
  observations: Observation[];
  crops: ValueCrop[];
  messages: Message[];
}

/**
 * `heldElsewhere(id)` names the document already holding an id in the store (after this document's previous
 * version is removed), or null. Observations keep their order; only colliding ids change.
 */
export function uniqueIds(observations: Observation[], crops: ValueCrop[], path: string, heldElsewhere: (id: string) => string | null): UniqueIds {
  const used = new Set<string>();
  const occurrences = new Map<string, number>();
  const messages: Message[] = [];
  const renamed = new Map<string, string[]>(); // original id → the id each occurrence was stored under
  const out = observations.map((o) => {
    const n = (occurrences.get(o.id) ?? 0) + 1;
    occurrences.set(o.id, n);
    const holder = n === 1 ? heldElsewhere(o.id) : null;
    let id = n > 1 ? derive(o.id, `#${n}`) : holder ? derive(o.id, path) : o.id;
    // A derived id that collides again (vanishingly unlikely) is derived once more, deterministically.
    while (used.has(id) || (id !== o.id && heldElsewhere(id))) id = derive(id, '+');
    used.add(id);
    renamed.set(o.id, [...(renamed.get(o.id) ?? []), id]);
    if (id === o.id) return o;
    const why = n > 1 ? `is shared by ${n} observations of this document; occurrence ${n}` : `is already used by ${holder}; this document's observation`;
    messages.push(message('store:duplicate-id', 'warning', `observation id ${o.id} (${describe(o)}) ${why} is stored as ${id}`, o.source.provenance));
    return { ...o, id };
  });
  // Crops are cut in observation order: the k-th crop made for an id belongs to the k-th observation that had it.
  const taken = new Map<string, number>();
  const outCrops = crops.map((c) => {
    const ids = renamed.get(c.observationId);
    if (!ids || (ids.length === 1 && ids[0] === c.observationId)) return c;
    const k = taken.get(c.observationId) ?? 0;
    taken.set(c.observationId, k + 1);
    return { ...c, observationId: ids[Math.min(k, ids.length - 1)] };
  });
  return { observations: out, crops: outCrops, messages };
}

/**
 * Milestone ids are unique within a document (they count the milestones) but not across documents with the
 * same file name: one another document holds is derived from the id and this document's path.
 */
export function uniqueMilestoneIds<T extends { id: string }>(milestones: T[], path: string, heldElsewhere: (id: string) => boolean): T[] {
  return milestones.map((m) => {
    if (!heldElsewhere(m.id)) return m;
    let id = derive(m.id, path);
    while (heldElsewhere(id)) id = derive(id, '+');
    return { ...m, id };
  });
}
