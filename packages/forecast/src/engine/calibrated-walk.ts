/**
 * The path model behind every projection: a random walk with uncertain drift whose marginals are mapped onto the
 * empirically calibrated error quantiles (Gaussian-copula quantile mapping).
 */
import type { Rng } from '@trajectory/core';
import { normalCdf } from './normal.ts';
import { interpolateQuantile, type QuantileTable } from './quantile-table.ts';

/**
 * A projection's path model; everything is on the simulation scale (log, logit or identity, see `chooseScale`).
 *
 * Base process: `W(h) = Σ_{i≤h} ε_i + h·η/√(n−1)` with ε, η ~ N(0, 1) (innovation and parameter uncertainty),
 * whose standard deviation is `sd(h) = √(h + h²/(n−1))` ({@link baseSd}). Each path value is
 * `point(h) + s·sd(h)·Q_h(Φ(W(h)/sd(h)))`, drawn in antithetic pairs, where `Q_h` is the calibrated quantile
 * function of the standardised forecast error at horizon h: the marginals are exactly the calibrated ones, while
 * the dependence across horizons (needed for attainment and cumulative targets) is that of the random walk.
 */
export interface CalibratedWalk {
  kind: 'calibrated-walk';
  /** Point forecast per horizon h = 1…H, one per year of the paths (the median when Q_h(½) = 0). */
  point: readonly number[];
  /** Series scale `s`: the standard deviation of one-step changes. */
  scale: number;
  /** Effective number of observations behind the trend; `Infinity` gives a pure random walk. */
  n: number;
  /** Calibrated quantiles of the standardised error `(y − point)/(s·sd(h))`; omitted → Gaussian. */
  table?: QuantileTable;
  /** Multiplier applied to Gaussian errors when no table is given. @default 1 */
  gaussianInflation?: number;
}

/**
 * Standard deviation of the base process at horizon h for n observations: `√(h + h²/(n−1))`.
 * @example
 * baseSd(1, Infinity); // 1: a random walk's one-step spread
 * baseSd(4, 5);        // √(4 + 16/4) = 2.83
 */
export function baseSd(h: number, n: number): number {
  return Math.sqrt(h + (Number.isFinite(n) && n > 1 ? (h * h) / (n - 1) : 0));
}

/** Fills `out` (row-major nPaths × H) with paths of the calibrated walk. */
export function fillCalibratedWalk(model: CalibratedWalk, nPaths: number, rng: Rng, out: Float64Array): void {
  const H = model.point.length;
  const { scale, table, point } = model;
  const inflation = model.gaussianInflation ?? 1;
  const paramSd = Number.isFinite(model.n) && model.n > 1 ? 1 / Math.sqrt(model.n - 1) : 0;
  const sd = Array.from({ length: H }, (_, i) => baseSd(i + 1, model.n));
  const eps = new Float64Array(H + 1);
  for (let p = 0; p < nPaths; p++) {
    // antithetic pairs (ε, −ε): the simulated marginals are symmetric, so the paths' median sits on Q_h(½)
    if (p % 2 === 0) rng.fillNormal(eps);
    else for (let i = 0; i <= H; i++) eps[i] = -eps[i]!;
    const eta = eps[H]! * paramSd;
    let walk = 0;
    for (let h = 1; h <= H; h++) {
      walk += eps[h - 1]!;
      const z = (walk + h * eta) / sd[h - 1]!;
      const e = table ? interpolateQuantile(table, h, normalCdf(z)) : inflation * z;
      out[p * H + h - 1] = point[h - 1]! + scale * sd[h - 1]! * e;
    }
  }
}
