// Projection API
export { project } from './project.ts';
export type { IntervalLevel, Projection, ProjectionMethod, ProjectOptions, YearlySeries } from './types.ts';

// Simulation engine and summaries
export { simulatePaths, type SimulationInput } from './simulate.ts';
export { summarisePaths, type PathSummary } from './summarise.ts';
export { interpolateQuantile, type QuantileTable } from './quantile-table.ts';

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
export { baseSd, calibrationCell, stepScale } from './scale.ts';
export { chooseScale, type Scale } from './transform.ts';

// Point methods
export { naiveForecast } from './methods/naive.ts';
export { driftForecast } from './methods/drift.ts';
export { thetaForecast } from './methods/theta.ts';
export { dampedForecast, fitDamped, type DampedFit } from './methods/damped.ts';
export { fitSes, type SesFit } from './methods/ses.ts';
export { pointForecast, pointForecasts, POINT_METHODS, type PointMethod } from './point-forecast.ts';
export { nelderMead, type NelderMeadResult } from './nelder-mead.ts';
