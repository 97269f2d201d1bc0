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
export {
  projectPaths,
  simulate,
  type ProjectionNote,
  type Simulation,
  type SimulationOptions,
} from './simulate.ts';
export { goalSeek, leverContext, type GoalResult, type GoalSeekOptions } from './goal-seek.ts';

// Building blocks
export { calibratePipeline, stepDeterministic, type PipelineCalibration } from './pipeline.ts';
export { compileSafeExpression, topoOrder, ALLOWED_FUNCTIONS, type SafeExpression } from './expression.ts';
export { step, ramp, pulse } from './vensim.ts';
export { attainmentBatch, type AttainmentBatchInput, type AttainmentBatchOptions } from './attainment-batch.ts';
export { createAttainmentPool, type AttainmentPool } from './attainment-pool.ts';

// Output
export { resultToJson, bandsToCsv, targetsToCsv, roundSignificant } from './format.ts';
