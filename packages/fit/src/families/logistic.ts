import type { FamilyInitOptions, GrowthFamily } from '../family.ts';
import { CAPACITY_GRID, capacityBounds, fitLine, maxOf, requirePositive } from './ols.ts';

// Local copy of the stable sigmoid (a hot path: module-local calls inline better than imported bindings).
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Logistic start values: for each capacity K on a grid (max(y) · {1.05 … 5}, or the fixed K), the least-squares line
 * through (τ, log(y / (K − y))) gives r (slope) and t0 (−intercept / slope); the K whose curve has the smallest
 * residual sum of squares on the original scale wins.
 */
export function logisticStart(
  name: string,
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: FamilyInitOptions,
): number[] {
  requirePositive(name, y);
  const n = y.length;
  const fixedK = options?.fixed?.K;
  const ymax = maxOf(y);
  const z = new Float64Array(n);
  let best: number[] = [fixedK ?? 1.5 * ymax, 0.1, 0];
  let bestSse = Infinity;
  const count = fixedK === undefined ? CAPACITY_GRID.length : 1;
  for (let g = 0; g < count; g++) {
    const K = fixedK ?? CAPACITY_GRID[g]! * ymax;
    for (let i = 0; i < n; i++) {
      const yi = Math.min(y[i]!, 0.999 * K);
      z[i] = Math.log(yi / (K - yi));
    }
    const line = fitLine(t, z, n);
    let r = line.slope;
    let t0: number;
    if (Math.abs(r) < 1e-6 || !Number.isFinite(r)) {
      r = 0.1;
      t0 = 0;
      for (let i = 0; i < n; i++) t0 += t[i]!;
      t0 /= n;
    } else {
      t0 = -line.intercept / r;
    }
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const d = K * sigmoid(r * (t[i]! - t0)) - y[i]!;
      sse += d * d;
    }
    if (sse < bestSse) {
      bestSse = sse;
      best = [K, r, t0];
    }
  }
  return best;
}

/**
 * Logistic growth y = K / (1 + e^(−r(τ − t0))): saturates at the capacity K (estimate it, or fix it, e.g.
 * `{fixed: {K: 100}}` for a percentage); r is the intrinsic growth rate and t0 the inflection time (y = K/2),
 * measured from the origin.
 *
 * @example
 * logistic.f([100, 0.5, 4], 4); // 50
 */
export const logistic: GrowthFamily = {
  name: 'logistic',
  params: ['K', 'r', 't0'],
  describe: 'y = K / (1 + exp(−r·(τ − t0)))  (K: capacity; r: growth rate; t0: inflection time, y = K/2)',
  f: (th, t) => th[0]! * sigmoid(th[1]! * (t - th[2]!)),
  jacobian: (th, t, out) => {
    const u = t - th[2]!;
    const s = sigmoid(th[1]! * u);
    const ds = th[0]! * s * sigmoid(-th[1]! * u); // K·s(1 − s), without cancellation
    out[0] = s;
    out[1] = ds * u;
    out[2] = -ds * th[1]!;
  },
  init: (t, y, options) => logisticStart('logistic', t, y, options),
  logScale: ['K'],
  bounds: (_t, y) => capacityBounds(y, 3),
  minPoints: 3,
};
