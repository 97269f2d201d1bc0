// Projection API
export { project } from './project.ts';
export type { IntervalLevel, Projection, ProjectionMethod, ProjectOptions, YearlySeries } from './types.ts';

// Simulation engine and summaries
export { simulatePaths, type SimulationInput } from './simulate.ts';
export { summarisePaths, type PathSummary } from './summarise.ts';
export { interpolateQuantile, type QuantileTable } from './quantile-table.ts';

// Point methods
export { naiveForecast } from './methods/naive.ts';
export { driftForecast } from './methods/drift.ts';
export { thetaForecast } from './methods/theta.ts';
export { dampedForecast, fitDamped, type DampedFit } from './methods/damped.ts';
export { fitSes, type SesFit } from './methods/ses.ts';
export { pointForecast, POINT_METHODS, type PointMethod } from './point-forecast.ts';
export { nelderMead, type NelderMeadResult } from './nelder-mead.ts';
