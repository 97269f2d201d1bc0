import { createRng, type Indicator, type Target, wilsonInterval } from '@trajectory/core';
import type {
  AssessmentStatus,
  DistributionAt,
  Fan,
  GrowthComparison,
  GrowthRate,
  ResolvedTarget,
  TargetAssessment,
  Verdict,
  YearValue,
} from './types.ts';
import { defaultProjector, type ProjectionLike, type Projector } from './projector.ts';
import { resolveTargetValue } from './resolve-target.ts';
import { growthRate, growthRatio } from './growth.ts';
import { attainment } from '../engine/attainment.ts';
import { holds } from '../engine/comparator.ts';
import { DEFAULTS } from '../engine/defaults.ts';
import { sumOver, valuesAt } from '../engine/paths.ts';
import { summariseValues, type ValueSummary } from '../engine/summary.ts';
import { checkProjectionChoices } from '../projection/choices.ts';
import { eurostatVerdict } from './assessors/eurostat.ts';
import { escapVerdict } from './assessors/escap.ts';
import { sdsnVerdict } from './assessors/sdsn.ts';
import { xushiVerdict } from './assessors/xushi.ts';
import { dynamicsOf } from '../pooled/dynamics.ts';
import { bundledEvidence } from '../pooled/bundled.ts';
import { type Evidence, parentFor, priorFor } from '../pooled/evidence.ts';
import { projectPooled } from '../pooled/pooled.ts';
import { CURVE_DEFAULTS, type CurveWindow, projectCurve } from '../projection/curve-path.ts';
import { bundledOutcomeModel, type OutcomeModelTable } from '../outcomes/bundled.ts';
import { FEATURE_NAMES, featureVector, type TargetFeatures } from '../outcomes/features.ts';
import { calibratedInterval, calibratedProbability, type ProbabilityInterval } from '../outcomes/model.ts';

/** Options of {@link assessTarget} and `assessPlan`. */
export interface AssessOptions {
  /** Seed of the simulation; each indicator draws from `createRng(seed).fork(indicator.id)`. @default DEFAULTS.seed */
  seed?: number;
  /** Simulated paths per indicator. @default DEFAULTS.paths */
  nPaths?: number;
  /**
   * Projection method. `'auto'` (default): the pooled model by measure when `evidence` has priors (see
   * `projectPooled`), else `project`'s own choice; any other name goes to the projector (`project`);
   * with the default projector an unknown name throws before any work, listing the valid ones.
   * @default 'auto'
   */
  method?: string;
  /**
   * Evidence of the pooled model: type priors from reference panels and parent-region series. Default: the bundled
   * priors (`calibration/type-priors.json`); `null`: no pooling (every indicator goes to the projector).
   */
  evidence?: Evidence | null;
  /**
   * Outcome model recalibrating pooled projections' probabilities on past plans. Default: the bundled one
   * (`calibration/plan-outcome-model.json`); `null`: report the statistical probability.
   */
  outcomeModel?: OutcomeModelTable | null;
  /**
   * Years whose observations the growth curves are fitted to: an indicator with at least 3 observations there (and
   * its last one inside) takes the curve path of the pooled model (`projectCurve`); `null`: never. The seed plans'
   * baseline period by default; `assess --data` passes `{}` (every observation up to the as-of year).
   * @default CURVE_DEFAULTS.window
   */
  curves?: CurveWindow | null;
  /** Reference class for one-point series (see `ProjectOptions.category`); by default the projector's own default. */
  category?: (indicator: Indicator) => string | undefined;
  /** The projection engine. @default `project` of `@trajectory/forecast` */
  projector?: Projector;
  /** Half-width of the 序时进度 基本符合 band. @default 0.1 */
  xushiTolerance?: number;
  /**
   * Years of history the historical growth spans (Eurostat's short-term assessment uses five): it runs from the
   * latest observation at least this many years before the last one (else the first) to the last.
   * @default 5
   */
  historicalWindow?: number;
}

