/**
 * Features of a plan target for the outcome model: the pooled projection's probability (logit), whether the target
 * is binding (约束性), its ambition against the type's trend, whether it is a reduction (at most), and its horizon.
 */
import { type Comparator, createRng } from '@trajectory/core';
import { attainment } from '../engine/attainment.ts';
import { DEFAULTS } from '../engine/defaults.ts';
import { sumOver, valuesAt } from '../engine/paths.ts';
import { dynamicsOf } from '../pooled/dynamics.ts';
import type { Evidence } from '../pooled/evidence.ts';
import { projectPooled } from '../pooled/pooled.ts';
import type { TypePrior } from '../pooled/priors.ts';

/** A target as the outcome model sees it. */
export interface TargetFeatures {
  /** the pooled projection's P(attain), from the base alone */
  statisticalProbability: number;
  binding: boolean;
  /** required yearly change minus the prior's, in prior sds (positive: beyond trend, in the target's direction) */
  ambition: number;
  /** the target is an upper limit (`<=`, `<`): energy intensity, emissions, early school leavers */
  reduction: boolean;
  /** years from base to target */
  horizon: number;
  /** simulated paths behind `statisticalProbability` (its Monte Carlo resolution). @default 1000 */
  nPaths?: number;
}

/** Names of {@link featureVector}'s entries, in order. */
export const FEATURE_NAMES = ['logitP', 'binding', 'ambition', 'reduction', 'horizon'] as const;

/** One of {@link FEATURE_NAMES}. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Paths assumed behind a statistical probability that does not say (the outcome cases' default). */
export const DEFAULT_FEATURE_PATHS = 1000;

/**
 * A share of simulated paths shrunk by its Monte Carlo resolution: k of n paths give (k + ½)/(n + 1), the posterior
 * mean under Jeffreys' prior. Its logit is finite for 0 and n paths and moves with the evidence in between, instead
 * of a fixed clip that gave every far-off target the same probability.
 * @example resolvedProbability(0, 1000); // 0.0004995
 */
export function resolvedProbability(p: number, nPaths = DEFAULT_FEATURE_PATHS): number {
  const n = Math.max(1, nPaths);
  return (Math.min(1, Math.max(0, p)) * n + 0.5) / (n + 1);
}

/**
 * The numeric feature vector (see {@link FEATURE_NAMES}).
 * @example featureVector({ statisticalProbability: 0.5, binding: true, ambition: 0, reduction: false, horizon: 5 }); // [0, 1, 0, 0, 1]
 */
export function featureVector(f: TargetFeatures): number[] {
  const p = resolvedProbability(f.statisticalProbability, f.nPaths);
  return [
    Math.log(p / (1 - p)),
    f.binding ? 1 : 0,
    Math.max(-4, Math.min(4, f.ambition)),
    f.reduction ? 1 : 0,
    f.horizon / 5,
  ];
}

/**
 * Ambition of a target: its required yearly change on the prior's scale minus the prior's typical change, in units
 * of the prior's sd of an h-year average change, signed so that positive means beyond trend in the target's direction.
 * @example targetAmbition(prior, z0, z1, 5, '>='); // 1.3
 */
export function targetAmbition(
  prior: TypePrior,
  zBase: number,
  zTarget: number,
  horizon: number,
  comparator: Comparator,
): number {
  const dir = comparator === '<=' || comparator === '<' ? -1 : 1;
  if (prior.kind === 'mean-reverting') {
    const phi = prior.phi ?? 0.5;
    const sd = Math.sqrt((prior.typicalSd ?? 0) ** 2 + prior.noiseSd ** 2 / Math.max(1e-6, 1 - phi * phi) / horizon);
    return (dir * (zTarget - (prior.typical ?? 0))) / Math.max(sd, 1e-9);
  }
  const required = (zTarget - zBase) / horizon;
  const sd = Math.sqrt(prior.betweenSd ** 2 + prior.noiseSd ** 2 / horizon);
  return (dir * (required - prior.drift)) / Math.max(sd, 1e-9);
}

/** One past (or current) target with its base, for {@link targetFeatures}. */
export interface TargetCase {
  /** indicator id (`binhai.rd_gdp_ratio`) or a name matched by {@link outcomeType} */
  id: string;
  /** panel type when known (else from `id`) */
  type?: string;
  measure: string;
  unit?: string;
  bounds?: [number, number] | null;
  attribute?: string;
  baseYear: number;
  baseValue: number;
  targetYear: number;
  targetValue: number;
  comparator: Comparator;
  /** the target is a period average (年均, "average annual"): scored on the mean of the simulated years */
  average?: boolean;
}

