// @trajectory/forecast/node: the assessment and proposals on worker threads (Node only; the main entry stays
// browser-safe)
export {
  assessPlanParallel,
  PARALLEL_MIN_INDICATORS,
  type ParallelOptions,
  proposeTargetsParallel,
} from './parallel/plan-pool.ts';
