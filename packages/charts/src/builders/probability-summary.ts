import type { TopLevelSpec } from 'vega-lite';
import type { ProbabilitySummaryInput } from '../types.ts';
import { type SizeOptions, topLevelSpec, uniqueLabels } from './common.ts';

/**
 * Probability summary of a plan: one row per target, P(attain) as a dot coloured by class with its interval as a
 * line, rows in input order (sort before calling), dashed rules at the class thresholds. Compact (14 px a row) so
 * a whole plan fits on one screen.
 *
 * @example
 * const spec = probabilitySummary({
 *   title: '达成概率 P(attain)',
 *   classes: [{ id: 'likely', label: '可能 likely', color: '#1a9850' }],
 *   rows: [{ id: 'a', label: '高新技术企业 2025 ≥ 2500 家', probability: 0.7, lower: 0.68, upper: 0.72, category: 'likely' }],
 *   thresholds: [1 / 3, 2 / 3],
 * });
 */
export function probabilitySummary(input: ProbabilitySummaryInput, options: SizeOptions = {}): TopLevelSpec {
  input.rows.forEach((r, i) => {
    for (const k of ['probability', 'lower', 'upper'] as const) {
      if (!(r[k] >= 0 && r[k] <= 1)) {
        throw new RangeError(`probabilitySummary: rows[${i}].${k} must be in [0, 1], got ${r[k]}`);
      }
    }
  });
  const labels = uniqueLabels(input.rows.map((r) => r.label));
  const rows = input.rows.map((r, i) => ({
    id: r.id,
    label: labels[i] ?? r.label,
    probability: r.probability,
    lower: r.lower,
    upper: r.upper,
    category: r.category,
    text: `${(r.probability * 100).toFixed(1)}% [${(r.lower * 100).toFixed(1)}–${(r.upper * 100).toFixed(1)}]`,
    note: r.note ?? '',
    group: r.group ?? '',
  }));
  const groups = [...new Set(rows.map((r) => r.group))];
  const classes = input.classes.filter((c) => rows.some((r) => r.category === c.id));
  const faceted = groups.length > 1 || groups[0] !== '';
  const { width = 300, height = Math.max(40, 14 * rows.length) } = options;
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    scale: { domain: labels, paddingInner: 0.2 },
    axis: { title: null, labelLimit: 280, labelFontSize: 10, minExtent: 280, maxExtent: 280 },
  };
  const x = {
    type: 'quantitative',
    scale: { domain: [0, 1] },
    axis: { format: '.0%', title: '达成概率 P(attain)，线 = 95% 区间 interval', tickCount: 5 },
  };
  const tooltip = [
    { field: 'label', type: 'nominal', title: '目标 target' },
    { field: 'text', type: 'nominal', title: 'P(attain) [95%]' },
    { field: 'note', type: 'nominal', title: '说明 note' },
  ];
  const color = {
    field: 'category',
    type: 'nominal',
    scale: { domain: classes.map((c) => c.id), range: classes.map((c) => c.color) },
    legend: {
      title: null,
      orient: 'top',
      direction: 'horizontal',
      labelExpr: `{${classes.map((c) => `${JSON.stringify(c.id)}: ${JSON.stringify(c.label)}`).join(', ')}}[datum.label]`,
    },
  };
  const layers: object[] = [
    {
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color, tooltip },
    },
    {
      mark: { type: 'point', filled: true, size: 36, opacity: 1 },
      encoding: { y, x: { ...x, field: 'probability' }, color, tooltip },
    },
  ];
  for (const p of [...(input.thresholds ?? [])].reverse()) {
    layers.unshift({
      mark: { type: 'rule', strokeDash: [4, 3], color: '#888' },
      encoding: { x: { datum: p, type: 'quantitative' } },
    });
  }
  if (!faceted) return topLevelSpec(input, { data: { values: rows }, layer: layers }, { width, height });
  // one panel per group, stacked, each with its own labels as the y domain (a facet cannot give panels of
  // different heights without warnings)
  return topLevelSpec(input, {
    data: { values: rows },
    vconcat: groups.map((g, i) => {
      const last = i === groups.length - 1;
      const own = rows.filter((r) => r.group === g).map((r) => r.label);
      const ownY = { ...y, scale: { domain: own, paddingInner: 0.2 } };
      return {
        title: { text: g, fontSize: 12, anchor: 'start' },
        width,
        height: Math.max(14, 14 * own.length),
        transform: [{ filter: { field: 'group', equal: g } }],
        layer: layers.map((l) => {
          const layer = l as { encoding: { x: object; y?: object } };
          // the x axis once, under the last panel
          const xEnc = last ? layer.encoding.x : { ...layer.encoding.x, axis: null };
          return { ...layer, encoding: { ...layer.encoding, x: xEnc, ...(layer.encoding.y ? { y: ownY } : {}) } };
        }),
      };
    }),
    spacing: 4,
    resolve: { scale: { y: 'independent' } },
  });
}
