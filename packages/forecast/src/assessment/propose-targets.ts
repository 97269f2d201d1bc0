/**
 * Target proposals for the next plan: for each indicator, the target values whose P(attain) equals requested
 * probabilities, found on the very paths and probability `assessTarget` uses, so writing a proposal back as a target
 * and assessing it returns the reported probability.
 */
import type { Comparator, Indicator, Target } from '@trajectory/core';
import { valuesAt } from '../engine/paths.ts';
import { normalCdf } from '../engine/normal.ts';
import { dynamicsOf } from '../pooled/dynamics.ts';
import { priorFor } from '../pooled/evidence.ts';
import type { TypePrior } from '../pooled/priors.ts';
import { targetAmbition, targetFeatures, type TargetCase } from '../outcomes/features.ts';
import {
  type AssessOptions,
  assessTargetWith,
  attainmentCalibration,
  prepareSeries,
  ProjectionStatusError,
  projectIndicator,
  type ResolvedAssessOptions,
  resolveAssessOptions,
} from './assess-target.ts';
import type { ProjectionLike } from './projector.ts';
import { growthRate } from './growth.ts';
import { customaryStep, roundingCandidates } from './customary-rounding.ts';
import type { YearValue } from './types.ts';
import type { Evidence } from '../pooled/evidence.ts';

/** The default ladder: safe, expected, stretch, ambitious. */
export const PROPOSAL_LADDER: readonly number[] = [0.9, 0.7, 0.5, 0.3];

/** Names of the default rungs. */
export const LADDER_NAMES: Readonly<Record<string, string>> = {
  '0.9': 'safe',
  '0.7': 'expected',
  '0.5': 'stretch',
  '0.3': 'ambitious',
};

/** How far a rung's probability may be from the requested one before the rung carries a note. */
export const PROPOSAL_TOLERANCE = 0.03;

/** A past plan's target with its outcome, as the proposal evidence counts them. */
export interface PastTarget {
  /** an upper-limit target (`<=`): reductions are counted apart from increases */
  reduction: boolean;
  /** see `targetAmbition`: required yearly change beyond the type's trend, in prior sds */
  ambition: number;
  met: boolean;
}

/** Options of {@link proposeTargets}: those of `assessTarget` plus the target year and the ladder. */
export interface ProposeOptions extends AssessOptions {
  /** the target year; must be after every indicator's last observation (as of `asOf`) */
  year: number;
  /** requested P(attain) values, each in (0, 1). @default PROPOSAL_LADDER */
  probabilities?: readonly number[];
  /** ignore observations after this year. @default every observation */
  asOf?: number;
  /** past plans' targets with outcomes (see {@link pastTargetsFrom}); empty: no such evidence */
  pastTargets?: readonly PastTarget[];
  /** called after each indicator (progress for long runs) */
  onProgress?: (done: number, total: number) => void;
}

/** One rung of a proposal ladder. */
export interface ProposalRung {
  /** the requested P(attain) */
  requested: number;
  /** the proposed target value, rounded as the unit customarily shows (see `customaryStep`) */
  value: number;
  /** P(attain) of `value` written as a target: what `assessTarget` returns for it */
  probability: number;
  /** yearly growth from the base: CAGR (a fraction) for counts, amounts and levels, else points per year */
  annualGrowth: number | null;
  /** set when `probability` differs from `requested` by more than {@link PROPOSAL_TOLERANCE}, saying why */
  note: string | null;
}

/** The evidence beside one rung. */
export interface RungEvidence {
  requested: number;
  /** share of the reference panel's regions whose change over the same horizon was smaller (in the target's direction) */
  panelPercentile: number | null;
  /** past plans' targets of the same direction and ambition class: how many, how many met */
  pastPlans: { ambitionClass: string; n: number; met: number; share: number | null } | null;
  text: string;
}

/** Why a proposal is what it is. */
export interface ProposalEvidence {
  /** own trend over up to the last five years */
  trend: { fromYear: number; toYear: number; annualGrowth: number | null } | null;
  /** the reference panel the percentiles come from */
  panel: { type: string; fromYear: number; toYear: number; nRegions: number } | null;
  rungs: RungEvidence[];
  notes: string[];
}

