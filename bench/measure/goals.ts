// The issue's goals for this benchmark, judged against one run's figures. Growth of peak RSS with the number
// of documents needs several runs: compared across the bench-<docs>.json files already written.
import type { BenchResult } from './result.ts';

export interface GoalVerdict {
  goal: string;
  measured: string;
  met: boolean | null;
  /** By how much a missed goal was missed. */
  shortfall?: string;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const mb = (x: number | null) => (x === null ? 'not measured' : `${x.toFixed(0)} MB`);

export function judge(r: BenchResult, others: BenchResult[]): GoalVerdict[] {
  const [one, two] = r.imports;
  const verdicts: GoalVerdict[] = [];
  const recall = r.accuracy.recall;
  verdicts.push({ goal: 'recall 100% on generated truth', measured: `${pct(recall)} (precision ${pct(r.accuracy.precision)})`, met: recall === 1, shortfall: recall < 1 ? `${r.accuracy.expected - r.accuracy.matched} of ${r.accuracy.expected} records missed` : undefined });
  const ratio = r.pdf.ratios.ingestOverPdfjs;
  verdicts.push({
    goal: 'text-layer PDF import ≤ 1.5× pdfjs-alone time',
    measured: `ingest ${ratio.toFixed(2)}×, whole pipeline ${r.pdf.ratios.pipelineOverPdfjs.toFixed(2)}×`,
    met: ratio <= 1.5,
    shortfall: ratio > 1.5 ? `ingest takes ${(ratio / 1.5).toFixed(2)}× the allowed time` : undefined,
  });
  const speedup = one.wallSeconds / two.wallSeconds;
  const ownClock = one.importSeconds / two.importSeconds;
  verdicts.push({ goal: '--jobs 2 ≥ 1.7× faster than --jobs 1', measured: `${speedup.toFixed(2)}× wall (${ownClock.toFixed(2)}× on the import's own clock)`, met: speedup >= 1.7, shortfall: speedup < 1.7 ? `${(1.7 - speedup).toFixed(2)} short of 1.7×` : undefined });
  const peak = Math.max(...r.imports.map((i) => i.peakRssMb ?? 0));
  const measuredRss = r.imports.every((i) => i.peakRssMb !== null);
  verdicts.push({ goal: 'peak RSS under 500 MB', measured: r.imports.map((i) => `jobs ${i.jobs}: ${mb(i.peakRssMb)}`).join(', '), met: measuredRss ? peak < 500 : null, shortfall: measuredRss && peak >= 500 ? `${(peak - 500).toFixed(0)} MB over` : undefined });
  const runs = [...others.filter((o) => o.docs !== r.docs), r].sort((a, b) => a.docs - b.docs);
  if (runs.length > 1) {
    const series = runs.map((o) => `${o.docs}: ${o.imports.map((i) => mb(i.peakRssMb)).join(' / ')}`).join('; ');
    const small = runs[0].imports.map((i) => i.peakRssMb ?? 0);
    const large = runs[runs.length - 1].imports.map((i) => i.peakRssMb ?? 0);
    // "No growth": within 15% (allocator and GC timing move RSS by that much between identical runs).
    const grew = large.some((x, i) => x > small[i] * 1.15);
    verdicts.push({ goal: `no peak RSS growth ${runs[0].docs} → ${runs[runs.length - 1].docs} documents`, measured: `jobs 1 / jobs 2 — ${series}`, met: !grew, shortfall: grew ? `grew ${large.map((x, i) => `${((x / small[i] - 1) * 100).toFixed(0)}%`).join(' / ')}` : undefined });
  } else verdicts.push({ goal: 'no peak RSS growth 1,000 → 10,000 documents', measured: 'needs runs at two sizes', met: null });
  if (r.startup) {
    const { node, help } = r.startup;
    const times = help.medianSeconds / node.medianSeconds;
    const rss = help.peakRssMb === null ? '' : `, ${help.peakRssMb.toFixed(0)} MB (node -e 0: ${node.peakRssMb?.toFixed(0)} MB)`;
    verdicts.push({
      goal: 'planharvest --help ≤ 0.25 s and ≤ 3× node -e 0',
      measured: `${help.medianSeconds.toFixed(3)} s = ${times.toFixed(2)}× node -e 0 (${node.medianSeconds.toFixed(3)} s)${rss}`,
      met: help.medianSeconds <= 0.25 && times <= 3,
      shortfall: help.medianSeconds > 0.25 || times > 3 ? `${help.medianSeconds.toFixed(3)} s, ${times.toFixed(2)}×` : undefined,
    });
  }
  if (r.pdfEndToEnd) {
    const e = r.pdfEndToEnd;
    const rss = e.planharvest.medianRssMb;
    verdicts.push({
      goal: `${e.pages}-page PDF end to end ≤ 1.5× a pdfjs-only process, peak RSS ≤ 250 MB`,
      measured: `${e.planharvest.medianSeconds.toFixed(2)} s = ${e.ratio.toFixed(2)}× (pdfjs ${e.pdfjs.medianSeconds.toFixed(2)} s), ${mb(rss)}`,
      met: e.ratio <= 1.5 && rss !== null && rss <= 250,
      shortfall: e.ratio > 1.5 ? `${e.ratio.toFixed(2)}×` : rss !== null && rss > 250 ? mb(rss) : undefined,
    });
  }
  const writes = r.storeWrites.observationsPerSecond;
  verdicts.push({ goal: 'store writes ≥ 50,000 observations/s', measured: `${Math.round(writes).toLocaleString('en-GB')} obs/s`, met: writes >= 50000, shortfall: writes < 50000 ? `${(50000 / writes).toFixed(1)}× too slow` : undefined });
  return verdicts;
}
