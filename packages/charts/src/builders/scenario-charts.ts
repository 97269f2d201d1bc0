import type { TopLevelSpec } from 'vega-lite';
import type { Scenario, ScenarioResult } from '@trajectory/scenario';
import { comparisonInputs, pipelineInputs } from '../adapters/scenario.ts';
import { pipelineChart } from './pipeline-chart.ts';
import { scenarioComparison } from './scenario-comparison.ts';

/** Plot width of the comparisons: two charts (with their axes and the embed menu) side by side on a 1400 px page. */
const COMPARISON_WIDTH = 520;

/** One chart of a scenario run, with the base of its file names. */
export interface ScenarioChart {
  /** file name base: the series id, or `pipeline-<id>` */
  name: string;
  kind: 'comparison' | 'pipeline';
  /** the chart's title (as in the spec) */
  title: string;
  spec: TopLevelSpec;
}

/**
 * Every chart of a scenario run, in page order: one {@link scenarioComparison} per series (baseline vs scenario
 * with the series' targets), then one {@link pipelineChart} per pipeline. `trajectory run --out` writes each as
 * `charts/<name>.vl.json`, `.svg` and `.png`, and the scenario page shows them.
 * @example
 * for (const c of scenarioCharts(result, scenario)) writeFileSync(`${c.name}.vl.json`, JSON.stringify(c.spec));
 */
export function scenarioCharts(result: ScenarioResult, scenario?: Scenario): ScenarioChart[] {
  return [
    ...comparisonInputs(result, scenario).map(({ id, ...input }) => ({
      name: id,
      kind: 'comparison' as const,
      title: input.title,
      spec: scenarioComparison(input, { width: COMPARISON_WIDTH }),
    })),
    ...pipelineInputs(result).map(({ id, ...input }) => ({
      name: `pipeline-${id}`,
      kind: 'pipeline' as const,
      title: input.title,
      spec: pipelineChart(input),
    })),
  ];
}
