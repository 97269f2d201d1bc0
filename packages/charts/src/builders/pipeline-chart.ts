import type { TopLevelSpec } from 'vega-lite';
import type { PipelineInput } from '../types.ts';
import { DEFAULT_PIPELINE_STAGES, withUnit } from '../theme.ts';
import { VALUE_FORMAT, assertFinite, type SizeOptions, topLevelSpec } from './common.ts';

const STAGE_COLORS = ['#c6dbef', '#6baed6', '#2171b5', '#08306b', '#41ab5d', '#fd8d3c'];

/**
 * Pipeline chart: the stocks of the firm ladder (科技型中小企业 -> 雏鹰 -> 瞪羚 -> 领军 by default) stacked over time,
 * the first stage at the bottom. Projected years (`projected: true`) are drawn with lower opacity so observed and
 * simulated stocks read apart. Stages not in `stages` are appended in order of appearance.
 *
 * @example
 * const spec = pipelineChart({
 *   title: '滨海高新区 企业梯队', unit: '家',
 *   stocks: [
 *     { year: 2020, stage: '雏鹰企业', value: 534 }, { year: 2020, stage: '瞪羚企业', value: 50 },
 *     { year: 2025, stage: '雏鹰企业', value: 750, projected: true }, { year: 2025, stage: '瞪羚企业', value: 80, projected: true },
 *   ],
 * });
 */
export function pipelineChart(input: PipelineInput, options: SizeOptions = {}): TopLevelSpec {
  const { width = 560, height = 300 } = options;
  const stages = [...(input.stages ?? DEFAULT_PIPELINE_STAGES)];
  for (const s of input.stocks) if (!stages.includes(s.stage)) stages.push(s.stage);
  const present = stages.filter((s) => input.stocks.some((r) => r.stage === s));
  const values = input.stocks.map((s, i) => {
    assertFinite(`pipelineChart: stocks[${i}].value`, s.value);
    if (s.value < 0) throw new RangeError(`pipelineChart: stocks[${i}].value must be >= 0 (a stock), got ${s.value}`);
    return {
      year: s.year,
      stage: s.stage,
      value: s.value,
      order: present.indexOf(s.stage),
      kind: s.projected ? '预测 projected' : '实际 observed',
    };
  });
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const yTitle = withUnit('存量 stock', input.unit);
  const kinds = ['实际 observed', '预测 projected'].filter((k) => values.some((v) => v.kind === k));
  return topLevelSpec(
    input,
    {
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: '年份', scale: { domain: years }, axis: { labelAngle: 0 } },
        y: { field: 'value', type: 'quantitative', title: yTitle, stack: 'zero' },
        color: {
          field: 'stage',
          type: 'nominal',
          scale: { domain: present, range: present.map((_, i) => STAGE_COLORS[i % STAGE_COLORS.length]) },
          legend: { title: '梯队 stage' },
        },
        order: { field: 'order', type: 'quantitative', sort: 'ascending' },
        opacity: {
          field: 'kind',
          type: 'ordinal',
          sort: kinds,
          scale: { domain: kinds, range: kinds.map((k) => (k === '实际 observed' ? 1 : 0.55)) },
          legend: { title: null },
        },
        tooltip: [
          { field: 'year', type: 'ordinal', title: '年份' },
          { field: 'stage', type: 'nominal', title: '梯队 stage' },
          { field: 'value', type: 'quantitative', title: withUnit('存量', input.unit), format: VALUE_FORMAT },
          { field: 'kind', type: 'nominal', title: '类型' },
        ],
      },
    },
    { width, height },
  );
}
