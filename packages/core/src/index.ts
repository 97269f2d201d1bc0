// Indicator data model
export type {
  Accumulation,
  Comparator,
  Indicator,
  MeasureType,
  Observation,
  RelativeTarget,
  Source,
  Target,
  TargetAttribute,
} from './indicator.ts';

// Randomness
export { createRng, type Rng } from './random.ts';
