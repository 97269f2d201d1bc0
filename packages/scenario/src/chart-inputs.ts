/**
 * Chart inputs from a scenario result, in the shapes of `@trajectory/charts`' `scenarioComparison` (one per
 * series: baseline vs scenario medians and bands, history) and `pipelineChart` (stocks by ladder stage).
 * Plain data only, so this package needs no charting dependency; the CLI passes them to the builders.
 */
import type { ScenarioResult } from './run-scenario.ts';
import type { Scenario } from './types.ts';

/** Input of the charts package's scenario comparison for one series (baseline vs scenario medians and bands). */
export interface ComparisonInput {
  id: string;
  title: string;
  subtitle?: string;
  unit: string;
  history: { year: number; value: number }[];
  paths: {
    scenario: string;
    median: { year: number; value: number }[];
    bands: { year: number; level: number; lower: number; upper: number }[];
  }[];
}

/** Input of the charts package's pipeline chart: median stocks of each stage over the years. */
export interface PipelineChartInput {
  id: string;
  title: string;
  unit: string;
  stages: string[];
  stocks: { year: number; stage: string; value: number; projected?: boolean }[];
}

/**
 * @example for (const c of comparisonInputs(result, scenario)) writeFileSync(`${c.id}.vl.json`, JSON.stringify(scenarioComparison(c)));
 */
export function comparisonInputs(result: ScenarioResult, scenario?: Scenario): ComparisonInput[] {
  const hasInterventions = result.interventions.length > 0;
  return result.series.map((s) => {
    const history =
      scenario?.indicators.find((i) => i.id === s.id)?.history.filter((h) => h.year < result.scenario.baseYear) ?? [];
    const variants = hasInterventions ? (['baseline', 'scenario'] as const) : (['baseline'] as const);
    return {
      id: s.id,
      title: s.name === s.id ? s.id : `${s.name} (${s.id})`,
      subtitle: `${result.scenario.name}: median and 80%/95% bands, ${result.scenario.draws} draws, seed ${result.scenario.seed}`,
      unit: s.unit,
      history: history.map((h) => ({ year: h.year, value: h.value })),
      paths: variants.map((v) => ({
        scenario: v === 'baseline' ? '基线 baseline' : '情景 scenario',
        median: result.years.map((year, y) => ({ year, value: s[v].median[y]! })),
        bands: s[v].intervals.flatMap((iv) =>
          result.years
            .slice(1)
            .map((year, k) => ({ year, level: iv.level, lower: iv.lower[k + 1]!, upper: iv.upper[k + 1]! })),
        ),
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
