/**
 * Plain input shapes of the chart builders. They are deliberately independent of the fit/forecast result types
 * (adapters in `src/adapters/` map those onto these), so a builder can be fed from a JSON file or a notebook.
 * Years are integers (calendar years); growth rates are in percent per year; probabilities in [0, 1].
 */
import type { Comparator } from '@trajectory/core';

/** One point of a yearly series. */
export interface YearValue {
  year: number;
  value: number;
}

/**
 * One row of a long-format prediction interval: the central `level`% interval `[lower, upper]` in `year`
 * (statsforecast's naming: `level` is an integer percent, e.g. 50, 80, 95).
 */
export interface Band {
  year: number;
  level: number;
  lower: number;
  upper: number;
}

/** A plan target drawn as a marker: value to reach by `year`, how it compares, and where it was read. */
export interface TargetMarker {
  year: number;
  value: number;
  comparator: Comparator;
  /** document and quote, shown in the tooltip, e.g. `"004_….txt: 高新技术企业数量达到2500家"` */
  source?: string;
  /** short label next to the marker; default `"<comparator> <value> (<year>)"` */
  label?: string;
}

/** Input of {@link fanChart}: observed history, fitted curve, projected median and bands, optional target. */
export interface FanChartInput {
  title: string;
  subtitle?: string;
  /** unit of the values, e.g. `"家"` or `"%"`; shown in the y axis title and tooltips */
  unit: string;
  history: YearValue[];
  fitted?: YearValue[];
  median: YearValue[];
  bands: Band[];
  target?: TargetMarker;
}

/** One target on the attainability dashboard. */
export interface AttainabilityRow {
  /** stable id, e.g. `"binhai.hightech_firms@2025"` */
  id: string;
  /** label on the axis, e.g. `"高新技术企业 2025 ≥ 2500 家"`; made unique by the builder if repeated */
  label: string;
  /** probability of attaining the target, in [0, 1]; `null` when it could not be assessed */
  probability: number | null;
  /** progress category, e.g. `"on-track"`, `"at-risk"`, `"off-track"`, `"achieved"`, `"not-assessable"` */
  category: string;
  /** annual growth the target requires from the base, percent per year */
  requiredGrowth: number | null;
  /** historical annual growth of the indicator, percent per year */
  historicalGrowth: number | null;
  /** annual growth the projection expects (last observation to the median at the target year), percent per year */
  projectedGrowth?: number | null;
  unit?: string;
  /** extra tooltip text: method, verdicts, source */
  note?: string;
}

/** Input of {@link attainabilityDashboard}. */
export interface DashboardInput {
  title: string;
  subtitle?: string;
  rows: AttainabilityRow[];
  /** colour per category, in legend order; default {@link DEFAULT_CATEGORY_COLORS} */
  categoryColors?: Record<string, string>;
}

/** One indicator of the required-vs-historical growth chart (percent per year). */
export interface GrowthGapRow {
  label: string;
  required: number | null;
  historical: number | null;
  /** growth the projection expects; drawn as a third dot when given */
  projected?: number | null;
}

/** Input of {@link growthGapChart}. */
export interface GrowthGapInput {
  title: string;
  subtitle?: string;
  rows: GrowthGapRow[];
}

/** One path of a scenario comparison: median and bands of one scenario. */
export interface ScenarioPath {
  scenario: string;
  median: YearValue[];
  bands: Band[];
}

/** Input of {@link scenarioComparison}; the first path is drawn as the baseline. */
export interface ScenarioComparisonInput {
  title: string;
  subtitle?: string;
  unit: string;
  history?: YearValue[];
  paths: ScenarioPath[];
  /** plan targets of this indicator, each drawn as a dashed rule at its value with a marker and label in its year */
  targets?: TargetMarker[];
}

/** One stock of the pipeline in one year. */
export interface PipelineStock {
  year: number;
  stage: string;
  value: number;
  /** true for projected values (drawn lighter) */
  projected?: boolean;
}

/** Input of {@link pipelineChart}: stocks by ladder stage over time, stages in ladder order (bottom first). */
export interface PipelineInput {
  title: string;
  subtitle?: string;
  unit: string;
  /** ladder order, default {@link DEFAULT_PIPELINE_STAGES} */
  stages?: string[];
  stocks: PipelineStock[];
}

/** One residual of one fitted model. */
export interface ResidualPoint {
  model: string;
  year: number;
  residual: number;
}

/** One row of a model-selection table (the shape of `@trajectory/fit`'s selection rows). */
export interface ModelRow {
  model: string;
  k: number;
  n: number;
  rss: number;
  aicc: number | null;
  bic: number | null;
  deltaAicc: number | null;
  weight: number | null;
  status: string;
}

/** One point of a candidate model's fitted curve. */
export interface CurvePoint {
  model: string;
  year: number;
  value: number;
}

/** Input of {@link fitDiagnostics}. */
export interface FitDiagnosticsInput {
  title: string;
  subtitle?: string;
  unit: string;
  residuals: ResidualPoint[];
  models: ModelRow[];
  /** the observations fitted: with `curves`, a first panel draws them beside every candidate's curve */
  observations?: YearValue[];
  /** every candidate's fitted curve (over the observed and projected years) */
  curves?: CurvePoint[];
  /** the model chosen (drawn thick and solid; the others dashed) */
  chosen?: string;
}

/** One target of the probability summary: P(attain) and its interval, all in [0, 1]. */
export interface ProbabilityRow {
  id: string;
  /** axis label; repeated labels get " (2)", " (3)" */
  label: string;
  probability: number;
  lower: number;
  upper: number;
  /** class shown by colour, e.g. `likely`; one of the input's `classes` */
  category: string;
  /** tooltip line */
  note?: string;
  /** panel of the row (e.g. the region); rows are drawn in one panel per group, in first-seen order */
  group?: string;
}

/** Input of {@link probabilitySummary}. */
export interface ProbabilitySummaryInput {
  title: string;
  subtitle?: string;
  rows: ProbabilityRow[];
  /** colour and legend label per category, in legend order */
  classes: { id: string; label: string; color: string }[];
  /** probabilities drawn as dashed vertical rules (the class thresholds) */
  thresholds?: number[];
}
