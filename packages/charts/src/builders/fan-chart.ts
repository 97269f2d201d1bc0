import type { TopLevelSpec } from 'vega-lite';
import type { Comparator } from '@trajectory/core';
import type { FanChartInput } from '../types.ts';
import { YEAR_AXIS, bandOpacity, withUnit } from '../theme.ts';
import { VALUE_FORMAT, assertFinite, type SizeOptions, topLevelSpec } from './common.ts';

/** Legend labels of the fan chart's series. */
export interface FanChartLabels {
  /** @default '实际 observed' */
  observed: string;
  /** @default '拟合 fitted' */
  fitted: string;
  /** @default '预测中位数 median' */
  median: string;
  /** @default '目标 target' */
  target: string;
  /** y axis title before the unit; @default '数值' */
  value: string;
}

const DEFAULT_LABELS: FanChartLabels = {
  observed: '实际 observed',
  fitted: '拟合 fitted',
  median: '预测中位数 median',
  target: '目标 target',
  value: '数值',
};

/** Options of {@link fanChart}. */
export interface FanChartOptions extends SizeOptions {
  /** legend and axis wording; @default `DEFAULT_LABELS` (bilingual) */
  labels?: Partial<FanChartLabels>;
  /** start the median line and the bands at the last observation, so the fan opens from the data; @default true */
  connect?: boolean;
  /** include zero in the y scale (honest for counts; set `false` to zoom in on a share such as R&D/GDP); @default true */
  zero?: boolean;
  /** also draw the target as a dashed horizontal rule across the chart (the level to reach); @default false */
  targetRule?: boolean;
}

/** How each comparator reads in a label. */
export const COMPARATOR_TEXT: Record<Comparator, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };
/** Marker shape of a target by comparator: up for at-least targets, down for at-most ones. */
export const COMPARATOR_SHAPE: Record<Comparator, string> = {
  '>=': 'triangle-up',
  '>': 'triangle-up',
  '=': 'diamond',
  '<=': 'triangle-down',
  '<': 'triangle-down',
};

/**
 * `"≥ 2,500 (2025)"`: the default label of a target marker.
 * @example
 * targetLabel({ year: 2025, value: 2500, comparator: '>=' }, '家'); // '≥ 2,500 家 (2025)'
 */
export function targetLabel(t: { year: number; value: number; comparator: Comparator }, unit = ''): string {
  const v = t.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return `${COMPARATOR_TEXT[t.comparator]} ${v}${unit ? ` ${unit}` : ''} (${t.year})`;
}

/**
 * Fan chart of one indicator: observed history (points and line), fitted curve, projected median, the 50/80/95%
 * prediction bands as one area layer whose opacity encodes the level (statsforecast's long `{year, level, lower,
 * upper}` format), and the plan target as a marker whose tooltip gives year, comparator, value and source.
 * Data go under named `datasets` (`series`: long `{series, year, value}` for observed/fitted/median; `bands`;
 * `target`) so an analyst can swap them.
 *
 * @example
 * const spec = fanChart({
 *   title: '滨海高新区 高新技术企业数', unit: '家',
 *   history: [{ year: 2015, value: 800 }, { year: 2020, value: 1597 }],
 *   median: [{ year: 2021, value: 1750 }, { year: 2025, value: 2300 }],
 *   bands: [{ year: 2025, level: 80, lower: 2000, upper: 2600 }],
 *   target: { year: 2025, value: 2500, comparator: '>=', source: '004: 达到2500家' },
 * });
 */
