import type { TopLevelSpec } from 'vega-lite';
import type { CurvePoint, FitDiagnosticsInput, ModelRow, YearValue } from '../types.ts';
import { YEAR_AXIS, withUnit } from '../theme.ts';
import { VALUE_FORMAT, type SizeOptions, topLevelSpec } from './common.ts';

/** Columns of the model-comparison table, in display order. */
const COLUMNS: { key: keyof ModelRow; title: string; digits: number }[] = [
  { key: 'k', title: 'k', digits: 0 },
  { key: 'n', title: 'n', digits: 0 },
  { key: 'rss', title: 'RSS', digits: 4 },
  { key: 'aicc', title: 'AICc', digits: 2 },
  { key: 'bic', title: 'BIC', digits: 2 },
  { key: 'deltaAicc', title: 'ΔAICc', digits: 2 },
  { key: 'weight', title: 'weight', digits: 3 },
  { key: 'status', title: 'status', digits: 0 },
];

function cell(v: ModelRow[keyof ModelRow], digits: number): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return '–';
  if (typeof v === 'string') return v;
  return Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toFixed(digits);
}

/**
 * Fit diagnostics: with `observations` and `curves`, first the observations beside every candidate's fitted curve
 * (the chosen one thick and solid, the others dashed; a curve that misses the points shows here); then residuals
 * (observed − fitted) by year for every candidate model, and the model-comparison table (k, n, RSS, AICc, BIC,
 * ΔAICc, Akaike weight, status; Burnham & Anderson 2002) drawn as a chart — a text grid with the Akaike weight as a
 * bar — models ordered by AICc (unranked ones last).
 *
 * @example
 * const spec = fitDiagnostics({
 *   title: '高新技术企业: 拟合诊断', unit: '家',
 *   residuals: [{ model: 'logistic', year: 2016, residual: -12 }, { model: 'logistic', year: 2017, residual: 9 }],
 *   models: [{ model: 'logistic', k: 3, n: 6, rss: 420, aicc: 41.2, bic: 38.1, deltaAicc: 0, weight: 0.8, status: 'converged' }],
 * });
 */
export function fitDiagnostics(input: FitDiagnosticsInput, options: SizeOptions = {}): TopLevelSpec {
  const { width = 560, height = 220 } = options;
  const rank = (m: ModelRow) => (m.aicc !== null && Number.isFinite(m.aicc) ? m.aicc : Infinity);
  const ordered = [...input.models].sort((a, b) => rank(a) - rank(b) || a.model.localeCompare(b.model));
  const modelNames = [
    ...ordered.map((m) => m.model),
    ...new Set(input.residuals.map((r) => r.model).filter((m) => !ordered.some((o) => o.model === m))),
  ];
  const cells = ordered.flatMap((m) =>
    COLUMNS.map((c) => ({ model: m.model, column: c.title, text: cell(m[c.key], c.digits) })),
  );
  const weights = ordered.map((m) => ({
    model: m.model,
    weight: m.weight !== null && Number.isFinite(m.weight) ? m.weight : 0,
  }));
  const residuals = input.residuals.map((r) => ({ model: r.model, year: r.year, residual: r.residual }));
  const color = {
    field: 'model',
    type: 'nominal',
    scale: { domain: modelNames },
    legend: { title: '模型 model' },
  } as const;
  const rowHeight = 22;
  const y = {
    field: 'model',
    type: 'nominal',
    sort: ordered.map((m) => m.model),
    axis: { title: null, orient: 'left', domain: false, ticks: false },
  } as const;
  const curvesPanel =
    input.curves && input.observations
      ? [curvesLayer(input.observations, input.curves, input.chosen, input.unit, color, width, height)]
      : [];
  return topLevelSpec(input, {
    vconcat: [
      ...curvesPanel,
      {
        width,
        height,
        title: '残差 residuals (observed − fitted)',
        data: { values: residuals },
        layer: [
          { mark: { type: 'rule', color: '#999999' }, encoding: { y: { datum: 0, type: 'quantitative' } } },
          {
            mark: { type: 'line', point: true },
            encoding: {
              x: {
                field: 'year',
                type: 'quantitative',
                title: '年份',
                axis: YEAR_AXIS,
                scale: { zero: false, nice: false },
              },
              y: { field: 'residual', type: 'quantitative', title: withUnit('残差 residual', input.unit) },
              color,
              tooltip: [
                { field: 'model', type: 'nominal', title: '模型' },
                { field: 'year', type: 'quantitative', title: '年份', format: 'd' },
                { field: 'residual', type: 'quantitative', title: withUnit('残差', input.unit), format: VALUE_FORMAT },
              ],
            },
          },
        ],
      },
      {
        title: '模型比较 model comparison',
        hconcat: [
          {
            width: 70 * COLUMNS.length,
            height: rowHeight * Math.max(1, ordered.length),
            data: { values: cells },
            mark: { type: 'text', align: 'center' },
            encoding: {
              y,
              x: {
                field: 'column',
                type: 'nominal',
                sort: COLUMNS.map((c) => c.title),
                axis: { title: null, orient: 'top', labelAngle: 0, domain: false, ticks: false },
              },
              text: { field: 'text', type: 'nominal' },
            },
          },
          {
            width: 120,
            height: rowHeight * Math.max(1, ordered.length),
            data: { values: weights },
            mark: { type: 'bar', height: 14 },
            encoding: {
              y: { ...y, axis: null },
              x: {
                field: 'weight',
                type: 'quantitative',
                title: 'Akaike weight',
                scale: { domain: [0, 1] },
                axis: { orient: 'top', format: '.1f' },
              },
              color,
              tooltip: [
                { field: 'model', type: 'nominal' },
                { field: 'weight', type: 'quantitative', format: '.3f' },
              ],
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'shared' } },
  });
}

/** Observations as points and every candidate's curve as a line; the chosen one thick and solid. */
function curvesLayer(
  observations: YearValue[],
  curves: CurvePoint[],
  chosen: string | undefined,
  unit: string,
  color: object,
  width: number,
  height: number,
) {
  const isChosen = { test: `datum.model === ${JSON.stringify(chosen ?? '')}` };
  const x = {
    field: 'year',
    type: 'quantitative',
    title: '年份',
    axis: YEAR_AXIS,
    scale: { zero: false, nice: false },
  } as const;
  return {
    width,
    height,
    title: '观测与候选曲线 observations and candidate curves (thick: chosen)',
    layer: [
      {
        data: { values: curves.map((c) => ({ model: c.model, year: c.year, value: c.value })) },
        mark: { type: 'line' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: withUnit('值 value', unit), scale: { zero: false } },
          color,
          strokeWidth: { condition: { ...isChosen, value: 3 }, value: 1.2 },
          strokeDash: { condition: { ...isChosen, value: [1, 0] }, value: [4, 3] },
          tooltip: [
            { field: 'model', type: 'nominal', title: '模型' },
            { field: 'year', type: 'quantitative', title: '年份', format: 'd' },
            { field: 'value', type: 'quantitative', title: withUnit('拟合值', unit), format: VALUE_FORMAT },
          ],
        },
      },
      {
        data: { values: observations.map((o) => ({ year: o.year, value: o.value })) },
        mark: { type: 'point', filled: true, color: '#222222', size: 45 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          tooltip: [
            { field: 'year', type: 'quantitative', title: '年份', format: 'd' },
            { field: 'value', type: 'quantitative', title: withUnit('观测值', unit), format: VALUE_FORMAT },
          ],
        },
      },
    ],
  };
}
