/**
 * The interval of a share estimated from n independent draws, e.g. the share of simulated paths that meet a target
 * (its Monte Carlo error). Forecast's calibrated probability widens it by the calibration's own uncertainty; the
 * report falls back to it for an uncalibrated probability.
 */

/** z of the 95 % central interval, the level every reported probability interval uses. */
export const PROBABILITY_INTERVAL_Z = 1.959963984540054;

/**
 * Wilson score interval of a share `p` estimated from `n` Monte Carlo paths: the simulation error of P(attain)
 * (Wilson 1927; Agresti & Coull 1998). Stays inside [0, 1] and is not empty at p = 0 or 1.
 * @example
 * wilsonInterval(0, 2000); // [0, 0.0019…]
 */
export function wilsonInterval(p: number, n: number, z: number = PROBABILITY_INTERVAL_Z): [number, number] {
  if (!(n > 0)) return [0, 1];
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // at p = 0 (1) the lower (upper) end is exactly 0 (1); the formula leaves a rounding residue
  return [p <= 0 ? 0 : Math.max(0, centre - half), p >= 1 ? 1 : Math.min(1, centre + half)];
}
