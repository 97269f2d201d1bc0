/**
 * The tight loop of the Monte Carlo engine for one indicator with an annual growth model:
 *   v[s] = clamp((v[s-1] * (1 + mean[s] + sd[s] * z[s]) + inflow[s] + add[s]) * mult[s], lower, upper[s])
 * for draws d (rows) and steps s = 1..S (columns; column 0 is the base value). Typed arrays only, no allocation
 * per draw; normals come in bulk from the ziggurat.
 */
import type { NormalSource } from './ziggurat.ts';

/** Per-step inputs (arrays of length S, index s - 1 is the step into column s). */
export interface GrowthPlan {
  base: number;
  mean: Float64Array;
  sd: Float64Array;
  /** one rate per path (`constant`) instead of a new rate each year */
  constant: boolean;
  /** additive flows, one-off additions and multipliers; omitted = none (the fast path) */
  inflow?: Float64Array;
  add?: Float64Array;
  mult?: Float64Array;
  lower: number;
  upper: Float64Array;
}

/**
 * Simulates `draws` paths into `out` (row-major draws x (S + 1)). `z` is scratch space of at least draws x S.
 * Returns `out`.
 * @example
 * const S = 5, plan = { base: 100, mean: new Float64Array(S).fill(0.05), sd: new Float64Array(S).fill(0.02),
 *   constant: false, lower: 0, upper: new Float64Array(S).fill(Infinity) };
 * simulateGrowthPaths(plan, 1000, createZiggurat(createRng(1)), new Float64Array(1000 * 6));
 */
export function simulateGrowthPaths(
  plan: GrowthPlan,
  draws: number,
  normals: NormalSource,
  out: Float64Array,
  z?: Float64Array,
): Float64Array {
  const S = plan.mean.length;
  const _W = S + 1;
  const { base, mean, sd, lower, upper } = plan;
  const perDraw = plan.constant ? 1 : S;
  const buf = z && z.length >= draws * perDraw ? z : new Float64Array(draws * perDraw);
  normals.fill(buf, 0, draws * perDraw);
  const { inflow, add, mult } = plan;
  if (!inflow && !add && !mult && !plan.constant) {
    // fast path: plain annual growth with bounds
    for (let d = 0, o = 0, k = 0; d < draws; d++) {
      let v = base;
      out[o++] = v;
      for (let s = 0; s < S; s++) {
        v *= 1 + mean[s]! + sd[s]! * buf[k++]!;
        if (v < lower) v = lower;
        else if (v > upper[s]!) v = upper[s]!;
        out[o++] = v;
      }
    }
    return out;
  }
  for (let d = 0, o = 0; d < draws; d++) {
    let v = base;
    out[o++] = v;
    const zc = plan.constant ? buf[d]! : 0;
    for (let s = 0; s < S; s++) {
      const zz = plan.constant ? zc : buf[d * S + s]!;
      v = v * (1 + mean[s]! + sd[s]! * zz);
      if (inflow) v += inflow[s]!;
      if (add) v += add[s]!;
      if (mult) v *= mult[s]!;
      if (v < lower) v = lower;
      else if (v > upper[s]!) v = upper[s]!;
      out[o++] = v;
    }
  }
  return out;
}
