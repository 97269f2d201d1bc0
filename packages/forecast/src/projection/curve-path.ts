/**
 * The growth-curve path of the pooled projection (issue 12, item 3). Where an indicator's history holds at least
 * `CURVE_DEFAULTS.minPoints` observations in its curve window, the growth-curve families of `@trajectory/fit` are
 * fitted to them and ranked by AICc (`selectCurve`). Every family is a straight line on its own scale (linear on the
 * values, exponential on logs, logistic on logit(y/K), Gompertz on −log(−log(y/K))), so the chosen curve's slope
 * on that scale is the indicator's own drift; it is combined by precision with the type prior and the parent
 * region's trend (the pooled model's shrinkage target, translated to the curve's scale at the last observation). The
 * median follows the curve with that pooled slope (a logistic decelerates toward its capacity); the paths are the
 * pooled model's random walk around it on the measure's scale, with the noise estimated there (a curve's own scale
 * would stretch it without limit near a capacity), reflected at a capacity below the measure's bound, so none
 * crosses it. A curve whose scale does not fit the measure's range (a straight line for a count, which could turn
 * negative; an exponential for a share) gives its current slope, translated to the measure's scale at the last
 * observation, as a constant drift there.
 */
import { createRng } from '@trajectory/core';
import { type CurveFit, predictCurve, selectCurve, type SelectionRow } from '@trajectory/fit';
import { simulatePaths } from '../engine/simulate.ts';
import { summarise } from '../engine/summary.ts';
import type { Dynamics } from '../pooled/dynamics.ts';
import {
  type DriftSource,
  type PooledOptions,
  type PooledProjection,
  PRIOR_NOISE_DF,
  projectPooled,
  type PoolingReport,
} from '../pooled/pooled.ts';
import type { YearlySeries } from './types.ts';

/** Defaults of the curve path, in one place. */
export const CURVE_DEFAULTS = {
  /** observations needed in the window */
  minPoints: 3,
  /** the seed plans' baseline period: their 2015–2020 history */
  window: { from: 2015, to: 2020 },
  /** candidate families, simplest first (ties go to fewer parameters) */
  families: ['linear', 'exponential', 'logistic', 'gompertz'],
} as const;

/** Years whose observations the curves are fitted to (inclusive; an open end takes every year). */
export interface CurveWindow {
  from?: number;
  to?: number;
}

/** One candidate family of the curve path, as the diagnostics chart draws it. */
export interface CurveCandidate {
  model: string;
  /** free parameters (σ not counted) */
  k: number;
  /** observations fitted */
  n: number;
  params: Record<string, number>;
  rss: number;
  aicc: number;
  bic: number;
  deltaAicc: number;
  /** Akaike weight among the converged candidates */
  weight: number;
  status: string;
  /** the fitted curve from the first fitted year to the projection's last year */
  line: { year: number; value: number }[];
  /** observed − fitted at the fitted years */
  residuals: { year: number; residual: number }[];
}

/** What the curve path did: the fitted observations, every candidate, the one chosen and the scale walked on. */
export interface CurveReport {
  /** the observations fitted (those in the window) */
  observations: { year: number; value: number }[];
  /** criterion the candidates are ranked by (`aic` when AICc is undefined for every one, n = 3) */
  criterion: 'aicc' | 'aic' | 'bic';
  criterionNote: string | null;
  chosen: string;
  /** capacity K of the chosen curve (logistic, Gompertz), else null */
  capacity: number | null;
  /** whether the capacity is fixed at the indicator's upper bound (shares) */
  capacityFixed: boolean;
  /** the scale the paths walk on (the measure's) and how their median moves */
  scale: string;
  candidates: CurveCandidate[];
  skipped: { model: string; reason: string }[];
}

/** A pooled projection that took the curve path. */
export type CurveProjection = PooledProjection & { curve: CurveReport };

/** Options of {@link projectCurve}: the pooled model's, plus the window. */
export interface CurveOptions extends PooledOptions {
  /** @default CURVE_DEFAULTS.window */
  window?: CurveWindow;
}

/** {@link projectCurve}'s answer: a projection, or why the curve path does not apply (then the caller pools). */
export type CurveResult = { ok: true; projection: CurveProjection } | { ok: false; reason: string };

/** A scale on which a family is a straight line, with the open range of values it can represent. */
interface WalkScale {
  label: string;
  forward(y: number): number;
  inverse(z: number): number;
  lo: number;
  hi: number;
  /** the family's slope parameter on this scale (null: the measure's scale, slope translated) */
  slope: string | null;
}

/** How the criteria are written. */
const CRITERION_NAMES = { aicc: 'AICc', aic: 'AIC', bic: 'BIC' } as const;

/** Share of a capacity kept away from 0 and K so the curve scales stay finite (as the logit dynamics do). */
const EDGE = 1e-3;

