export {
  dynamicsOf,
  logDynamics,
  logitDynamics,
  MEASURE_DYNAMICS,
  type Dynamics,
  type DynamicsInput,
  type DynamicsKind,
  type DynamicsResult,
} from './dynamics.ts';
export {
  estimatePrior,
  poolTypePriors,
  PANEL_TYPES,
  type EstimatePriorOptions,
  type PanelObservation,
  type PanelTypeInfo,
  type TypePrior,
} from './priors.ts';
export {
  PARENT_WINDOW,
  PRIOR_NOISE_DF,
  projectPooled,
  type DriftSource,
  type ParentSeries,
  type PooledOptions,
  type PooledProjection,
  type PoolingReport,
} from './pooled.ts';
export {
  buildPriors,
  mergeHistory,
  parentSeries,
  type HistoryObservation,
  INDICATOR_TYPES,
  indicatorKey,
  parentFor,
  priorFor,
  REGION_PARENTS,
  type BuildPriorsOptions,
  type Evidence,
} from './evidence.ts';
export { bundledEvidence, type PriorTable } from './bundled.ts';
