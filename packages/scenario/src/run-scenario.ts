/**
 * Runs a whole scenario: baseline (no interventions) and scenario (all interventions) with common random numbers,
 * the effect of each intervention alone, probabilities of attainment with Monte Carlo standard errors, proposed
 * values for blank targets, and goal seeking. Returns a plain JSON-serialisable record.
 */
import { basename } from 'node:path';
import { goalSeek, type GoalResult } from './goal-seek.ts';
import { attainment, quantiles, summarise, valuesAt, type Attainment, type PathSummary } from '@trajectory/forecast';
import { assessedTarget } from './assessed.ts';
import { nonFiniteWarnings } from './non-finite.ts';
import { calibratePipeline, type PipelineCalibration } from './pipeline.ts';
import { projectPaths, simulate, type ProjectionNote, type Simulation } from './simulate.ts';
import type { Scenario } from './types.ts';

/**
 * One simulated series (indicator, pipeline stage or derived) with its summary (median, mean, 50/80/95% bands as
 * arrays and long rows) under baseline and scenario.
 */
export interface SeriesResult {
  id: string;
  name: string;
  unit: string;
  kind: 'growth' | 'project' | 'pipeline' | 'derived';
  baseline: PathSummary;
  scenario: PathSummary;
}

/** A target with P(attain) and its Monte Carlo standard error under baseline and scenario. */
export interface TargetResult {
  label: string;
  indicator: string;
  year: number;
  value: number | null;
  comparator: string;
  baseline: Attainment & { median: number };
  scenario: Attainment & { median: number };
  /**
   * `growth: projected` indicators: P(attain) as `assess` reports it on the baseline paths (the share of paths and its
   * recalibration on past plans' outcomes), so run and assess can be compared on the same target
   */
  assessed?: {
    probability: number | null;
    statisticalProbability: number | null;
    stdError: number | null;
    status: string;
    method: string;
    calibration: string | null;
  };
  /** for blank targets: values reached with each probability (the (1 - q) quantile for >=, the q quantile for <=) */
  proposals?: { probability: number; baseline: number; scenario: number }[];
  source?: { doc: string; quote: string };
}

/** What one intervention does on its own, against the baseline with the same draws. */
export interface InterventionEffect {
  label: string;
  type: string;
  /** effect of this intervention alone against the baseline, same draws, at the horizon */
  effects: {
    id: string;
    year: number;
    baselineMedian: number;
    withMedian: number;
    medianDiff: number;
    meanDiff: number;
  }[];
  /** change of P(attain) and of the median, in the target's year, when this intervention alone is applied */
  targets: { label: string; year: number; baseline: number; with: number; diff: number; medianDiff: number }[];
}

