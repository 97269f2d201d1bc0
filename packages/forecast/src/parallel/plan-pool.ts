/**
 * `assessPlan` and `proposeTargets` on several cores: the indicators are split into chunks that worker threads take
 * as they become free (core's `createWorkerPool`), and the results are put back in input order. Every indicator
 * draws from its own stream (`createRng(seed).fork(indicator.id)`), so the result is identical whatever the number
 * of workers and however the chunks fall.
 */
import { availableParallelism } from 'node:os';
import type { Indicator } from '@trajectory/core';
import { createWorkerPool, workerModule } from '@trajectory/core/node';
import {
  type AssessPlanOptions,
  assessPlan,
  planFromAssessments,
  plannedIndicators,
} from '../assessment/assess-plan.ts';
import { type AssessOptions, resolveAssessOptions } from '../assessment/assess-target.ts';
import {
  type Proposal,
  type ProposeOptions,
  proposalProbabilities,
  proposalsFrom,
  proposeTargets,
  type TargetProposals,
} from '../assessment/propose-targets.ts';
import type { PlanAssessment, TargetAssessment } from '../assessment/types.ts';

/** Below this many indicators the work stays on the calling thread (starting workers would cost more). */
export const PARALLEL_MIN_INDICATORS = 200;

/** How the work is spread over worker threads. */
export interface ParallelOptions {
  /**
   * Worker threads; 1 runs on the calling thread. Runs with fewer than `minIndicators` indicators, or with a custom
   * `projector` or `category` (functions cannot be sent to a worker), also stay on it.
   * @default the available parallelism (cores)
   */
  workers?: number;
  /** Indicators per task. @default about an eighth of a worker's share, at most 100 (the last chunks then end close together) */
  chunkSize?: number;
  /** Fewer indicators than this stay on the calling thread. @default PARALLEL_MIN_INDICATORS */
  minIndicators?: number;
}

/** The part of the assessment options a worker receives (data only). @internal */
export interface SharedPlanOptions {
  assess: AssessOptions;
  propose?: ProposeOptions;
}

/** One chunk of work. @internal */
export type PlanTask = { kind: 'assess' | 'propose'; indicators: Indicator[] };

/** What a worker returns for a chunk. @internal */
export type PlanTaskResult =
  | { kind: 'assess'; assessed: TargetAssessment[][] }
  | { kind: 'propose'; proposed: (Proposal | { skip: string })[] };

/**
 * {@link assessPlan} on worker threads; the same result as `assessPlan` with the same options.
 * @example
 * const plan = await assessPlanParallel(indicators, { seed: 1, workers: 2, onProgress: (d, n) => log(d, n) });
 */
export async function assessPlanParallel(
  indicators: readonly Indicator[],
  options: AssessPlanOptions & ParallelOptions = {},
): Promise<PlanAssessment> {
  const resolved = resolveAssessOptions(options);
  const chosen = plannedIndicators(indicators, options.region);
  const workers = workersFor(chosen.length, options);
  if (workers === 1) return assessPlan(indicators, options);
  const results = await runChunks(
    chosen,
    workers,
    options,
    { assess: sharedAssessOptions(options, resolved) },
    'assess',
  );
  return planFromAssessments(
    chosen,
    results.flatMap((r) => (r.kind === 'assess' ? r.assessed : [])),
    resolved,
  );
}

/**
 * {@link proposeTargets} on worker threads; the same result as `proposeTargets` with the same options.
 * @example
 * const { proposals } = await proposeTargetsParallel(indicators, { year: 2025, asOf: 2020, workers: 2 });
 */
export async function proposeTargetsParallel(
  indicators: readonly Indicator[],
  options: ProposeOptions & ParallelOptions,
): Promise<TargetProposals> {
  const probabilities = proposalProbabilities(options);
  const resolved = resolveAssessOptions(options);
  const workers = workersFor(indicators.length, options);
  if (workers === 1) return proposeTargets(indicators, options);
  const propose = sharedAssessOptions({ ...options, probabilities }, resolved);
  const shared: SharedPlanOptions = { assess: propose, propose };
  const results = await runChunks(indicators, workers, options, shared, 'propose');
  const each = results.flatMap((r) => (r.kind === 'propose' ? r.proposed : []));
  return proposalsFrom(indicators, each, options, probabilities);
}

function workersFor(n: number, options: AssessOptions & ParallelOptions): number {
  const wanted = options.workers ?? availableParallelism();
  if (!(Number.isInteger(wanted) && wanted >= 1))
    throw new RangeError(`workers must be an integer >= 1, got ${options.workers}`);
  if (
    options.projector !== undefined ||
    options.category !== undefined ||
    n < (options.minIndicators ?? PARALLEL_MIN_INDICATORS)
  )
    return 1;
  return wanted;
}

/**
 * The options as data, what a worker resolves again to the same options: every option but the callbacks (which
 * cannot cross threads; `workersFor` keeps runs with a projector or category on the calling thread), with the
 * evidence and outcome model as resolved here, so that workers do not rebuild them.
 */
function sharedAssessOptions<O extends AssessOptions>(
  options: O,
  resolved: ReturnType<typeof resolveAssessOptions>,
): O {
  const data = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function')) as O;
  return { ...data, evidence: resolved.evidence, outcomeModel: resolved.outcomeModel };
}

async function runChunks(
  items: readonly Indicator[],
  workers: number,
  options: ParallelOptions & { onProgress?: (done: number, total: number) => void },
  shared: SharedPlanOptions,
  kind: PlanTask['kind'],
): Promise<PlanTaskResult[]> {
  const n = items.length;
  const size = options.chunkSize ?? Math.max(1, Math.min(100, Math.ceil(n / (workers * 8))));
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError(`chunkSize must be an integer >= 1, got ${options.chunkSize}`);
  const pool = createWorkerPool<PlanTask, PlanTaskResult>(workerModule(import.meta.url, 'plan-worker'), workers, {
    shared,
  });
  let done = 0;
  try {
    const tasks: Promise<PlanTaskResult>[] = [];
    for (let from = 0; from < n; from += size) {
      const indicators = items.slice(from, from + size);
      tasks.push(
        pool.run({ kind, indicators }).then((r) => {
          done += indicators.length;
          options.onProgress?.(done, n);
          return r;
        }),
      );
    }
    return await Promise.all(tasks);
  } finally {
    await pool.close();
  }
}
