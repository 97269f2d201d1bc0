import { quantileSorted } from 'simple-statistics';
import type { Comparator } from '@trajectory/core';
import type { DistributionAt, IntervalAt } from './types.ts';
import type { ProjectionLike } from './projector.ts';
import { holds } from './comparator.ts';

/**
 * The simulated values of one year (a column of the row-major path matrix), or, for several years, the sum of
 * those columns plus `offset`: the cumulative total of yearly flows over a period whose first part was observed.
 * @throws RangeError when a year is outside the projection
 * @example
 * simulatedValues(projection, [2025]);                 // values in 2025 on every path
 * simulatedValues(projection, [2023, 2024, 2025], 120); // 120 observed + flows of 2023–2025
 */
export function simulatedValues(projection: ProjectionLike, years: number[], offset = 0): Float64Array {
  const h = projection.years.length;
  const columns = years.map((year) => {
    const j = projection.years.indexOf(year);
    if (j < 0)
      throw new RangeError(
        `year ${year} is outside the projection (${projection.years[0]}–${projection.years[h - 1]})`,
      );
    return j;
  });
  const out = new Float64Array(projection.nPaths).fill(offset);
  for (let i = 0; i < projection.nPaths; i++) {
    let s = 0;
    for (const j of columns) s += projection.paths[i * h + j]!;
    out[i]! += s;
  }
  return out;
}

/**
 * Probability that the comparator holds, estimated as the share of paths on which it holds, with its Monte Carlo
 * standard error sqrt(p (1 − p) / n) (binomial proportion).
 * @example
 * attainment(Float64Array.of(1, 2, 3, 4), '>=', 3); // { probability: 0.5, stdError: 0.25 }
 */
export function attainment(
  values: Float64Array,
  comparator: Comparator,
  target: number,
  base?: number | null,
): { probability: number; stdError: number } {
  const n = values.length;
  if (n === 0) throw new RangeError('attainment requires at least one simulated value');
  let hits = 0;
  for (let i = 0; i < n; i++) if (holds(values[i]!, comparator, target, base)) hits++;
  const p = hits / n;
  return { probability: p, stdError: Math.sqrt((p * (1 - p)) / n) };
}

const LEVELS = [50, 80, 95] as const;

/**
 * Median, mean and central 50/80/95 % intervals of simulated values (path quantiles, simple-statistics
 * `quantileSorted`).
 * @example
 * distributionAt(values, 2025).intervals[2]; // { level: 95, lower: q(0.025), upper: q(0.975) }
 */
export function distributionAt(values: Float64Array, year: number): DistributionAt {
  const sorted = Array.from(values).sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  const intervals: IntervalAt[] = LEVELS.map((level) => ({
    level,
    lower: quantileSorted(sorted, (1 - level / 100) / 2),
    upper: quantileSorted(sorted, 1 - (1 - level / 100) / 2),
  }));
  return { year, median: quantileSorted(sorted, 0.5), mean: sum / sorted.length, intervals };
}
