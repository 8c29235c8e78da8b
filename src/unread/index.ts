// The unread-figure check, run once per document after normalisation (src/pipeline/process.ts): figures in the
// same table row, cell or sentence as an indicator mention that no observation was read from. Pure: the
// document model, the mentions and the observations in; counts and the unread figures with their places out.
import type { Box, PlanDocument, Provenance, TextUnit } from '../model/document.ts';
import { findFigures, type NumberToken } from './numbers.ts';
import { ByUnit, nearScopes, sameUnit, type Scope } from './scopes.ts';
import type { MentionLike, ObservationLike, UnreadFigure, UnreadReport } from './types.ts';

type Span = [start: number, end: number];

/** Value spans of one text unit, sorted, so "does any cover this figure?" is a binary search, not a scan. */
class Coverage {
  private readonly starts: number[];
  /** The furthest end among the spans up to each index. */
  private readonly reach: number[];

  constructor(spans: Span[]) {
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    this.starts = sorted.map((s) => s[0]);
    let max = -1;
    this.reach = sorted.map((s) => (max = Math.max(max, s[1])));
  }

  /** Some span overlaps [start, end). */
  covers(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    let last = -1; // the last span starting before `end`
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && this.reach[last] > start;
  }
}

function valueSpans(observations: ObservationLike[]): ByUnit<Span> {
  const byUnit = new ByUnit<Span>();
  for (const o of observations) byUnit.add(o.source.provenance, o.source.text, [o.source.start, o.source.end]);
  return byUnit;
}

function union(boxes: Box[]): Box {
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

/** The unit's provenance narrowed to the figure's own words when the ingester located them (PDF and OCR word boxes). */
function figureProvenance(unit: TextUnit, figure: NumberToken): Provenance {
  const words = unit.spans.filter((s) => s.provenance?.box && s.start < figure.end && s.end > figure.start);
  if (!words.length) return unit.provenance;
  const page = words[0].provenance?.page ?? unit.provenance.page;
  return { ...unit.provenance, ...(page !== undefined ? { page } : {}), box: union(words.map((w) => w.provenance!.box!)) };
}

/**
 * Titles whose numbers are not figures ("Achievement of 5 or more A*-C grades", "within 13 weeks"): the
 * catalogue's, and the document's own when written in another cell than the figure. A title read from the
 * figure's own cell or sentence is left out: detect takes the rest of a short line after a code as its title,
 * figures included ("NI 192 recycling rates are reported to 12 partners").
 */
function titlesFor(scope: Scope): Array<string | null> {
  return scope.mentions.flatMap((m) => [m.catalogueTitle ?? null, sameUnit(m.source, scope.unit) ? null : (m.title ?? null)]);
}

/** Context read either side of a sentence: enough for "page", "£", "aged" before a figure and units after it. */
const MARGIN = 60;

function figuresIn(scope: Scope): NumberToken[] {
  if (scope.rowNumber) return [];
  // Only the sentence and a margin are read, so a long paragraph with many sentences is read once overall.
  const offset = Math.max(0, scope.from - MARGIN);
  const text = scope.unit.text.slice(offset, Math.min(scope.unit.text.length, scope.to + MARGIN));
  const codeSpans = scope.own.map((m) => ({ start: m.source.start - offset, end: m.source.end - offset }));
  return findFigures(text, { codeSpans, titles: titlesFor(scope) })
    .map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }))
    .filter((f) => f.start >= scope.from && f.start < scope.to);
}

export function findUnreadFigures(doc: PlanDocument, mentions: MentionLike[], observations: ObservationLike[]): UnreadReport {
  const read = valueSpans(observations);
  const report: UnreadReport = { near: 0, read: 0, figures: [] };
  const coverage = new Map<Span[], Coverage>();
  for (const scope of nearScopes(doc, mentions, observations)) {
    const spans = read.get(scope.unit.provenance, scope.unit.text);
    if (!coverage.has(spans)) coverage.set(spans, new Coverage(spans));
    const covered = coverage.get(spans)!;
    for (const figure of figuresIn(scope)) {
      report.near++;
      // "Produced an observation": an observation's value span in the same text unit covers the figure.
      if (covered.covers(figure.start, figure.end)) {
        report.read++;
        continue;
      }
      const unread: UnreadFigure = {
        figure: figure.text,
        value: figure.value,
        near: scope.near,
        indicators: scope.codes,
        source: { provenance: figureProvenance(scope.unit, figure), text: scope.unit.text, start: figure.start, end: figure.end },
      };
      report.figures.push(unread);
    }
  }
  return report;
}

export { unreadShare, type UnreadFigure, type UnreadReport } from './types.ts';
