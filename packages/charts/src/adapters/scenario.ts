/**
 * Adapters from `@trajectory/scenario` results (type-only import) to the inputs of `scenarioComparison` (one per
 * series: baseline vs scenario medians and bands, history) and `pipelineChart` (stocks by ladder stage).
 */
import type { Scenario, ScenarioResult } from '@trajectory/scenario';
import type { Comparator } from '@trajectory/core';
import type { PipelineInput, ScenarioComparisonInput } from '../types.ts';

const COMPARATORS = new Set<string>(['>=', '>', '=', '<=', '<']);

/** The scenario comparison input of one series, with the series id (for file names). */
export interface ComparisonInput extends ScenarioComparisonInput {
  id: string;
}

/** The pipeline chart input of one pipeline, with the pipeline id (for file names). */
export interface PipelineChartInput extends PipelineInput {
  id: string;
}

/**
 * @example for (const c of comparisonInputs(result, scenario)) writeFileSync(`${c.id}.vl.json`, JSON.stringify(scenarioComparison(c)));
 */
export function comparisonInputs(result: ScenarioResult, scenario?: Scenario): ComparisonInput[] {
  const hasInterventions = result.interventions.length > 0;
  return result.series.map((s) => {
    const history =
      scenario?.indicators.find((i) => i.id === s.id)?.history.filter((h) => h.year < result.scenario.baseYear) ?? [];
    // a series the interventions leave exactly as it was (same draws) is drawn once, as the baseline
    const unchanged = hasInterventions && sameSummary(s.baseline, s.scenario);
    const variants = hasInterventions && !unchanged ? (['baseline', 'scenario'] as const) : (['baseline'] as const);
    return {
      id: s.id,
      title: s.name === s.id ? s.id : `${s.name} (${s.id})`,
      subtitle: `${result.scenario.name}: median and ${levelsText(s.baseline.intervals)} bands, ${result.scenario.draws} draws, seed ${result.scenario.seed}${unchanged ? '; scenario = baseline' : ''}`,
      unit: s.unit,
      history: history.map((h) => ({ year: h.year, value: h.value })),
      paths: variants.map((v) => ({
        scenario: v === 'baseline' ? '基线 baseline' : '情景 scenario',
        median: result.years.map((year, y) => ({ year, value: s[v].median[y]! })),
        // the base year is observed: bands start with the first simulated year
        bands: s[v].bands.filter((b) => b.year > result.scenario.baseYear),
      })),
      targets: result.targets
        .filter((t) => t.indicator === s.id && t.value !== null && COMPARATORS.has(t.comparator))
        .map((t) => ({
          year: t.year,
          value: t.value!,
          comparator: t.comparator as Comparator,
          ...(t.source ? { source: `${t.source.doc}: ${t.source.quote}` } : {}),
        })),
    };
  });
}

/**
 * Scenario-variant median stocks of each pipeline (base year observed, later years projected).
 * @example pipelineInputs(result).map((p) => pipelineChart(p))
 */
export function pipelineInputs(result: ScenarioResult): PipelineChartInput[] {
  return result.pipelines.map((p) => ({
    id: p.id,
    title: `${p.name}: ${result.scenario.name} (median)`,
    unit: '家',
    stages: p.stages.map((s) => s.name),
    stocks: p.stages.flatMap((st) => {
      const s = result.series.find((x) => x.id === st.id)!;
      return result.years.map((year, y) => ({
        year,
        stage: st.name,
        value: s.scenario.median[y]!,
        ...(y > 0 ? { projected: true } : {}),
      }));
    }),
  }));
}

/** `50/80/95%` from the summary's levels. */
function levelsText(intervals: readonly { level: number }[]): string {
  return `${intervals.map((i) => i.level).join('/')}%`;
}

/** Whether two summaries of one series are identical (medians and every band in every year). */
function sameSummary(a: ScenarioResult['series'][number]['baseline'], b: typeof a): boolean {
  const same = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    same(a.median, b.median) &&
    a.intervals.length === b.intervals.length &&
    a.intervals.every((i, k) => {
      const j = b.intervals[k]!;
      return i.level === j.level && same(i.lower, j.lower) && same(i.upper, j.upper);
    })
  );
}
