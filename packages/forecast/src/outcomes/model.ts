/**
 * The outcome model: P(met) = σ(β₀ + β·standardised features) by L2-penalised logistic regression on past plans'
 * targets and outcomes (`plan-outcomes.csv`), evaluated by leave-one-plan-family-out cross-validation.
 */
import { createRng } from '@trajectory/core';
import { quantile } from 'simple-statistics';
import { FEATURE_NAMES, type FeatureName, featureVector, type TargetFeatures } from './features.ts';
import { fitLogistic, predictLogistic } from './logistic.ts';
import { scoreForecasts, type ForecastScores } from './scores.ts';

/** Penalty of the logistic regression on standardised features, fixed before looking at any score. */
export const OUTCOME_LAMBDA = 1;

/**
 * The default features: Platt scaling of the statistical probability (which already carries the target's ambition
 * against the trend and its horizon) plus the two ways plans bend trends that the projection cannot see: binding
 * (约束性) targets and reduction (at-most) targets. Ambition and horizon as separate features double-count the
 * projection's z-score and, across plan families, mostly encode the family (see the README's variants).
 */
export const OUTCOME_FEATURES: readonly FeatureName[] = ['logitP', 'binding', 'reduction'];

/** A past target: its features, whether it was met, and its plan family (the cross-validation fold). */
export interface OutcomeCase {
  features: TargetFeatures;
  met: boolean;
  family: string;
}

/** A fitted outcome model (plain JSON, stored as `calibration/plan-outcome-model.json`). */
export interface OutcomeModel {
  features: readonly string[];
  /** standardisation learned on the training cases */
  mean: number[];
  sd: number[];
  intercept: number;
  coef: number[];
  lambda: number;
  n: number;
  families: string[];
  baseRate: number;
}

/**
 * Fits the outcome model on training cases.
 * @throws RangeError on no cases
 * @example fitOutcomeModel(trainingCases).coef; // one per FEATURE_NAMES entry
 */
