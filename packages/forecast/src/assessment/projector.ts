/**
 * The projection engine the assessment runs on, as a parameter. By default it is `project` of this package's
 * projection module; tests and callers may pass their own (e.g. a closed-form synthetic projection).
 */
import { project } from '../projection/index.ts';
import type { Projection, ProjectOptions, YearlySeries } from '../projection/index.ts';
import type { PoolingReport } from '../pooled/pooled.ts';
import type { CurveReport } from '../projection/curve-path.ts';

/** A yearly series as `project` takes it: strictly increasing years and one finite value per year. */
export type ProjectorSeries = YearlySeries;

/**
 * The options the assessment passes to a projector: `ProjectOptions` with the target year, the number of paths and
 * the indicator's generator (`createRng(seed).fork(indicator.id)`) set.
 */
export type ProjectorOptions = Required<Pick<ProjectOptions, 'toYear' | 'nPaths' | 'rng'>> &
  Pick<ProjectOptions, 'bounds' | 'method' | 'category'>;

/** What the assessment reads from a projection: the `Projection` of `project` (pooled ones add their report, curve-path ones their curves). */
export type ProjectionLike = Projection & { pooling?: PoolingReport; curve?: CurveReport };

/** A projection engine: series and options in, simulated paths out. */
export type Projector = (series: ProjectorSeries, options: ProjectorOptions) => ProjectionLike;

/**
 * The default projector: `project(series, options)` of `../projection` (method `auto` unless told otherwise).
 * @example
 * defaultProjector({ years: [2019, 2020], values: [100, 110] }, { toYear: 2025, nPaths: 1000, rng: createRng(1) }).median;
 */
export const defaultProjector: Projector = (series, options) => project(series, options);
