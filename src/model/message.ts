// Messages, not exceptions, inside stages: a stage returns its value with what it noticed on the way,
// each message pointing at the text it is about (in the spirit of vfile messages and mammoth's results).
import * as z from 'zod';
import { Provenance } from './document.ts';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Message = z.object({
  /** Stable rule id such as `ingest:cp1252` or `detect:ni-out-of-range`. */
  rule: z.string(),
  severity: Severity,
  text: z.string(),
  provenance: Provenance.partial().optional(),
});
export type Message = z.infer<typeof Message>;

export interface StageResult<T> {
  value: T;
  messages: Message[];
}

export function message(rule: string, severity: Severity, text: string, provenance?: Partial<Provenance>): Message {
  return provenance ? { rule, severity, text, provenance } : { rule, severity, text };
}