function clipShare(y: number, K: number): number {
  return Math.min(1 - EDGE, Math.max(EDGE, y / K));
}

/** The scale on which the fitted family is linear in time. */
function familyScale(fit: CurveFit): WalkScale | null {
  const K = fit.params.K;
  switch (fit.model) {
    case 'linear':
      return {
        label: 'value scale (linear curve)',
        forward: (y) => y,
        inverse: (z) => z,
        lo: -Infinity,
        hi: Infinity,
        slope: 'b',
      };
    case 'exponential':
      return {
        label: 'log scale (exponential curve)',
        forward: Math.log,
        inverse: Math.exp,
        lo: 0,
        hi: Infinity,
        slope: 'r',
      };
    case 'logistic':
      return K! > 0
        ? {
            label: `logit(y/K) scale, K = ${fmt(K!)} (logistic curve)`,
            forward: (y) => {
              const p = clipShare(y, K!);
              return Math.log(p / (1 - p));
            },
            inverse: (z) => K! / (1 + Math.exp(-z)),
            lo: 0,
            hi: K!,
            slope: 'r',
          }
        : null;
    case 'gompertz':
      return K! > 0
        ? {
            label: `−log(−log(y/K)) scale, K = ${fmt(K!)} (Gompertz curve)`,
            forward: (y) => -Math.log(-Math.log(clipShare(y, K!))),
            inverse: (z) => K! * Math.exp(-Math.exp(-z)),
            lo: 0,
            hi: K!,
            slope: 'c',
          }
        : null;
    default:
      return null;
  }
}

