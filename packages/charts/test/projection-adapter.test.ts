// projectionFanChart: a plain project() result (no Indicator, no assessment) to the fan chart, in one call.
import { describe, expect, it } from 'vitest';
import { project } from '@trajectory/forecast';
import { compileSpec, projectionFanChart } from '../src/render.ts';
import { schemaErrors } from './helpers.ts';

const series = { years: [2016, 2017, 2018, 2019, 2020], values: [210, 236, 262, 291, 320] };
const projection = project(series, { toYear: 2025, nPaths: 500, seed: 7 });

type Layer = {
  data?: { name: string };
  mark: { type: string } | string;
  encoding?: Record<string, { field?: string }>;
};
const markOf = (l: Layer) => (typeof l.mark === 'string' ? l.mark : l.mark.type);

describe('projectionFanChart(series, projection, options)', () => {
  const spec = projectionFanChart(series, projection, {
    title: '国家级高新技术企业',
    unit: '家',
    target: { year: 2025, value: 600 },
  }) as unknown as { datasets: Record<string, Record<string, unknown>[]>; layer: Layer[]; title: unknown };

  it('draws the observations, the median and the 50/80/95% bands of the projection', () => {
    const rows = spec.datasets.series!;
    const observed = rows.filter((r) => r.series === '实际 observed');
    expect(observed.map((r) => [r.year, r.value])).toEqual(series.years.map((y, i) => [y, series.values[i]]));
    const median = rows.filter((r) => r.series === '预测中位数 median' && (r.year as number) > 2020);
    expect(median.map((r) => [r.year, r.value])).toEqual(projection.years.map((y, i) => [y, projection.median[i]]));
    const bands = spec.datasets.bands!.filter((b) => (b.year as number) > 2020);
    expect(bands).toEqual(projection.bands.map(({ year, level, lower, upper }) => ({ year, level, lower, upper })));
    expect(new Set(bands.map((b) => b.level))).toEqual(new Set([50, 80, 95]));
    expect(spec.layer.some((l) => l.data?.name === 'bands' && markOf(l) === 'area')).toBe(true);
  });

  it('draws the target as a marker and a dashed rule at its value, ≥ by default', () => {
    expect(spec.datasets.target).toEqual([
      expect.objectContaining({ year: 2025, value: 600, comparator: '≥', label: '≥ 600 家 (2025)' }),
    ]);
    const targetLayers = spec.layer.filter((l) => l.data?.name === 'target').map(markOf);
    expect(targetLayers).toEqual(['rule', 'point', 'text']);
    const rule = spec.layer.find((l) => l.data?.name === 'target' && markOf(l) === 'rule')!;
    expect(rule.encoding?.y?.field).toBe('value');
    const below = projectionFanChart(series, projection, { target: { year: 2025, value: 1, comparator: '<=' } });
    expect((below as unknown as typeof spec).datasets.target![0]!.comparator).toBe('≤');
  });

  it('without a target there is no target layer; labels change the legend; the spec is valid and compiles', async () => {
    const plain = projectionFanChart(series, projection, { labels: { observed: 'observed', median: 'median' } });
    const p = plain as unknown as typeof spec;
    expect(p.datasets.target).toBeUndefined();
    expect(p.layer.some((l) => l.data?.name === 'target')).toBe(false);
    expect(new Set(p.datasets.series!.map((r) => r.series))).toEqual(new Set(['observed', 'median']));
    expect(schemaErrors(plain)).toEqual([]);
    expect(schemaErrors(spec as never)).toEqual([]);
    expect(() => compileSpec(spec as never)).not.toThrow();
  });

  it('bad input: years and values of different lengths are a RangeError', () => {
    expect(() => projectionFanChart({ years: [2019, 2020], values: [1] }, projection)).toThrow(
      /series has 2 years but 1 values/,
    );
  });
});
