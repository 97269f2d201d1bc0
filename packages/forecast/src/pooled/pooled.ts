/**
 * The pooled projection: an indicator's yearly change on its modelling scale (see `dynamics.ts`) is a random walk
 * whose drift is uncertain. The drift's prior is its type's panel distribution (μ, τ), shifted toward the parent
 * region's observed trend; its own history (endpoints over its span) is combined with that prior by the
 * normal–normal posterior, so the weight of its own drift is span/(span + σ²/τ²) — it grows with the years observed.
 * The noise σ is the type's within-region sd, updated by the own residuals (scaled-χ² posterior with
 * `PRIOR_NOISE_DF` pseudo-observations). Growth rates instead follow an AR(1) reverting toward a typical rate
 * (the type's recent median, shifted toward the parent's and the own recent means).
 * Paths come from the one engine (`simulatePaths`), so seeds, antithetic pairs and path layout are shared.
 */
import { createRng, type Rng } from '@trajectory/core';
import { DEFAULTS } from '../engine/defaults.ts';
import type { Paths } from '../engine/paths.ts';
import { simulatePaths } from '../engine/simulate.ts';
import { summarise } from '../engine/summary.ts';
import type { Projection, YearlySeries } from '../projection/types.ts';
import type { Dynamics } from './dynamics.ts';
import type { TypePrior } from './priors.ts';

/** Pseudo-observations of the type's noise sd in the posterior of σ (a district's own residuals move it). */
export const PRIOR_NOISE_DF = 4;
/** Years of the parent's history used for its recent trend. */
export const PARENT_WINDOW = 5;

/** A parent region's observed series (district ← city ← nation). */
export interface ParentSeries extends YearlySeries {
  region: string;
}

/** Options of {@link projectPooled}. */
export interface PooledOptions {
  dynamics: Dynamics;
  prior: TypePrior;
  parent?: ParentSeries | null;
  toYear: number;
  nPaths: number;
  /** the generator, e.g. `createRng(seed).fork(indicatorId)`; wins over `seed` */
  rng?: Rng;
  /** seed of `createRng` when no `rng` is given. @default DEFAULTS.seed */
  seed?: number;
}

/** One source of the drift (or typical rate): its estimate, sd and posterior weight. */
export interface DriftSource {
  estimate: number;
  sd: number;
  weight: number;
  /** what it is: "panel rd_intensity, 31 regions 2010–2020", "tianjin 2015–2020", "own 2016–2020 (5 years)" */
  from: string;
}

/** Where a pooled projection's numbers come from. Drifts are yearly changes on the modelling scale. */
export interface PoolingReport {
  type: string;
  kind: Dynamics['kind'];
  scale: string;
  prior: DriftSource;
  parent: DriftSource | null;
  own: DriftSource | null;
  /** posterior yearly drift (mean-reverting: the typical rate reverted to) and its sd */
  posterior: { estimate: number; sd: number };
  /** yearly noise sd on the modelling scale (posterior) */
  noiseSd: number;
  /** mean-reverting only: AR(1) coefficient */
  phi: number | null;
  /** the same in words (growth per year in percent for log scales) */
  summary: string;
}

/** A projection with its pooling report. */
export type PooledProjection = Projection & { pooling: PoolingReport };

/**
 * Projects a series with the pooled model (see the module comment).
 * @throws RangeError for an empty series, non-finite values or `toYear` not after the last observation
 * @example
 * const p = projectPooled({ years: [2020], values: [1597] }, { dynamics, prior, toYear: 2025, nPaths: 2000, rng: createRng(1).fork('binhai.hightech_firms') });
 * p.pooling.prior.weight; // 1 with one observation
 */
