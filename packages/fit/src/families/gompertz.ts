import type { GrowthFamily } from '../family.ts';
import { CAPACITY_GRID, capacityBounds, fitLine, maxOf, requirePositive } from './ols.ts';

/**
 * Gompertz growth y = K·exp(−b·e^(−c·τ)): asymmetric S-curve with capacity K, displacement b (y(0) = K e^(−b)) and
 * growth rate c; the inflection is at y = K/e. Start values: for each K on a grid, the least-squares line through
 * (τ, log(−log(y/K))) = (τ, log b − c τ); the K with the smallest residual sum of squares wins.
 *
 * @example
 * gompertz.f([100, 2, 0.3], 0); // 100·e^(−2)
 */
export const gompertz: GrowthFamily = {
  name: 'gompertz',
  params: ['K', 'b', 'c'],
  describe: 'y = K·exp(−b·exp(−c·τ))  (K: capacity; b: displacement, y(0) = K·e^(−b); c: growth rate)',
  f: (th, t) => th[0]! * Math.exp(-th[1]! * Math.exp(-th[2]! * t)),
  jacobian: (th, t, out) => {
    const e = Math.exp(-th[2]! * t);
    const g = Math.exp(-th[1]! * e);
    out[0] = g;
    out[1] = -th[0]! * g * e;
    out[2] = th[0]! * g * th[1]! * t * e;
  },
  init: (t, y, options) => {
    requirePositive('gompertz', y);
    const n = y.length;
    const fixedK = options?.fixed?.K;
    const ymax = maxOf(y);
    const z = new Float64Array(n);
    let best = [fixedK ?? 1.5 * ymax, 1, 0.1];
    let bestSse = Infinity;
    const count = fixedK === undefined ? CAPACITY_GRID.length : 1;
    for (let k = 0; k < count; k++) {
      const K = fixedK ?? CAPACITY_GRID[k]! * ymax;
      for (let i = 0; i < n; i++) z[i] = Math.log(-Math.log(Math.min(y[i]!, 0.999 * K) / K));
      const line = fitLine(t, z, n);
      const b = Math.exp(line.intercept);
      const c = -line.slope;
      let sse = 0;
      for (let i = 0; i < n; i++) {
        const d = K * Math.exp(-b * Math.exp(-c * t[i]!)) - y[i]!;
        sse += d * d;
      }
      if (sse < bestSse) {
        bestSse = sse;
        best = [K, b, c];
      }
    }
    return best;
  },
  logScale: ['K'],
  bounds: (_t, y) => capacityBounds(y, 3),
  minPoints: 3,
};