/** {@link AssessOptions} with every default filled in. */
export interface ResolvedAssessOptions {
  seed: number;
  nPaths: number;
  method: string;
  /** reference class of an indicator (undefined: the projector's default) */
  category: (indicator: Indicator) => string | undefined;
  projector: Projector;
  /** the evidence of the pooled model, or `null` when indicators go to `projector` */
  evidence: Evidence | null;
  outcomeModel: OutcomeModelTable | null;
  /** the curve window, or `null` when no indicator takes the curve path */
  curves: CurveWindow | null;
  xushiTolerance: number;
  historicalWindow: number;
}

/**
 * Validates {@link AssessOptions} and fills in defaults (from the engine's `DEFAULTS`).
 * @throws RangeError on a non-finite seed, nPaths < 1, a negative tolerance, or an unknown method (listing the
 *   valid ones) when the default projector is used
 * @example
 * resolveAssessOptions({}).nPaths; // 10000
 */
export function resolveAssessOptions(options: AssessOptions = {}): ResolvedAssessOptions {
  const seed = options.seed ?? DEFAULTS.seed;
  const nPaths = options.nPaths ?? DEFAULTS.paths;
  // a custom projector may accept its own method names; the default one takes project()'s
  if (options.projector === undefined && options.method !== undefined) checkProjectionChoices(options);
  const xushiTolerance = options.xushiTolerance ?? 0.1;
  if (!Number.isFinite(seed)) throw new RangeError(`assess requires a finite seed, got ${seed}`);
  if (!Number.isInteger(nPaths) || nPaths < 1)
    throw new RangeError(`assess requires an integer nPaths >= 1, got ${nPaths}`);
  if (!(xushiTolerance >= 0)) throw new RangeError(`assess requires xushiTolerance >= 0, got ${xushiTolerance}`);
  const historicalWindow = options.historicalWindow ?? 5;
  if (!(Number.isInteger(historicalWindow) && historicalWindow >= 1)) {
    throw new RangeError(`assess requires an integer historicalWindow >= 1, got ${historicalWindow}`);
  }
  return {
    seed,
    nPaths,
    method: options.method ?? 'auto',
    category: options.category ?? (() => undefined),
    projector: options.projector ?? defaultProjector,
    // pooling replaces the default path only: an explicit method or projector is honoured as given
    evidence:
      (options.method ?? 'auto') === 'auto' && options.projector === undefined
        ? options.evidence === undefined
          ? bundledEvidence()
          : options.evidence
        : null,
    outcomeModel: options.outcomeModel === undefined ? bundledOutcomeModel() : options.outcomeModel,
    curves: options.curves === undefined ? CURVE_DEFAULTS.window : options.curves,
    xushiTolerance,
    historicalWindow,
  };
}

/** An indicator's observations as one value per year, plus caveats. */
export interface PreparedSeries {
  history: YearValue[];
  /**
   * `levels`: values as observed (stocks, yearly flows, running totals); `yearly-flows`: a cumulative indicator
   * whose targets sum flows over a period, with period totals turned into average yearly flows.
   */
  mode: 'levels' | 'yearly-flows';
  notes: string[];
}

/** The inclusive years an observation or target runs over, when valid. */
function periodOf(x: { period?: [number, number] }): [number, number] | null {
  const p = x.period;
  return p && Number.isInteger(p[0]) && Number.isInteger(p[1]) && p[1] >= p[0] ? p : null;
}

/**
 * Whether a target is a sum of yearly flows over its period ("累计新增 … 2021–2025").
 * @example
 * isPeriodSum(indicator, indicator.targets[0]!); // true for "累计新增 6万家 2021–2023"
 */
export function isPeriodSum(indicator: Indicator, target: Target): boolean {
  return (target.accumulation ?? indicator.accumulation) === 'cumulative' && periodOf(target) !== null;
}

/**
 * Sorts observations by year, drops non-finite values and averages several figures for one year (documents
 * sometimes state 147 and 146 for the same count), noting each such choice. When a target of the indicator sums
 * flows over a period, observations that are cumulative totals over M > 1 years ("2011–2015: 1350 projects")
 * become an average yearly flow (total / M) in their last year, so that yearly flows can be projected and summed.
 * @example
 * prepareSeries(indicator).history; // [{ year: 2015, value: 5576 }, { year: 2020, value: 10000 }]
 */