export function projectPooled(series: YearlySeries, options: PooledOptions): PooledProjection {
  const { years, values } = series;
  if (years.length === 0 || years.length !== values.length)
    throw new RangeError('projectPooled(series): needs at least one observation and one value per year');
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`projectPooled(series): values[${i}] (year ${years[i]}) = ${v}`);
  });
  const lastYear = years[years.length - 1]!;
  const H = options.toYear - lastYear;
  if (!Number.isInteger(H) || H < 1)
    throw new RangeError(
      `projectPooled(series): toYear ${options.toYear} must be after the last observation ${lastYear}`,
    );
  const { dynamics, prior, nPaths } = options;
  const z = values.map((v) => dynamics.forward(v));
  const rng = options.rng ?? createRng(options.seed ?? DEFAULTS.seed);
  const projected = Array.from({ length: H }, (_, i) => lastYear + i + 1);
  const built =
    dynamics.kind === 'mean-reverting'
      ? meanReverting(years, z, options, H, rng)
      : randomWalk(years, z, options, H, rng, projected);
  for (let i = 0; i < built.paths.length; i++) built.paths[i] = dynamics.inverse(built.paths[i]!);
  const paths: Paths = { years: projected, nPaths, values: built.paths };
  const pooling: PoolingReport = { ...built.report, type: prior.type, kind: dynamics.kind, scale: dynamics.label };
  pooling.summary = describe(pooling, dynamics);
  return {
    method: 'pooled',
    methodNote: `pooled ${dynamics.kind === 'mean-reverting' ? 'mean-reverting rate' : 'random walk with uncertain drift'} on the ${dynamics.label}: ${pooling.summary}`,
    lastYear,
    ...summarise(paths),
    paths,
    nPaths,
    warnings: built.warnings,
    pooling,
  };
}

interface Built {
  paths: Float64Array;
  report: Omit<PoolingReport, 'type' | 'kind' | 'scale'>;
  warnings: string[];
}

function priorFrom(prior: TypePrior): string {
  return `panel ${prior.type}, ${prior.nRegions} series ${prior.fromYear}–${prior.toYear}`;
}

/** Precision-weighted combination of normal estimates. */
function combine(sources: { estimate: number; sd: number }[]): { estimate: number; sd: number; weights: number[] } {
  const prec = sources.map((s) => 1 / Math.max(s.sd, 1e-12) ** 2);
  const total = prec.reduce((a, b) => a + b, 0);
  const estimate = sources.reduce((a, s, i) => a + s.estimate * prec[i]!, 0) / total;
  return { estimate, sd: Math.sqrt(1 / total), weights: prec.map((p) => p / total) };
}

/** The parent's recent trend: endpoints over its last `PARENT_WINDOW` years up to the as-of year. */
function parentTrend(parent: ParentSeries | null | undefined, dyn: Dynamics, asOf: number) {
  if (!parent) return null;
  const pts = parent.years
    .map((y, i) => ({ y, z: dyn.forward(parent.values[i]!) }))
    .filter((p) => p.y <= asOf && p.y >= asOf - PARENT_WINDOW && Number.isFinite(p.z));
  if (pts.length < 2) return null;
  const a = pts[0]!;
  const b = pts[pts.length - 1]!;
  return {
    span: b.y - a.y,
    drift: (b.z - a.z) / (b.y - a.y),
    mean: pts.reduce((s, p) => s + p.z, 0) / pts.length,
    from: `${parent.region} ${a.y}–${b.y}`,
    n: pts.length,
    /** years from the middle of the window to the as-of year */
    behind: asOf - pts.reduce((s, p) => s + p.y, 0) / pts.length,
  };
}

