export { fitLogistic, predictLogistic, type LogisticFit } from './logistic.ts';
export { auc, reliability, scoreForecasts, type ForecastScores, type ReliabilityBin } from './scores.ts';
export {
  FEATURE_NAMES,
  type FeatureName,
  featureVector,
  OUTCOME_TYPE_PATTERNS,
  outcomeType,
  DEFAULT_FEATURE_PATHS,
  resolvedProbability,
  targetAmbition,
  targetFeatures,
  type TargetCase,
  type TargetFeatureOptions,
  type TargetFeatures,
} from './features.ts';
export {
  bootstrapOutcomeModel,
  calibratedInterval,
  calibratedProbability,
  crossValidateOutcomes,
  fitOutcomeModel,
  OUTCOME_FEATURES,
  OUTCOME_BOOTSTRAP_REPLICATES,
  OUTCOME_LAMBDA,
  type CrossValidation,
  type OutcomeBootstrap,
  type OutcomeReplicate,
  type ProbabilityInterval,
  type OutcomeCase,
  type OutcomeModel,
} from './model.ts';
export {
  outcomeCases,
  type OutcomeCaseOptions,
  type OutcomeCaseResult,
  type PlanOutcomeInput,
} from './cases.ts';
export { bundledOutcomeModel, type OutcomeModelTable } from './bundled.ts';
