// comparison.json: what the compare page shows, as data — figures by observation id rather than whole
// observations, so a researcher can join it back to the export records.
import type { IndicatorComparison } from './comparison.ts';
import type { CompareResult, SharedIndicator } from './index.ts';
import type { Figure } from './series.ts';

function figure(f: Figure | null) {
  return f && { value: f.value, period: f.period, year: f.year, observation_id: f.observation.id, review_state: f.observation.reviewState };
}

function comparisonJson(c: IndicatorComparison) {
  return {
    indicator: c.indicator,
    titles: c.titles,
    catalogue_title: c.catalogueTitle,
    direction: 'known' in c.direction ? c.direction.known : { direction: null, because: c.direction.unknown },
    partnerships: c.partnerships,
    pending_only: c.pendingOnly,
    units: c.groups.map((g) => ({
      unit: g.unit,
      series: g.series.map((s) => ({
        label: s.label, partnership: s.partnership, document: s.document, area: s.area, unit: s.unit,
        baseline: figure(s.baseline), targets: s.targets.map(figure), results: s.results.map(figure),
        pending: s.pending, final_target: figure(s.finalTarget), latest_result: figure(s.latestResult),
        ambition: s.ambition && { change: s.ambition.change, ambition: s.ambition.ambition },
        ambition_note: s.ambitionNote,
        progress: s.progress && { ...s.progress, result: figure(s.progress.result) },
        progress_note: s.progressNote,
      })),
    })),
  };
}

/** `shared`: the ranking the page shows (null when one indicator was asked for). */
export function compareJson(result: CompareResult, shared: SharedIndicator[] | null): unknown {
  return { shared, comparisons: result.comparisons.map(comparisonJson) };
}
