/**
 * `growth: projected`: a scenario indicator that follows the projection `trajectory assess` makes for its seed
 * indicator, so that `run` and `assess` agree on the same target. The same inputs as the seed assessment: the seed
 * dataset with its history (observations up to the scenario's base year), the bundled priors, parent-region series
 * up to the base year and the bundled outcome model; the same projection (`projectIndicator`: pooled by measure,
 * growth curves where the history allows) from the same stream, `createRng(seed).fork(seedId)`.
 */
import type { Indicator, Target } from '@trajectory/core';
import { loadHistory, loadSeedIndicators } from '@trajectory/datasets/node';
import {
  assessTargetWith,
  bundledEvidence,
  mergeHistory,
  parentSeries,
  prepareSeries,
  type ProjectionLike,
  projectIndicator,
  type ResolvedAssessOptions,
  resolveAssessOptions,
  type TargetAssessment,
} from '@trajectory/forecast';

/** The seed indicators with their history up to `asOf`, by id, and the pooled model's evidence as of then. */
export interface AssessInputs {
  indicators: Map<string, Indicator>;
  evidence: ReturnType<typeof bundledEvidence>;
}

/**
 * What `assess` projects from, as of a base year (observations and parent series after it dropped).
 * @example assessInputs(2020).indicators.get('binhai.hightech_firms')?.observations;
 */
export function assessInputs(asOf: number, seeds?: readonly Indicator[]): AssessInputs {
  const history = loadHistory();
  const { indicators } = mergeHistory(seeds ?? loadSeedIndicators(), history, asOf);
  const bundled = bundledEvidence();
  return {
    indicators: new Map(indicators.map((i) => [i.id, i])),
    evidence: bundled ? { ...bundled, parents: parentSeries(history, asOf) } : null,
  };
}

/**
 * The yearly history `assess` projects from (several figures of one year averaged), as scenario observations.
 * @example assessedHistory(assessInputs(2020).indicators.get('hexi.hightech_firms')!);
 */
export function assessedHistory(indicator: Indicator): { year: number; value: number }[] {
  return prepareSeries(indicator).history.map((h) => ({ year: h.year, value: h.value }));
}

/** A seed indicator's assess projection, with what is needed to assess a target on it. */
export interface AssessedProjection {
  indicator: Indicator;
  projection: ProjectionLike;
  options: ResolvedAssessOptions;
}

/**
 * The projection `assess` makes for a seed indicator up to `toYear`, with `draws` paths from the run's seed.
 * @example assessedProjection(assessInputs(2020), 'binhai.hightech_firms', 2025, 10000, 1).projection.method;
 */
export function assessedProjection(
  inputs: AssessInputs,
  id: string,
  toYear: number,
  draws: number,
  seed: number,
): AssessedProjection {
  const indicator = inputs.indicators.get(id);
  if (!indicator) throw new Error(`unknown seed indicator '${id}'`);
  const options = resolveAssessOptions({ seed, nPaths: draws, evidence: inputs.evidence });
  return { indicator, projection: projectIndicator(indicator, toYear, options), options };
}

/**
 * P(attain) of a scenario target as `assess` reports it on the same paths: the share of paths and its
 * recalibration on past plans' outcomes. The seed's own target of that year, comparator and value (for its
 * attribute, 约束性 or not) when there is one, else the scenario's target as stated.
 * @example assessedTarget(assessed, { year: 2025, value: 2500, comparator: '>=' });
 */
export function assessedTarget(
  assessed: AssessedProjection,
  target: { year: number; value: number; comparator: Target['comparator'] },
): TargetAssessment {
  const { indicator, projection, options } = assessed;
  const own = indicator.targets.find(
    (t) => t.year === target.year && t.comparator === target.comparator && t.value === target.value,
  );
  const t: Target = own ?? {
    year: target.year,
    value: target.value,
    comparator: target.comparator,
    source: { doc: 'scenario', quote: `${target.comparator} ${target.value} (${target.year})` },
  };
  return assessTargetWith(indicator, t, options, () => projection);
}
