/**
 * Goal seeking: the smallest lever value at which a target is attained with probability >= q. Every lever value
 * is simulated with the same seed (common random numbers), so P(lever) is a monotone step function of the lever
 * for the growth, inflow and entry levers and bisection finds its crossing; the answer is reported beside the
 * lever's historical (or calibrated) value.
 */
import { attainment, valuesAt, type Attainment } from '@trajectory/forecast';
import { calibratePipeline } from './pipeline.ts';
import { simulate, type SimulationOptions } from './simulate.ts';
import type { GoalSpec, Lever, Scenario, TargetSpec } from './types.ts';

/** Result of {@link goalSeek}: the smallest lever value reaching the target with the required probability, beside the lever's historical value. */
export interface GoalResult {
  target: string;
  lever: Lever;
  /** whether the scenario's interventions were applied while seeking */
  under: 'baseline' | 'scenario';
  probability: number;
  /** smallest lever value reaching the target with P >= probability; null when even the range end does not */
  value: number | null;
  status: 'found' | 'met-at-range-start' | 'unreachable-in-range';
  /** P(attain) at `value` (or at the range end when unreachable) */
  attained: Attainment;
  historical: { value: number; basis: string };
  range: [number, number];
  iterations: number;
}

/** Options of {@link goalSeek}. */
export interface GoalSeekOptions {
  draws?: number;
  seed?: number;
  /** bracket width at which bisection stops, relative to the range. @default 1e-6 */
  tolerance?: number;
  projected?: SimulationOptions['projected'];
}

/**
 * Seeks the lever value for one goal; the other inputs stay at their baseline (no interventions) unless the goal
 * says `under: scenario`.
 * @example goalSeek(scenario, scenario.goals[0]) // { value: 0.21, historical: { value: 0.12, ... }, ... }
 */
export function goalSeek(scenario: Scenario, goal: GoalSpec, options: GoalSeekOptions = {}): GoalResult {
  const target = scenario.targets.find((t) => t.label === goal.target)!;
  const { historical, range: defaultRange } = leverContext(scenario, goal.lever);
  const range = goal.range ?? defaultRange;
  const draws = options.draws ?? scenario.draws;
  const prob = (value: number): Attainment =>
    probabilityAt(scenario, target, goal.lever, goal.under ?? 'baseline', value, draws, options);
  const q = goal.probability;
  let iterations = 2;
  const pLo = prob(range[0]);
  if (pLo.probability >= q)
    return {
      target: goal.target,
      lever: goal.lever,
      under: goal.under ?? 'baseline',
      probability: q,
      value: range[0],
      status: 'met-at-range-start',
      attained: pLo,
      historical,
      range,
      iterations,
    };
  const pHi = prob(range[1]);
  if (pHi.probability < q)
    return {
      target: goal.target,
      lever: goal.lever,
      under: goal.under ?? 'baseline',
      probability: q,
      value: null,
      status: 'unreachable-in-range',
      attained: pHi,
      historical,
      range,
      iterations,
    };
  let lo = range[0],
    hi = range[1],
    best = pHi;
  const tol = (options.tolerance ?? 1e-6) * (range[1] - range[0]);
  while (hi - lo > tol && iterations < 200) {
    const mid = lo + (hi - lo) / 2;
    const p = prob(mid);
    iterations++;
    if (p.probability >= q) {
      hi = mid;
      best = p;
    } else {
      lo = mid;
    }
  }
  return {
    target: goal.target,
    lever: goal.lever,
    under: goal.under ?? 'baseline',
    probability: q,
    value: hi,
    status: 'found',
    attained: best,
    historical,
    range,
    iterations,
  };
}

function probabilityAt(
  scenario: Scenario,
  target: TargetSpec,
  lever: Lever,
  under: GoalSpec['under'],
  value: number,
  draws: number,
  options: GoalSeekOptions,
): Attainment {
  const sim = simulate(scenario, {
    draws,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    lever: { lever, value },
    ...(under === 'scenario' ? { interventions: scenario.interventions } : {}),
    ...(options.projected ? { projected: options.projected } : {}),
  });
  return attainment(valuesAt(sim.paths.get(target.indicator)!, target.year), target.comparator, target.value!);
}

/**
 * The lever's historical or calibrated value and a default search range.
 * @example
 * leverContext(scenario, { kind: 'growth', indicator: 'hightech' }).historical; // { value: 0.2, basis: '...' }
 */
export function leverContext(
  scenario: Scenario,
  lever: Lever,
): { historical: { value: number; basis: string }; range: [number, number] } {
  if (lever.kind === 'growth' || lever.kind === 'inflow') {
    const ind = scenario.indicators.find((i) => i.id === lever.indicator);
    const stage = scenario.pipelines.flatMap((p) => p.stages).find((s) => s.id === lever.indicator);
    const base = ind?.base ?? stage?.base ?? 1;
    if (lever.kind === 'inflow')
      return {
        historical: { value: 0, basis: 'no extra inflow in the baseline' },
        range: [0, 10 * Math.max(1, Math.abs(base))],
      };
    const h = ind!.history.filter((o) => o.value > 0);
    if (h.length >= 2) {
      const a = h[0]!,
        b = h.at(-1)!;
      return {
        historical: {
          value: (b.value / a.value) ** (1 / (b.year - a.year)) - 1,
          basis: `compound annual growth ${a.year}-${b.year}`,
        },
        range: [-0.5, 1],
      };
    }
    const mean = ind!.model.kind === 'growth' ? ind!.model.mean : 0;
    return { historical: { value: mean, basis: 'baseline model mean (no history to compare)' }, range: [-0.5, 1] };
  }
  const p = scenario.pipelines.find((q) => q.id === lever.pipeline)!;
  const cal = calibratePipeline(p);
  if (lever.kind === 'graduation') {
    const idx = p.stages.findIndex((s) => s.id === lever.stage);
    return {
      historical: { value: cal.graduation[idx]!, basis: `calibrated to the ${scenario.baseYear} stocks` },
      range: [0, Math.max(0, 1 - cal.exit[idx]!)],
    };
  }
  return {
    historical: { value: cal.entry, basis: `calibrated to the ${scenario.baseYear} stocks` },
    range: [0, 20 * Math.max(1, cal.entry)],
  };
}
