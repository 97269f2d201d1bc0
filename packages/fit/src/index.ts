/**
 * @trajectory/fit — growth-curve fitting: Levenberg–Marquardt (MINPACK-style, scaled, bounded, weighted),
 * linear least squares by pivoted QR with refinement, growth families and AICc/BIC model selection.
 */

// Curve fitting
export {
  assertConverged,
  evaluateFamily,
  fitCurve,
  predictCurve,
  resolveFamily,
  type CurveFit,
  type FitOptions,
  type Series,
} from './fit-curve.ts';
export {
  DEFAULT_MODELS,
  selectCurve,
  type CurveSelection,
  type SelectionRow,
  type SelectOptions,
} from './select-curve.ts';
export { informationCriteria, type InformationCriteria } from './information-criteria.ts';

// Families
export type { FamilyInitOptions, GrowthFamily } from './family.ts';
export { exponential, families, gompertz, linear, logistic, power, quadratic, richards } from './families/index.ts';
export { defineFamily, expressionFamily, type ExpressionFamilyOptions, type UserFamilySpec } from './user-model.ts';

// Solvers
export {
  levenbergMarquardt,
  type LeastSquaresProblem,
  type LevenbergMarquardtOptions,
  type LevenbergMarquardtReason,
  type LevenbergMarquardtResult,
  type LevenbergMarquardtStatus,
} from './levenberg-marquardt.ts';
export { linearLeastSquares, type LinearFit, type LinearLeastSquaresOptions } from './linear-least-squares.ts';
export { designMatrix, polynomialDesign } from './design.ts';
