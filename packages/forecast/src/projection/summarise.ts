import { quantileSorted } from 'simple-statistics';
import type { IntervalLevel } from './types.ts';

/** Path summaries per horizon: median, mean and central intervals at 50, 80 and 95%. */
export interface PathSummary {
  median: number[];
  mean: number[];
  intervals: { level: IntervalLevel; lower: number[]; upper: number[] }[];
}

const LEVELS: IntervalLevel[] = [50, 80, 95];

/**
 * Summarises row-major `nPaths × H` paths by horizon with simple-statistics' `quantileSorted`
 * (central interval at level L = quantiles (1 − L/100)/2 and (1 + L/100)/2).
 * @example summarisePaths(new Float64Array([1, 2, 3]), 3, 1).median // [2]
 */
export function summarisePaths(paths: Float64Array, nPaths: number, H: number): PathSummary {
  const median: number[] = [];
  const mean: number[] = [];
  const intervals = LEVELS.map((level) => ({ level, lower: [] as number[], upper: [] as number[] }));
  const col = new Float64Array(nPaths);
  for (let h = 0; h < H; h++) {
    let sum = 0;
    for (let p = 0; p < nPaths; p++) {
      const v = paths[p * H + h]!;
      col[p] = v;
      sum += v;
    }
    col.sort();
    const sorted = col as unknown as number[];
    median.push(quantileSorted(sorted, 0.5));
    mean.push(sum / nPaths);
    for (const iv of intervals) {
      const a = (1 - iv.level / 100) / 2;
      iv.lower.push(quantileSorted(sorted, a));
      iv.upper.push(quantileSorted(sorted, 1 - a));
    }
  }
  return { median, mean, intervals };
}