/** The proposal for one indicator. */
export interface Proposal {
  indicatorId: string;
  region: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  direction: 'increase' | 'decrease';
  /** how `annualGrowth` is expressed */
  growthBasis: 'cagr' | 'increment';
  base: YearValue;
  /** `ok`, or why there is no ladder (the assessment status of the projection, e.g. `unsupported-measure`) */
  status: string;
  reason: string | null;
  ladder: ProposalRung[];
  evidence: ProposalEvidence;
}

/** The result of {@link proposeTargets}. */
export interface TargetProposals {
  asOf: number | null;
  year: number;
  probabilities: number[];
  proposals: Proposal[];
  /** indicators without an observation (as of `asOf`): no proposal */
  skipped: { indicatorId: string; reason: string }[];
}

/** Ambition classes of the past-plans evidence (upper edges, in prior sds beyond trend). */
const AMBITION_CLASSES: readonly [number, string][] = [
  [0, 'at or below trend'],
  [1, 'up to 1 sd beyond trend'],
  [2, '1–2 sd beyond trend'],
  [Number.POSITIVE_INFINITY, 'over 2 sd beyond trend'],
];

function ambitionClass(z: number): string {
  return AMBITION_CLASSES.find(([edge]) => z <= edge)![1];
}

/**
 * Whether an indicator's targets go down: an existing target of its own is an upper limit (`<=`, `<`).
 * @example
 * proposalDirection({ ...indicator, targets: [{ ...t, comparator: '<=' }] }); // 'decrease'
 */
export function proposalDirection(indicator: Indicator): 'increase' | 'decrease' {
  return indicator.targets.some((t) => t.comparator === '<=' || t.comparator === '<') ? 'decrease' : 'increase';
}

/**
 * The indicator with observations up to `asOf` and one level target `value` in `year` (the form a proposal is
 * assessed in; existing targets are dropped so that they do not change how the history is read).
 * @example
 * const probe = proposalIndicator(indicator, 2025, 3000, '>=', 2020);
 * assessTarget(probe, probe.targets[0]!).probability;
 */
export function proposalIndicator(
  indicator: Indicator,
  year: number,
  value: number,
  comparator: Comparator,
  asOf?: number,
): Indicator {
  const target: Target = {
    year,
    value,
    comparator,
    source: { doc: 'proposal', quote: '' },
  };
  return {
    ...indicator,
    observations: indicator.observations.filter((o) => asOf === undefined || o.year <= asOf),
    targets: [target],
  };
}

/**
 * Proposes target values for `options.year`: for every indicator with at least one observation, the values at
 * which P(attain) equals each requested probability, under the projection and probability of `assessTarget`.
 * The indicator is projected once; P(attain) of a candidate value is a share of those paths (recalibrated on past
 * plans as `assessTarget` does, see `attainmentCalibration`), a monotone step function of the value, so each rung is
 * a binary search over the sorted simulated values, then rounded (see `customaryStep`) to
 * the candidate whose probability is nearest the requested one. The reported probability is the share of the same
 * paths with the same recalibration (`attainmentCalibration`): what `assessTarget` returns for the rounded value.
 * @throws RangeError on a probability outside (0, 1) or a non-integer year
 * @example
 * const { proposals } = proposeTargets(indicators, { year: 2025, asOf: 2020 });
 * proposals[0]!.ladder.map((r) => `${r.requested}: ${r.value} (P = ${r.probability})`);
 */
export function proposeTargets(indicators: readonly Indicator[], options: ProposeOptions): TargetProposals {
  const probabilities = proposalProbabilities(options);
  const resolved = resolveAssessOptions(options);
  const each = indicators.map((indicator, i) => {
    const p = proposeIndicator(indicator, options, probabilities, resolved);
    options.onProgress?.(i + 1, indicators.length);
    return p;
  });
  return proposalsFrom(indicators, each, options, probabilities);
}

/**
 * Checks and fills in the requested probabilities of {@link ProposeOptions}.
 * @throws RangeError on a probability outside (0, 1) or a non-integer year
 * @example proposalProbabilities({ year: 2025 }); // [0.9, 0.7, 0.5, 0.3]
 */
