/**
 * Review of a plan against what happened (中期评估 / 总结评估): target by target, met, on track (达到序时进度),
 * behind or missed, with the P(attain) assessed when the plan was written beside the one given later observations.
 */
import type { Comparator, Indicator, Observation, Target } from '@trajectory/core';
import { holds } from '../engine/comparator.ts';
import { type AssessOptions, assessTarget } from './assess-target.ts';
import { resolveTargetValue } from './resolve-target.ts';
import type { YearValue } from './types.ts';

/**
 * `met`: the latest observation up to the target year satisfies the target; `on-track`: progress >= elapsed share;
 * `behind`; `missed`: the target year is observed and the target is not met; `no-data`: no observation after the
 * base year; `not-scored`: the target cannot be scored (no value, no base, conflicting latest figures), see `reason`.
 */
export type ReviewStatus = 'met' | 'on-track' | 'behind' | 'missed' | 'no-data' | 'not-scored';

/** Options of {@link reviewPlan}: those of `assessTarget` plus the two dates of the review. */
export interface ReviewOptions extends AssessOptions {
  /** the year the plan was written: P(attain) at writing uses observations up to it. @default each target's base year */
  written?: number;
  /** ignore observations after this year. @default every observation */
  asOf?: number;
}

/** An observation as the review reads it. */
export interface ReviewObservation extends YearValue {
  /** why it is provisional (partial year, preliminary figure); such a value never settles a target year */
  provisional: string | null;
}

/** The review of one target. */
export interface TargetReview {
  indicatorId: string;
  region: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  target: { year: number; value: number | null; comparator: Comparator };
  base: YearValue | null;
  /** the latest observation after the base, up to the target year and `asOf` (provisional ones included, labelled) */
  latest: ReviewObservation | null;
  status: ReviewStatus;
  /** why the status is what it is when it is not plain (provisional latest, undefined progress, …) */
  reason: string | null;
  /** (latest − base) / (target − base), the 序时进度 convention; `null` when target = base or data are missing */
  progress: number | null;
  /** ln(latest / base) / ln(target / base) for multiplicative indicators (counts, amounts) with positive values */
  progressLog: number | null;
  /** (latest year − base year) / (target year − base year) */
  elapsed: number | null;
  /** P(attain) assessed with observations up to `written` */
  probabilityAtWriting: number | null;
  /** P(attain) now: 1 or 0 once the target year is observed, else assessed with observations up to `asOf` */
  probability: number | null;
  /** the share of simulated paths behind `probability`, before the recalibration on past plans (see `assessTarget`) */
  statisticalProbability: number | null;
  /** different figures stated for one year (shown side by side, never averaged here) */
  conflicts: { year: number; values: number[] }[];
}

/** The result of {@link reviewPlan}. */
export interface PlanReview {
  written: number | null;
  asOf: number | null;
  targets: TargetReview[];
  summary: {
    targets: number;
    byStatus: Record<ReviewStatus, number>;
    /** targets whose target-year outcome is observed (met or missed) and had a probability at writing */
    scored: number;
    /** mean (probabilityAtWriting − outcome)² over the scored targets; `null` when none */
    brier: number | null;
  };
}

/** Words in a source note that mark a figure as provisional: partial year, preliminary or estimated. */
const PROVISIONAL =
  /preliminary|provisional|partial|estimate|初步|快报|预计|上半年|前三季度|1[-–—至]\d{1,2}月|月底|月末/i;

/**
 * Why an observation is provisional (its source note names a partial year or a preliminary figure), or `null`.
 * @example
 * provisionalReason({ year: 2023, value: 5, source: { doc: 'a', quote: '', note: '1-9月 preliminary' } }); // '1-9月 preliminary'
 */
export function provisionalReason(o: Observation): string | null {
  const note = o.source.note ?? '';
  return PROVISIONAL.test(note) ? note : null;
}

/**
 * Reviews every target with a value against the observations up to `asOf`: status, 序时进度 progress and elapsed
 * share, P(attain) when written and now, and a summary with the Brier score of the probabilities at writing where
 * the outcome is known. Targets that cannot be scored keep a status and a reason; nothing is divided by zero.
 * @example
 * const review = reviewPlan(indicators, { written: 2015, asOf: 2020 });
 * review.targets.map((t) => `${t.indicatorId}: ${t.status}`);
 * review.summary.brier;
 */
export function reviewPlan(indicators: readonly Indicator[], options: ReviewOptions = {}): PlanReview {
  if (options.written !== undefined && options.asOf !== undefined && options.written > options.asOf)
    throw new RangeError(`written (${options.written}) is after asOf (${options.asOf})`);
  const targets: TargetReview[] = [];
  for (const indicator of indicators)
    for (const target of indicator.targets) targets.push(reviewTarget(indicator, target, options));
  const byStatus: Record<ReviewStatus, number> = {
    met: 0,
    'on-track': 0,
    behind: 0,
    missed: 0,
    'no-data': 0,
    'not-scored': 0,
  };
  for (const t of targets) byStatus[t.status]++;
  // outcomes are known where the target year itself is observed (final figures only)
  const known = targets.filter(
    (t) =>
      t.probabilityAtWriting !== null &&
      t.latest !== null &&
      t.latest.year === t.target.year &&
      t.latest.provisional === null &&
      (t.status === 'met' || t.status === 'missed'),
  );
  const brier = known.length
    ? known.reduce((s, t) => s + (t.probabilityAtWriting! - (t.status === 'met' ? 1 : 0)) ** 2, 0) / known.length
    : null;
  return {
    written: options.written ?? null,
    asOf: options.asOf ?? null,
    targets,
    summary: { targets: targets.length, byStatus, scored: known.length, brier },
  };
}