export function prepareSeries(indicator: Indicator): PreparedSeries {
  const mode = indicator.targets.some((t) => isPeriodSum(indicator, t)) ? 'yearly-flows' : 'levels';
  const byYear = new Map<number, number[]>();
  const notes: string[] = [];
  for (const o of indicator.observations) {
    if (!Number.isFinite(o.value) || !Number.isInteger(o.year)) {
      notes.push(`observation ${o.year}: ${o.value} is not a finite yearly value and is ignored`);
      continue;
    }
    let value = o.value;
    const period = periodOf(o);
    if (
      mode === 'yearly-flows' &&
      period &&
      period[1] > period[0] &&
      (o.accumulation ?? indicator.accumulation) === 'cumulative'
    ) {
      const m = period[1] - period[0] + 1;
      value = o.value / m;
      notes.push(`${o.value} over ${period[0]}–${period[1]} taken as an average yearly flow of ${value} in ${o.year}`);
    }
    const bound = o.comparator;
    if (bound !== undefined) {
      // "5000余家" is a bound; use it only when no exact figure is given for that year.
      if (indicator.observations.some((x) => x.year === o.year && x.comparator === undefined)) continue;
      notes.push(`observation ${o.year} is a bound (${bound} ${o.value}); its value is used`);
    }
    byYear.set(o.year, [...(byYear.get(o.year) ?? []), value]);
  }
  const history = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, values]) => {
      if (new Set(values).size > 1)
        notes.push(`${values.length} figures for ${year} (${values.join(', ')}): their mean is used`);
      return { year, value: values.reduce((a, b) => a + b, 0) / values.length };
    });
  if (indicator.accumulation === 'cumulative' && mode === 'levels') {
    notes.push('cumulative values without a target period: read as running totals and assessed like a stock');
  }
  return { history, mode, notes };
}

/** Supplies the projection of one indicator up to at least `toYear` (assessPlan shares one per indicator). */
export type ProjectionSource = (toYear: number) => ProjectionLike;

/** Largest magnitude (and inverse of the smallest non-zero one) of a value that can be assessed. */
const MAX_MAGNITUDE = 1e150;

/**
 * Projects one indicator with the configured projector up to `toYear`.
 * @example
 * projectIndicator(indicator, 2025, resolveAssessOptions({ seed: 7 })).method;
 */
export function projectIndicator(indicator: Indicator, toYear: number, options: ResolvedAssessOptions): ProjectionLike {
  const { history } = prepareSeries(indicator);
  if (options.evidence) return projectIndicatorPooled(indicator, history, toYear, options, options.evidence);
  const category = options.category(indicator);
  return options.projector(
    { years: history.map((h) => h.year), values: history.map((h) => h.value) },
    {
      toYear,
      nPaths: options.nPaths,
      rng: createRng(options.seed).fork(indicator.id),
      method: options.method,
      ...(indicator.bounds ? { bounds: indicator.bounds } : {}),
      ...(category !== undefined ? { category } : {}),
    },
  );
}

/** A projection that could not be made for a reason that has its own assessment status. */
export class ProjectionStatusError extends Error {
  constructor(
    readonly status: 'unsupported-measure' | 'no-prior',
    message: string,
  ) {
    super(message);
    this.name = 'ProjectionStatusError';
  }
}

/** The pooled projection of an indicator: dynamics by measure, prior of its type, nearest parent region. */
function projectIndicatorPooled(
  indicator: Indicator,
  history: YearValue[],
  toYear: number,
  options: ResolvedAssessOptions,
  evidence: Evidence,
): ProjectionLike {
  const values = history.map((h) => h.value);
  const dyn = dynamicsOf({
    measure: indicator.measure,
    unit: indicator.unit,
    bounds: indicator.bounds ?? null,
    values,
  });
  if (!dyn.ok) throw new ProjectionStatusError('unsupported-measure', `${indicator.id}: ${dyn.reason}`);
  const prior = priorFor(evidence, indicator.id, dyn.dynamics.kind, indicator.measure);
  if (!prior)
    throw new ProjectionStatusError(
      'no-prior',
      `${indicator.id}: no reference-panel prior for ${dyn.dynamics.kind} dynamics (measure '${indicator.measure}')`,
    );
  const series = { years: history.map((h) => h.year), values };
  const pooledOptions = {
    dynamics: dyn.dynamics,
    prior,
    parent: parentFor(evidence, indicator.region, indicator.id),
    toYear,
    nPaths: options.nPaths,
    rng: createRng(options.seed).fork(indicator.id),
  };
  if (options.curves) {
    const curve = projectCurve(series, { ...pooledOptions, window: options.curves });
    if (curve.ok) return curve.projection;
  }
  return projectPooled(series, pooledOptions);
}

