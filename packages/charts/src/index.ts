/**
 * @trajectory/charts — Vega-Lite spec builders and the adapters from fit / forecast results: pure functions that
 * return JSON specs, importable in a browser. Rendering (SVG, PNG with a CJK font) and the offline HTML report, which
 * need Node, vega, resvg and fontkit, are in `@trajectory/charts/render`.
 */

// Input shapes and look
export type * from './types.ts';
/** Vega-Lite's top-level spec type, re-exported so callers need no direct vega-lite dependency for types. */
export type { TopLevelSpec } from 'vega-lite';
export {
  CHART_CONFIG,
  CJK_FONT_FAMILY,
  PRIMARY_FONT_FAMILY,
  YEAR_AXIS,
  DEFAULT_CATEGORY_COLORS,
  DEFAULT_PIPELINE_STAGES,
  SCENARIO_COLORS,
  TARGET_COLOR,
  bandOpacity,
} from './theme.ts';
export { VL_SCHEMA, type SizeOptions } from './builders/common.ts';

// Spec builders
export { fanChart, targetLabel, type FanChartOptions, type FanChartLabels } from './builders/fan-chart.ts';
export { attainabilityDashboard, sortByProbability } from './builders/attainability-dashboard.ts';
export { growthGapChart, GROWTH_KINDS } from './builders/growth-gap.ts';
export { scenarioComparison, type ScenarioComparisonOptions } from './builders/scenario-comparison.ts';
export { pipelineChart } from './builders/pipeline-chart.ts';
export { scenarioCharts, type ScenarioChart } from './builders/scenario-charts.ts';
export { probabilitySummary } from './builders/probability-summary.ts';
export { fitDiagnostics } from './builders/fit-diagnostics.ts';

// Adapters from fit / forecast results
export {
  targetFanInput,
  regionDashboardInput,
  regionName,
  targetRowLabel,
  sourceLine,
  ASSESSOR_CATEGORY_COLORS,
  type DashboardAdapterOptions,
} from './adapters/assessment.ts';
export {
  curveDiagnosticsInput,
  fitDiagnosticsInput,
  selectionDiagnosticsInput,
  fittedCurve,
  type FitResidualsLike,
} from './adapters/fit.ts';
export {
  projectionFanChart,
  type ProjectionChartOptions,
  type ProjectionLike,
} from './adapters/projection.ts';
export {
  comparisonInputs,
  pipelineInputs,
  type ComparisonInput,
  type PipelineChartInput,
} from './adapters/scenario.ts';

// Grouping and classes of a plan's targets (pure; the report uses them)
export {
  planGroups,
  groupTargets,
  countClasses,
  attainmentClass,
  wilsonInterval,
  REPORT_DEFAULTS,
  ATTAINMENT_CLASSES,
  type AttainmentClass,
  type TargetGroup,
  type TargetStatement,
  type RegionGroups,
  type ClassCounts,
} from './report/plan-groups.ts';
export { methodInfo, type MethodInfo } from './report/method-codes.ts';