function reviewTarget(indicator: Indicator, target: Target, options: ReviewOptions): TargetReview {
  const asOf = options.asOf ?? Number.POSITIVE_INFINITY;
  const observations = indicator.observations.filter(
    (o) => o.year <= asOf && Number.isFinite(o.value) && o.comparator === undefined && !o.period,
  );
  const t = resolveTargetValue(indicator, target).target;
  const out: TargetReview = {
    indicatorId: indicator.id,
    region: indicator.region,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    target: { year: t.year, value: t.value, comparator: t.comparator },
    base: null,
    latest: null,
    status: 'not-scored',
    reason: null,
    progress: null,
    progressLog: null,
    elapsed: null,
    probabilityAtWriting: null,
    probability: null,
    statisticalProbability: null,
    conflicts: conflictsOf(observations.filter((o) => o.year <= t.year)),
  };
  if (t.value === null) return { ...out, reason: 'the target has no value (blank, or relative without a base)' };
  const value = t.value;
  const base = baseOf(t, target, observations, options.written);
  if (!base) return { ...out, reason: `no base: no observation before ${t.year} up to the year written` };
  out.base = base;
  const written = options.written ?? base.year;
  const later = observations.filter((o) => o.year > base.year && o.year <= t.year);
  const latestYear = later.reduce((y, o) => Math.max(y, o.year), Number.NEGATIVE_INFINITY);
  const atWriting = assessTarget(withObservations(indicator, target, written), target, options);
  out.probabilityAtWriting = atWriting.probability;
  if (later.length === 0) {
    out.status = 'no-data';
    out.reason = `no observation after the base year ${base.year}`;
    out.probability = out.probabilityAtWriting;
    out.statisticalProbability = atWriting.statisticalProbability ?? atWriting.probability;
    return out;
  }
  const latestObs = later.filter((o) => o.year === latestYear);
  const values = [...new Set(latestObs.map((o) => o.value))];
  const provisional = latestObs.map(provisionalReason).find((r) => r !== null) ?? null;
  out.latest = { year: latestYear, value: values[0]!, provisional };
  out.elapsed = (latestYear - base.year) / (t.year - base.year);
  if (values.length > 1) {
    out.reason = `${values.length} different figures for ${latestYear} (${values.join(', ')}): not scored`;
    return out;
  }
  const latest = values[0]!;
  if (value !== base.value) {
    out.progress = (latest - base.value) / (value - base.value);
    if ((indicator.measure === 'count' || indicator.measure === 'amount') && latest > 0 && base.value > 0 && value > 0)
      out.progressLog = Math.log(latest / base.value) / Math.log(value / base.value);
  }
  const met = holds(latest, t.comparator, value, base.value);
  const settled = latestYear === t.year && provisional === null;
  if (settled) {
    out.status = met ? 'met' : 'missed';
    out.probability = met ? 1 : 0;
    out.statisticalProbability = out.probability;
    return out;
  }
  const now = assessTarget(withObservations(indicator, target, asOf), target, options);
  out.probability = now.probability;
  out.statisticalProbability = now.statisticalProbability ?? now.probability;
  if (met) out.status = 'met';
  else if (out.progress === null) {
    out.reason = `the target equals its base (${base.value}): progress is undefined and it is not met yet`;
  } else out.status = out.progress >= out.elapsed ? 'on-track' : 'behind';
  if (provisional !== null)
    out.reason = `latest figure (${latestYear}) is provisional: ${provisional}${latestYear === t.year ? '; the target year is not settled' : ''}`;
  return out;
}

/** The plan's base: the relative target's base, else the latest observation before the target year and up to `written`. */
function baseOf(
  t: ReturnType<typeof resolveTargetValue>['target'],
  target: Target,
  observations: Observation[],
  written: number | undefined,
): YearValue | null {
  if (t.relative)
    return t.relative.baseValue === null ? null : { year: t.relative.baseYear, value: t.relative.baseValue };
  const limit = Math.min(t.year - 1, written ?? Number.POSITIVE_INFINITY);
  const candidates = observations.filter((o) => o.year <= limit && provisionalReason(o) === null);
  // prefer the target's own document (the plan states its base), else the latest observation before it
  const own = candidates.filter((o) => o.source.doc === target.source.doc);
  const pool = own.length ? own : candidates;
  if (pool.length === 0) return null;
  const y = Math.max(...pool.map((o) => o.year));
  return { year: y, value: pool.find((o) => o.year === y)!.value };
}

function withObservations(indicator: Indicator, target: Target, upTo: number): Indicator {
  return {
    ...indicator,
    observations: indicator.observations.filter((o) => o.year <= upTo && provisionalReason(o) === null),
    targets: [target],
  };
}

function conflictsOf(observations: Observation[]): { year: number; values: number[] }[] {
  const byYear = new Map<number, Set<number>>();
  for (const o of observations) byYear.set(o.year, (byYear.get(o.year) ?? new Set()).add(o.value));
  return [...byYear.entries()]
    .filter(([, v]) => v.size > 1)
    .sort((a, b) => a[0] - b[0])
    .map(([year, v]) => ({ year, values: [...v] }));
}
