import type { TopLevelSpec } from 'vega-lite';
import type { AttainabilityRow, DashboardInput } from '../types.ts';
import { DEFAULT_CATEGORY_COLORS } from '../theme.ts';
import { GROWTH_FORMAT, uniqueLabels, type SizeOptions, topLevelSpec } from './common.ts';
import { growthGapLayers } from './growth-gap.ts';

/**
 * Sort dashboard rows by probability of attainment, highest first; rows without a probability go last; ties by
 * label. Returns a new array.
 * @example
 * sortByProbability(regionDashboardInput(region).rows)[0]; // the target most likely to be met
 */
export function sortByProbability(rows: readonly AttainabilityRow[]): AttainabilityRow[] {
  return [...rows].sort((a, b) => {
    const pa = a.probability ?? -1;
    const pb = b.probability ?? -1;
    return pb - pa || a.label.localeCompare(b.label, 'zh');
  });
}

/**
 * Attainability dashboard of a plan: one row per target of a region, the probability of attaining it as a bar
 * coloured by progress category (sorted, most likely first), and beside it the required vs historical annual
 * growth (a dumbbell, see {@link growthGapChart}). Targets that could not be assessed show "n/a".
 *
 * @example
 * const spec = attainabilityDashboard({
 *   title: '南开区 规划目标可达性',
 *   rows: [{ id: 'nankai.hightech@2023', label: '高新技术企业 2023 ≥ 650 家', probability: 0.12,
 *            category: 'off-track', requiredGrowth: 26.6, historicalGrowth: 8.1 }],
 * });
 */
export function attainabilityDashboard(input: DashboardInput, options: SizeOptions = {}): TopLevelSpec {
  input.rows.forEach((r, i) => {
    if (r.probability !== null && !(r.probability >= 0 && r.probability <= 1)) {
      throw new RangeError(
        `attainabilityDashboard: rows[${i}].probability must be in [0, 1] or null, got ${r.probability}`,
      );
    }
  });
  const sorted = sortByProbability(input.rows);
  const labels = uniqueLabels(sorted.map((r) => r.label));
  const rows = sorted.map((r, i) => ({
    id: r.id,
    label: labels[i] ?? r.label,
    probability: r.probability,
    probText: r.probability === null ? 'n/a' : `${Math.round(r.probability * 100)}%`,
    category: r.category,
    requiredGrowth: r.requiredGrowth,
    historicalGrowth: r.historicalGrowth,
    projectedGrowth: r.projectedGrowth ?? null,
    unit: r.unit ?? '',
    note: r.note ?? '',
  }));
  const colors = { ...(input.categoryColors ?? DEFAULT_CATEGORY_COLORS) };
  for (const r of rows) if (!(r.category in colors)) colors[r.category] = '#7f7f7f';
  const domain = Object.keys(colors).filter((c) => rows.some((r) => r.category === c));
  const { width = 300, height = Math.max(60, 26 * rows.length) } = options;
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    scale: { domain: labels },
    axis: { title: null, labelLimit: 320 },
  } as const;
  const tooltip = [
    { field: 'label', type: 'nominal', title: '目标 target' },
    { field: 'probText', type: 'nominal', title: '达成概率 P(attain)' },
    { field: 'category', type: 'nominal', title: '进度 progress' },
    { field: 'requiredGrowth', type: 'quantitative', title: '要求增长 required (%/年)', format: GROWTH_FORMAT },
    { field: 'historicalGrowth', type: 'quantitative', title: '历史增长 historical (%/年)', format: GROWTH_FORMAT },
    { field: 'projectedGrowth', type: 'quantitative', title: '预测增长 projected (%/年)', format: GROWTH_FORMAT },
    { field: 'note', type: 'nominal', title: '说明 note' },
  ];
  const probability = {
    width,
    height,
    data: { name: 'targets' },
    layer: [
      {
        mark: { type: 'bar', height: 16 },
        encoding: {
          y,
          x: {
            field: 'probability',
            type: 'quantitative',
            title: '达成概率 probability of attainment',
            scale: { domain: [0, 1] },
            axis: { format: '.0%' },
          },
          color: {
            field: 'category',
            type: 'nominal',
            scale: { domain, range: domain.map((c) => colors[c]) },
            legend: { title: '进度 progress', orient: 'bottom', columns: 2 },
          },
          tooltip,
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: {
          y,
          x: { datum: 0, type: 'quantitative' },
          text: { field: 'probText', type: 'nominal' },
          tooltip,
        },
        transform: [{ filter: 'datum.probability === null' }],
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: {
          y,
          x: { field: 'probability', type: 'quantitative' },
          text: { field: 'probText', type: 'nominal' },
          tooltip,
        },
        transform: [{ filter: 'datum.probability !== null' }],
      },
    ],
  };
  const growth = {
    width: Math.round(width * 1.1),
    height,
    ...growthGapLayers(
      rows.map((r) => ({
        label: r.label,
        required: r.requiredGrowth,
        historical: r.historicalGrowth,
        projected: r.projectedGrowth,
      })),
      labels,
      false,
    ),
  };
  return topLevelSpec(input, {
    datasets: { targets: rows },
    hconcat: [probability, growth],
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  });
}
