import type { Rng } from '@trajectory/core';
import type { Paths } from '../engine/paths.ts';
import type { PathSummary } from '../engine/summary.ts';

/** A yearly series: strictly increasing calendar years and one finite value per year (gaps allowed). */
export interface YearlySeries {
  years: number[];
  values: number[];
}

/** Projection methods by name; any other string is taken as a growth-curve family of `@trajectory/fit`. */
export type ProjectionMethod =
  | 'auto'
  | 'naive'
  | 'drift'
  | 'damped'
  | 'theta'
  | 'combination'
  | 'growth-rate'
  | 'reference-class'
  | (string & {});

/** Options of {@link project}. */
export interface ProjectOptions {
  /** Years after the last observation to project. Ignored when `toYear` is given. @default 6 */
  horizon?: number;
  /** Project up to (and including) this calendar year instead of `horizon` years. */
  toYear?: number;
  /** Method, see {@link ProjectionMethod}. @default 'auto' */
  method?: ProjectionMethod;
  /** Lower and upper bound of a bounded indicator, e.g. `[0, 100]` for a percentage; paths stay inside. */
  bounds?: [number, number];
  /** Reference class for 1-point series: Macro, Micro, Industry, Finance, Demographic or Other. @default 'Other' */
  category?: string;
  /**
   * Calibration profile of the intervals, auto choice and growth-rate method: `'m4'` (learned from M4 yearly
   * training parts) or `'m3'` (M3 yearly training parts). @default 'm4'
   */
  calibration?: string;
  /** Number of simulated paths. @default DEFAULTS.paths (10000) */
  nPaths?: number;
  /** Seed of the `createRng` generator (used when no `rng` is given). @default DEFAULTS.seed (20250101) */
  seed?: number;
  /** The generator to draw from, e.g. `createRng(seed).fork(indicatorId)`; wins over `seed`. */
  rng?: Rng;
}

/**
 * The result of {@link project}: the engine's {@link PathSummary} (median, mean, 50/80/95% intervals as arrays and
 * as long `bands` rows) with the method and the paths; plain, JSON-serialisable except `paths.values` (a typed array).
 */
export interface Projection extends PathSummary {
  /** Method actually used (e.g. `'combination'` when `auto` chose it). */
  method: string;
  /** Human explanation of the method and of its calibration. */
  methodNote: string;
  /** Last observed year. */
  lastYear: number;
  /** Projected years, `lastYear + 1 … lastYear + horizon`. */
  years: number[];
  /** Simulated paths over `years` (row-major `nPaths × years.length`). */
  paths: Paths;
  nPaths: number;
  /** Things the caller should know (short history, clipped values, fallbacks). */
  warnings: string[];
}