export function proposalProbabilities(options: ProposeOptions): number[] {
  const probabilities = [...(options.probabilities ?? PROPOSAL_LADDER)];
  for (const p of probabilities)
    if (!(p > 0 && p < 1)) throw new RangeError(`proposal probabilities must be in (0, 1), got ${p}`);
  if (!Number.isInteger(options.year)) throw new RangeError(`proposal year must be an integer, got ${options.year}`);
  return probabilities;
}

/**
 * The result of {@link proposeTargets} from each indicator's proposal or skip reason (`each[i]` for `indicators[i]`).
 * @example
 * proposalsFrom(indicators, indicators.map((i) => proposeIndicator(i, options, probabilities, resolved)), options, probabilities);
 */
export function proposalsFrom(
  indicators: readonly Indicator[],
  each: readonly (Proposal | { skip: string })[],
  options: ProposeOptions,
  probabilities: number[],
): TargetProposals {
  const proposals: Proposal[] = [];
  const skipped: TargetProposals['skipped'] = [];
  each.forEach((p, i) => {
    if ('skip' in p) skipped.push({ indicatorId: indicators[i]!.id, reason: p.skip });
    else proposals.push(p);
  });
  return { asOf: options.asOf ?? null, year: options.year, probabilities, proposals, skipped };
}

/**
 * The proposal for one indicator, or why it has none (what {@link proposeTargets} does per indicator; workers run
 * it on chunks).
 * @example
 * const resolved = resolveAssessOptions(options);
 * proposeIndicator(indicator, options, proposalProbabilities(options), resolved);
 */