/** Options of {@link targetFeatures}. */
export interface TargetFeatureOptions {
  nPaths?: number;
  seed?: number;
}

/**
 * The features of a target from its base alone (the pooled projection from one observation), or why not.
 * @example
 * targetFeatures(evidence, { id: 'rd_intensity', measure: 'share', unit: '%', baseYear: 2015, baseValue: 2.1,
 *   targetYear: 2020, targetValue: 2.5, comparator: '>=' });
 */
export function targetFeatures(
  evidence: Evidence,
  c: TargetCase,
  options: TargetFeatureOptions = {},
): { ok: true; features: TargetFeatures; prior: TypePrior } | { ok: false; reason: string } {
  const dyn = dynamicsOf({
    measure: c.measure,
    unit: c.unit,
    bounds: c.bounds ?? null,
    values: [c.baseValue, c.targetValue],
  });
  if (!dyn.ok) return { ok: false, reason: dyn.reason };
  const type = c.type ?? outcomeType(c.id);
  const own = type ? evidence.priors[type] : undefined;
  const byMeasure = evidence.priors[`pooled:${c.measure}`];
  const prior =
    own && own.kind === dyn.dynamics.kind
      ? own
      : byMeasure && byMeasure.kind === dyn.dynamics.kind
        ? byMeasure
        : evidence.priors[`pooled:${dyn.dynamics.kind}`];
  if (!prior) return { ok: false, reason: `no prior for ${dyn.dynamics.kind} dynamics` };
  const horizon = c.targetYear - c.baseYear;
  if (!(horizon >= 1))
    return { ok: false, reason: `target year ${c.targetYear} is not after the base year ${c.baseYear}` };
  const p = projectPooled(
    { years: [c.baseYear], values: [c.baseValue] },
    {
      dynamics: dyn.dynamics,
      prior,
      toYear: c.targetYear,
      nPaths: options.nPaths ?? 1000,
      // one stream per target indicator, as in assessments
      rng: createRng(options.seed ?? DEFAULTS.seed).fork(c.id),
    },
  );
  // a period average (年均) is scored on the mean of the simulated years, else on the target year
  const years = Array.from({ length: horizon }, (_, i) => c.baseYear + i + 1);
  const column = c.average ? sumOver(p.paths, years).map((v) => v / horizon) : valuesAt(p.paths, c.targetYear);
  const probability = attainment(column, c.comparator, c.targetValue, c.baseValue).probability;
  return {
    ok: true,
    prior,
    features: {
      statisticalProbability: probability,
      binding: c.attribute === '约束性' || c.attribute === 'binding',
      ambition: targetAmbition(
        prior,
        dyn.dynamics.forward(c.baseValue),
        dyn.dynamics.forward(c.targetValue),
        horizon,
        c.comparator,
      ),
      reduction: c.comparator === '<=' || c.comparator === '<',
      horizon,
      nPaths: p.nPaths,
    },
  };
}

/** Panel types recognised in a free-text indicator name or key (first match wins). */
export const OUTCOME_TYPE_PATTERNS: readonly [RegExp, string][] = [
  [/rd_gdp_ratio|rd_intensity|R&D (intensity|expenditure)|R&D.*GDP|研发|研究与试验发展/i, 'rd_intensity'],
  [/gdp_growth|GDP.*growth|growth.*GDP|经济增长|生产总值.*增长/i, 'gdp_growth'],
  [/urbani[sz]ation|城镇化/i, 'urbanisation'],
  [/life.expectancy|预期寿命|期望寿命/i, 'life_expectancy'],
  [/schooling|years of education|受教育年限/i, 'schooling_years'],
  [/invention.patents.per|每万人.*发明专利/i, 'invention_patents_per_10k'],
  [/services?.*share|tertiary.*share|服务业.*比重|第三产业/i, 'services_share'],
  [/good.air|air quality|空气质量优良/i, 'good_air_days_share'],
  [/hightech_firms|high-tech (enterprises|firms)|高新技术企业/i, 'hightech_firms'],
];

/**
 * The panel type of a free-text indicator name or key, or `undefined`.
 * @example outcomeType('R&D expenditure as share of GDP'); // 'rd_intensity'
 */
export function outcomeType(name: string): string | undefined {
  return OUTCOME_TYPE_PATTERNS.find(([re]) => re.test(name))?.[1];
}
