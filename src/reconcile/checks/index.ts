// Every check the reconcile stage runs, in the order their findings are worth reading.
import type { Check } from '../types.ts';
import { aliases } from './aliases.ts';
import { arithmetic } from './arithmetic.ts';
import { codeTitle } from './code-title.ts';
import { conflicts } from './conflicts.ts';
import { direction } from './direction.ts';
import { gaps } from './gaps.ts';
import { lowConfidence } from './low-confidence.ts';
import { units } from './units.ts';
import { unreadFigures } from './unread-figures.ts';

export const CHECKS: readonly Check[] = [conflicts, arithmetic, direction, units, codeTitle, aliases, gaps, lowConfidence, unreadFigures];

export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
