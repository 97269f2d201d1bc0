export { fitLogistic, predictLogistic, type LogisticFit } from './logistic.ts';
export { auc, reliability, scoreForecasts, type ForecastScores, type ReliabilityBin } from './scores.ts';
export {
  FEATURE_NAMES,
  type FeatureName,
  featureVector,
  OUTCOME_TYPE_PATTERNS,
  outcomeType,
  PROBABILITY_CLIP,
  targetAmbition,
  targetFeatures,
  type TargetCase,
  type TargetFeatureOptions,
  type TargetFeatures,
} from './features.ts';
export {
  calibratedProbability,
  crossValidateOutcomes,
  fitOutcomeModel,
  OUTCOME_FEATURES,
  OUTCOME_LAMBDA,
  type CrossValidation,
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
