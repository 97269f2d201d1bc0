import { existsSync, readFileSync } from 'node:fs';
import type { QuantileTable } from './quantile-table.ts';

/** Standardised-error quantiles of one method, by training-length group `[minN, maxN]`. */
export interface MethodCalibration {
  groups: CalibrationGroup[];
  /** the same, learned per M4 category (where at least 300 pseudo-origins exist) */
  byCategory?: Record<string, CalibrationGroup[]>;
}

/** Standardised-error quantiles `q[h−1][k]` for training lengths `minN…maxN`, from `count` pseudo-origins. */
export interface CalibrationGroup {
  minN: number;
  maxN: number;
  count: number;
  q: number[][];
}

/** Calibration of the 2-point growth-rate method: shrinkage of the implied growth and error quantiles by |g|. */
export interface GrowthRateCalibration {
  /** Point forecast `log ŷ(T+h) = log y(T) + h·beta·g`, g = implied annual log growth. */
  beta: number;
  bins: { maxAbsG: number; count: number; q: number[][] }[];
}

/** Learned interval calibration (`calibration/intervals.json`). */
export interface IntervalCalibration {
  source: string;
  probs: number[];
  /** `auto`'s choice per training-length group, with the pseudo-origin scores it was chosen on. */
  auto: { minN: number; maxN: number; method: string; scores: { method: string; owa: number }[] }[];
  methods: Record<string, MethodCalibration>;
  growthRate: GrowthRateCalibration;
}

/** Reference classes for 1-point series (`calibration/reference-classes.json`). */
export interface ReferenceClasses {
  source: string;
  probs: number[];
  /** per category: median log growth factor by horizon h = 1…H and centred quantiles of it / √h */
  categories: Record<string, { count: number; median: number[]; q: number[][] }>;
}

const cache = new Map<string, unknown>();

/** Reads a committed calibration file (immutable data, cached); `undefined` if it has not been generated. */
function load<T>(name: string): T | undefined {
  if (!cache.has(name)) {
    const url = new URL(`../../calibration/${name}`, import.meta.url);
    cache.set(name, existsSync(url) ? JSON.parse(readFileSync(url, 'utf8')) : undefined);
  }
  return cache.get(name) as T | undefined;
}

/** The learned interval calibration, or `undefined` before `scripts/calibrate.ts` has been run. */
export function intervalCalibration(): IntervalCalibration | undefined {
  return load<IntervalCalibration>('intervals.json');
}

/** The reference-class tables, or `undefined` before `scripts/calibrate.ts` has been run. */
export function referenceClasses(): ReferenceClasses | undefined {
  return load<ReferenceClasses>('reference-classes.json');
}

/**
 * The table of `method` for a series of `n` observations in `category`: the category's own table for n's length
 * group if learned, else the pooled group containing n (or the nearest group).
 * @example methodTable(intervalCalibration(), 'combination', 20)
 */
export function methodTable(
  cal: IntervalCalibration | undefined,
  method: string,
  n: number,
  category?: string,
): QuantileTable | undefined {
  const m = cal?.methods[method];
  if (!cal || !m || m.groups.length === 0) return undefined;
  const key = category && Object.keys(m.byCategory ?? {}).find((c) => c.toLowerCase() === category.toLowerCase());
  const byCat = key ? m.byCategory![key]! : [];
  // a category's own table only when it has the length group of n; otherwise the pooled one
  const own = byCat.find((g) => n >= g.minN && n <= g.maxN);
  if (own) return { probs: cal.probs, q: own.q };
  let best = m.groups[0]!;
  let dist = Infinity;
  for (const g of m.groups) {
    const d = n < g.minN ? g.minN - n : n > g.maxN ? n - g.maxN : 0;
    if (d < dist) (dist = d), (best = g);
  }
  return { probs: cal.probs, q: best.q };
}

/**
 * The method `auto` uses for a series of `n` ≥ 3 observations: the lowest-OWA method of n's length group.
 * @example autoChoice(intervalCalibration(), 20)?.method // 'combination'
 */
export function autoChoice(cal: IntervalCalibration | undefined, n: number): IntervalCalibration['auto'][number] | undefined {
  return cal?.auto.find((g) => n >= g.minN && n <= g.maxN);
}