function randomWalk(
  years: number[],
  z: number[],
  options: PooledOptions,
  H: number,
  rng: Rng,
  projected: number[],
): Built {
  const { prior, dynamics } = options;
  const warnings: string[] = [];
  const n = years.length;
  const span = years[n - 1]! - years[0]!;
  const tau = prior.betweenSd;
  // own noise: residuals of the yearly changes around the own drift, scaled to one-year steps
  let ss = 0;
  let df = 0;
  const ownDrift = span > 0 ? (z[n - 1]! - z[0]!) / span : null;
  if (ownDrift !== null && n >= 3) {
    for (let i = 1; i < n; i++) {
      const gap = years[i]! - years[i - 1]!;
      ss += (z[i]! - z[i - 1]! - ownDrift * gap) ** 2 / gap;
    }
    df = n - 2;
  }
  // a series' own swings raise σ at most to the 90th percentile of its type's regions: wilder swings are breaks or
  // measurement noise around a level, which a random walk would compound into absurd long-horizon bands
  const sigma = Math.min(
    Math.sqrt((PRIOR_NOISE_DF * prior.noiseSd ** 2 + ss) / (PRIOR_NOISE_DF + df)),
    Math.max(prior.noiseSd, prior.noiseSdP90 ?? Infinity),
  );
  const sources: { estimate: number; sd: number }[] = [{ estimate: prior.drift, sd: tau }];
  // the parent's drift is the child's drift plus a between-region deviation (sd τ) plus its own estimation error
  const par = parentTrend(options.parent, dynamics, years[n - 1]!);
  if (par) sources.push({ estimate: par.drift, sd: Math.sqrt(tau ** 2 + prior.noiseSd ** 2 / par.span) });
  if (ownDrift !== null) sources.push({ estimate: ownDrift, sd: sigma / Math.sqrt(span) });
  const post = combine(sources);
  const weightOf = (i: number): number => post.weights[i]!;
  const report: Built['report'] = {
    prior: { ...sources[0]!, weight: weightOf(0), from: priorFrom(prior) },
    parent: par ? { ...sources[1]!, weight: weightOf(1), from: par.from } : null,
    own:
      ownDrift !== null
        ? {
            ...sources[sources.length - 1]!,
            weight: weightOf(sources.length - 1),
            from: `own ${years[0]}–${years[n - 1]} (${n} observations)`,
          }
        : null,
    posterior: { estimate: post.estimate, sd: post.sd },
    noiseSd: sigma,
    phi: null,
    summary: '',
  };
  if (n === 1) warnings.push('one observation: the drift is the pooled prior (type panel and parent region)');
  const zT = z[n - 1]!;
  // engine: point(h) + σ·(Σε + h·η/√(n'−1)) with 1/(n'−1) = v_post/σ²: the random walk with drift ~ N(m, v)
  const nEff = 1 + sigma ** 2 / Math.max(post.sd ** 2, 1e-18);
  const paths = simulatePaths(
    {
      kind: 'calibrated-walk',
      point: Array.from({ length: H }, (_, i) => zT + (i + 1) * post.estimate),
      scale: sigma,
      n: nEff,
    },
    { years: projected, nPaths: options.nPaths, rng },
  ).values;
  return { paths, report, warnings };
}

