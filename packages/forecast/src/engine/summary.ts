/**
 * The one summary of simulated values: median, mean and central intervals (50/80/95% by default), per year as arrays
 * and as long rows `{year, level, lower, upper}` (one Vega-Lite errorband layer draws every band). Quantiles are
 * simple-statistics' `quantileSorted` of the sorted values; the central interval at level L spans the quantiles
 * (1 − L/100)/2 and (1 + L/100)/2, so the intervals are nested.
 */
import { quantileSorted } from 'simple-statistics';
import { DEFAULTS } from './defaults.ts';
import { quantileRanks, selectable, selectRanks } from './order-statistics.ts';
import type { Paths } from './paths.ts';

/** Options of {@link summarise} and {@link summariseValues}. */
export interface SummaryOptions {
  /** Central interval levels, integer percent. @default DEFAULTS.levels ([50, 80, 95]) */
  levels?: readonly number[];
}

/** A central interval of one year's simulated values: `level` % of them fall in [lower, upper]. */
export interface IntervalAt {
  level: number;
  lower: number;
  upper: number;
}

/** Median, mean and central intervals of one set of simulated values (one year, or a period total). */
export interface ValueSummary {
  median: number;
  mean: number;
  intervals: IntervalAt[];
}

/** One band of a fan chart in long format. */
export interface BandRow {
  year: number;
  level: number;
  lower: number;
  upper: number;
}

/** Per-year summaries of {@link Paths}. */
export interface PathSummary {
  years: number[];
  median: number[];
  mean: number[];
  /** the bands as arrays over `years`, one entry per level */
  intervals: { level: number; lower: number[]; upper: number[] }[];
  /** the same bands as long rows, by level then year */
  bands: BandRow[];
}

/** The sorted copy of `values` in the form simple-statistics' quantile functions take. */
function sortedCopy(values: ArrayLike<number>): number[] {
  return Float64Array.from(values).sort() as unknown as number[];
}

function checkLevels(levels: readonly number[]): void {
  for (const l of levels)
    if (!(l > 0 && l < 100)) throw new RangeError(`summary levels must be percentages in (0, 100), got ${l}`);
}

/**
 * Quantiles of simulated values (sorted once).
 * @example quantiles(Float64Array.of(4, 1, 3, 2), [0.25, 0.5]) // [1.5, 2.5]
 */
export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('quantiles requires at least one value');
  const sorted = sortedCopy(values);
  return probs.map((q) => quantileSorted(sorted, q));
}

/**
 * Median, mean and central intervals of one set of simulated values.
 * @example summariseValues(Float64Array.of(1, 2, 3, 4, 5)).median // 3
 */
export function summariseValues(values: ArrayLike<number>, options: SummaryOptions = {}): ValueSummary {
  const levels = options.levels ?? DEFAULTS.levels;
  checkLevels(levels);
  const n = values.length;
  if (n === 0) throw new RangeError('summariseValues requires at least one value');
  const sorted = sortedCopy(values);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return {
    median: quantileSorted(sorted, 0.5),
    mean: sum / n,
    intervals: levels.map((level) => ({
      level,
      lower: quantileSorted(sorted, (1 - level / 100) / 2),
      upper: quantileSorted(sorted, (1 + level / 100) / 2),
    })),
  };
}

/**
 * Summarises paths year by year.
 * @example
 * const p = { years: [2021], nPaths: 3, values: Float64Array.of(1, 2, 3) };
 * summarise(p).median; // [2]
 * summarise(p).bands[0]; // { year: 2021, level: 50, lower: 1.5, upper: 2.5 }
 */
export function summarise(paths: Paths, options: SummaryOptions = {}): PathSummary {
  const levels = options.levels ?? DEFAULTS.levels;
  checkLevels(levels);
  const { years, nPaths, values } = paths;
  const W = years.length;
  if (nPaths < 1) throw new RangeError('summarise requires at least one path');
  const median: number[] = [];
  const mean: number[] = [];
  const intervals = levels.map((level) => ({ level, lower: [] as number[], upper: [] as number[] }));
  const col = new Float64Array(nPaths);
  // only the positions the quantiles read are put in order (see order-statistics.ts): the same values as a sort
  const ranks = quantileRanks(nPaths, [0.5, ...levels.flatMap((l) => [(1 - l / 100) / 2, (1 + l / 100) / 2])]);
  for (let j = 0; j < W; j++) {
    let sum = 0;
    for (let p = 0, o = j; p < nPaths; p++, o += W) {
      const v = values[o]!;
      col[p] = v;
      sum += v;
    }
    if (selectable(col)) selectRanks(col, ranks);
    else col.sort();
    const sorted = col as unknown as number[];
    median.push(quantileSorted(sorted, 0.5));
    mean.push(sum / nPaths);
    for (const iv of intervals) {
      iv.lower.push(quantileSorted(sorted, (1 - iv.level / 100) / 2));
      iv.upper.push(quantileSorted(sorted, (1 + iv.level / 100) / 2));
    }
  }
  const bands = intervals.flatMap((iv) =>
    years.map((year, j) => ({ year, level: iv.level, lower: iv.lower[j]!, upper: iv.upper[j]! })),
  );
  return { years: years.slice(), median, mean, intervals, bands };
}