export function proposeIndicator(
  indicator: Indicator,
  options: ProposeOptions,
  probabilities: number[],
  resolved: ResolvedAssessOptions,
): Proposal | { skip: string } {
  const direction = proposalDirection(indicator);
  const comparator: Comparator = direction === 'decrease' ? '<=' : '>=';
  const year = options.year;
  const probe = proposalIndicator(indicator, year, 0, comparator, options.asOf);
  const { history } = prepareSeries(probe);
  const last = history[history.length - 1];
  if (!last) return { skip: `no observation${options.asOf === undefined ? '' : ` up to ${options.asOf}`}` };
  const growthBasis = ['count', 'amount', 'level'].includes(indicator.measure) && last.value > 0 ? 'cagr' : 'increment';
  const proposal: Proposal = {
    indicatorId: indicator.id,
    region: indicator.region,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    direction,
    growthBasis,
    base: last,
    status: 'ok',
    reason: null,
    ladder: [],
    evidence: { trend: trendOf(history, growthBasis), panel: null, rungs: [], notes: [] },
  };
  if (year <= last.year) {
    proposal.status = 'target-before-last-observation';
    proposal.reason = `target year ${year} is not after the last observation (${last.year})`;
    return proposal;
  }
  let projection: ProjectionLike;
  try {
    projection = projectIndicator(probe, year, resolved);
  } catch (error) {
    proposal.status = error instanceof ProjectionStatusError ? error.status : 'projection-failed';
    proposal.reason = error instanceof Error ? error.message : String(error);
    return proposal;
  }
  const sorted = valuesAt(projection.paths, year).sort();
  const finite = sorted.every(Number.isFinite);
  const n = sorted.length;
  // share of paths on which `x comparator v` holds, by binary search on the sorted values (as `attainment` counts)
  const share = (v: number): number => {
    const k = lowerBound(sorted, v, comparator === '>=');
    return comparator === '>=' ? (n - k) / n : k / n;
  };
  const step = customaryStep(
    indicator.unit,
    indicator.measure,
    last.value,
    history.map((h) => h.value),
  );
  const [lo, hi] = indicator.bounds ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const assessed = (value: number): number | null => {
    const target = proposalIndicator(indicator, year, value, comparator, options.asOf);
    return assessTargetWith(target, target.targets[0]!, resolved, () => projection).probability;
  };
  const prior = panelPrior(indicator, history, resolved.evidence);
  if (prior)
    proposal.evidence.panel = {
      type: prior.prior.type,
      fromYear: prior.prior.fromYear,
      toYear: prior.prior.toYear,
      nRegions: prior.prior.nRegions,
    };
  // P(attain) of a value as assessTarget computes it: the share of paths, recalibrated on past plans when configured
  const calibration = attainmentCalibration(resolved, projection, {
    binding: false,
    reduction: comparator === '<=',
    horizon: year - last.year,
  });
  const pOf = (v: number): number => (calibration ? calibration.probability(share(v)) : share(v));
  // P at the j-th smallest simulated value: non-increasing in j for '>=', non-decreasing for '<='
  const pAt = (j: number): number => pOf(sorted[j]!);
  const pRange: [number, number] = [Math.min(pAt(0), pAt(n - 1)), Math.max(pAt(0), pAt(n - 1))];
  for (const requested of probabilities) {
    const raw = sorted[solveIndex(n, pAt, requested, comparator === '>=')]!;
    const candidates = roundingCandidates(raw, step).filter((v) => v >= lo && v <= hi);
    if (candidates.length === 0) candidates.push(Math.min(hi, Math.max(lo, raw)));
    const value = candidates.reduce((best, v) =>
      Math.abs(pOf(v) - requested) < Math.abs(pOf(best) - requested) ? v : best,
    );
    // the same share and recalibration as assessTargetWith, without its summaries; non-finite paths (which the
    // assessment reports as a failure) go through the assessment itself
    const probability = finite ? pOf(value) : assessed(value);
    if (probability === null) {
      proposal.evidence.notes.push(`${value} could not be assessed as a target`);
      continue;
    }
    const growth = growthRate(last.year, last.value, year, value);
    const annualGrowth = growthBasis === 'cagr' ? growth.cagr : growth.increment;
    proposal.ladder.push({
      requested,
      value,
      probability,
      annualGrowth,
      note:
        Math.abs(probability - requested) > PROPOSAL_TOLERANCE
          ? requested < pRange[0] - PROPOSAL_TOLERANCE || requested > pRange[1] + PROPOSAL_TOLERANCE
            ? `P(attain) of any value lies in [${pRange[0].toFixed(3)}, ${pRange[1].toFixed(3)}] ` +
              '(the recalibration on past plans bounds it): the nearest value is proposed'
            : `no value written to the step of ${step} ${indicator.unit} has P(attain) within ` +
              `${PROPOSAL_TOLERANCE} of ${requested}: the values either side of it (a small count, or a coarse ` +
              `step) have P(attain) ${candidateProbabilities(raw, step, pOf)}`
          : null,
    });
    proposal.evidence.rungs.push(rungEvidence(requested, value, last, year, comparator, prior, options.pastTargets));
  }
  return proposal;
}

function candidateProbabilities(raw: number, step: number, pOf: (v: number) => number): string {
  return roundingCandidates(raw, step)
    .map((v) => `${pOf(v).toFixed(3)} at ${v}`)
    .join(' and ');
}

/**
 * The index j of the sorted simulated values whose P(attain) is nearest `requested`, by binary search on the
 * monotone `pAt` (non-increasing in j when `decreasing`).
 */
function solveIndex(n: number, pAt: (j: number) => number, requested: number, decreasing: boolean): number {
  // find the boundary: the last j with P >= requested (decreasing) or the first such j (increasing)
  let a = 0;
  let b = n - 1;
  while (a < b) {
    const m = decreasing ? (a + b + 1) >>> 1 : (a + b) >>> 1;
    const ok = pAt(m) >= requested;
    if (decreasing) {
      if (ok) a = m;
      else b = m - 1;
    } else if (ok) b = m;
    else a = m + 1;
  }
  const other = decreasing ? Math.min(n - 1, a + 1) : Math.max(0, a - 1);
  return Math.abs(pAt(other) - requested) < Math.abs(pAt(a) - requested) ? other : a;
}

/** Index of the first sorted value >= v (inclusive) or > v (exclusive). */
function lowerBound(sorted: Float64Array, v: number, inclusive: boolean): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (inclusive ? sorted[m]! < v : sorted[m]! <= v) a = m + 1;
    else b = m;
  }
  return a;
}

