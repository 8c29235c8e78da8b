// `planharvest compare` on the seeds plus the text fixtures, as a user runs it: NI 8 puts Rochford (24.7% by
// 2010/11 from 20.2% in 2005/06) beside Hertfordshire Forward (25.8% by 2010/11 from 21.8%); NI 186 shows the
// Hertfordshire trajectory in tonnes per capita (6.7 → 6.4, 6.2, 6.1); without --indicator, the most shared
// indicators. Charts are written as SVG with their Vega-Lite specs beside them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/compare.ts';
import { runCli } from '../support/cli.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

const HERTS = 'Hertfordshire Forward';
const ROCHFORD = 'Rochford District Local Strategic Partnership';

interface JsonFigure { value: number; period: string | null; year: number | null }
interface JsonSeries { label: string; unit: string | null; baseline: JsonFigure | null; targets: JsonFigure[]; final_target: JsonFigure | null; ambition: { ambition: { absolute: number; percent: number } | null } | null }
interface JsonComparison { indicator: string; units: Array<{ unit: string | null; series: JsonSeries[] }> }
interface CompareJson { shared: Array<{ indicator: string; partnerships: string[] }> | null; comparisons: JsonComparison[] }

function compare(db: string, ...args: string[]) {
  const out = join(tempDir(), 'compare');
  const run = runCli('compare', '--db', db, '--out', out, ...args);
  const json = run.code === 0 ? (JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as CompareJson) : null;
  const html = run.code === 0 ? readFileSync(join(out, 'compare.html'), 'utf8') : '';
  return { ...run, out, json, html };
}

describe('compare on the seeds and fixtures', () => {
  let db: string;
  beforeAll(async () => {
    const imported = await importInto([SEEDS, join(FIXTURES, 'text')], join(tempDir(), 'store.db'));
    imported.store.close();
    db = imported.dbPath;
  });

  it('NI 8: Rochford 24.7% by 2010/11 from 20.2% (2005/06) beside Hertfordshire Forward 25.8% by 2010/11 from 21.8%', () => {
    const { code, json, html, stderr } = compare(db, '--indicator', 'NI 8');
    expect(code, stderr).toBe(0);
    const [ni8] = json!.comparisons;
    expect(ni8.indicator).toBe('NI 8');
    expect(ni8.units.map((u) => u.unit)).toEqual(['%']);
    const byLabel = new Map(ni8.units[0].series.map((s) => [s.label, s]));
    expect(byLabel.get(ROCHFORD)).toMatchObject({ baseline: { value: 20.2, period: '2005/06' }, final_target: { value: 24.7, period: '2010/11' } });
    expect(byLabel.get(HERTS)).toMatchObject({ baseline: { value: 21.8 }, final_target: { value: 25.8, period: '2010/11' } });
    // Higher participation is better ("participation" in Rochford's title): +4.5 pp (+22.3%) and +4 pp (+18.3%).
    expect(byLabel.get(ROCHFORD)!.ambition!.ambition!.absolute).toBeCloseTo(4.5, 9);
    expect(byLabel.get(HERTS)!.ambition!.ambition!.percent).toBeCloseTo(18.35, 2);
    // On the page: both rows of one table, with their figures.
    for (const [name, figures] of [[ROCHFORD, ['20.2%', '2005/06', '24.7%']], [HERTS, ['21.8%', '25.8%', 'pending']]] as const) {
      const row = html.slice(html.indexOf(`<tr data-series="${name}"`), html.indexOf('</tr>', html.indexOf(`<tr data-series="${name}"`)));
      for (const f of figures) expect(row).toContain(f);
    }
  });

  it('NI 186: the Hertfordshire trajectory in tonnes per capita, 6.7 → 6.4, 6.2, 6.1, as SVG and a reusable spec', () => {
    const { code, json, out } = compare(db, '--indicator', 'ni186');
    expect(code).toBe(0);
    const [ni186] = json!.comparisons;
    expect(ni186.units.map((u) => u.unit)).toEqual(['tonnes per capita']);
    const herts = ni186.units[0].series.find((s) => s.label === HERTS)!;
    expect(herts.baseline).toMatchObject({ value: 6.7, period: '2005' });
    expect(herts.targets.map((t) => [t.value, t.period, t.year])).toEqual([[6.4, '2008/09', 2009], [6.2, '2009/10', 2010], [6.1, '2010/11', 2011]]);
    const name = 'ni-186-tonnes-per-capita-trajectory';
    const spec = JSON.parse(readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8'));
    expect(spec.$schema).toMatch(/vega-lite/);
    expect(spec.encoding.y.title).toBe('NI 186 (tonnes per capita)');
    const plan = spec.data.values.filter((r: { series: string; line: string }) => r.series === HERTS && r.line === 'plan');
    expect(plan.map((r: { year: number; value: number }) => [r.year, r.value])).toEqual([[2005, 6.7], [2009, 6.4], [2010, 6.2], [2011, 6.1]]);
    const svg = readFileSync(join(out, 'charts', `${name}.svg`), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(HERTS);
    expect(existsSync(join(out, 'charts', 'ni-186-tonnes-per-capita-ambition.svg'))).toBe(true);
  });

  it('without --indicator, ranks the indicators most partnerships share and compares the top ones', () => {
    const { code, json, html } = compare(db, '--top', '3');
    expect(code).toBe(0);
    // NI 16 and NI 192 are each named by five partnerships (the seeds and fixtures 04, 05, 09, 13–16).
    expect(['NI 16', 'NI 192']).toContain(json!.shared![0].indicator);
    expect(json!.shared![0].partnerships.length).toBe(5);
    const counts = json!.shared!.map((s) => s.partnerships.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((n) => n >= 2)).toBe(true);
    expect(json!.comparisons.map((c) => c.indicator)).toEqual(json!.shared!.slice(0, 3).map((s) => s.indicator));
    expect(html).toContain('Indicators partnerships share');
  });

  it('compares only the partnerships asked for', () => {
    const { code, json } = compare(db, '--indicator', 'NI 186', '--partnership', 'hertfordshire', '--partnership', 'harbourside');
    expect(code).toBe(0);
    expect(json!.comparisons[0].units[0].series.map((s) => s.label).sort()).toEqual(['Harbourside City Partnership', HERTS]);
  });

  it('refuses what it cannot compare with exit code 2 and one line', () => {
    for (const args of [['--indicator', 'NI 999'], ['--indicator', 'banana'], ['--partnership', 'Atlantis'], ['--direction', 'sideways'], ['--top', '0']]) {
      const r = compare(db, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(runCli('compare', '--db', join(tempDir(), 'missing.db'), '--out', tempDir()).code).toBe(2);
  });
});