export function fitOutcomeModel(
  cases: readonly OutcomeCase[],
  lambda = OUTCOME_LAMBDA,
  features: readonly FeatureName[] = OUTCOME_FEATURES,
): OutcomeModel {
  if (cases.length === 0) throw new RangeError('fitOutcomeModel: no training cases');
  const x = cases.map((c) => pick(featureVector(c.features), features));
  const k = features.length;
  const mean = Array.from({ length: k }, (_, j) => x.reduce((a, r) => a + r[j]!, 0) / x.length);
  const sd = Array.from({ length: k }, (_, j) => {
    const v = x.reduce((a, r) => a + (r[j]! - mean[j]!) ** 2, 0) / Math.max(1, x.length - 1);
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const y: number[] = cases.map((c) => (c.met ? 1 : 0));
  const fit = fitLogistic(
    x.map((r) => r.map((v, j) => (v - mean[j]!) / sd[j]!)),
    y,
    lambda,
  );
  return {
    features: [...features],
    mean,
    sd,
    intercept: fit.intercept,
    coef: fit.coef,
    lambda,
    n: cases.length,
    families: [...new Set(cases.map((c) => c.family))].sort(),
    baseRate: y.reduce((a, b) => a + b, 0) / y.length,
  };
}

/**
 * The model's P(met) for a target's features.
 * @example calibratedProbability(model, features); // e.g. 0.82
 */
export function calibratedProbability(model: OutcomeModel, features: TargetFeatures): number {
  return predictLogistic(model, standardised(model, features));
}

function standardised(model: OutcomeModel, features: TargetFeatures): number[] {
  return pick(featureVector(features), model.features as FeatureName[]).map(
    (v, j) => (v - model.mean[j]!) / model.sd[j]!,
  );
}

/** Coefficients of one bootstrap refit (same standardisation as the model). */
export interface OutcomeReplicate {
  intercept: number;
  coef: number[];
}

/** Replicates of the outcome model over resampled plan families (stored beside the model). */
export interface OutcomeBootstrap {
  /** what was resampled and how often */
  method: string;
  seed: number;
  replicates: OutcomeReplicate[];
}

/** Bootstrap replicates drawn by {@link bootstrapOutcomeModel} unless told otherwise. */
export const OUTCOME_BOOTSTRAP_REPLICATES = 400;

/**
 * The calibration's own uncertainty: the model refitted on plan families drawn with replacement (a cluster
 * bootstrap: targets of one family share their era and their planners, so they are not independent), with the full
 * fit's standardisation so that replicates are comparable. Seeded and reproducible.
 * @example bootstrapOutcomeModel(cases, fitOutcomeModel(cases)).replicates.length; // 400
 */
export function bootstrapOutcomeModel(
  cases: readonly OutcomeCase[],
  model: OutcomeModel,
  options: { replicates?: number; seed?: number } = {},
): OutcomeBootstrap {
  const seed = options.seed ?? 20250101;
  const nRep = options.replicates ?? OUTCOME_BOOTSTRAP_REPLICATES;
  const rng = createRng(seed);
  const families = [...new Set(cases.map((c) => c.family))].sort();
  const byFamily = new Map(families.map((f) => [f, cases.filter((c) => c.family === f)]));
  const replicates: OutcomeReplicate[] = [];
  for (let r = 0; r < nRep; r++) {
    const drawn = families.flatMap(() => byFamily.get(families[Math.floor(rng.uniform() * families.length)]!)!);
    const x = drawn.map((c) => standardised(model, c.features));
    const y = drawn.map((c) => (c.met ? 1 : 0));
    // a draw of families that all met (or all missed) has no slope to learn: the penalty keeps it finite
    const fit = fitLogistic(x, y, model.lambda);
    replicates.push({ intercept: fit.intercept, coef: fit.coef });
  }
  return { method: `cluster bootstrap over ${families.length} plan families, ${nRep} replicates`, seed, replicates };
}

/** An interval for a calibrated probability (see {@link calibratedInterval}). */
export interface ProbabilityInterval {
  level: number;
  lower: number;
  upper: number;
  /** what the interval covers, in words */
  basis: string;
}

/**
 * A central interval for the calibrated probability: quantiles of the bootstrap replicates' probabilities, taken at
 * the ends of the statistical probability's own Monte Carlo interval (`statistical`, e.g. Wilson), so that it covers
 * both the calibration's uncertainty and the simulation's.
 * @example calibratedInterval(model, bootstrap, features, [0.48, 0.52], 0.95); // { level: 0.95, lower: 0.4, upper: 0.61, … }
 */
export function calibratedInterval(
  model: OutcomeModel,
  bootstrap: OutcomeBootstrap,
  features: TargetFeatures,
  statistical: [number, number],
  level = 0.95,
): ProbabilityInterval {
  const at = (p: number) =>
    bootstrap.replicates.map((r) =>
      predictLogistic(r, standardised(model, { ...features, statisticalProbability: p })),
    );
  const a = (1 - level) / 2;
  const point = calibratedProbability(model, features);
  return {
    level,
    lower: Math.min(point, quantile(at(statistical[0]), a)),
    upper: Math.max(point, quantile(at(statistical[1]), 1 - a)),
    basis: `${bootstrap.method}; Monte Carlo error of the statistical probability`,
  };
}

/** Leave-one-family-out predictions and their scores. */
export interface CrossValidation {
  scores: ForecastScores;
  /** the same for the pure statistical probability (no learning) */
  statisticalScores: ForecastScores;
  byFamily: { family: string; n: number; brier: number; baseRate: number }[];
  predictions: {
    index: number;
    family: string;
    met: boolean;
    probability: number;
    statistical: number;
    climatology: number;
  }[];
}

/**
 * Leave-one-plan-family-out cross-validation: each family is predicted by a model fitted on the others only; the
 * climatological forecast of a held-out case is the base rate of its training families.
 * @throws RangeError with fewer than 2 families
 * @example crossValidateOutcomes(cases).scores.brierSkill;
 */
export function crossValidateOutcomes(
  cases: readonly OutcomeCase[],
  lambda = OUTCOME_LAMBDA,
  features: readonly FeatureName[] = OUTCOME_FEATURES,
): CrossValidation {
  const families = [...new Set(cases.map((c) => c.family))].sort();
  if (families.length < 2) throw new RangeError(`crossValidateOutcomes: needs >= 2 families, got ${families.length}`);
  const predictions: CrossValidation['predictions'] = [];
  const byFamily: CrossValidation['byFamily'] = [];
  for (const family of families) {
    const train = cases.filter((c) => c.family !== family);
    const test = cases.map((c, index) => ({ c, index })).filter(({ c }) => c.family === family);
    const model = fitOutcomeModel(train, lambda, features);
    let brier = 0;
    for (const { c, index } of test) {
      const probability = calibratedProbability(model, c.features);
      brier += ((c.met ? 1 : 0) - probability) ** 2 / test.length;
      predictions.push({
        index,
        family,
        met: c.met,
        probability,
        statistical: c.features.statisticalProbability,
        climatology: model.baseRate,
      });
    }
    byFamily.push({ family, n: test.length, brier, baseRate: test.filter(({ c }) => c.met).length / test.length });
  }
  const y = predictions.map((p) => (p.met ? 1 : 0));
  const clim = predictions.map((p) => p.climatology);
  return {
    scores: scoreForecasts(
      predictions.map((p) => p.probability),
      y,
      clim,
    ),
    statisticalScores: scoreForecasts(
      predictions.map((p) => p.statistical),
      y,
      clim,
    ),
    byFamily,
    predictions,
  };
}

function pick(vector: number[], names: readonly FeatureName[]): number[] {
  return names.map((n) => vector[FEATURE_NAMES.indexOf(n)]!);
}
