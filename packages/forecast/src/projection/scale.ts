import { median } from 'simple-statistics';

/**
 * Cap of the one-step scale on log/logit scales. Series that jump by factors of e each year are noise around a
 * level rather than random walks; without a cap their log-scale intervals span many orders of magnitude.
 * Errors of capped series are learned in the top volatility cell, so the cap does not bias coverage.
 */
export const MAX_LOG_SCALE = 0.5;

/** Floor of the one-step scale on log/logit scales (0.5% a year), so constant series still get intervals. */
export const MIN_LOG_SCALE = 0.005;

/**
 * The series scale `s` that standardises forecast errors: a robust standard deviation of the first differences,
 * √(π/2) × their mean absolute deviation from the median (one outlier year does not blow up every interval, and
 * unlike the median absolute deviation it does not collapse on short windows), on the simulation scale, floored at
 * `MIN_LOG_SCALE` and capped at `MAX_LOG_SCALE` on log/logit scales, floored at 0.1% of the largest |value|
 * on the identity scale.
 * @param z regular series on the simulation scale (n ≥ 2)
 * @example stepScale([0, 0.1, 0.3], 'log')
 */
export function stepScale(z: ArrayLike<number>, kind: 'identity' | 'log' | 'logit'): number {
  const n = z.length;
  const d: number[] = [];
  for (let i = 1; i < n; i++) d.push(z[i]! - z[i - 1]!);
  let s = Math.abs(d[0] ?? 0);
  if (n > 2) {
    const med = median(d);
    let mad = 0;
    for (const x of d) mad += Math.abs(x - med) / d.length;
    s = Math.sqrt(Math.PI / 2) * mad; // = σ for normal differences
  }
  let floor = MIN_LOG_SCALE;
  if (kind === 'identity') {
    let m = 1e-12;
    for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(z[i]!));
    floor = 1e-3 * m;
  }
  return s >= floor ? (kind === 'identity' ? s : Math.min(s, MAX_LOG_SCALE)) : floor;
}

// the base process's spread belongs to the engine's calibrated walk; re-exported here for the calibration script
export { baseSd } from '../engine/calibrated-walk.ts';

/** Upper edges of the volatility bins: the one-step scale `s` on the log (or logit) scale. */
export const VOLATILITY_EDGES = [0.05, 0.15, Infinity];
/** Upper edges of the trend bins: the point forecast's one-step change `point(1) − z(T)` on the same scale. */
export const TREND_EDGES = [-0.01, 0.01, 0.03, 0.07, Infinity];

/**
 * The calibration cell of a series: volatility bin × trend bin, e.g. `'v1t3'` (see `VOLATILITY_EDGES`,
 * `TREND_EDGES`). Fast-growing and volatile series have differently shaped errors (growth reverts), so
 * the tables are learned per cell. `undefined` on the identity scale, where `s` is in data units.
 * @example calibrationCell(0.03, 0.05, 'log') // 'v0t3'
 */
export function calibrationCell(s: number, trend: number, kind: 'identity' | 'log' | 'logit'): string | undefined {
  if (kind === 'identity') return undefined;
  return `v${VOLATILITY_EDGES.findIndex((e) => s <= e)}t${TREND_EDGES.findIndex((e) => trend <= e)}`;
}
