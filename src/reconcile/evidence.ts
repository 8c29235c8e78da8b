// Evidence for findings: an observation (or the place an indicator is named) with the words it was read
// from and the span to highlight, so a reviewer can judge the finding without opening the document.
import { findCodes } from '../detect/codes.ts';
import type { Evidence } from '../model/finding.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';
import type { StoredIndicator, StoredSource } from '../store/read.ts';
import { formatChange, formatValue } from './format.ts';

/** "target 2010/11 Herts: 15,381 (− 4%)", "baseline pending (deferred)". */
export function describeObservation(o: ReviewedObservation): string {
  const when = o.period ? ` ${o.period}` : '';
  if (o.state === 'pending') return `${o.kind}${when}${o.area ? ` (${o.area})` : ''} pending${o.pendingReason ? ` (${o.pendingReason})` : ''}`;
  const where = o.area ? ` ${o.area}:` : '';
  const change = o.relativeChange !== null ? ` (${formatChange(o.relativeChange)})` : '';
  return `${o.kind}${when}${where} ${formatValue(o.value, o.unit)}${change}`;
}

type Located = Pick<Evidence, 'document' | 'page' | 'line' | 'box' | 'cell' | 'text' | 'start' | 'end'>;

/** A spreadsheet cell as "Sheet!B4", or null when the text is not from a spreadsheet. */
export function cellOf(source: StoredSource | null): string | null {
  return source?.address ? `${source.sheet ? `${source.sheet}!` : ''}${source.address}` : null;
}

function fromSource(source: StoredSource | null, document: string): Located {
  if (!source) return { document, page: null, line: null, box: null, cell: null, text: '', start: 0, end: 0 };
  const cell = cellOf(source);
  return { document, page: source.page, line: source.line, box: source.box, cell, text: source.text, start: source.start, end: source.end };
}

/** A figure no observation was read from, with its words and span (the unread-figures check). */
export function figureEvidence(source: StoredSource, document: string, label: string): Evidence {
  return { observationId: null, role: 'value', label, ...fromSource(source, document), confidence: null, confidenceReasons: [] };
}

export function valueEvidence(o: ReviewedObservation, label = describeObservation(o)): Evidence {
  return {
    observationId: o.id, role: 'value', label, ...fromSource(o.source, o.document),
    confidence: o.confidence, confidenceReasons: o.confidenceReasons,
  };
}

/**
 * The observation's own line with the code it is written under highlighted ("Baseline: NI 141 78%"); the
 * indicator's naming line when the value's line carries no code.
 */
export function codeEvidence(o: ReviewedObservation, code: string): Evidence {
  const text = o.source?.text ?? '';
  const match = findCodes(text).find((m) => m.code === code);
  const source = match && o.source ? { ...o.source, start: match.start, end: match.end } : o.code;
  return {
    observationId: o.id, role: 'code', label: `${code} on the ${o.kind} line`, ...fromSource(source, o.document),
    confidence: o.confidence, confidenceReasons: o.confidenceReasons,
  };
}

/** Where the document names the indicator (its first mention), when the store knows it. */
export function namingEvidence(indicator: StoredIndicator, label = `where ${indicator.code} is named`): Evidence[] {
  if (!indicator.source) return [];
  return [{
    observationId: null, role: 'code', label, ...fromSource(indicator.source, indicator.document),
    confidence: null, confidenceReasons: [],
  }];
}
