import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  attainabilityDashboard,
  compileSpec,
  fanChart,
  fitDiagnostics,
  growthGapChart,
  pipelineChart,
  probabilitySummary,
  renderSvg,
  scenarioComparison,
  sortByProbability,
  svgTexts,
} from '../src/render.ts';
import { probabilityInput, probabilityInputGrouped } from './fixtures/probability.ts';
import { dashboardInput, fanInput, fitInput, growthInput, pipelineInput, scenarioInput } from './fixtures/inputs.ts';
import { schemaErrors } from './helpers.ts';
import { bundledEvidence, logDynamics, priorFor, projectCurve } from '@trajectory/forecast';
import { curveDiagnosticsInput } from '../src/index.ts';

/** The curve path of a pooled projection on logistic counts (forecast's projectCurve), as the report draws it. */
function curveInput() {
  const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020];
  const values = years.map((y, i) => (800 / (1 + Math.exp(-0.7 * (y - 2016)))) * (1 + (i % 2 ? 0.01 : -0.01)));
  const prior = priorFor(bundledEvidence()!, 'x.hightech_firms', 'log', 'count')!;
  const r = projectCurve(
    { years, values },
    { dynamics: logDynamics(0), prior, toYear: 2025, nPaths: 200, seed: 1, window: {} },
  );
  if (!r.ok) throw new Error(r.reason);
  return curveDiagnosticsInput('高新技术企业: 增长曲线', '家', r.projection.curve);
}

const builders: [string, () => TopLevelSpec, number[]][] = [
  ['fitDiagnostics (curve path)', () => fitDiagnostics(curveInput()), [2015, 2020, 2025]],
  ['fanChart', () => fanChart(fanInput), [2015, 2020, 2025]],
  ['attainabilityDashboard', () => attainabilityDashboard(dashboardInput), []],
  ['growthGapChart', () => growthGapChart(growthInput), []],
  ['scenarioComparison', () => scenarioComparison(scenarioInput), [2018, 2020, 2025]],
  ['pipelineChart', () => pipelineChart(pipelineInput), [2020, 2025]],
  ['fitDiagnostics', () => fitDiagnostics(fitInput), [2015, 2020]],
  ['probabilitySummary', () => probabilitySummary(probabilityInput), []],
  ['probabilitySummary (one panel per group)', () => probabilitySummary(probabilityInputGrouped), []],
];

