/**
 * @trajectory/charts — Vega-Lite spec builders, headless SVG/PNG rendering and the offline HTML report.
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
  bandOpacity,
} from './theme.ts';
export { VL_SCHEMA, type SizeOptions } from './builders/common.ts';

// Spec builders
export { fanChart, targetLabel, type FanChartOptions, type FanChartLabels } from './builders/fan-chart.ts';
export { attainabilityDashboard, sortByProbability } from './builders/attainability-dashboard.ts';
export { growthGapChart, GROWTH_KINDS } from './builders/growth-gap.ts';
export { scenarioComparison, type ScenarioComparisonOptions } from './builders/scenario-comparison.ts';
export { pipelineChart } from './builders/pipeline-chart.ts';
export { probabilitySummary } from './builders/probability-summary.ts';
export { fitDiagnostics } from './builders/fit-diagnostics.ts';

// Rendering without a browser
export { compileSpec, collectingLogger, type CompiledSpec } from './render/compile-spec.ts';
export { renderSvg, type RenderSvgOptions } from './render/render-svg.ts';
export { renderPng, type RenderPngOptions, type RenderedPng } from './render/render-png.ts';
export {
  resolveCjkFont,
  fontCoverage,
  openFace,
  CJK_FONT_CANDIDATES,
  type FontChoice,
  type FontCoverage,
} from './render/font.ts';
export { svgTexts } from './render/svg-text.ts';
export { fontTextWidth, useFontTextMetrics } from './render/text-metrics.ts';
export {
  writeChartFiles,
  type ChartFormat,
  type WriteChartFilesOptions,
  type WrittenChartFiles,
} from './render/write-chart-files.ts';

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
export { fitDiagnosticsInput, selectionDiagnosticsInput, fittedCurve, type FitResidualsLike } from './adapters/fit.ts';
export {
  comparisonInputs,
  pipelineInputs,
  type ComparisonInput,
  type PipelineChartInput,
} from './adapters/scenario.ts';

// HTML reports (offline, vega-embed)
export {
  writeReport,
  reportHtml,
  type ReportInput,
  type ReportSection,
  type ReportChart,
  type WrittenReport,
} from './report/write-report.ts';
export { writeAssessmentReport, assessmentReport, type AssessmentReportOptions } from './report/assessment-report.ts';
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
export { browserAssets, type BrowserAsset } from './report/assets.ts';
// kept for callers of this package's API; the implementation is @trajectory/core's
export { writeFileAtomic } from '@trajectory/core/node';
export { escapeHtml } from './report/html.ts';
