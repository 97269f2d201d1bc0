import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioComparisonInput } from '../types.ts';
import { YEAR_AXIS, bandOpacity, withUnit } from '../theme.ts';
import { VALUE_FORMAT, assertFinite, type SizeOptions, topLevelSpec } from './common.ts';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];

/** Options of {@link scenarioComparison}. */
export interface ScenarioComparisonOptions extends SizeOptions {
  /** start every path's median and bands at the last observation, so the paths fan out from the data; @default true */
  connect?: boolean;
}

/**
 * Scenario comparison for one indicator: the baseline (first path) and each scenario as a median line with its
 * prediction bands (one area layer, colour = scenario, opacity = level), over the observed history.
 *
 * @example
 * const spec = scenarioComparison({
 *   title: '雏鹰企业: 基线 vs 扶持政策', unit: '家',
 *   history: [{ year: 2020, value: 534 }],
 *   paths: [
 *     { scenario: '基线 baseline', median: [{ year: 2025, value: 700 }], bands: [{ year: 2025, level: 80, lower: 620, upper: 790 }] },
 *     { scenario: '扶持 support', median: [{ year: 2025, value: 780 }], bands: [{ year: 2025, level: 80, lower: 690, upper: 870 }] },
 *   ],
 * });
 */
export function scenarioComparison(
  input: ScenarioComparisonInput,
  options: ScenarioComparisonOptions = {},
): TopLevelSpec {
  if (input.paths.length === 0) throw new RangeError('scenarioComparison: paths must contain at least the baseline');
  const names = input.paths.map((p) => p.scenario);
  if (new Set(names).size !== names.length)
    throw new RangeError(`scenarioComparison: scenario names must be unique, got ${names.join(', ')}`);
  const { width = 560, height = 300, connect = true } = options;
  const levels = [...new Set(input.paths.flatMap((p) => p.bands.map((b) => b.level)))].sort((a, b) => b - a);
  const last = (input.history ?? []).reduce<{ year: number; value: number } | undefined>(
    (m, h) => (m === undefined || h.year > m.year ? h : m),
    undefined,
  );
  const median: { scenario: string; year: number; value: number }[] = [];
  const bands: { scenario: string; year: number; level: number; lower: number; upper: number }[] = [];
  for (const p of input.paths) {
    p.median.forEach((m, i) => assertFinite(`scenarioComparison: ${p.scenario}.median[${i}].value`, m.value));
    const first = Math.min(...p.median.map((m) => m.year), ...p.bands.map((b) => b.year));
    // Paths fan out from the last observation: a shared start point and zero-width bands there.
    if (connect && last && p.median.length && last.year < first) {
      median.push({ scenario: p.scenario, year: last.year, value: last.value });
      if (p.bands.length)
        for (const level of levels)
          bands.push({ scenario: p.scenario, year: last.year, level, lower: last.value, upper: last.value });
    }
    for (const m of p.median) median.push({ scenario: p.scenario, year: m.year, value: m.value });
    for (const b of p.bands)
      bands.push({ scenario: p.scenario, year: b.year, level: b.level, lower: b.lower, upper: b.upper });
  }
  const history = (input.history ?? []).map((h) => ({ year: h.year, value: h.value }));
  const x = {
    field: 'year',
    type: 'quantitative',
    title: '年份',
    axis: YEAR_AXIS,
    scale: { zero: false, nice: false },
  } as const;
  const yTitle = withUnit('数值', input.unit);
  const color = {
    field: 'scenario',
    type: 'nominal',
    scale: { domain: names, range: names.map((_, i) => PALETTE[i % PALETTE.length]) },
    legend: { title: '情景 scenario' },
  } as const;
  const tip = (f: string, t: string) => ({
    field: f,
    type: 'quantitative',
    title: withUnit(t, input.unit),
    format: VALUE_FORMAT,
  });
  const yearTip = { field: 'year', type: 'quantitative', title: '年份', format: 'd' };
  const layers: object[] = [];
  if (bands.length) {
    layers.push({
      data: { name: 'bands' },
      mark: { type: 'area' },
      encoding: {
        x,
        y: { field: 'lower', type: 'quantitative', title: yTitle },
        y2: { field: 'upper' },
        color,
        opacity: {
          field: 'level',
          type: 'ordinal',
          scale: { domain: levels, range: levels.map((l) => bandOpacity(l) * 0.7) },
          legend: { title: '预测区间 interval (%)' },
        },
        tooltip: [
          { field: 'scenario', type: 'nominal', title: '情景' },
          yearTip,
          { field: 'level', type: 'ordinal', title: '区间 (%)' },
          tip('lower', '下限'),
          tip('upper', '上限'),
        ],
      },
    });
  }
  layers.push({
    data: { name: 'median' },
    mark: { type: 'line', point: true },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: yTitle },
      color,
      strokeDash: {
        field: 'scenario',
        type: 'nominal',
        scale: { domain: names, range: names.map((_, i) => (i === 0 ? [1, 0] : [6, 3])) },
      },
      tooltip: [{ field: 'scenario', type: 'nominal', title: '情景' }, yearTip, tip('value', '中位数 median')],
    },
  });
  if (history.length) {
    layers.push({
      data: { name: 'history' },
      mark: { type: 'line', point: true, color: '#333333' },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', title: yTitle },
        tooltip: [yearTip, tip('value', '实际 observed')],
      },
    });
  }
  const datasets: Record<string, object[]> = { median };
  if (bands.length) datasets.bands = bands;
  if (history.length) datasets.history = history;
  return topLevelSpec(
    input,
    {
      datasets,
      layer: layers,
    },
    { width, height },
  );
}
