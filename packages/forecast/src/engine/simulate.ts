/**
 * The one simulation engine: a path model, a year axis and a seeded generator in, {@link Paths} out. Projections
 * (`project`), assessments, scenarios and the batch attainment screen all draw their paths here, so they share
 * one generator scheme (`createRng(seed).fork(id)` per indicator), one layout, one summary (`summarise`) and one
 * `attainment`.
 */
import { createRng, type Rng } from '@trajectory/core';
import { fillCalibratedWalk, type CalibratedWalk } from './calibrated-walk.ts';
import { DEFAULTS } from './defaults.ts';
import { fillGrowthProcess, type GrowthProcess } from './growth-process.ts';
import type { Paths } from './paths.ts';

/** The path models the engine simulates. */
export type PathModel = CalibratedWalk | GrowthProcess;

/** Options of {@link simulatePaths}. */
export interface SimulateOptions {
  /**
   * The years of the columns: the projected years for a `calibrated-walk` (one per point), the base year and the
   * simulated years for a `growth` process (one more than its steps).
   */
  years: readonly number[];
  /** Number of paths. @default DEFAULTS.paths (10000) */
  nPaths?: number;
  /** The generator (e.g. `createRng(seed).fork(indicatorId)`); wins over `seed`. */
  rng?: Rng;
  /** Seed of `createRng` when no `rng` is given. @default DEFAULTS.seed (20250101) */
  seed?: number;
  /** Output buffer of at least nPaths × years.length values to reuse (batch work); allocated when omitted. */
  out?: Float64Array;
  /** Scratch buffer for the normals to reuse (batch work; the growth process draws them a block of paths at a time). */
  scratch?: Float64Array;
}

/**
 * Simulates `nPaths` paths of a model over `years`.
 * @throws RangeError when the years do not match the model or nPaths is not a positive integer
 * @example
 * const paths = simulatePaths(
 *   { kind: 'growth', base: 100, mean: new Float64Array(5).fill(0.05), sd: new Float64Array(5).fill(0.02) },
 *   { years: [2020, 2021, 2022, 2023, 2024, 2025], nPaths: 1000, rng: createRng(1).fork('firms') },
 * );
 * attainment(valuesAt(paths, 2025), '>=', 125).probability;
 */
export function simulatePaths(model: PathModel, options: SimulateOptions): Paths {
  const years = [...options.years];
  const nPaths = options.nPaths ?? DEFAULTS.paths;
  if (!Number.isInteger(nPaths) || nPaths < 1)
    throw new RangeError(`simulatePaths: nPaths must be an integer >= 1, got ${nPaths}`);
  const steps = model.kind === 'growth' ? model.mean.length + 1 : model.point.length;
  if (years.length !== steps)
    throw new RangeError(`simulatePaths(${model.kind}): ${years.length} years for a model of ${steps} columns`);
  const rng = options.rng ?? createRng(options.seed ?? DEFAULTS.seed);
  const size = nPaths * years.length;
  const values = options.out && options.out.length >= size ? options.out : new Float64Array(size);
  if (model.kind === 'growth') fillGrowthProcess(model, nPaths, rng, values, options.scratch);
  else fillCalibratedWalk(model, nPaths, rng, values);
  return { years, nPaths, values: values.length === size ? values : values.subarray(0, size) };
}