/**
 * Attainability of one target: the probability that the comparator holds at the target year (share of simulated
 * paths; for cumulative targets the observed part of the period plus the simulated yearly flows of the rest), its
 * Monte Carlo standard error, the projected median and 50/80/95 % interval at the target year, required vs
 * historical vs projected annual growth (CAGR and absolute increment) and their ratios, and the verdicts of
 * Eurostat, UN ESCAP, SDSN and 序时进度 side by side.
 *
 * The base of the required growth is the plan's baseline: the base of a relative target, else the latest observation
 * the target's own document gives before the target year, else the latest observation before it. Anything that
 * cannot be computed is `null`, with `status` and `reason` saying why; nothing throws for bad data.
 *
 * @param target one of `indicator.targets` (its position becomes `targetIndex`; -1 if it is not in the list)
 * @example
 * const a = assessTarget(indicator, indicator.targets[0]!, { seed: 1 });
 * a.probability; // e.g. 0.31 = P(value_2025 >= 2500)
 * a.verdicts.map((v) => `${v.assessor}: ${v.verdict}`);
 */
export function assessTarget(indicator: Indicator, target: Target, options: AssessOptions = {}): TargetAssessment {
  const resolved = resolveAssessOptions(options);
  return assessTargetWith(indicator, target, resolved, (toYear) => projectIndicator(indicator, toYear, resolved));
}

/**
 * {@link assessTarget} with a given projection source (used by `assessPlan` to project each indicator once).
 * @example
 * assessTargetWith(indicator, target, resolveAssessOptions(), () => myProjection);
 */
