/**
 * The path model of scenarios and of the batch attainment screen: an annual growth process with flows,
 *   v[s] = clamp((v[s−1] · (1 + mean[s] + sd[s]·z[s]) + inflow[s] + add[s]) · mult[s], lower, upper[s]),
 * column 0 being the base value. The tight loop uses typed arrays only, with normals drawn in bulk.
 */
import type { Rng } from '@trajectory/core';

/** Per-step inputs: arrays of length S = years − 1; index s − 1 is the step into column s. */
export interface GrowthProcess {
  kind: 'growth';
  /** value of column 0 (the base year) on every path */
  base: number;
  /** mean growth rate per step */
  mean: Float64Array;
  /** standard deviation of the growth rate per step */
  sd: Float64Array;
  /** one rate draw per path (`constant`) instead of a new one each year. @default false */
  constant?: boolean;
  /** additive flows, one-off additions and multipliers per step; omitted = none (the fast path) */
  inflow?: Float64Array;
  add?: Float64Array;
  mult?: Float64Array;
  /** lower bound of the value. @default -Infinity */
  lower?: number;
  /** upper bound per step. @default Infinity */
  upper?: Float64Array;
}

/**
 * Fills `out` (row-major nPaths × (S + 1)) with paths of the growth process; `scratch` (optional, reused between
 * calls) holds the normals.
 */
export function fillGrowthProcess(
  model: GrowthProcess,
  nPaths: number,
  rng: Rng,
  out: Float64Array,
  scratch?: Float64Array,
): Float64Array {
  const S = model.mean.length;
  const { base, mean, sd, inflow, add, mult } = model;
  const lower = model.lower ?? -Infinity;
  const upper = model.upper ?? new Float64Array(S).fill(Infinity);
  const constant = model.constant ?? false;
  const perPath = constant ? 1 : S;
  const z = scratch && scratch.length >= nPaths * perPath ? scratch : new Float64Array(nPaths * perPath);
  rng.fillNormal(z, 0, nPaths * perPath);
  if (!inflow && !add && !mult && !constant) {
    // fast path: plain annual growth with bounds
    for (let p = 0, o = 0, k = 0; p < nPaths; p++) {
      let v = base;
      out[o++] = v;
      for (let s = 0; s < S; s++) {
        v *= 1 + mean[s]! + sd[s]! * z[k++]!;
        if (v < lower) v = lower;
        else if (v > upper[s]!) v = upper[s]!;
        out[o++] = v;
      }
    }
    return out;
  }
  for (let p = 0, o = 0; p < nPaths; p++) {
    let v = base;
    out[o++] = v;
    const zc = constant ? z[p]! : 0;
    for (let s = 0; s < S; s++) {
      const zz = constant ? zc : z[p * S + s]!;
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
