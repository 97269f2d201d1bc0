// Scenario files: schema, loader, errors, types
export { loadScenario, parseScenario, scenarioSchema, type LoadOptions } from './load.ts';
export { ScenarioError } from './errors.ts';
export type {
  DerivedSpec,
  GoalSpec,
  GrowthModel,
  IndicatorSpec,
  Intervention,
  Lever,
  PipelineSpec,
  PipelineStage,
  ProjectModel,
  Scenario,
  TargetSpec,
} from './types.ts';

// Running: whole scenario, single simulations, goal seeking
export {
  runScenario,
  type InterventionEffect,
  type RunOptions,
  type ScenarioResult,
  type SeriesResult,
  type TargetResult,
} from './run-scenario.ts';
export { simulate, type Simulation, type SimulationOptions } from './simulate.ts';
export { hashId } from './hash-id.ts';
export { goalSeek, leverContext, type GoalResult, type GoalSeekOptions } from './goal-seek.ts';
export { projectPaths, type ProjectionNote } from './project-paths.ts';

// Building blocks
export { calibratePipeline, stepDeterministic, type PipelineCalibration } from './pipeline.ts';
export { compileSafeExpression, topoOrder, ALLOWED_FUNCTIONS, type SafeExpression } from './expression.ts';
export { step, ramp, pulse } from './vensim.ts';
export { createZiggurat, type NormalSource } from './ziggurat.ts';
export { simulateGrowthPaths, type GrowthPlan } from './growth-kernel.ts';
export { attainmentBatch, type AttainmentBatchInput } from './attainment-batch.ts';
export { createAttainmentPool, type AttainmentPool } from './attainment-pool.ts';
export { attainment, bands, quantileSorted, sortedColumn, type Bands, type Probability } from './summary.ts';

// Output
export { resultToJson, bandsToCsv, targetsToCsv, roundSignificant } from './format.ts';
export { comparisonInputs, pipelineInputs, type ComparisonInput, type PipelineChartInput } from './chart-inputs.ts';