export function assessTargetWith(
  indicator: Indicator,
  target: Target,
  options: ResolvedAssessOptions,
  projectionOf: ProjectionSource,
): TargetAssessment {
  const targetIndex = indicator.targets.indexOf(target);
  const prepared = prepareSeries(indicator);
  const { history, notes } = prepared;
  const resolution = resolveTargetValue(indicator, target);
  const t = resolution.target;
  const last = history[history.length - 1] ?? null;
  const base = planBase(indicator, t, history);

  const result: TargetAssessment = {
    key: `${indicator.id}#${targetIndex}`,
    indicatorId: indicator.id,
    targetIndex,
    region: indicator.region,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    measure: indicator.measure,
    accumulation: indicator.accumulation,
    bounds: indicator.bounds ?? null,
    status: 'ok',
    reason: null,
    target: t,
    base,
    lastObservation: last,
    cumulative: null,
    projection: null,
    probability: null,
    probabilityStdError: null,
    atTarget: null,
    growth: null,
    verdicts: [],
    fan: null,
    conflictId: null,
    notes,
  };
  const stop = (status: AssessmentStatus, reason: string): TargetAssessment => {
    result.status = status;
    result.reason = reason;
    result.verdicts = notApplicable(reason);
    return result;
  };

  if (resolution.problem) return stop(resolution.problem.status, resolution.problem.reason);
  const value = t.value!;
  if (!last) return stop('no-observations', `indicator ${indicator.id} has no observations to project from`);
  if (indicator.bounds) {
    const [lo, hi] = indicator.bounds;
    const outside = history.find((h) => h.value < lo || h.value > hi);
    if (outside)
      return stop(
        'out-of-bounds',
        `observation ${outside.year} = ${outside.value} is outside the bounds [${lo}, ${hi}]`,
      );
    if (value < lo || value > hi) return stop('out-of-bounds', `target ${value} is outside the bounds [${lo}, ${hi}]`);
  }
  // growth rates and simulated paths of extreme magnitudes overflow to NaN: a status, not an exception
  const extreme = [...history, { year: t.year, value }].find(
    (h) => h.value !== 0 && !(Math.abs(h.value) <= MAX_MAGNITUDE && Math.abs(h.value) >= 1 / MAX_MAGNITUDE),
  );
  if (extreme)
    return stop(
      'projection-failed',
      `value ${extreme.value} (${extreme.year}) is outside the supported magnitudes 1e-150..1e150: rescale the indicator (another unit)`,
    );
  const cumulative = isPeriodSum(indicator, target);
  const period: [number, number] | null = cumulative ? t.period : null;
  const endYear = period ? period[1] : t.year;
  if (endYear <= last.year) {
    const met = cumulative ? null : holds(last.value, t.comparator, value, base?.value);
    return stop(
      'target-before-last-observation',
      `target year ${endYear} is not after the last observation (${last.year})` +
        (met === null ? '' : `; observed ${last.value} in ${last.year}: target ${met ? 'met' : 'not met'}`),
    );
  }

  let projection: ProjectionLike;
  try {
    projection = projectionOf(endYear);
  } catch (error) {
    if (error instanceof ProjectionStatusError) return stop(error.status, error.message);
    return stop('projection-failed', error instanceof Error ? error.message : String(error));
  }
  result.projection = {
    method: projection.method,
    methodNote: projection.methodNote,
    lastYear: projection.lastYear,
    nPaths: projection.nPaths,
    warnings: projection.warnings,
    ...(projection.pooling ? { pooling: projection.pooling } : {}),
    ...(projection.curve ? { curve: projection.curve } : {}),
  };
  result.fan = fanOf(history, projection, endYear);

  // Simulated outcome at the target year.
  let values: Float64Array;
  let escapBase: number | null = base?.value ?? null;
  if (period) {
    const years = range(period[0], period[1]);
    const observedYears = years.filter((y) => y <= last.year && history.some((h) => h.year === y));
    const missing = years.filter((y) => y <= last.year && !observedYears.includes(y));
    if (missing.length > 0)
      notes.push(`no observation for ${missing.join(', ')} inside the period ${period[0]}–${period[1]}: counted as 0`);
    const observedSum = observedYears.reduce((s, y) => s + history.find((h) => h.year === y)!.value, 0);
    const simulatedYears = years.filter((y) => y > last.year);
    result.cumulative = { observedSum, observedYears, simulatedYears };
    values = sumOver(projection.paths, simulatedYears, observedSum);
    escapBase = 0;
    notes.push(
      'cumulative target: the growth-rate assessors (Eurostat, SDSN) do not apply; probability, ESCAP and 序时进度 use the period total',
    );
  } else {
    values = valuesAt(projection.paths, t.year);
  }
  const dist: DistributionAt = {
    year: t.year,
    ...((period ? null : summaryAt(projection, t.year)) ?? summariseValues(values)),
  };
  if (!Number.isFinite(dist.median)) return stop('projection-failed', 'the projection gave NaN or ±Infinity');
  const p = attainment(values, t.comparator, value, escapBase);
  result.probability = p.probability;
  result.probabilityStdError = p.stdError;
  result.statisticalProbability = p.probability;
  result.atTarget = dist;
  const calibrate = attainmentCalibration(options, projection, {
    binding: (t.attribute ?? target.attribute) === '约束性',
    reduction: t.comparator === '<=' || t.comparator === '<',
    horizon: endYear - (base?.year ?? last.year),
  });
  const mc = wilsonInterval(p.probability, p.n);
  result.probabilityInterval = {
    level: 0.95,
    lower: mc[0],
    upper: mc[1],
    basis: `Monte Carlo error of the share of ${p.n} paths (Wilson)`,
  };
  if (calibrate) {
    result.probability = calibrate.probability(p.probability);
    result.calibration = calibrate.report(p.probability);
    result.probabilityInterval = calibrate.interval(p.probability, p.n);
  }

  // Growth: required (base -> target), historical (recent window -> last observation), projected (last -> median).
  if (!cumulative) {
    const required = base && base.year < t.year ? growthRate(base.year, base.value, t.year, value) : null;
    // Eurostat's short-term trend spans the last five years: start from the latest observation at least
    // `historicalWindow` years before the last one, else from the first.
    const start = [...history].reverse().find((h) => h.year <= last.year - options.historicalWindow) ?? history[0]!;
    const historical = start.year < last.year ? growthRate(start.year, start.value, last.year, last.value) : null;
    const projected = growthRate(last.year, last.value, t.year, dist.median);
    const hr = growthRatio(historical, required);
    const pr = growthRatio(projected, required);
    const growth: GrowthComparison = {
      required,
      historical,
      projected,
      historicalRatio: hr.ratio,
      projectedRatio: pr.ratio,
      ratioBasis: historical ? hr.basis : pr.basis,
    };
    result.growth = growth;
    const alreadyMet = holds(last.value, t.comparator, value, base?.value);
    const actual = historical ?? projected;
    const basis = historical ? 'historical' : 'projected';
    const [a, r] = pick(actual, required);
    result.verdicts = [
      eurostatVerdict({ actual: a, required: r, basis, alreadyMet }),
      escapVerdict({ base: escapBase, anticipated: dist.median, target: value, comparator: t.comparator }),
      sdsnVerdict({ actual: actual.increment, required: required?.increment ?? null, basis, alreadyMet }),
      base
        ? xushiVerdict(
            {
              baseYear: base.year,
              baseValue: base.value,
              targetYear: t.year,
              targetValue: value,
              comparator: t.comparator,
              observation: [...history].reverse().find((h) => h.year > base.year && h.year < t.year) ?? null,
            },
            { tolerance: options.xushiTolerance },
          )
        : notApplicable('no plan base')[3]!,
    ];
    if (base && base.value <= 0) {
      result.status = 'non-positive-base';
      result.reason = `base ${base.value} (${base.year}) is not positive: growth rates (CAGR) are undefined; increments are used`;
    }
  } else {
    const na = notApplicable('cumulative target: assessed on the period total, not on annual growth');
    // 序时进度 on a period total: share of the total already accumulated vs share of the period elapsed.
    const [p0, p1] = period!;
    const observedSum = result.cumulative!.observedSum;
    const inPeriod = result.cumulative!.observedYears.length > 0 ? { year: last.year, value: observedSum } : null;
    result.verdicts = [
      na[0]!,
      escapVerdict({ base: escapBase, anticipated: dist.median, target: value, comparator: t.comparator }),
      na[2]!,
      xushiVerdict(
        {
          baseYear: p0 - 1,
          baseValue: 0,
          targetYear: p1,
          targetValue: value,
          comparator: t.comparator,
          observation: inPeriod,
        },
        { tolerance: options.xushiTolerance },
      ),
    ];
  }
  return result;
}