describe.each(builders)('%s(input)', (_name, build, years) => {
  it('validates against the installed Vega-Lite JSON schema', () => {
    expect(schemaErrors(build())).toEqual([]);
  });

  it('compiles and renders with zero warnings', async () => {
    const spec = build();
    expect(compileSpec(spec).warnings).toEqual([]);
    const runtime: string[] = [];
    await renderSvg(spec, { onWarning: (m) => runtime.push(m) });
    expect(runtime).toEqual([]);
  });

  it('is plain JSON (round-trips unchanged)', () => {
    const spec = build();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it.runIf(years.length > 0)('shows years as years in the SVG (2015, not 2,015 or 2015.0)', async () => {
    const texts = svgTexts(await renderSvg(build()));
    for (const y of years) expect(texts).toContain(String(y));
    // every year of the plotted range, in the forms a wrong format would print: "2,015", "2015.0", "2.015e+3"
    for (let y = Math.min(...years); y <= Math.max(...years); y++) {
      const bad = [y.toLocaleString('en-US'), `${y}.0`, y.toExponential(3)];
      expect(texts.filter((t) => bad.some((b) => t.includes(b)))).toEqual([]);
    }
  });
});

describe('chart text', () => {
  it('fanChart puts the unit in the y axis title and the Chinese title in the SVG', async () => {
    const texts = svgTexts(await renderSvg(fanChart(fanInput)));
    expect(texts).toContain('滨海高新区 国家高新技术企业数');
    expect(texts).toContain('数值 (家)');
    expect(texts.some((t) => t.includes('2,500 家 (2025)'))).toBe(true);
  });

  it('fanChart target tooltip carries year, comparator, value and source', () => {
    const spec = fanChart(fanInput) as { datasets: Record<string, Record<string, unknown>[]> };
    expect(spec.datasets.target?.[0]).toMatchObject({
      year: 2025,
      value: 2500,
      comparator: '≥',
      source: fanInput.target?.source,
    });
    expect(JSON.stringify(spec)).toContain('"title":"来源 source"');
  });

  it('fanChart draws all band levels in one area layer with opacity by level, wider bands lighter', () => {
    const spec = fanChart(fanInput) as unknown as {
      layer: { mark: { type: string }; encoding: { opacity?: { scale: { domain: number[]; range: number[] } } } }[];
    };
    const areas = spec.layer.filter((l) => l.mark.type === 'area');
    expect(areas).toHaveLength(1);
    const scale = areas[0]?.encoding.opacity?.scale;
    expect(scale?.domain).toEqual([95, 80, 50]);
    const [o95 = 0, o80 = 0, o50 = 0] = scale?.range ?? [];
    expect(o95).toBeLessThan(o80);
    expect(o80).toBeLessThan(o50);
  });

  it('fanChart opens the fan from the last observation unless connect is false', () => {
    type S = {
      datasets: {
        series: { series: string; year: number; value: number }[];
        bands: { year: number; level: number; lower: number; upper: number }[];
      };
    };
    const spec = fanChart(fanInput) as unknown as S;
    const median = spec.datasets.series.filter((r) => r.series.includes('median'));
    expect(median[0]).toEqual({ series: '预测中位数 median', year: 2020, value: 1597 });
    expect(spec.datasets.bands.filter((b) => b.year === 2020)).toEqual(
      [95, 80, 50].map((level) => ({ year: 2020, level, lower: 1597, upper: 1597 })),
    );
    const loose = fanChart(fanInput, { connect: false }) as unknown as S;
    expect(loose.datasets.series.filter((r) => r.series.includes('median'))[0]?.year).toBe(2021);
    expect(loose.datasets.bands).toHaveLength(fanInput.bands.length);
  });

  it('scenarioComparison fans every path out from the last observation unless connect is false', () => {
    type S = {
      datasets: {
        median: { scenario: string; year: number; value: number }[];
        bands: { scenario: string; year: number }[];
      };
    };
    const spec = scenarioComparison(scenarioInput) as unknown as S;
    for (const name of ['基线 baseline', '扶持 support']) {
      expect(spec.datasets.median.find((m) => m.scenario === name)).toEqual({ scenario: name, year: 2020, value: 534 });
      expect(spec.datasets.bands.filter((b) => b.scenario === name && b.year === 2020)).toHaveLength(2);
    }
    const loose = scenarioComparison(scenarioInput, { connect: false }) as unknown as S;
    expect(loose.datasets.median.some((m) => m.year === 2020)).toBe(false);
  });

  it('scenarioComparison draws each target as a rule with a marker and a label of its value and year', async () => {
    const svg = await renderSvg(scenarioComparison(scenarioInput));
    const texts = svgTexts(svg);
    expect(texts).toContain('目标 ≥ 900 家 (2025)');
    expect(texts).toContain('目标 ≥ 850 家 (2025)');
    // one horizontal rule per target, spanning the plot (vega draws a rule as a <line> from its x to x2)
    const rules = svg.match(/<g class="mark-rule role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '';
    expect(rules.match(/<line\b/g)).toHaveLength(2);
    // the two labels in one year do not sit on top of each other: the higher target's label above, the other below
    type L = { transform?: { filter: { equal: string } }[]; mark: { type: string; baseline?: string } };
    const spec = scenarioComparison(scenarioInput) as unknown as {
      layer: L[];
      datasets: { targets: { place: string; value: number }[] };
    };
    expect(spec.datasets.targets.map((t) => [t.value, t.place])).toEqual([
      [900, 'above'],
      [850, 'below'],
    ]);
    const labels = spec.layer.filter((l) => l.mark.type === 'text' && l.transform);
    expect(labels.map((l) => [l.transform?.[0]?.filter.equal, l.mark.baseline])).toEqual([
      ['above', 'bottom'],
      ['below', 'top'],
    ]);
  });

  it.each([
    ['with targets', scenarioInput],
    ['without targets', { ...scenarioInput, targets: [] }],
  ])(
    'scenarioComparison %s has one legend naming exactly the scenarios drawn and one for the band levels',
    (_, input) => {
      const { vega } = compileSpec(scenarioComparison(input));
      const scales = new Map((vega.scales ?? []).map((s) => [s.name, s]));
      const legends = (vega.legends ?? []) as unknown as Record<string, unknown>[];
      expect(legends.map((l) => (l.title as string | undefined) ?? '')).toEqual(
        expect.arrayContaining(['情景 scenario', '预测区间 band (%)']),
      );
      expect(legends).toHaveLength(2);
      const scenario = legends.find((l) => l.title === '情景 scenario')!;
      // colour and shape merged into the one scenario legend, both over the drawn scenarios
      const drawn = [...new Set(scenarioInput.paths.map((p) => p.scenario))];
      for (const channel of ['stroke', 'shape'] as const) {
        const name = scenario[channel] as string;
        expect(name, channel).toBeTruthy();
        expect(scales.get(name)?.domain, channel).toEqual(drawn);
      }
      const bands = legends.find((l) => l.title === '预测区间 band (%)')!;
      expect(scales.get(bands.strokeDash as string)?.domain).toEqual([50, 80]);
      // no legend for the band fill opacity, the history or the targets
      expect(legends.some((l) => 'opacity' in l || 'fillOpacity' in l)).toBe(false);
    },
  );

  it('scenarioComparison colours are colour-blind safe (Okabe–Ito) and no two band fills overlap', () => {
    const spec = scenarioComparison(scenarioInput) as unknown as {
      layer: {
        mark: { type: string; opacity?: number };
        transform?: { filter: string }[];
        encoding?: { color?: { scale: { range: string[] } } };
      }[];
    };
    const areas = spec.layer.filter((l) => l.mark.type === 'area');
    // one filled band, the baseline's 80%; every other band is an outline
    expect(areas).toHaveLength(1);
    expect(areas[0]!.transform).toEqual([{ filter: 'datum.level === 80 && datum.scenario === "基线 baseline"' }]);
    expect(areas[0]!.mark.opacity).toBeLessThanOrEqual(0.2);
    // a baseline without bands: nothing filled, and the band legend does not claim a fill
    const [base, support] = scenarioInput.paths;
    const unfilled = scenarioComparison({ ...scenarioInput, paths: [{ ...base!, bands: [] }, support!] });
    expect(JSON.stringify(unfilled)).not.toContain('基线填充');
    expect((unfilled as unknown as typeof spec).layer.filter((l) => l.mark.type === 'area')).toEqual([]);
    expect(areas[0]!.encoding?.color?.scale.range).toEqual(['#0072B2', '#E69F00']);
  });

  it('attainabilityDashboard sorts by probability, unassessed last, and labels n/a', async () => {
    expect(sortByProbability(dashboardInput.rows).map((r) => r.probability)).toEqual([0.72, 0.55, 0.41, 0.04, null]);
    const texts = svgTexts(await renderSvg(attainabilityDashboard(dashboardInput)));
    for (const t of ['72%', '41%', '4%', 'n/a', '瞪羚企业 2023 ≥ 30 家']) expect(texts).toContain(t);
  });

  it('growthGapChart spans the gap from historical growth, or projected growth when there is no history', () => {
    const spec = growthGapChart(growthInput) as unknown as {
      layer: { mark: { type: string }; data: { values: Record<string, unknown>[] } }[];
    };
    const rule = spec.layer.find((l) => l.mark.type === 'rule' && l.data.values.some((v) => 'required' in v));
    expect(rule?.data.values).toContainEqual({ label: '雏鹰企业 2023 ≥ 150 家', required: 12.6, from: 13.0 });
    expect(rule?.data.values).toContainEqual({ label: '高新技术企业 2023 ≥ 650 家', required: 26.6, from: 11.2 });
    const dots = spec.layer.find((l) => l.mark.type === 'point')?.data.values ?? [];
    expect(dots.filter((d) => d.label === '高新技术企业 2023 ≥ 650 家').map((d) => d.kind)).toEqual([
      '要求 required',
      '历史 historical',
      '预测 projected',
    ]);
  });

  it('pipelineChart stacks the ladder bottom-up in ladder order', () => {
    const spec = pipelineChart(pipelineInput) as unknown as {
      encoding: { color: { scale: { domain: string[] } } };
      data: { values: { stage: string; order: number }[] };
    };
    expect(spec.encoding.color.scale.domain).toEqual(['科技型中小企业', '雏鹰企业', '瞪羚企业', '领军企业']);
    expect(spec.data.values.find((v) => v.stage === '领军企业')?.order).toBe(3);
  });

  it('fitDiagnostics of the curve path draws the observations, every candidate and the chosen one thick', async () => {
    const input = curveInput();
    expect(input.chosen).toBe('logistic');
    expect(new Set(input.curves!.map((c) => c.model))).toEqual(
      new Set(['linear', 'exponential', 'logistic', 'gompertz']),
    );
    const spec = fitDiagnostics(input) as unknown as {
      vconcat: { layer?: { encoding: { strokeWidth?: unknown } }[] }[];
    };
    expect(spec.vconcat).toHaveLength(3);
    expect(spec.vconcat[0]!.layer![0]!.encoding.strokeWidth).toEqual({
      condition: { test: 'datum.model === "logistic"', value: 3 },
      value: 1.2,
    });
    const texts = svgTexts(await renderSvg(fitDiagnostics(input)));
    for (const t of [
      '观测与候选曲线 observations and candidate curves (thick: chosen)',
      'logistic',
      'gompertz',
      'Akaike weight',
    ])
      expect(texts).toContain(t);
  });

  it('fitDiagnostics orders the model table by AICc with unranked models last', async () => {
    const texts = svgTexts(await renderSvg(fitDiagnostics(fitInput)));
    for (const t of ['ΔAICc', 'logistic', 'max-iterations', '0.740', '1.000e+9']) expect(texts).toContain(t);
  });
});

describe('sparse input renders without runtime warnings', () => {
  const quiet = async (spec: TopLevelSpec) => {
    const warnings: string[] = [];
    await renderSvg(spec, { onWarning: (m) => warnings.push(m) });
    return [...compileSpec(spec).warnings, ...warnings];
  };
  it('attainabilityDashboard with no growth rates and no probabilities', async () => {
    const rows = dashboardInput.rows.map((r) => ({
      ...r,
      probability: null,
      requiredGrowth: null,
      historicalGrowth: null,
      projectedGrowth: null,
    }));
    expect(await quiet(attainabilityDashboard({ title: '无数据', rows }))).toEqual([]);
  });
  it('attainabilityDashboard with required growth only', async () => {
    const rows = dashboardInput.rows.map((r) => ({ ...r, historicalGrowth: null, projectedGrowth: null }));
    expect(await quiet(attainabilityDashboard({ title: '仅要求增长', rows }))).toEqual([]);
  });
  it('fanChart with one observation, no fitted curve, no target', async () => {
    const { fitted: _f, target: _t, ...rest } = fanInput;
    expect(await quiet(fanChart({ ...rest, history: [{ year: 2020, value: 1597 }] }))).toEqual([]);
  });
  it('scenarioComparison without bands or history', async () => {
    expect(
      await quiet(
        scenarioComparison({
          title: '无区间',
          unit: '家',
          paths: [{ scenario: 'base', median: [{ year: 2025, value: 1 }], bands: [] }],
        }),
      ),
    ).toEqual([]);
  });
});

describe('bad input', () => {
  it('fanChart rejects a NaN history value naming the row', () => {
    expect(() => fanChart({ ...fanInput, history: [{ year: 2015, value: NaN }] })).toThrow(
      'fanChart: history[0].value must be a finite number, got NaN',
    );
  });
  it('fanChart rejects an inverted band', () => {
    expect(() => fanChart({ ...fanInput, bands: [{ year: 2021, level: 80, lower: 5, upper: 1 }] })).toThrow(
      'fanChart: bands[0] has lower 5 > upper 1',
    );
  });
  it('attainabilityDashboard rejects a probability outside [0, 1]', () => {
    expect(() =>
      attainabilityDashboard({ title: 't', rows: [{ ...dashboardInput.rows[0]!, probability: 1.2 }] }),
    ).toThrow('rows[0].probability must be in [0, 1]');
  });
  it('scenarioComparison rejects duplicate scenario names', () => {
    const p = scenarioInput.paths[0]!;
    expect(() => scenarioComparison({ ...scenarioInput, paths: [p, p] })).toThrow('scenario names must be unique');
  });
  it('pipelineChart rejects a negative stock', () => {
    expect(() => pipelineChart({ ...pipelineInput, stocks: [{ year: 2020, stage: '雏鹰企业', value: -1 }] })).toThrow(
      'stocks[0].value must be >= 0',
    );
  });
  it('builders reject an empty title', () => {
    expect(() => growthGapChart({ title: '', rows: [] })).toThrow('chart title must be a non-empty string');
  });
});