function trendOf(history: YearValue[], basis: 'cagr' | 'increment'): ProposalEvidence['trend'] {
  const last = history[history.length - 1]!;
  const start = [...history].reverse().find((h) => h.year <= last.year - 5) ?? history[0]!;
  if (start.year >= last.year) return null;
  const g = growthRate(start.year, start.value, last.year, last.value);
  return { fromYear: start.year, toYear: last.year, annualGrowth: basis === 'cagr' ? g.cagr : g.increment };
}

function panelPrior(
  indicator: Indicator,
  history: YearValue[],
  evidence: Evidence | null,
): { prior: TypePrior; forward: (x: number) => number } | null {
  if (!evidence) return null;
  const dyn = dynamicsOf({
    measure: indicator.measure,
    unit: indicator.unit,
    bounds: indicator.bounds ?? null,
    values: history.map((h) => h.value),
  });
  if (!dyn.ok) return null;
  const prior = priorFor(evidence, indicator.id, dyn.dynamics.kind);
  return prior ? { prior, forward: dyn.dynamics.forward } : null;
}

function rungEvidence(
  requested: number,
  value: number,
  base: YearValue,
  year: number,
  comparator: Comparator,
  prior: { prior: TypePrior; forward: (x: number) => number } | null,
  past: readonly PastTarget[] | undefined,
): RungEvidence {
  const horizon = year - base.year;
  let panelPercentile: number | null = null;
  let ambition: number | null = null;
  if (prior) {
    const z0 = prior.forward(base.value);
    const z1 = prior.forward(value);
    if (Number.isFinite(z0) && Number.isFinite(z1)) {
      ambition = targetAmbition(prior.prior, z0, z1, horizon, comparator);
      // the panel's h-year average changes are N(drift, betweenSd² + noiseSd²/h): the ambition is their z-score
      panelPercentile = normalCdf(ambition);
    }
  }
  const reduction = comparator === '<=';
  let pastPlans: RungEvidence['pastPlans'] = null;
  if (past && past.length > 0 && ambition !== null) {
    const cls = ambitionClass(ambition);
    const same = past.filter((t) => t.reduction === reduction && ambitionClass(t.ambition) === cls);
    const met = same.filter((t) => t.met).length;
    pastPlans = { ambitionClass: cls, n: same.length, met, share: same.length ? met / same.length : null };
  }
  const parts: string[] = [];
  if (panelPercentile !== null && prior)
    parts.push(
      prior.prior.kind === 'mean-reverting'
        ? `${reduction ? 'lower' : 'higher'} than ${Math.round(panelPercentile * 100)} % of ${prior.prior.type} ` +
            `regions' average rates over ${horizon} years in ${prior.prior.fromYear}–${prior.prior.toYear}`
        : `${reduction ? 'a larger fall' : 'faster'} than ${Math.round(panelPercentile * 100)} % of ` +
            `${prior.prior.type} regions managed over ${horizon} years in ${prior.prior.fromYear}–${prior.prior.toYear}`,
    );
  if (pastPlans)
    parts.push(
      pastPlans.n > 0
        ? `${pastPlans.met} of ${pastPlans.n} past targets ${pastPlans.ambitionClass} were met`
        : `no past target ${pastPlans.ambitionClass}`,
    );
  return { requested, panelPercentile, pastPlans, text: parts.join('; ') };
}

/**
 * Past plans' targets with their outcomes as {@link PastTarget}s: each case's ambition against its type's prior
 * (cases the pooled model cannot place are left out).
 * @example
 * const past = pastTargetsFrom(bundledEvidence()!, records.map((r) => ({ ...caseOf(r), met: r.met })));
 */
export function pastTargetsFrom(evidence: Evidence, cases: readonly (TargetCase & { met: boolean })[]): PastTarget[] {
  const out: PastTarget[] = [];
  for (const c of cases) {
    const f = targetFeatures(evidence, c, { nPaths: 200 });
    if (f.ok) out.push({ reduction: f.features.reduction, ambition: f.features.ambition, met: c.met });
  }
  return out;
}
