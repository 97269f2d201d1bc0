import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { selectCurve } from '@trajectory/fit';
import { loadScenario, runScenario } from '@trajectory/scenario';
import {
  comparisonInputs,
  compileSpec,
  scenarioCharts,
  fitDiagnostics,
  fitDiagnosticsInput,
  fittedCurve,
  regionDashboardInput,
  selectionDiagnosticsInput,
  targetFanInput,
} from '../src/render.ts';
import { schemaErrors } from './helpers.ts';
import { planAssessment } from './fixtures/plan-assessment.ts';

const [binhai, nankai] = planAssessment.regions;
const hightech = binhai!.targets[0]!;

describe('targetFanInput(target)', () => {
  it('maps the compact fan to long bands and the resolved target to a marker with its source', () => {
    const f = targetFanInput(hightech);
    expect(f?.history).toEqual(hightech.fan?.history);
    expect(f?.median.map((m) => m.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(f?.bands).toHaveLength(3 * 5);
    expect(f?.bands.find((b) => b.year === 2023 && b.level === 80)).toEqual({
      year: 2023,
      level: 80,
      lower: hightech.fan!.bands[1]!.lower[2],
      upper: hightech.fan!.bands[1]!.upper[2],
    });
    expect(f?.target).toEqual({
      year: 2025,
      value: 2500,
      comparator: '>=',
      source: `004_92afca926d264bc3.txt: ${hightech.target.source.quote}`,
    });
    expect(f?.unit).toBe('家');
  });
  it('returns null without a fan, and no marker for a cumulative target', () => {
    expect(targetFanInput(nankai!.targets[2]!)).toBeNull();
    expect(targetFanInput({ ...hightech, accumulation: 'cumulative' })?.target).toBeUndefined();
  });
});

describe('regionDashboardInput(region, {assessor})', () => {
  it('converts CAGR fractions to percent per year and colours by the chosen assessor', () => {
    const d = regionDashboardInput(nankai!, { assessor: 'xushi' });
    expect(d.rows.map((r) => r.probability)).toEqual([0.04, 0.41, null]);
    expect(d.rows[0]?.requiredGrowth).toBeCloseTo(26.6, 10);
    expect(d.rows[0]?.historicalGrowth).toBeCloseTo(11.2, 10);
    expect(regionDashboardInput(binhai!).rows[0]?.projectedGrowth).toBeCloseTo(11, 10);
    expect(d.rows.map((r) => r.category)).toEqual(['滞后', '滞后', 'not-applicable']);
    expect(d.rows[2]?.note).toContain('no-base');
    expect(regionDashboardInput(nankai!).rows[0]?.category).toBe('insufficient-progress');
  });
});

describe('fitDiagnosticsInput(title, unit, years, fits, selection)', () => {
  it('pairs residuals with years and rejects a length mismatch', () => {
    const d = fitDiagnosticsInput(
      't',
      '家',
      [2019, 2020],
      [{ model: 'logistic', residuals: new Float64Array([1, -1]) }],
      [],
    );
    expect(d.residuals).toEqual([
      { model: 'logistic', year: 2019, residual: 1 },
      { model: 'logistic', year: 2020, residual: -1 },
    ]);
    expect(() => fitDiagnosticsInput('t', '家', [2019], [{ model: 'exp', residuals: [1, 2] }], [])).toThrow(
      'exp has 2 residuals for 1 years',
    );
  });
});

describe('selectionDiagnosticsInput(title, unit, selectCurve(series))', () => {
  it('turns a real model selection into a diagnostics chart that validates and compiles cleanly', () => {
    const t = [2014, 2015, 2016, 2017, 2018, 2019, 2020];
    const y = [620, 700, 805, 910, 1040, 1190, 1320];
    const sel = selectCurve({ t, y }, { models: ['linear', 'exponential', 'logistic'] });
    const input = selectionDiagnosticsInput('拟合诊断', '家', sel);
    expect(new Set(input.residuals.map((r) => r.model))).toEqual(new Set(sel.table.map((r) => r.model)));
    const linear = sel.fits.linear!;
    expect(input.residuals.filter((r) => r.model === 'linear')).toEqual(
      linear.t.map((year, i) => ({ model: 'linear', year, residual: linear.residuals[i] })),
    );
    expect(input.models.map((m) => m.model)).toEqual(sel.table.map((r) => r.model));
    const spec = fitDiagnostics(input);
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
    expect(fittedCurve(linear).map((p) => p.year)).toEqual(t);
  });

  it('maps non-finite criteria to null', () => {
    const d = fitDiagnosticsInput(
      't',
      '家',
      [],
      [],
      [{ model: 'm', k: 2, n: 2, rss: 0, aicc: NaN, bic: Infinity, deltaAicc: NaN, weight: NaN, status: 'converged' }],
    );
    expect(d.models[0]).toMatchObject({ aicc: null, bic: null, deltaAicc: null, weight: null });
  });
});

describe('comparisonInputs(result, scenario) and scenarioCharts on a real scenario run', () => {
  const file = fileURLToPath(new URL('../../../examples/nankai-gazelle-doubling.yaml', import.meta.url));
  const scenario = loadScenario(file, { draws: 300 });
  const result = runScenario(scenario);
  const inputs = comparisonInputs(result, scenario);

  it('carries each series’ stated targets (blank ones have no value to draw)', () => {
    for (const c of inputs) {
      const stated = result.targets.filter((t) => t.indicator === c.id && t.value !== null);
      expect(
        c.targets?.map((t) => [t.year, t.value, t.comparator]),
        c.id,
      ).toEqual(stated.map((t) => [t.year, t.value, t.comparator]));
    }
    expect(inputs.find((c) => c.id === 'hightech')?.targets?.map((t) => t.value)).toEqual([650, 500]);
  });

  it('draws a series the interventions leave unchanged once, so the legend lists only what is drawn', () => {
    for (const c of inputs) {
      const s = result.series.find((x) => x.id === c.id)!;
      const changed = s.baseline.median.some((v, i) => v !== s.scenario.median[i]);
      expect(
        c.paths.map((p) => p.scenario),
        c.id,
      ).toEqual(changed ? ['基线 baseline', '情景 scenario'] : ['基线 baseline']);
    }
    // the doubling changes the gazelles; nothing acts on the bottom of the ladder
    expect(inputs.find((c) => c.id === 'gazelle')?.paths).toHaveLength(2);
    expect(inputs.find((c) => c.id === 'sme')?.paths).toHaveLength(1);
    for (const chart of scenarioCharts(result, scenario).filter((c) => c.kind === 'comparison')) {
      const { vega } = compileSpec(chart.spec);
      const legend = (vega.legends ?? []).find((l) => l.title === '情景 scenario') as { stroke?: string } | undefined;
      const domain = (vega.scales ?? []).find((x) => x.name === legend?.stroke)?.domain;
      expect(domain, chart.name).toEqual(inputs.find((c) => c.id === chart.name)?.paths.map((p) => p.scenario));
    }
  });
});
