/** Worker side of `assessPlanParallel` and `proposeTargetsParallel`: assesses or proposes one chunk of indicators. */
import type { Indicator } from '@trajectory/core';
import { serveWorkerTasks } from '@trajectory/core/node';
import { assessIndicatorTargets } from '../assessment/assess-plan.ts';
import { resolveAssessOptions } from '../assessment/assess-target.ts';
import { proposalProbabilities, proposeIndicator } from '../assessment/propose-targets.ts';
import type { PlanTask, PlanTaskResult, SharedPlanOptions } from './plan-pool.ts';

let cache: { shared: unknown; resolved: ReturnType<typeof resolveAssessOptions> } | null = null;

serveWorkerTasks<PlanTask, PlanTaskResult>((task, shared) => {
  const options = shared as SharedPlanOptions;
  // the options are the same for every task of a pool: resolve them once
  if (cache === null || cache.shared !== shared) cache = { shared, resolved: resolveAssessOptions(options.assess) };
  const resolved = cache.resolved;
  const indicators: Indicator[] = task.indicators;
  if (task.kind === 'assess')
    return { kind: 'assess', assessed: indicators.map((i) => assessIndicatorTargets(i, resolved)) };
  const propose = options.propose!;
  const probabilities = proposalProbabilities(propose);
  return { kind: 'propose', proposed: indicators.map((i) => proposeIndicator(i, propose, probabilities, resolved)) };
});