function meanReverting(years: number[], z: number[], options: PooledOptions, H: number, rng: Rng): Built {
  const { prior, dynamics } = options;
  const warnings: string[] = [];
  const phi = prior.phi ?? 0.5;
  const sigma = prior.noiseSd;
  const typicalSd = Math.max(prior.typicalSd ?? sigma, 1e-9);
  const n = years.length;
  const lastYear = years[n - 1]!;
  // a rate without a panel of its own type (energy intensity, prices) borrows only φ and σ from the pooled panel:
  // another rate's typical level or its common trend says nothing about it, so it reverts toward its own (and its
  // parent's) recent level
  const typed = !prior.type.startsWith('pooled:');
  const trend = typed ? (prior.typicalTrend ?? 0) : 0;
  // the level a region's rate reverts to, at the last observed year: the type's common level carried along its
  // trend, and the parent's and own recent means carried from their middle year along the same trend
  const stationarySd = sigma / Math.sqrt(Math.max(1e-6, 1 - phi * phi));
  const sources: { estimate: number; sd: number }[] = typed
    ? [{ estimate: (prior.typical ?? 0) + trend * (lastYear - prior.toYear), sd: typicalSd }]
    : [];
  const par = parentTrend(options.parent, dynamics, lastYear);
  if (par)
    sources.push({
      estimate: par.mean + trend * par.behind,
      sd: Math.sqrt(typicalSd ** 2 + stationarySd ** 2 / par.n),
    });
  const recentIdx = years.map((y, i) => (y > lastYear - PARENT_WINDOW ? i : -1)).filter((i) => i >= 0);
  const ownMean = recentIdx.reduce((a, i) => a + z[i]!, 0) / recentIdx.length;
  const ownBehind = lastYear - recentIdx.reduce((a, i) => a + years[i]!, 0) / recentIdx.length;
  sources.push({ estimate: ownMean + trend * ownBehind, sd: stationarySd / Math.sqrt(recentIdx.length) });
  const post = combine(sources);
  const off = typed ? 0 : -1;
  const report: Built['report'] = {
    prior: typed
      ? { ...sources[0]!, weight: post.weights[0]!, from: priorFrom(prior) }
      : { estimate: prior.typical ?? 0, sd: typicalSd, weight: 0, from: `${priorFrom(prior)} (φ and σ only)` },
    parent: par ? { ...sources[1 + off]!, weight: post.weights[1 + off]!, from: par.from } : null,
    own: {
      ...sources[sources.length - 1]!,
      weight: post.weights[sources.length - 1]!,
      from: `own mean ${years[recentIdx[0]!]}–${lastYear} (${recentIdx.length} observations)`,
    },
    posterior: { estimate: post.estimate, sd: post.sd },
    noiseSd: sigma,
    phi,
    summary: '',
  };
  // standard normal innovations from the engine: a unit random walk of H + 1 steps; step H + 1 draws the
  // uncertainty of the level reverted to
  const walk = simulatePaths(
    { kind: 'calibrated-walk', point: new Array<number>(H + 1).fill(0), scale: 1, n: Infinity },
    { years: Array.from({ length: H + 1 }, (_, i) => i + 1), nPaths: options.nPaths, rng },
  ).values;
  const paths = new Float64Array(options.nPaths * H);
  for (let p = 0; p < options.nPaths; p++) {
    const row = p * (H + 1);
    const c0 = post.estimate + post.sd * (walk[row + H]! - walk[row + H - 1]!);
    let x = z[n - 1]!;
    for (let h = 1; h <= H; h++) {
      const e = walk[row + h - 1]! - (h > 1 ? walk[row + h - 2]! : 0);
      // the level reverted to moves with the type's common trend
      const c = c0 + trend * h;
      x = c + phi * (x - c) + sigma * e;
      paths[p * H + h - 1] = x;
    }
  }
  return { paths, report, warnings };
}

function describe(r: PoolingReport, dyn: Dynamics): string {
  const w = (s: DriftSource | null) => (s ? `${(100 * s.weight).toFixed(0)} %` : '—');
  const rate = (d: number) =>
    dyn.kind === 'log'
      ? `${(100 * (Math.exp(d) - 1)).toFixed(1)} %/yr`
      : dyn.kind === 'logit'
        ? `${d >= 0 ? '+' : ''}${d.toFixed(3)} logit/yr`
        : dyn.kind === 'additive'
          ? `${d >= 0 ? '+' : ''}${d.toPrecision(3)}/yr`
          : `${d.toPrecision(3)}`;
  const src = (s: DriftSource | null) => (s ? `${rate(s.estimate)} (${s.from}; weight ${w(s)})` : null);
  const what =
    r.kind === 'mean-reverting'
      ? `reverts toward ${rate(r.posterior.estimate)} (φ = ${r.phi?.toFixed(2)})`
      : `drift ${rate(r.posterior.estimate)} ± ${r.posterior.sd.toFixed(3)}`;
  return [
    what,
    `prior ${src(r.prior)}`,
    r.parent ? `parent ${src(r.parent)}` : null,
    r.own ? `own ${src(r.own)}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}
