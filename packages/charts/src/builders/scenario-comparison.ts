import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioComparisonInput } from '../types.ts';
import { SCENARIO_COLORS, TARGET_COLOR, YEAR_AXIS, withUnit } from '../theme.ts';
import { VALUE_FORMAT, assertFinite, type SizeOptions, topLevelSpec } from './common.ts';
import { COMPARATOR_SHAPE, COMPARATOR_TEXT, targetLabel } from './fan-chart.ts';

/** Options of {@link scenarioComparison}. */
export interface ScenarioComparisonOptions extends SizeOptions {
  /** start every path's median and bands at the last observation, so the paths fan out from the data; @default true */
  connect?: boolean;
  /** the one band level of the baseline drawn with a light fill (all bands are outlined); @default the level nearest 80 */
  fillLevel?: number;
}

/** Opacity of the one filled band (the baseline's): light, so the scenarios' outlines read through it. */
const FILL_OPACITY = 0.14;

/** Legends under the plot, side by side: the chart stays narrow enough for two in a row on a wide page. */
const LEGEND_PLACE = { orient: 'bottom', direction: 'horizontal' } as const;

/** Dash of each band's outline, innermost level first (the medians are solid). */
const OUTLINE_DASHES = [
  [6, 3],
  [3, 3],
  [1, 3],
];

