/**
 * Attainment for many independent indicators at once (the benchmark workload and a quick screen of a whole
 * plan): each indicator k has a base value, a target, and an annual growth rate ~ Normal(mu_k, sigma_k) drawn
 * anew each year; P(value after `years` years >= target) per indicator, from full paths of the engine's `growth`
 * process (as a fan chart needs) and the engine's `attainment`.
 */
import { createRng } from '@trajectory/core';
import { attainment, DEFAULTS, simulatePaths, valuesAt, type GrowthProcess } from '@trajectory/forecast';

/** K indicators as parallel arrays: base value, target, and the mean and sd of the yearly growth rate. */
export interface AttainmentBatchInput {
  base: ArrayLike<number>;
  target: ArrayLike<number>;
  mu: ArrayLike<number>;
  sigma: ArrayLike<number>;
}

/** Options of {@link attainmentBatch}. */
export interface AttainmentBatchOptions {
  /** years simulated after the base */
  years: number;
  /** paths per indicator. @default DEFAULTS.paths */
  draws?: number;
  /** root seed; indicator k draws from `createRng(seed).fork('ind' + k)`. @default DEFAULTS.seed */
  seed?: number;
  /** first indicator of the slice to compute. @default 0 */
  from?: number;
  /** end (exclusive) of the slice. @default K */
  to?: number;
}

/**
 * @returns P(v_final >= target) per indicator of the slice (Float64Array of length to − from)
 * @example attainmentBatch({ base: [100], target: [150], mu: [0.08], sigma: [0.03] }, { draws: 10000, years: 5, seed: 1 })
 */
export function attainmentBatch(input: AttainmentBatchInput, options: AttainmentBatchOptions): Float64Array {
  const { years } = options;
  const draws = options.draws ?? DEFAULTS.paths;
  const K = input.base.length;
  const from = options.from ?? 0;
  const to = options.to ?? K;
  const axis = Array.from({ length: years + 1 }, (_, i) => i);
  const out = new Float64Array(draws * (years + 1));
  // buffers reused by every indicator: the paths, the normals, the final year's column
  const scratch = new Float64Array(draws * years);
  const last = new Float64Array(draws);
  const p = new Float64Array(to - from);
  const root = createRng(options.seed ?? DEFAULTS.seed);
  const model: GrowthProcess = {
    kind: 'growth',
    base: Number.NaN, // a double from the start: the first indicator's base does not change the object's shape
    mean: new Float64Array(years),
    sd: new Float64Array(years),
  };
  for (let k = from; k < to; k++) {
    model.base = input.base[k]!;
    model.mean.fill(input.mu[k]!);
    model.sd.fill(input.sigma[k]!);
    // one stream per indicator, as in a scenario: results do not depend on how indicators are split into chunks
    const paths = simulatePaths(model, { years: axis, nPaths: draws, rng: root.fork(`ind${k}`), out, scratch });
    p[k - from] = attainment(valuesAt(paths, years, last), '>=', input.target[k]!).probability;
  }
  return p;
}