/** The range of values the measure's dynamics can take. */
function dynamicsRange(d: Dynamics): [number, number] {
  if (d.bounds) return d.bounds;
  return d.kind === 'log' ? [0, Infinity] : [-Infinity, Infinity];
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/**
 * Candidate families and per-family options for a measure's dynamics: shares fix the capacity of the saturating
 * families at their upper bound; counts, amounts and levels estimate it. Growth rates have no curve path.
 * @example
 * curveCandidates(logitDynamics([0, 100])).perModel.logistic; // { fixed: { K: 100 } }
 */
export function curveCandidates(dynamics: Dynamics): {
  models: string[];
  perModel: Record<string, { fixed: Record<string, number> }>;
} | null {
  if (dynamics.kind === 'mean-reverting') return null;
  const models = [...CURVE_DEFAULTS.families];
  const hi = dynamics.bounds?.[1];
  const perModel: Record<string, { fixed: Record<string, number> }> =
    hi !== undefined ? { logistic: { fixed: { K: hi } }, gompertz: { fixed: { K: hi } } } : {};
  return { models, perModel };
}

/**
 * Projects a series by the curve path (see the module comment): fits the families to the observations in the
 * window, chooses by AICc, and walks on the chosen curve's scale with its slope shrunk toward the pooled prior.
 * Returns `{ok: false, reason}` when the path does not apply (fewer than 3 observations in the window, a last
 * observation outside it, a growth rate, or no converged family that can carry the last observation); the caller
 * then uses {@link projectPooled}.
 * @throws RangeError as `projectPooled` (empty series, non-finite values, `toYear` not after the last observation)
 * @example
 * const r = projectCurve({ years: [2015, 2016, 2017, 2018, 2019, 2020], values: [10, 18, 30, 45, 58, 67] },
 *   { dynamics, prior, toYear: 2025, nPaths: 2000, seed: 1, window: {} });
 * if (r.ok) r.projection.curve.chosen; // 'logistic'
 */
export function projectCurve(series: YearlySeries, options: CurveOptions): CurveResult {
  const { dynamics, prior, nPaths } = options;
  const candidates = curveCandidates(dynamics);
  if (!candidates) return { ok: false, reason: 'growth rates revert to a typical rate: no growth curve' };
  const from = options.window?.from ?? -Infinity;
  const to = options.window?.to ?? Infinity;
  const { years, values } = series;
  const n = years.length;
  const lastYear = years[n - 1]!;
  const idx = years.map((_, i) => i).filter((i) => years[i]! >= from && years[i]! <= to);
  if (idx.length < CURVE_DEFAULTS.minPoints)
    return {
      ok: false,
      reason: `${idx.length} observation(s) in the curve window (${CURVE_DEFAULTS.minPoints} needed)`,
    };
  if (lastYear > to) return { ok: false, reason: `the last observation (${lastYear}) is after the curve window` };
  const t = idx.map((i) => years[i]!);
  const y = idx.map((i) => values[i]!);
  // the pooled model's own report: the prior and parent sources (on the measure's scale) are the shrinkage target;
  // its one path comes from a throwaway stream so the indicator's own stream is left for the walk below
  const pooled = projectPooled(series, { ...options, nPaths: 1, rng: createRng(0) });
  const selection = selectCurve({ t, y }, { models: candidates.models, perModel: candidates.perModel });
  const yT = values[n - 1]!;
  const [dLo, dHi] = dynamicsRange(dynamics);
  // the best converged family whose own scale can carry the last observation (a capacity below it cannot)
  let chosen: { fit: CurveFit; own: WalkScale } | null = null;
  for (const row of selection.table) {
    const fit = selection.fits[row.model];
    if (fit?.status !== 'converged') continue;
    const own = familyScale(fit);
    if (!own || !(yT > own.lo && (own.hi === Infinity || yT < own.hi * (1 - EDGE)))) continue;
    // a capacity is what a series grows toward: a saturating curve fitted to a decline (negative rate) puts its "K"
    // at the series' start and extrapolates a collapse, so the next family is taken
    if (own.hi < Infinity && !(fit.params[own.slope!]! > 0)) continue;
    chosen = { fit, own };
    break;
  }
  if (!chosen)
    return {
      ok: false,
      reason: 'no growth curve converged with its capacity above the last observation and a positive rate toward it',
    };
  const { fit, own } = chosen;
  // the drift's scale: the curve's own when its range lies in the measure's, else the measure's
  const inRange = own.lo >= dLo && own.hi <= dHi;
  const walk: WalkScale = inRange
    ? own
    : { label: dynamics.label, forward: dynamics.forward, inverse: dynamics.inverse, lo: dLo, hi: dHi, slope: null };

  // the own drift: the curve's slope on its own scale (where it is a straight line), with its standard error,
  // translated to the walk's scale at the last observation (unchanged when the walk is on the curve's own scale)
  const derivative = (to: (y: number) => number, from: { forward(y: number): number; inverse(z: number): number }) => {
    const z = from.forward(yT);
    const eps = 1e-4;
    return (to(from.inverse(z + eps)) - to(from.inverse(z - eps))) / (2 * eps);
  };
  const slopeIndex = fit.paramNames.indexOf(own.slope!);
  const toWalk = inRange ? 1 : derivative(walk.forward, own);
  const drift = fit.theta[slopeIndex]! * toWalk;
  const fitSd = fit.stderr[slopeIndex]! * Math.abs(toWalk);
  // the prior's scale (the measure's) translated to the drift's scale at the last observation
  const factor = inRange ? derivative(walk.forward, dynamics) : 1;
  const translate = (s: DriftSource) => ({ estimate: s.estimate * factor, sd: s.sd * Math.abs(factor) });
  // the noise lives on the measure's scale, as in the pooled model (a curve's own scale stretches it without limit
  // near a capacity): yearly changes around the curve's changes, the scaled-χ² update, capped at the type's 90th
  // percentile
  const F = dynamics.forward;
  let ss = 0;
  for (let i = 1; i < t.length; i++) {
    const gap = t[i]! - t[i - 1]!;
    const expected = inRange ? F(cAt(fit, t[i]!)) - F(cAt(fit, t[i - 1]!)) : drift * gap;
    const change = F(y[i]!) - F(y[i - 1]!) - expected;
    ss += Number.isFinite(change) ? change ** 2 / gap : 0;
  }
  const df = t.length - 2;
  const sigma = Math.min(
    Math.sqrt((PRIOR_NOISE_DF * prior.noiseSd ** 2 + ss) / (PRIOR_NOISE_DF + df)),
    Math.max(prior.noiseSd, prior.noiseSdP90 ?? Infinity),
  );
  const span = t[t.length - 1]! - t[0]!;
  // a curve's least-squares se assumes independent errors around it; a random walk's drift is known no better than
  // σ/√span, so the own source never claims more precision than that
  const ownSd = Math.max(Number.isFinite(fitSd) ? fitSd : 0, (sigma * Math.abs(factor)) / Math.sqrt(span));
  const sources = [translate(pooled.pooling.prior)];
  if (pooled.pooling.parent) sources.push(translate(pooled.pooling.parent));
  sources.push({ estimate: drift, sd: ownSd });
  const prec = sources.map((s) => 1 / Math.max(s.sd, 1e-12) ** 2);
  const total = prec.reduce((a, b) => a + b, 0);
  const post = {
    estimate: sources.reduce((a, s, i) => a + s.estimate * prec[i]!, 0) / total,
    sd: Math.sqrt(1 / total),
  };
  const weights = prec.map((p) => p / total);

  const H = options.toYear - lastYear;
  const projected = Array.from({ length: H }, (_, i) => lastYear + i + 1);
  // the median follows the pooled curve (the curve's shape with the pooled slope) on the measure's scale; a curve
  // whose scale exceeds the measure's range carries its translated slope as a constant drift there
  const zT = walk.forward(yT);
  const point = projected.map((_, i) =>
    inRange ? F(own.inverse(zT + (i + 1) * post.estimate)) : F(yT) + (i + 1) * post.estimate,
  );
  const driftSdF = post.sd / Math.max(Math.abs(factor), 1e-12);
  const paths = simulatePaths(
    { kind: 'calibrated-walk', point, scale: sigma, n: 1 + sigma ** 2 / Math.max(driftSdF ** 2, 1e-18) },
    { years: projected, nPaths, rng: options.rng ?? createRng(options.seed ?? 0) },
  );
  const v = paths.values;
  // no path crosses a capacity below the measure's own bound: paths are reflected at it (no pile at K)
  const zK = inRange && own.hi < dHi ? F(own.hi) : Infinity;
  for (let i = 0; i < v.length; i++) {
    const z = v[i]! > zK ? 2 * zK - v[i]! : v[i]!;
    v[i] = dynamics.inverse(z);
  }

  const weightRow = selection.table.find((r) => r.model === fit.model)!;
  const p = pooled.pooling;
  const pooling: PoolingReport = {
    type: p.type,
    kind: dynamics.kind,
    scale: walk.label,
    prior: { ...sources[0]!, weight: weights[0]!, from: p.prior.from },
    parent: p.parent ? { ...sources[1]!, weight: weights[1]!, from: p.parent.from } : null,
    own: {
      estimate: drift,
      sd: ownSd,
      weight: weights[weights.length - 1]!,
      from: `${fit.model} curve fitted to ${t[0]}–${t[t.length - 1]} (${t.length} observations; ${CRITERION_NAMES[selection.criterion]} weight ${weightRow.weight.toFixed(2)})`,
    },
    posterior: post,
    noiseSd: sigma,
    phi: null,
    summary: '',
  };
  pooling.summary = summary(pooling);
  const K = fit.params.K ?? null;
  const capacityFixed = fit.fixed.includes('K');
  const curve: CurveReport = {
    observations: t.map((year, i) => ({ year, value: y[i]! })),
    criterion: selection.criterion,
    criterionNote: selection.criterionNote,
    chosen: fit.model,
    capacity: K,
    capacityFixed,
    scale: inRange ? `${dynamics.label}, median along the pooled ${fit.model} curve` : dynamics.label,
    candidates: selection.table.map((row) => candidate(row, selection.fits[row.model]!, t[0]!, options.toYear)),
    skipped: selection.skipped,
  };
  const warnings: string[] = [];
  if (weightRow.weight < 0.5)
    warnings.push(
      `the ${fit.model} curve has ${CRITERION_NAMES[selection.criterion]} weight ${weightRow.weight.toFixed(2)}: the families disagree (see the diagnostics)`,
    );
  return {
    ok: true,
    projection: {
      method: 'pooled-curve',
      methodNote:
        `${fit.model} growth curve chosen by ${CRITERION_NAMES[selection.criterion]} among ${selection.table.map((r) => r.model).join(', ')}` +
        `${K !== null ? ` (capacity ${fmt(K)}${capacityFixed ? ', the upper bound' : ''})` : ''}; ` +
        `random walk on the ${dynamics.label} around the curve, its slope pooled: ${pooling.summary}`,
      lastYear,
      ...summarise(paths),
      paths,
      nPaths,
      warnings,
      pooling,
      curve,
    },
  };
}

function candidate(row: SelectionRow, fit: CurveFit, firstYear: number, toYear: number): CurveCandidate {
  const line: { year: number; value: number }[] = [];
  for (let year = firstYear; year <= toYear; year++) {
    const value = predictCurve(fit, year);
    if (Number.isFinite(value)) line.push({ year, value });
  }
  return {
    model: row.model,
    k: row.k,
    n: row.n,
    params: fit.params,
    rss: row.rss,
    aicc: row.aicc,
    bic: row.bic,
    deltaAicc: row.deltaAicc,
    weight: row.weight,
    status: row.status,
    line,
    residuals: fit.t
      .map((year, i) => ({ year, residual: fit.residuals[i]! }))
      .filter((r) => Number.isFinite(r.residual)),
  };
}

function summary(r: PoolingReport): string {
  const w = (s: DriftSource) => `${(100 * s.weight).toFixed(0)} %`;
  const d = (x: number) => `${x >= 0 ? '+' : ''}${x.toPrecision(3)}/yr`;
  return [
    `drift ${d(r.posterior.estimate)} ± ${r.posterior.sd.toPrecision(2)} on the ${r.scale}`,
    `prior ${d(r.prior.estimate)} (${r.prior.from}; weight ${w(r.prior)})`,
    r.parent ? `parent ${d(r.parent.estimate)} (${r.parent.from}; weight ${w(r.parent)})` : null,
    r.own ? `own ${d(r.own.estimate)} (${r.own.from}; weight ${w(r.own)})` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

function cAt(fit: CurveFit, year: number): number {
  return predictCurve(fit, year);
}
