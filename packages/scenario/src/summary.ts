/**
 * Reductions over simulated paths: quantile bands per year, probabilities of attainment with their Monte Carlo
 * standard error sqrt(p (1 - p) / N).
 */
import type { TargetSpec } from './types.ts';

/** Median, mean and central intervals per year. `level` is an integer percent (80, 95). */
export interface Bands {
  median: number[];
  mean: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
}

/** A Monte Carlo probability and its standard error sqrt(p (1 - p) / N). */
export interface Probability {
  p: number;
  se: number;
  n: number;
}

/**
 * Quantile of sorted values, linear interpolation between order statistics (type 7, as R's default and NumPy's).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Column `y` of a draws x W row-major matrix, sorted ascending.
 * @example
 * const finalYear = sortedColumn(paths, draws, years.length, years.length - 1);
 * finalYear[Math.floor(draws / 2)]; // the median in the last year
 */
export function sortedColumn(values: Float64Array, draws: number, W: number, y: number): Float64Array {
  const col = new Float64Array(draws);
  for (let d = 0; d < draws; d++) col[d] = values[d * W + y]!;
  return col.sort();
}

/**
 * Median, mean and 80%/95% bands for each year.
 * @example bands(sim.values.get('gazelle')!, sim.draws, sim.years.length)
 */
export function bands(values: Float64Array, draws: number, W: number, levels: readonly number[] = [80, 95]): Bands {
  const median: number[] = [];
  const mean: number[] = [];
  const intervals = levels.map((level) => ({ level, lower: [] as number[], upper: [] as number[] }));
  for (let y = 0; y < W; y++) {
    const col = sortedColumn(values, draws, W, y);
    median.push(quantileSorted(col, 0.5));
    let s = 0;
    for (let d = 0; d < draws; d++) s += col[d]!;
    mean.push(s / draws);
    for (const iv of intervals) {
      const a = (1 - iv.level / 100) / 2;
      iv.lower.push(quantileSorted(col, a));
      iv.upper.push(quantileSorted(col, 1 - a));
    }
  }
  return { median, mean, intervals };
}

/**
 * P(value in year column `y` satisfies `comparator target`) over the draws, with its Monte Carlo standard error.
 * @example attainment(values, 10000, 6, 5, '>=', 32) // { p: 0.41, se: 0.0049, n: 10000 }
 */
export function attainment(
  values: Float64Array,
  draws: number,
  W: number,
  y: number,
  comparator: TargetSpec['comparator'],
  target: number,
): Probability {
  let hits = 0;
  for (let d = 0; d < draws; d++) {
    const v = values[d * W + y]!;
    if (
      comparator === '>='
        ? v >= target
        : comparator === '>'
          ? v > target
          : comparator === '<='
            ? v <= target
            : v < target
    )
      hits++;
  }
  const p = hits / draws;
  return { p, se: Math.sqrt((p * (1 - p)) / draws), n: draws };
}