/**
 * Scenario comparison for one indicator: the baseline (first path) and each scenario as a median line with its
 * prediction bands, over the observed history, with the plan's targets. Bands stay readable when scenarios overlap:
 * every band is an outline in its scenario's colour (dash = level), and only the baseline's 80% band has a light
 * fill, so no two fills overlap. Colours
 * are colour-blind safe (Okabe–Ito) and doubled by the median's point shape. Each target is a dashed rule at its
 * value with a marker and a label (`≥ 650 家 (2023)`) in its year. One legend names the scenarios drawn, one the
 * band levels; history and targets are labelled on the chart.
 *
 * @example
 * const spec = scenarioComparison({
 *   title: '雏鹰企业: 基线 vs 扶持政策', unit: '家',
 *   history: [{ year: 2020, value: 534 }],
 *   paths: [
 *     { scenario: '基线 baseline', median: [{ year: 2025, value: 700 }], bands: [{ year: 2025, level: 80, lower: 620, upper: 790 }] },
 *     { scenario: '扶持 support', median: [{ year: 2025, value: 780 }], bands: [{ year: 2025, level: 80, lower: 690, upper: 870 }] },
 *   ],
 *   targets: [{ year: 2025, value: 800, comparator: '>=' }],
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
  const levels = [...new Set(input.paths.flatMap((p) => p.bands.map((b) => b.level)))].sort((a, b) => a - b);
  const fillLevel =
    options.fillLevel ??
    levels.reduce<number | undefined>(
      (m, l) => (m === undefined || Math.abs(l - 80) < Math.abs(m - 80) ? l : m),
      undefined,
    );
  const last = (input.history ?? []).reduce<{ year: number; value: number } | undefined>(
    (m, h) => (m === undefined || h.year > m.year ? h : m),
    undefined,
  );
  const median: { scenario: string; year: number; value: number }[] = [];
  const bands: { scenario: string; year: number; level: number; lower: number; upper: number }[] = [];
  for (const p of input.paths) {
    p.median.forEach((m, i) => assertFinite(`scenarioComparison: ${p.scenario}.median[${i}].value`, m.value));
    p.bands.forEach((b, i) => {
      assertFinite(`scenarioComparison: ${p.scenario}.bands[${i}].lower`, b.lower);
      assertFinite(`scenarioComparison: ${p.scenario}.bands[${i}].upper`, b.upper);
    });
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
  // each band edge as its own line: lines grouped by scenario, level and edge
  const outlines = bands.flatMap((b) =>
    (['lower', 'upper'] as const).map((edge) => ({
      scenario: b.scenario,
      year: b.year,
      level: b.level,
      edge,
      value: b[edge],
    })),
  );
  const history = (input.history ?? []).map((h) => ({ year: h.year, value: h.value }));
  const x = {
    field: 'year',
    type: 'quantitative',
    title: '年份',
    axis: YEAR_AXIS,
    scale: { zero: false, nice: false },
  } as const;
  const yTitle = withUnit('数值', input.unit);
  const y = (field: string) => ({ field, type: 'quantitative', title: yTitle });
  const legendTitle = '情景 scenario';
  const scale = { domain: names, range: names.map((_, i) => SCENARIO_COLORS[i % SCENARIO_COLORS.length]) };
  // one scenario legend, from the median layer (line symbols with the median's point shape); bands add none
  const color = { field: 'scenario', type: 'nominal', scale, legend: null } as const;
  const tip = (f: string, t: string) => ({
    field: f,
    type: 'quantitative',
    title: withUnit(t, input.unit),
    format: VALUE_FORMAT,
  });
  const yearTip = { field: 'year', type: 'quantitative', title: '年份', format: 'd' };
  const layers: object[] = [];
  // the legend mentions the fill only when the baseline has a band at that level
  const filled = fillLevel !== undefined && bands.some((b) => b.scenario === names[0] && b.level === fillLevel);
  if (filled) {
    layers.push({
      data: { name: 'bands' },
      // only the baseline's band is filled: fills of several scenarios never overlap (and never turn muddy)
      transform: [{ filter: `datum.level === ${fillLevel} && datum.scenario === ${JSON.stringify(names[0])}` }],
      mark: { type: 'area', opacity: FILL_OPACITY },
      encoding: {
        x,
        y: y('lower'),
        y2: { field: 'upper' },
        color: color,
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
  if (outlines.length) {
    layers.push({
      data: { name: 'outlines' },
      mark: { type: 'line', strokeWidth: 1 },
      encoding: {
        x,
        y: y('value'),
        color: color,
        strokeDash: {
          field: 'level',
          type: 'ordinal',
          scale: {
            domain: levels,
            range: levels.map((_, i) => OUTLINE_DASHES[Math.min(i, OUTLINE_DASHES.length - 1)]),
          },
          legend: {
            ...LEGEND_PLACE,
            title: '预测区间 band (%)',
            symbolStrokeColor: '#555555',
            symbolSize: 400,
            ...(filled
              ? { labelExpr: `datum.value == ${fillLevel} ? datum.label + ' 基线填充 baseline shaded' : datum.label` }
              : {}),
          },
        },
        detail: { field: 'edge' },
      },
    });
  }
  layers.push({
    data: { name: 'median' },
    mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2 },
    encoding: {
      x,
      y: y('value'),
      color: { ...color, legend: { ...LEGEND_PLACE, title: legendTitle, symbolStrokeWidth: 2 } },
      shape: {
        field: 'scenario',
        type: 'nominal',
        scale: { domain: names, range: names.map((_, i) => SHAPES[i % SHAPES.length]) },
        legend: { ...LEGEND_PLACE, title: legendTitle },
      },
      tooltip: [{ field: 'scenario', type: 'nominal', title: '情景' }, yearTip, tip('value', '中位数 median')],
    },
  });
  if (history.length) {
    const first = history.reduce((m, h) => (h.year < m.year ? h : m));
    layers.push({
      data: { name: 'history' },
      mark: { type: 'line', point: { filled: true, size: 30, color: '#555555' }, color: '#555555' },
      encoding: { x, y: y('value'), tooltip: [yearTip, tip('value', '实际 observed')] },
    });
    // history is named on the chart, not in the scenario legend
    layers.push({
      data: { values: [{ ...first, label: '实际 observed' }] },
      mark: { type: 'text', align: 'left', dx: 4, dy: -10, color: '#555555' },
      encoding: { x, y: y('value'), text: { field: 'label', type: 'nominal' } },
    });
  }
  const targets = (input.targets ?? []).map((t, i) => {
    assertFinite(`scenarioComparison: targets[${i}].value`, t.value);
    // of several targets in one year, the labels alternate above and below their rules (highest above)
    const rank = (input.targets ?? []).filter(
      (o, j) => o.year === t.year && (o.value > t.value || (o.value === t.value && j < i)),
    ).length;
    return {
      year: t.year,
      value: t.value,
      comparator: COMPARATOR_TEXT[t.comparator],
      shape: COMPARATOR_SHAPE[t.comparator],
      label: t.label ?? `目标 ${targetLabel(t, input.unit)}`,
      source: t.source ?? '',
      place: rank % 2 === 0 ? 'above' : 'below',
    };
  });
  if (targets.length) {
    const tip = [
      { field: 'label', type: 'nominal', title: '目标 target' },
      { field: 'source', type: 'nominal', title: '来源 source' },
    ];
    layers.push({
      data: { name: 'targets' },
      mark: { type: 'rule', color: TARGET_COLOR, strokeDash: [5, 4], strokeWidth: 1.2 },
      encoding: { y: y('value'), tooltip: tip },
    });
    layers.push({
      data: { name: 'targets' },
      mark: { type: 'point', filled: true, size: 110, color: TARGET_COLOR },
      encoding: {
        x,
        y: y('value'),
        shape: { field: 'shape', type: 'nominal', scale: null, legend: null },
        tooltip: tip,
      },
    });
    for (const place of ['above', 'below'] as const)
      if (targets.some((t) => t.place === place))
        layers.push({
          data: { name: 'targets' },
          transform: [{ filter: { field: 'place', equal: place } }],
          mark: {
            type: 'text',
            align: 'right',
            baseline: place === 'above' ? 'bottom' : 'top',
            dx: -9,
            dy: place === 'above' ? -3 : 3,
            color: TARGET_COLOR,
            fontWeight: 'bold',
          },
          encoding: { x, y: y('value'), text: { field: 'label', type: 'nominal' }, tooltip: tip },
        });
  }
  const datasets: Record<string, object[]> = { median };
  if (bands.length) {
    datasets.bands = bands;
    datasets.outlines = outlines;
  }
  if (history.length) datasets.history = history;
  if (targets.length) datasets.targets = targets;
  // the scenario legend comes from the median layer alone (colour and shape merged there); the targets' marker
  // shapes (by comparator) are not the scenarios' shapes
  const resolve = { legend: { color: 'independent', shape: 'independent' }, scale: { shape: 'independent' } };
  return topLevelSpec(input, { datasets, layer: layers, resolve }, { width, height });
}

/** Median point shapes by scenario: a second cue besides colour. */
const SHAPES = ['circle', 'square', 'diamond', 'triangle-up', 'cross', 'triangle-down'];