/** What the outcome model needs to know of a target besides its statistical probability. */
export interface CalibrationContext {
  /** 约束性 */
  binding: boolean;
  /** an upper limit (`<=`, `<`) */
  reduction: boolean;
  /** years from the base to the target year */
  horizon: number;
}

/** The recalibration of one target's statistical P(attain) (see {@link attainmentCalibration}). */
export interface AttainmentCalibration {
  /** the reported P(attain) for a statistical one (share of paths) */
  probability: (statistical: number) => number;
  /** the features and model source behind it, as `TargetAssessment.calibration` reports them */
  report: (statistical: number) => { features: Record<string, number>; source: string };
  /** 95 % interval of the reported P(attain) from a statistical one of `nPaths` paths (see `calibratedInterval`) */
  interval: (statistical: number, nPaths: number) => ProbabilityInterval;
}

/**
 * The map from a target's statistical P(attain) (share of paths) to the probability {@link assessTarget} reports:
 * the outcome model's recalibration for pooled projections when a model is configured, else `null` (the share is
 * reported as is). Monotone in the share, so a target value can be solved for on the paths (see `proposeTargets`).
 * @example
 * const c = attainmentCalibration(resolveAssessOptions(), projection, { binding: false, reduction: false, horizon: 5 });
 * c ? c.probability(0.5) : 0.5;
 */
