// Projection API
export { project } from './project.ts';
export type { Projection, ProjectionMethod, ProjectOptions, YearlySeries } from './types.ts';
export {
  CURVE_DEFAULTS,
  curveCandidates,
  projectCurve,
  type CurveCandidate,
  type CurveOptions,
  type CurveProjection,
  type CurveReport,
  type CurveResult,
  type CurveWindow,
} from './curve-path.ts';

// Learned calibration (calibration/*.json)
export {
  autoChoice,
  intervalCalibration,
  methodTable,
  referenceClasses,
  type CalibrationGroup,
  type GrowthRateCalibration,
  type IntervalCalibration,
  type MethodCalibration,
  type ReferenceClasses,
} from './calibration.ts';
export { calibrationCell, stepScale } from './scale.ts';
export { chooseScale, type Scale } from './transform.ts';

// Point methods
export { naiveForecast } from './methods/naive.ts';
export { driftForecast } from './methods/drift.ts';
export { thetaForecast } from './methods/theta.ts';
export { dampedForecast, fitDamped, type DampedFit } from './methods/damped.ts';
export { fitSes, type SesFit } from './methods/ses.ts';
export { pointForecast, pointForecasts, POINT_METHODS, type PointMethod } from './point-forecast.ts';
export { nelderMead, type NelderMeadResult } from './nelder-mead.ts';
export { CALIBRATION_PROFILES, checkProjectionChoices, projectionMethods } from './choices.ts';
