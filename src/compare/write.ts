// Writes a comparison into a folder: compare.html (self-contained), comparison.json, and per chart its SVG
// and Vega-Lite spec in charts/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartsFor } from './charts/index.ts';
import { comparePage } from './html/page.ts';
import { rankedShared, type CompareResult } from './index.ts';
import { compareJson } from './json.ts';

export const CHARTS_FOLDER = 'charts';

export interface WriteOptions {
  /** How the page names the store (the --db path). */
  databaseLabel: string;
  /** Show the ranking of shared indicators (when no one indicator was asked for). */
  showShared: boolean;
}

export interface WrittenComparison {
  files: { html: string; json: string; charts: string[] };
  result: CompareResult;
}

export async function writeComparison(result: CompareResult, outDir: string, options: WriteOptions): Promise<WrittenComparison> {
  const sections = [];
  for (const comparison of result.comparisons) sections.push({ comparison, charts: await chartsFor(comparison) });
  const chartsDir = join(outDir, CHARTS_FOLDER);
  mkdirSync(chartsDir, { recursive: true });
  const charts: string[] = [];
  for (const chart of sections.flatMap((s) => s.charts.flatMap((g) => (g.ambition ? [g.trajectory, g.ambition] : [g.trajectory])))) {
    const svg = join(chartsDir, `${chart.name}.svg`);
    const spec = join(chartsDir, `${chart.name}.vl.json`);
    writeFileSync(svg, chart.svg);
    writeFileSync(spec, `${JSON.stringify(chart.spec, null, 2)}\n`);
    charts.push(svg, spec);
  }
  const shared = options.showShared ? rankedShared(result.shared) : null;
  const files = { html: join(outDir, 'compare.html'), json: join(outDir, 'comparison.json'), charts };
  writeFileSync(files.html, comparePage({ database: options.databaseLabel, generatedAt: new Date().toISOString(), shared, sections, chartsFolder: CHARTS_FOLDER }).markup);
  writeFileSync(files.json, `${JSON.stringify(compareJson(result, shared), null, 2)}\n`);
  return { files, result };
}