export function attainmentCalibration(
  options: ResolvedAssessOptions,
  projection: ProjectionLike,
  context: CalibrationContext,
): AttainmentCalibration | null {
  const table = options.outcomeModel;
  if (!projection.pooling || !table) return null;
  // plans bend trends: the outcome model learned on past plans' targets recalibrates the statistical probability
  const features = (statisticalProbability: number): TargetFeatures => ({
    statisticalProbability,
    binding: context.binding,
    ambition: 0, // not a feature of the default model (it double-counts the projection's z-score)
    reduction: context.reduction,
    horizon: context.horizon,
    nPaths: projection.nPaths,
  });
  return {
    probability: (p) => calibratedProbability(table.model, features(p)),
    interval: (p, n) => {
      const mc = wilsonInterval(p, n);
      if (table.bootstrap) return calibratedInterval(table.model, table.bootstrap, features(p), mc, 0.95);
      // a table without bootstrap replicates: the simulation error alone, carried through the calibration
      const [lower, upper] = mc.map((q) => calibratedProbability(table.model, features(q)));
      return { level: 0.95, lower: lower!, upper: upper!, basis: 'Monte Carlo error only (no bootstrap in the table)' };
    },
    report: (p) => {
      const vector = featureVector(features(p));
      return { features: Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, vector[i]!])), source: table.source };
    },
  };
}

/**
 * The summary of a pooled projection's year, which `summarise` computed from the same paths: `summariseValues` of
 * that year's values gives the same median and intervals (the same quantiles of the same values), and a mean that
 * differs only in the order of summation; a second sort per target was a tenth of an assessment's time. `null` for
 * other projections (a custom projector's summary need not be its paths').
 */
function summaryAt(projection: ProjectionLike, year: number): ValueSummary | null {
  const j = projection.years.indexOf(year);
  if (!projection.pooling || j < 0) return null;
  return {
    median: projection.median[j]!,
    mean: projection.mean[j]!,
    intervals: projection.intervals.map((iv) => ({ level: iv.level, lower: iv.lower[j]!, upper: iv.upper[j]! })),
  };
}

/** The plan's baseline for a target (see {@link assessTarget}). */
function planBase(indicator: Indicator, t: ResolvedTarget, history: YearValue[]): YearValue | null {
  if (t.relative)
    return t.relative.baseValue === null ? null : { year: t.relative.baseYear, value: t.relative.baseValue };
  const sameDoc = indicator.observations
    .filter((o) => o.source.doc === t.source.doc && o.year < t.year && Number.isFinite(o.value))
    .reduce<number | null>((y, o) => (y === null || o.year > y ? o.year : y), null);
  const before = history.filter((h) => h.year < t.year);
  const chosen = sameDoc !== null ? history.find((h) => h.year === sameDoc) : before[before.length - 1];
  return chosen ?? null;
}

/** CAGRs when both exist, else increments (the basis `growthRatio` uses). */
function pick(actual: GrowthRate, required: GrowthRate | null): [number | null, number | null] {
  if (!required) return [null, null];
  if (actual.cagr !== null && required.cagr !== null) return [actual.cagr, required.cagr];
  return [actual.increment, required.increment];
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

function fanOf(history: YearValue[], projection: ProjectionLike, toYear: number): Fan {
  const n = projection.years.filter((y) => y <= toYear).length;
  return {
    history,
    years: projection.years.slice(0, n),
    median: projection.median.slice(0, n),
    bands: projection.intervals.map((b) => ({
      level: b.level,
      lower: b.lower.slice(0, n),
      upper: b.upper.slice(0, n),
    })),
  };
}

/** Four `not-applicable` verdicts carrying `reason`, in the standard order; names, rules and sources come from
 * the assessors themselves so they live in one place. */
function notApplicable(reason: string): Verdict[] {
  const stubs: Verdict[] = [
    eurostatVerdict({ actual: null, required: null, basis: 'historical' }),
    escapVerdict({ base: null, anticipated: null, target: null, comparator: '>=' }),
    sdsnVerdict({ actual: null, required: null, basis: 'historical' }),
    xushiVerdict({ baseYear: 0, baseValue: 0, targetYear: 1, targetValue: 1, comparator: '>=', observation: null }),
  ];
  return stubs.map((v) => ({
    ...v,
    verdict: 'not-applicable',
    label: 'not applicable',
    measure: null,
    basis: null,
    reason,
  }));
}
