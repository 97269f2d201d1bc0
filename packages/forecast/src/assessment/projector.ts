/**
 * The projection engine the assessment runs on, as a parameter. By default it is `project` of this package's
 * projection module; tests and callers may pass their own (e.g. a closed-form synthetic projection). The types
 * below are the structural subset of `Projection`/`ProjectOptions` the assessment needs.
 */
import { project } from '../projection/index.ts';

/** A yearly series as `project` takes it: strictly increasing years and one finite value per year. */
export interface ProjectorSeries {
  years: number[];
  values: number[];
}

/** The options the assessment passes to a projector (a subset of `ProjectOptions`). */
export interface ProjectorOptions {
  toYear: number;
  bounds?: [number, number];
  nPaths: number;
  seed: number;
  method?: string;
  category?: string;
}

/** What the assessment reads from a projection (structurally the `Projection` of `project`). */
export interface ProjectionLike {
  method: string;
  methodNote: string;
  lastYear: number;
  years: number[];
  median: number[];
  mean: number[];
  intervals: { level: 50 | 80 | 95; lower: number[]; upper: number[] }[];
  /** row-major `nPaths × years.length` */
  paths: Float64Array;
  nPaths: number;
  warnings: string[];
}

/** A projection engine: series and options in, simulated paths out. */
export type Projector = (series: ProjectorSeries, options: ProjectorOptions) => ProjectionLike;

/**
 * The default projector: `project(series, options)` of `../projection` (method `auto` unless told otherwise).
 * @example
 * defaultProjector({ years: [2019, 2020], values: [100, 110] }, { toYear: 2025, nPaths: 1000, seed: 1 }).median;
 */
export const defaultProjector: Projector = (series, options) => project(series, options);