/** Everything `runScenario` computes; JSON-serialisable (see `resultToJson` for byte-stable text). */
export interface ScenarioResult {
  schemaVersion: 1;
  scenario: {
    name: string;
    file: string;
    description: string;
    region?: string;
    baseYear: number;
    horizon: number;
    draws: number;
    seed: number;
    assumptions: string[];
  };
  years: number[];
  series: SeriesResult[];
  pipelines: {
    id: string;
    name: string;
    stages: { id: string; name: string; base: number }[];
    calibration: PipelineCalibration;
  }[];
  projections: ProjectionNote[];
  targets: TargetResult[];
  interventions: InterventionEffect[];
  goals: GoalResult[];
  /** paths with NaN or ±Infinity, per series (absent when there are none) */
  warnings?: string[];
}

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** @default scenario.draws */
  draws?: number;
  /** @default scenario.seed */
  seed?: number;
  /** called after each simulation with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

/**
 * @example
 * const result = runScenario(loadScenario('examples/nankai-gazelle-doubling.yaml'));
 * result.targets[0].scenario.probability; // probability of attainment with the interventions
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioResult {
  const draws = options.draws ?? scenario.draws;
  const seed = options.seed ?? scenario.seed;
  if (!Number.isInteger(draws) || draws <= 0)
    throw new RangeError(`runScenario: draws must be a positive integer, got ${draws}`);
  const total = 2 + scenario.interventions.length + scenario.goals.length;
  let done = 0;
  const tick = (): void => options.onProgress?.(++done, total);

  const { paths: projected, notes, assessed } = projectPaths(scenario, draws, seed);
  const common = { draws, seed, projected };
  const base = simulate(scenario, common);
  tick();
  const scen = simulate(scenario, { ...common, interventions: scenario.interventions });
  tick();
  const valuesOf = (sim: Simulation) => new Map([...sim.paths].map(([id, p]) => [id, p.values]));
  const warnings = [
    ...nonFiniteWarnings(valuesOf(base), draws, base.years, 'baseline'),
    ...nonFiniteWarnings(valuesOf(scen), draws, scen.years, 'scenario'),
  ];

  const kindOf = (id: string): SeriesResult['kind'] => {
    const ind = scenario.indicators.find((i) => i.id === id);
    if (ind) return ind.model.kind;
    return scenario.derived.some((d) => d.id === id) ? 'derived' : 'pipeline';
  };
  const meta = (id: string): { name: string; unit: string } =>
    scenario.indicators.find((i) => i.id === id) ??
    scenario.derived.find((d) => d.id === id) ?? {
      name: scenario.pipelines.flatMap((p) => p.stages).find((s) => s.id === id)?.name ?? id,
      unit: 'firms',
    };
  const series: SeriesResult[] = [...base.paths.keys()].map((id) => ({
    id,
    ...pick(meta(id)),
    kind: kindOf(id),
    baseline: summarise(base.paths.get(id)!),
    scenario: summarise(scen.paths.get(id)!),
  }));

  const targets: TargetResult[] = scenario.targets.map((t) => {
    const colB = valuesAt(base.paths.get(t.indicator)!, t.year);
    const colS = valuesAt(scen.paths.get(t.indicator)!, t.year);
    const upward = t.comparator === '>=' || t.comparator === '>';
    // the median, then for blank targets the values reached with each probability
    const probs = [0.5, ...scenario.proposalProbabilities.map((q) => (upward ? 1 - q : q))];
    const [medB, ...propB] = quantiles(colB, probs) as [number, ...number[]];
    const [medS, ...propS] = quantiles(colS, probs) as [number, ...number[]];
    const value = t.value;
    const res: TargetResult = {
      label: t.label,
      indicator: t.indicator,
      year: t.year,
      value,
      comparator: t.comparator,
      baseline:
        value === null
          ? { probability: NaN, stdError: NaN, n: draws, median: medB }
          : { ...attainment(colB, t.comparator, value), median: medB },
      scenario:
        value === null
          ? { probability: NaN, stdError: NaN, n: draws, median: medS }
          : { ...attainment(colS, t.comparator, value), median: medS },
      ...(t.source ? { source: t.source } : {}),
    };
    const a = assessed.get(t.indicator);
    if (a && value !== null) {
      const r = assessedTarget(a, { year: t.year, value, comparator: t.comparator });
      res.assessed = {
        probability: r.probability,
        statisticalProbability: r.statisticalProbability ?? null,
        stdError: r.probabilityStdError,
        status: r.status,
        method: r.projection?.method ?? a.projection.method,
        calibration: r.calibration?.source ?? null,
      };
    }
    if (value === null) {
      res.proposals = scenario.proposalProbabilities.map((q, k) => ({
        probability: q,
        baseline: propB[k]!,
        scenario: propS[k]!,
      }));
    }
    return res;
  });

  const interventions: InterventionEffect[] = scenario.interventions.map((iv) => {
    const alone = simulate(scenario, { ...common, interventions: [iv] });
    tick();
    return {
      label: iv.label,
      type: iv.type,
      effects: effects(base, alone, draws),
      targets: targetShifts(targets, alone),
    };
  });

  const goals = scenario.goals.map((g) => {
    const r = goalSeek(scenario, g, { draws, seed, projected });
    tick();
    return r;
  });

  return {
    schemaVersion: 1,
    scenario: {
      // the file's base name only: the same scenario run from another directory or machine gives the same bytes
      name: scenario.name,
      file: basename(scenario.file),
      description: scenario.description,
      ...(scenario.region ? { region: scenario.region } : {}),
      baseYear: scenario.baseYear,
      horizon: scenario.horizon,
      draws,
      seed,
      assumptions: scenario.assumptions,
    },
    years: base.years,
    series,
    pipelines: scenario.pipelines.map((p) => ({
      id: p.id,
      name: p.name,
      stages: p.stages.map((s) => ({ id: s.id, name: s.name, base: s.base })),
      calibration: calibratePipeline(p),
    })),
    projections: notes,
    targets,
    interventions,
    goals,
    ...(warnings.length ? { warnings } : {}),
  };
}

function pick(m: { name: string; unit: string }): { name: string; unit: string } {
  return { name: m.name, unit: m.unit };
}

/** Median and mean differences at the horizon for every series the intervention moved. */
function effects(base: Simulation, alone: Simulation, draws: number): InterventionEffect['effects'] {
  const year = base.years.at(-1)!;
  const out: InterventionEffect['effects'] = [];
  for (const [id, b] of base.paths) {
    const vb = valuesAt(b, year);
    const va = valuesAt(alone.paths.get(id)!, year);
    let diff = 0;
    for (let d = 0; d < draws; d++) diff += va[d]! - vb[d]!;
    const meanDiff = diff / draws;
    const [mb] = quantiles(vb, [0.5]) as [number];
    const [ma] = quantiles(va, [0.5]) as [number];
    if (meanDiff === 0 && ma === mb) continue;
    out.push({ id, year, baselineMedian: mb, withMedian: ma, medianDiff: ma - mb, meanDiff });
  }
  return out;
}

function targetShifts(targets: TargetResult[], alone: Simulation): InterventionEffect['targets'] {
  return targets.map((t) => {
    const values = valuesAt(alone.paths.get(t.indicator)!, t.year);
    const p = t.value === null ? NaN : attainment(values, t.comparator as '>=' | '>' | '<=' | '<', t.value).probability;
    const [median] = quantiles(values, [0.5]) as [number];
    return {
      label: t.label,
      year: t.year,
      baseline: t.baseline.probability,
      with: p,
      diff: p - t.baseline.probability,
      medianDiff: median - t.baseline.median,
    };
  });
}
