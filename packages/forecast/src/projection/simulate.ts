import { createRng } from '@trajectory/core';
import { normalCdf } from './normal.ts';
import { interpolateQuantile, type QuantileTable } from './quantile-table.ts';
import { baseSd } from './scale.ts';
import type { Scale } from './transform.ts';

/** Input of {@link simulatePaths}: everything is on the simulation scale (see `transform.ts`). */
export interface SimulationInput {
  /** Point forecast per horizon h = 1…H (the paths' median when the table is centred, i.e. Q_h(½) = 0). */
  point: number[];
  /** Series scale `s`: the standard deviation of one-step changes. */
  scale: number;
  /**
   * Effective number of observations behind the trend; the base process adds drift (parameter) uncertainty
   * `h·η/√(n−1)`. `Infinity` gives a pure random walk.
   */
  n: number;
  /** Calibrated quantiles of the standardised error `(y − point)/(s·sd(h))`; omitted → Gaussian. */
  table?: QuantileTable;
  /** Multiplier applied to Gaussian errors when no table is given. @default 1 */
  gaussianInflation?: number;
  nPaths: number;
  seed: number;
}

/**
 * The one simulation engine behind every projection (Gaussian-copula quantile mapping).
 *
 * Base process: a random walk with uncertain drift on the simulation scale,
 * `W(h) = Σ_{i≤h} ε_i + h·η/√(n−1)` with ε, η ~ N(0, 1) (innovation and parameter uncertainty), whose
 * standard deviation is `sd(h) = √(h + h²/(n−1))`. Each path value is then
 * `point(h) + s·sd(h)·Q_h(Φ(W(h)/sd(h)))` (drawn in antithetic pairs), where `Q_h` is the empirically calibrated quantile function of the
 * standardised forecast error at horizon h. The marginals are therefore exactly the calibrated ones, while the
 * dependence across horizons (needed for attainment and cumulative targets) is that of the random walk.
 *
 * @returns row-major `nPaths × H` paths on the simulation scale
 * @example simulatePaths({ point: [0, 0], scale: 1, n: 10, nPaths: 4, seed: 1 }).length // 8
 */
export function simulatePaths(input: SimulationInput): Float64Array {
  const H = input.point.length;
  const { nPaths, scale, table } = input;
  const rng = createRng(input.seed);
  const inflation = input.gaussianInflation ?? 1;
  const paramSd = Number.isFinite(input.n) && input.n > 1 ? 1 / Math.sqrt(input.n - 1) : 0;
  const sd = Array.from({ length: H }, (_, i) => baseSd(i + 1, input.n));
  const out = new Float64Array(nPaths * H);
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
      out[p * H + h - 1] = input.point[h - 1]! + scale * sd[h - 1]! * e;
    }
  }
  return out;
}

/** Maps simulated paths back to the data scale in place. */
export function inverseTransformPaths(paths: Float64Array, scale: Scale): Float64Array {
  if (scale.kind !== 'identity') for (let i = 0; i < paths.length; i++) paths[i] = scale.inverse(paths[i]!);
  return paths;
}
