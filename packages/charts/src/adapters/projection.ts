/**
 * Adapter from a plain `project()` result of `@trajectory/forecast` (type-only import) to the fan chart: an analyst
 * with a series and its projection gets the chart in one call, without building an `Indicator` or an assessment.
 */
import type { Comparator } from '@trajectory/core';
import type { Projection, YearlySeries } from '@trajectory/forecast';
import { type FanChartLabels, type FanChartOptions, fanChart } from '../builders/fan-chart.ts';
import type { FanChartInput } from '../types.ts';
import type { TopLevelSpec } from 'vega-lite';

/** The parts of a `project()` result the chart draws. */
export type ProjectionLike = Pick<Projection, 'years' | 'median' | 'bands' | 'method'>;

/** Options of {@link projectionFanChart}: the chart's wording, an optional target, and the fan chart's options. */
export interface ProjectionChartOptions extends Omit<FanChartOptions, 'labels'> {
  /** a target to draw as a marker and a dashed rule; `comparator` defaults to `>=` (达到) */
  target?: { year: number; value: number; comparator?: Comparator; source?: string; label?: string };
  /** @default '预测 projection' */
  title?: string;
  /** @default `method: <the method project() used>` */
  subtitle?: string;
  /** unit of the values, shown on the y axis; @default '' */
  unit?: string;
  /** legend and axis wording (see `FanChartLabels`) */
  labels?: Partial<FanChartLabels>;
}

/**
 * The fan chart of a series and its `project()` result: observations, the median and the 50/80/95% bands, and
 * an optional target (marker, label and dashed rule). The spec is plain JSON (Vega-Lite), like every builder's.
 *
 * @throws RangeError when the series' years and values differ in length, or a value is not finite
 * @example
 * const series = { years: [2016, 2017, 2018, 2019, 2020], values: [210, 236, 262, 291, 320] };
 * const spec = projectionFanChart(series, project(series, { toYear: 2025 }), {
 *   title: '国家级高新技术企业', unit: '家', target: { year: 2025, value: 600 },
 * });
 */
export function projectionFanChart(
  series: YearlySeries,
  projection: ProjectionLike,
  options: ProjectionChartOptions = {},
): TopLevelSpec {
  const { target, title = '预测 projection', subtitle, unit = '', labels, ...chart } = options;
  if (series.years.length !== series.values.length)
    throw new RangeError(
      `projectionFanChart: series has ${series.years.length} years but ${series.values.length} values`,
    );
  const input: FanChartInput = {
    title,
    subtitle: subtitle ?? `method: ${projection.method}`,
    unit,
    history: series.years.map((year, i) => ({ year, value: series.values[i]! })),
    median: projection.years.map((year, i) => ({ year, value: projection.median[i]! })),
    bands: projection.bands.map(({ year, level, lower, upper }) => ({ year, level, lower, upper })),
  };
  if (target) {
    input.target = {
      year: target.year,
      value: target.value,
      comparator: target.comparator ?? '>=',
      ...(target.source !== undefined ? { source: target.source } : {}),
      ...(target.label !== undefined ? { label: target.label } : {}),
    };
  }
  return fanChart(input, { ...chart, ...(labels ? { labels } : {}), targetRule: chart.targetRule ?? true });
}