export function fanChart(input: FanChartInput, options: FanChartOptions = {}): TopLevelSpec {
  const { width = 560, height = 300, zero = true, connect = true, targetRule = false } = options;
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const unit = input.unit;
  for (const [name, rows] of [
    ['history', input.history],
    ['fitted', input.fitted ?? []],
    ['median', input.median],
  ] as const) {
    rows.forEach((r, i) => {
      assertFinite(`fanChart: ${name}[${i}].year`, r.year);
      assertFinite(`fanChart: ${name}[${i}].value`, r.value);
    });
  }
  input.bands.forEach((b, i) => {
    assertFinite(`fanChart: bands[${i}].lower`, b.lower);
    assertFinite(`fanChart: bands[${i}].upper`, b.upper);
    if (b.lower > b.upper) throw new RangeError(`fanChart: bands[${i}] has lower ${b.lower} > upper ${b.upper}`);
  });

  const levels = [...new Set(input.bands.map((b) => b.level))].sort((a, b) => b - a);
  // The fan opens from the last observation: a zero-width band and the median start there.
  const last = input.history.reduce<{ year: number; value: number } | undefined>(
    (m, h) => (m === undefined || h.year > m.year ? h : m),
    undefined,
  );
  const firstProjected = Math.min(...input.median.map((m) => m.year), ...input.bands.map((b) => b.year));
  const anchor = connect && last && input.median.length > 0 && last.year < firstProjected ? last : undefined;
  const median = anchor ? [{ year: anchor.year, value: anchor.value }, ...input.median] : input.median;
  const bands =
    anchor && input.bands.length
      ? [
          ...levels.map((level) => ({ year: anchor.year, level, lower: anchor.value, upper: anchor.value })),
          ...input.bands,
        ]
      : input.bands;
  const seriesDomain = [labels.observed, ...(input.fitted?.length ? [labels.fitted] : []), labels.median];
  const seriesRange = ['#333333', ...(input.fitted?.length ? ['#9467bd'] : []), '#1f77b4'];
  const color = {
    scale: { domain: seriesDomain, range: seriesRange },
    legend: { title: null, symbolType: 'stroke', symbolStrokeWidth: 2 },
  };
  const x = {
    field: 'year',
    type: 'quantitative',
    title: '年份',
    axis: YEAR_AXIS,
    scale: { zero: false, nice: false },
  } as const;
  const yTitle = withUnit(labels.value, unit);
  const yScale = { zero };
  const yearTip = { field: 'year', type: 'quantitative', title: '年份', format: 'd' } as const;
  const valueTip = (field: string, title: string) =>
    ({ field, type: 'quantitative', title: withUnit(title, unit), format: VALUE_FORMAT }) as const;

  const layers: object[] = [];
  if (bands.length) {
    layers.push({
      data: { name: 'bands' },
      mark: { type: 'area', color: '#1f77b4' },
      encoding: {
        x,
        y: { field: 'lower', type: 'quantitative', title: yTitle },
        y2: { field: 'upper' },
        opacity: {
          field: 'level',
          type: 'ordinal',
          scale: { domain: levels, range: levels.map(bandOpacity) },
          legend: { title: '预测区间 interval (%)' },
        },
        tooltip: [
          yearTip,
          { field: 'level', type: 'ordinal', title: '区间 level (%)' },
          valueTip('lower', '下限'),
          valueTip('upper', '上限'),
        ],
      },
    });
  }
  // One long dataset for observed, fitted and median lines: colour and dash come from a field, so one legend
  // lists all three (datum-based colour defs cannot carry a scale or legend under the JSON schema).
  const dashes = [[1, 0], ...(input.fitted?.length ? [[2, 2]] : []), [6, 3]];
  const line = (series: string) => (r: { year: number; value: number }) => ({ series, year: r.year, value: r.value });
  const series = [
    ...input.history.map(line(labels.observed)),
    ...(input.fitted ?? []).map(line(labels.fitted)),
    ...median.map(line(labels.median)),
  ];
  const seriesTip = [
    { field: 'series', type: 'nominal', title: '序列 series' },
    yearTip,
    valueTip('value', labels.value),
  ];
  layers.push({
    data: { name: 'series' },
    mark: { type: 'line' },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: yTitle, scale: yScale },
      color: { field: 'series', type: 'nominal', ...color },
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: seriesDomain, range: dashes } },
      tooltip: seriesTip,
    },
  });
  layers.push({
    data: { name: 'series' },
    mark: { type: 'point', filled: true, size: 36 },
    transform: [{ filter: { field: 'series', oneOf: [labels.observed, labels.median] } }],
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: yTitle },
      color: { field: 'series', type: 'nominal', ...color },
      tooltip: seriesTip,
    },
  });

  const datasets: Record<string, object[]> = { series };
  if (bands.length)
    datasets.bands = bands.map((b) => ({ year: b.year, level: b.level, lower: b.lower, upper: b.upper }));

  const t = input.target;
  if (t) {
    assertFinite('fanChart: target.value', t.value);
    datasets.target = [
      {
        year: t.year,
        value: t.value,
        comparator: COMPARATOR_TEXT[t.comparator],
        label: t.label ?? targetLabel(t, unit),
        source: t.source ?? '',
        shape: COMPARATOR_SHAPE[t.comparator],
      },
    ];
    const tip = [
      { field: 'year', type: 'quantitative', title: '目标年份 year', format: 'd' },
      { field: 'comparator', type: 'nominal', title: '比较 comparator' },
      valueTip('value', '目标值 target'),
      { field: 'source', type: 'nominal', title: '来源 source' },
    ];
    if (targetRule)
      layers.push({
        data: { name: 'target' },
        mark: { type: 'rule', color: '#d62728', strokeDash: [4, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'value', type: 'quantitative', title: yTitle }, tooltip: tip },
      });
    layers.push({
      data: { name: 'target' },
      mark: { type: 'point', filled: true, size: 140, color: '#d62728' },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', title: yTitle },
        shape: { field: 'shape', type: 'nominal', scale: null, legend: null },
        tooltip: tip,
      },
    });
    layers.push({
      data: { name: 'target' },
      mark: { type: 'text', align: 'right', dx: -8, dy: -10, color: '#d62728', fontWeight: 'bold' },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', title: yTitle },
        text: { field: 'label', type: 'nominal' },
        tooltip: tip,
      },
    });
  }

  return topLevelSpec(
    input,
    {
      datasets,
      layer: layers,
    },
    { width, height },
  );
}
