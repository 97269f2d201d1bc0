/**
 * Attainment for many independent indicators at once (the benchmark workload and a quick screen of a whole
 * plan): each indicator k has a base value, a target, and an annual growth rate ~ Normal(mu_k, sigma_k) drawn
 * anew each year; P(value after `years` years >= target) per indicator, computed with the scenario engine's
 * growth kernel (full paths, as a fan chart needs) and the ziggurat normals.
 */
import { createRng } from '@trajectory/core';
import { simulateGrowthPaths, type GrowthPlan } from './growth-kernel.ts';
import { hashId } from './hash-id.ts';
import { createZiggurat } from './ziggurat.ts';

/** K indicators as parallel arrays: base value, target, and the mean and sd of the yearly log growth rate. */
export interface AttainmentBatchInput {
  base: ArrayLike<number>;
  target: ArrayLike<number>;
  mu: ArrayLike<number>;
  sigma: ArrayLike<number>;
}

/**
 * @returns P(v_final >= target) per indicator (Float64Array of length K)
 * @example attainmentBatch({ base: [100], target: [150], mu: [0.08], sigma: [0.03] }, { draws: 10000, years: 5, seed: 1 })
 */
export function attainmentBatch(
  input: AttainmentBatchInput,
  options: { draws: number; years: number; seed: number; from?: number; to?: number },
): Float64Array {
  const { draws, years, seed } = options;
  const K = input.base.length;
  const from = options.from ?? 0;
  const to = options.to ?? K;
  const W = years + 1;
  const out = new Float64Array(draws * W);
  const z = new Float64Array(draws * years);
  const p = new Float64Array(to - from);
  const root = createRng(seed);
  const plan: GrowthPlan = {
    base: 0,
    mean: new Float64Array(years),
    sd: new Float64Array(years),
    constant: false,
    lower: -Infinity,
    upper: new Float64Array(years).fill(Infinity),
  };
  for (let k = from; k < to; k++) {
    plan.base = input.base[k]!;
    plan.mean.fill(input.mu[k]!);
    plan.sd.fill(input.sigma[k]!);
    // one stream per indicator, as in a scenario: results do not depend on how indicators are split into chunks
    simulateGrowthPaths(plan, draws, createZiggurat(root.fork(hashId(`ind${k}`))), out, z);
    const target = input.target[k]!;
    let hits = 0;
    for (let d = 0, o = years; d < draws; d++, o += W) if (out[o]! >= target) hits++;
    p[k - from] = hits / draws;
  }
  return p;
}
