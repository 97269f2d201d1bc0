/** Simple least-squares line z ≈ intercept + slope · x (for start values; no allocation). */
export interface Line {
  intercept: number;
  slope: number;
}

/**
 * Ordinary least-squares line through (x[i], z[i]) for i < n, by centred sums (stable enough for start values).
 *
 * @example
 * fitLine([0, 1, 2], [1, 3, 5], 3); // {intercept: 1, slope: 2}
 */
export function fitLine(x: ArrayLike<number>, z: ArrayLike<number>, n: number = x.length): Line {
  let mx = 0;
  let mz = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    mz += z[i]!;
  }
  mx /= n;
  mz /= n;
  let sxx = 0;
  let sxz = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    sxx += dx * dx;
    sxz += dx * (z[i]! - mz);
  }
  const slope = sxx > 0 ? sxz / sxx : 0;
  return { intercept: mz - slope * mx, slope };
}

/** Throws the family's fixed-format error unless every y is > 0 (needed for log-based start values). */
export function requirePositive(name: string, y: ArrayLike<number>): void {
  for (let i = 0; i < y.length; i++) {
    if (!(y[i]! > 0)) {
      throw new RangeError(
        `fit(${name}) requires positive observations for automatic start values (y[${i}] = ${y[i]}); pass options.start`,
      );
    }
  }
}

/** max of y */
export function maxOf(y: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < y.length; i++) if (y[i]! > m) m = y[i]!;
  return m;
}

/** Numerically stable logistic sigmoid 1 / (1 + e^(−z)). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Stable log(1 + e^x). */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Capacity multipliers tried for K when it is estimated (K = max(y) · c). */
export const CAPACITY_GRID = [1.05, 1.1, 1.25, 1.5, 2, 3, 5, 10, 30, 100];

/** Largest capacity the S-curve families accept, as a multiple of max |y| (see {@link GrowthFamily.bounds}). */
export const CAPACITY_LIMIT = 100;

/** Bounds with the capacity (parameter 0) in [0, CAPACITY_LIMIT · max|y|] and the rest free (length p). */
export function capacityBounds(y: ArrayLike<number>, p: number, rest?: { lower?: number[]; upper?: number[] }) {
  let m = 0;
  for (let i = 0; i < y.length; i++) m = Math.max(m, Math.abs(y[i]!));
  const lower = rest?.lower?.slice() ?? new Array<number>(p).fill(-Infinity);
  const upper = rest?.upper?.slice() ?? new Array<number>(p).fill(Infinity);
  lower[0] = 0;
  upper[0] = m > 0 ? CAPACITY_LIMIT * m : Infinity;
  return { lower, upper };
}
