/**
 * The resolved, validated scenario that the engine runs (what `parseScenario` returns). Plain JSON-serialisable
 * records; the file format itself is described by `scenario.schema.json`.
 */
import type { Source } from '@trajectory/core';

/** Annual growth model: v[t+1] = v[t] * (1 + g[t]), g ~ Normal(mean, sd), a new draw each year or one per path. */
export interface GrowthModel {
  kind: 'growth';
  mean: number;
  sd: number;
  mode: 'annual' | 'constant';
}

/** Baseline paths from `@trajectory/forecast` `project()` on the history (converted to yearly growth factors). */
export interface ProjectModel {
  kind: 'project';
  method?: string;
  /** `growth: projected`: the seed indicator whose `assess` projection the paths are (instead of `project()`) */
  assess?: string;
}

/** A primary indicator with its base value, history and baseline model. */
export interface IndicatorSpec {
  id: string;
  name: string;
  unit: string;
  /** value in the scenario's base year */
  base: number;
  /** observations, ascending by year (may be empty) */
  history: { year: number; value: number }[];
  /** inclusive [lower, upper]; default [0, Infinity] (counts and amounts are never negative) */
  bounds: [number, number];
  model: GrowthModel | ProjectModel;
  source?: Source;
}

/** One rung of a firm ladder, with its reported stock in the base year. */
export interface PipelineStage {
  id: string;
  name: string;
  base: number;
  source?: Source;
}

/** A stock-flow pipeline (梯度培育): stages in ladder order with entry, graduation and exit rates. */
export interface PipelineSpec {
  id: string;
  name: string;
  stages: PipelineStage[];
  /** firms per year entering the first stage in the base year ('calibrate': from balanced growth) */
  entry: number | 'calibrate';
  /** graduation rate from stage i to i+1 (length stages - 1) or 'calibrate' */
  graduation: number[] | 'calibrate';
  /** exit rate of each stage (length stages) */
  exit: number[];
  /** balanced growth rate assumed by the calibration (0 = steady state) */
  growth: number;
  /** relative sd of each path's lognormal rate multipliers (parameter uncertainty) */
  rateSd: number;
  /** demographic noise on every flow: F + sqrt(F) z, the normal approximation of Poisson counts */
  noise: boolean;
  assumptions: string[];
}

/** A derived indicator: a sandboxed mathjs expression over other ids and `t`. */
export interface DerivedSpec {
  id: string;
  name: string;
  unit: string;
  expression: string;
  bounds?: [number, number];
}

/** Interventions; years are calendar years inside (baseYear, horizon]. */
export type Intervention =
  | { type: 'multiply'; label: string; indicator: string; factor: number; year: number; from?: number }
  | {
      type: 'growth';
      label: string;
      indicator: string;
      from: number;
      until?: number;
      set?: number;
      shift?: number;
      sd?: number;
    }
  | { type: 'step'; label: string; indicator: string; height: number; start: number }
  | { type: 'ramp'; label: string; indicator: string; slope: number; start: number; end: number }
  | { type: 'pulse'; label: string; indicator: string; amount: number; start: number; width: number }
  | { type: 'add'; label: string; indicator: string; amount: number; year: number }
  | { type: 'cap'; label: string; indicator: string; max: number; from?: number }
  | {
      type: 'rate';
      label: string;
      pipeline: string;
      rate: 'graduation' | 'exit' | 'entry';
      stage?: string;
      from: number;
      set?: number;
      multiply?: number;
    };

/** A target to check: P(indicator in `year` satisfies `comparator value`). */
export interface TargetSpec {
  label: string;
  indicator: string;
  year: number;
  /** null: the document left it blank (values reachable with given probabilities are proposed instead) */
  value: number | null;
  comparator: '>=' | '>' | '<=' | '<';
  source?: Source;
}

/** What goal seeking may move: a growth rate, an extra yearly inflow, a graduation rate or a pipeline's entry. */
export type Lever =
  | { kind: 'growth'; indicator: string }
  | { kind: 'inflow'; indicator: string }
  | { kind: 'graduation'; pipeline: string; stage: string }
  | { kind: 'entry'; pipeline: string };

/** Find the smallest lever value attaining `target` with probability >= `probability`. */
export interface GoalSpec {
  target: string;
  lever: Lever;
  probability: number;
  /** bisection bracket; default by lever kind (growth [-0.5, 1], graduation [0, 1], inflow/entry [0, 10x scale]) */
  range?: [number, number];
  /** other inputs at their baseline (default) or with the scenario's interventions */
  under: 'baseline' | 'scenario';
}

/** A validated scenario, as returned by `loadScenario` / `parseScenario`. */
export interface Scenario {
  file: string;
  name: string;
  description: string;
  region?: string;
  baseYear: number;
  horizon: number;
  draws: number;
  seed: number;
  proposalProbabilities: number[];
  assumptions: string[];
  indicators: IndicatorSpec[];
  pipelines: PipelineSpec[];
  /** in evaluation (topological) order */
  derived: DerivedSpec[];
  interventions: Intervention[];
  targets: TargetSpec[];
  goals: GoalSpec[];
}
