// The one simulation engine: defaults, the Paths layout, path models, summary and attainment
export { DEFAULTS, type IntervalLevel } from './defaults.ts';
export { sumOver, valuesAt, type Paths } from './paths.ts';
export { simulatePaths, type PathModel, type SimulateOptions } from './simulate.ts';
export { baseSd, type CalibratedWalk } from './calibrated-walk.ts';
export type { GrowthProcess } from './growth-process.ts';
export { interpolateQuantile, type QuantileTable } from './quantile-table.ts';
export {
  quantiles,
  summarise,
  summariseValues,
  type BandRow,
  type IntervalAt,
  type PathSummary,
  type SummaryOptions,
  type ValueSummary,
} from './summary.ts';
export { attainment, type Attainment } from './attainment.ts';
export { holds } from './comparator.ts';
