/**
 * The defaults of every simulation, in one place: projections, assessments, scenarios, the batch attainment screen
 * and the command line's help texts all read them from here.
 */
export const DEFAULTS = {
  /** Seed of the root generator (`createRng(seed)`); every indicator draws from `rng.fork(id)`. */
  seed: 20250101,
  /** Simulated paths (scenario files call them draws): the Monte Carlo standard error of a probability is at most 0.005. */
  paths: 10000,
  /** Central interval levels (integer percent) every summary reports, nested: 50 ⊂ 80 ⊂ 95. */
  levels: [50, 80, 95],
} as const;

/** An interval level of the default summaries. */
export type IntervalLevel = (typeof DEFAULTS.levels)[number];
