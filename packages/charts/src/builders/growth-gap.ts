import type { TopLevelSpec } from 'vega-lite';
import type { GrowthGapInput, GrowthGapRow } from '../types.ts';
import { GROWTH_FORMAT, uniqueLabels, type SizeOptions, topLevelSpec } from './common.ts';

/** Legend names of the two growth rates. */
export const GROWTH_KINDS = {
  required: '要求 required',
  historical: '历史 historical',
  projected: '预测 projected',
} as const;

/**
 * The layers of a dumbbell chart of required vs historical annual growth (percent per year) per row, on a y
 * scale whose domain is `order`: a grey rule spans the gap, dots mark each rate, a zero line anchors the axis.
 * Shared by {@link growthGapChart} and the attainability dashboard.
 */
export function growthGapLayers(rows: readonly GrowthGapRow[], order: readonly string[], showLabels: boolean): object {
  // The rule spans the gap from what the indicator did (historical, else projected) to what the plan requires.
  const wide = rows.map((r) => ({ label: r.label, required: r.required, from: r.historical ?? r.projected ?? null }));
  const long = rows.flatMap((r) => [
    ...(r.required === null ? [] : [{ label: r.label, kind: GROWTH_KINDS.required, growth: r.required }]),
    ...(r.historical === null ? [] : [{ label: r.label, kind: GROWTH_KINDS.historical, growth: r.historical }]),
    ...(r.projected === null || r.projected === undefined
      ? []
      : [{ label: r.label, kind: GROWTH_KINDS.projected, growth: r.projected }]),
  ]);
  const kinds = [
    GROWTH_KINDS.required,
    GROWTH_KINDS.historical,
    ...(long.some((l) => l.kind === GROWTH_KINDS.projected) ? [GROWTH_KINDS.projected] : []),
  ];
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    scale: { domain: [...order] },
    axis: showLabels ? { title: null, labelLimit: 320 } : null,
  } as const;
  const xTitle = '年均增长 annual growth (%/年)';
  const gaps = wide.filter((r) => r.required !== null && r.from !== null);
  // Empty layers are left out: vega warns about the infinite extent of an empty field.
  const layer: object[] = [
    {
      data: { values: [{ zero: 0 }] },
      mark: { type: 'rule', color: '#bbbbbb' },
      encoding: { x: { field: 'zero', type: 'quantitative', title: xTitle } },
    },
  ];
  if (gaps.length) {
    layer.push({
      data: { values: gaps },
      mark: { type: 'rule', color: '#999999', strokeWidth: 2 },
      encoding: { y, x: { field: 'from', type: 'quantitative', title: xTitle }, x2: { field: 'required' } },
    });
  }
  if (long.length) {
    layer.push({
      data: { values: long },
      mark: { type: 'point', filled: true, size: 70 },
      encoding: {
        y,
        x: { field: 'growth', type: 'quantitative', title: xTitle },
        color: {
          field: 'kind',
          type: 'nominal',
          scale: { domain: kinds, range: ['#d62728', '#1f77b4', '#9467bd'].slice(0, kinds.length) },
          legend: { title: '增长率 growth', orient: 'bottom', columns: 2 },
        },
        tooltip: [
          { field: 'label', type: 'nominal', title: '指标 indicator' },
          { field: 'kind', type: 'nominal', title: '类型 kind' },
          { field: 'growth', type: 'quantitative', title: '年均增长 (%/年)', format: GROWTH_FORMAT },
        ],
      },
    });
  }
  return { layer };
}

/**
 * Required-vs-historical growth chart: for each indicator, the annual growth a plan target requires (from its
 * base year to its target year, `(target/base)^(1/years) - 1`) next to the growth the indicator showed
 * historically (and, when given, the growth the projection expects) — the gap a plan asks to close. Rows keep their input order; labels are made unique.
 *
 * @example
 * const spec = growthGapChart({
 *   title: '目标要求的增长 vs 历史增长',
 *   rows: [{ label: '高新技术企业 2025', required: 9.4, historical: 14.2 }],
 * });
 */
export function growthGapChart(input: GrowthGapInput, options: SizeOptions = {}): TopLevelSpec {
  const labels = uniqueLabels(input.rows.map((r) => r.label));
  const rows = input.rows.map((r, i) => ({ ...r, label: labels[i] ?? r.label }));
  const { width = 420, height = Math.max(60, 26 * rows.length) } = options;
  return topLevelSpec(
    input,
    {
      ...growthGapLayers(rows, labels, true),
    },
    { width, height },
  );
}
