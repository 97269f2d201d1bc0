import type { GrowthFamily } from './family.ts';
import { families } from './families/index.ts';
import { informationCriteria } from './information-criteria.ts';
import { unscaledCovariance } from './linalg/covariance.ts';
import {
  levenbergMarquardt,
  type LevenbergMarquardtOptions,
  type LevenbergMarquardtReason,
  type LevenbergMarquardtStatus,
} from './levenberg-marquardt.ts';

/** A time series to fit: times `t`, values `y`, optional non-negative weights `w`. */
export interface Series {
  t: ArrayLike<number>;
  y: ArrayLike<number>;
  w?: ArrayLike<number>;
}

/**
 * Options of {@link fitCurve}. All optional. The solver tolerances default to 1e-10 here (growth series carry a few
 * significant digits, so 1e-10 relative changes in the RSS or the parameters are far below their precision);
 * {@link levenbergMarquardt} itself defaults to 1e-15 (its NIST certification settings).
 */
export interface FitOptions {
  /** Relative RSS reduction tolerance. @default 1e-10 */
  ftol?: number;
  /** Relative step tolerance. @default 1e-10 */
  xtol?: number;
  /** Gradient (cosine) tolerance. @default 1e-10 */
  gtol?: number;
  /** Maximum LM steps. @default 2000 */
  maxIterations?: number;
  /** Finite-difference scheme for families without an analytic gradient (not used by the built-in ones). @default 'central' */
  finiteDifference?: 'forward' | 'central';
  /** Rank threshold for the covariance (see {@link LevenbergMarquardtOptions.rankTolerance}). @default 1e-12 */
  rankTolerance?: number;
  /** Parameters held at fixed values, by name, e.g. `{K: 100}` for a percentage capacity. @default {} */
  fixed?: Record<string, number>;
  /** Start values by name, overriding the family's automatic start. @default the family's `init` */
  start?: Record<string, number>;
  /** Box bounds by name, `[lower, upper]`, merged over the family's defaults. @default the family's `bounds` */
  bounds?: Record<string, [number, number]>;
  /** Observation weights (overrides `series.w`). @default all 1 */
  weights?: ArrayLike<number>;
  /** Time origin: the family sees τ = t − origin. @default the smallest finite t */
  origin?: number;
  /** Compute the covariance matrix and standard errors. @default true */
  covariance?: boolean;
}

/** Plain-JSON result of {@link fitCurve}. */
export interface CurveFit {
  /** Version of this record's shape (bumped on incompatible changes). */
  schemaVersion: 1;
  /** Family name. */
  model: string;
  paramNames: string[];
  /** Estimates by name. */
  params: Record<string, number>;
  /** Estimates in `paramNames` order (fixed ones included). */
  theta: number[];
  /** Full p × p covariance (rows/columns of fixed parameters are 0), or null if unavailable. */
  covariance: number[][] | null;
  /** Standard errors (0 for fixed parameters, NaN when the covariance is unavailable). */
  stderr: number[];
  /** Names of the parameters held fixed. */
  fixed: string[];
  /**
   * Free parameters that ended on a bound (the family's default or `options.bounds`), e.g. a logistic capacity at
   * 100 · max|y| on data that do not saturate: the fit is then the best within the box, not an interior optimum,
   * and the covariance treats these parameters as fixed (zero standard error).
   */
  atBound: string[];
  /** Time origin: the model is evaluated at τ = t − origin. */
  origin: number;
  rss: number;
  /** Residual standard deviation √(rss / dof). */
  sigma: number;
  dof: number;
  /** Observations used (finite t and y). */
  n: number;
  /** Observations dropped because t or y was not finite. */
  dropped: number;
  aic: number;
  aicc: number;
  bic: number;
  status: LevenbergMarquardtStatus;
  reason: LevenbergMarquardtReason;
  message: string;
  iterations: number;
  evaluations: number;
  /** Times of the observations used. */
  t: number[];
  fitted: number[];
  /** Observation − fitted. */
  residuals: number[];
  /** Family-specific derived quantities (e.g. `cagr` for the exponential). */
  derived: Record<string, number>;
}

function countDistinct(v: Float64Array): number {
  if (v.length > 64) return new Set(v).size;
  let d = 0;
  outer: for (let i = 0; i < v.length; i++) {
    for (let j = 0; j < i; j++) if (v[j] === v[i]) continue outer;
    d++;
  }
  return d;
}

function safeEval(f: GrowthFamily['f'], theta: ArrayLike<number>, t: number): number {
  try {
    return f(theta, t);
  } catch {
    return NaN; // a user model that throws is reported through the solver status
  }
}

/**
 * Looks a family up by name in {@link families}, or passes a descriptor through; unknown names throw TypeError.
 *
 * @example
 * resolveFamily('gompertz').params; // ['K', 'b', 'c']
 */
export function resolveFamily(model: string | GrowthFamily): GrowthFamily {
  if (typeof model !== 'string') return model;
  const family = Object.hasOwn(families, model) ? families[model] : undefined;
  if (!family) throw new TypeError(`fit: unknown model "${model}" (known: ${Object.keys(families).join(', ')})`);
  return family;
}

/**
 * Fits a growth-curve family to a series by (weighted) nonlinear least squares with {@link levenbergMarquardt}
 * and the family's analytic Jacobian, after automatic start values. Non-finite observations are dropped (and
 * counted); too few points, too few distinct times, unknown parameter names and data the start values cannot
 * handle throw RangeError/TypeError with the message format `fit(<model>) requires …`. Numerical trouble is a
 * `status`, never an exception.
 *
 * @example
 * const fit = fitCurve({ t: [2015, 2016, 2017, 2018, 2019], y: [10, 11, 12.1, 13.3, 14.6] }, 'exponential');
 * fit.derived.cagr; // ≈ 0.10
 * fitCurve({ t, y: sharePercent }, 'logistic', { fixed: { K: 100 } });
 */
export function fitCurve(series: Series, model: string | GrowthFamily, options: FitOptions = {}): CurveFit {
  const family = resolveFamily(model);
  const name = family.name;
  const P = family.params.length;
  const { t: tIn, y: yIn } = series;
  if (tIn.length !== yIn.length)
    throw new RangeError(`fit(${name}) requires t and y of equal length (got ${tIn.length} and ${yIn.length})`);
  const wIn = options.weights ?? series.w;
  if (wIn && wIn.length !== yIn.length)
    throw new RangeError(`fit(${name}) requires weights of length ${yIn.length}, got ${wIn.length}`);

  // Fixed parameters.
  const fixed = options.fixed ?? {};
  const isFixed = new Array<boolean>(P).fill(false);
  const full = new Float64Array(P);
  for (const key of Object.keys(fixed)) {
    const j = family.params.indexOf(key);
    if (j < 0)
      throw new TypeError(
        `fit(${name}): unknown parameter "${key}" in options.fixed (parameters: ${family.params.join(', ')})`,
      );
    const v = fixed[key]!;
    if (!Number.isFinite(v)) throw new RangeError(`fit(${name}) requires a finite fixed value for ${key}, got ${v}`);
    isFixed[j] = true;
    full[j] = v;
  }
  const free: number[] = [];
  for (let j = 0; j < P; j++) if (!isFixed[j]) free.push(j);
  const p = free.length;

  // Finite observations.
  let origin = options.origin ?? Infinity;
  let count = 0;
  for (let i = 0; i < yIn.length; i++) {
    if (Number.isFinite(tIn[i]!) && Number.isFinite(yIn[i]!)) {
      count++;
      if (options.origin === undefined && tIn[i]! < origin) origin = tIn[i]!;
    }
  }
  const required = Math.max(1, family.minPoints - (P - p), p);
  if (count < required)
    throw new RangeError(`fit(${name}) requires at least ${required} finite observations, got ${count}`);
  if (!Number.isFinite(origin)) throw new RangeError(`fit(${name}) requires a finite origin, got ${origin}`);
  const n = count;
  const tau = new Float64Array(n);
  const y = new Float64Array(n);
  const tUsed = new Array<number>(n);
  const w = wIn ? new Float64Array(n) : undefined;
  for (let i = 0, k = 0; i < yIn.length; i++) {
    if (!(Number.isFinite(tIn[i]!) && Number.isFinite(yIn[i]!))) continue;
    tUsed[k] = tIn[i]!;
    tau[k] = tIn[i]! - origin;
    y[k] = yIn[i]!;
    if (w) {
      const wi = wIn![i]!;
      if (!(wi >= 0 && wi < Infinity))
        throw new RangeError(`fit(${name}) requires finite non-negative weights (w[${i}] = ${wi})`);
      w[k] = wi;
    }
    k++;
  }
  const distinct = countDistinct(tau);
  if (distinct < p) throw new RangeError(`fit(${name}) requires at least ${p} distinct t values, got ${distinct}`);

  // Start values: automatic unless every free parameter has options.start.
  const start = options.start ?? {};
  for (const key of Object.keys(start)) {
    if (!family.params.includes(key))
      throw new TypeError(
        `fit(${name}): unknown parameter "${key}" in options.start (parameters: ${family.params.join(', ')})`,
      );
  }
  const needInit = free.some((j) => start[family.params[j]!] === undefined);
  const init = needInit ? family.init(tau, y, { fixed }) : [];
  const initial = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const j = free[k]!;
    initial[k] = start[family.params[j]!] ?? init[j]!;
  }
  // Log-scale parameters (see GrowthFamily.logScale): θⱼ = exp(uⱼ) inside the solver.
  const logK = new Uint8Array(p);
  for (let k = 0; k < p; k++) {
    if (family.logScale?.includes(family.params[free[k]!]!) && initial[k]! > 0) {
      logK[k] = 1;
      initial[k] = Math.log(initial[k]!);
    }
  }

  // Bounds.
  let lower: Float64Array | undefined;
  let upper: Float64Array | undefined;
  const fb = typeof family.bounds === 'function' ? family.bounds(tau, y) : family.bounds;
  if (fb || options.bounds) {
    lower = new Float64Array(p).fill(-Infinity);
    upper = new Float64Array(p).fill(Infinity);
    for (let k = 0; k < p; k++) {
      const j = free[k]!;
      const b = options.bounds?.[family.params[j]!];
      lower[k] = b?.[0] ?? fb?.lower?.[j] ?? -Infinity;
      upper[k] = b?.[1] ?? fb?.upper?.[j] ?? Infinity;
      if (!(lower[k]! <= upper[k]!))
        throw new RangeError(`fit(${name}) requires lower <= upper for ${family.params[j]}`);
      if (logK[k]) {
        lower[k] = lower[k]! > 0 ? Math.log(lower[k]!) : -Infinity;
        upper[k] = Math.log(upper[k]!);
      }
    }
  }

  const grad = new Float64Array(P);
  const f = family.f;
  const jac = family.jacobian;
  const setFull = (theta: Float64Array): void => {
    for (let k = 0; k < p; k++) full[free[k]!] = logK[k] ? Math.exp(theta[k]!) : theta[k]!;
  };
  const lm = levenbergMarquardt(
    {
      m: n,
      initial,
      weights: w,
      residuals: (theta, out) => {
        setFull(theta);
        for (let i = 0; i < n; i++) out[i] = f(full, tau[i]!) - y[i]!;
      },
      jacobian: (theta, out) => {
        setFull(theta);
        for (let i = 0; i < n; i++) {
          jac(full, tau[i]!, grad);
          for (let k = 0; k < p; k++) out[k * n + i] = logK[k] ? grad[free[k]!]! * full[free[k]!]! : grad[free[k]!]!;
        }
      },
    },
    {
      ftol: options.ftol ?? 1e-10,
      xtol: options.xtol ?? 1e-10,
      gtol: options.gtol ?? 1e-10,
      maxIterations: options.maxIterations,
      finiteDifference: options.finiteDifference,
      rankTolerance: options.rankTolerance,
      covariance: options.covariance,
      lower,
      upper,
    },
  );

  setFull(Float64Array.from(lm.params));
  const theta = Array.from(full);
  const params: Record<string, number> = {};
  family.params.forEach((nm, j) => (params[nm] = theta[j]!));
  let covariance: number[][] | null = null;
  const stderr = new Array<number>(P).fill(NaN);
  for (let j = 0; j < P; j++) if (isFixed[j]) stderr[j] = 0;
  const atBound: string[] = [];
  const onBound = new Uint8Array(p);
  for (let k = 0; k < p; k++) {
    const v = lm.params[k]!;
    if ((lower && v <= lower[k]!) || (upper && v >= upper[k]!)) {
      onBound[k] = 1;
      atBound.push(family.params[free[k]!]!);
    }
  }
  if (atBound.length > 0) {
    // A parameter on a bound is not an interior optimum: its normal-theory variance is meaningless, so the
    // covariance is that of the remaining parameters with the bounded ones held fixed (zero rows and columns).
    if (options.covariance !== false && lm.dof > 0 && Number.isFinite(lm.sigma)) {
      const interior: number[] = [];
      for (let k = 0; k < p; k++) if (!onBound[k]) interior.push(free[k]!);
      const q = interior.length;
      covariance = Array.from({ length: P }, () => new Array<number>(P).fill(0));
      for (const j of free) stderr[j] = 0;
      if (q > 0) {
        const J = new Float64Array(n * q);
        for (let i = 0; i < n; i++) {
          jac(full, tau[i]!, grad);
          const sw = w ? Math.sqrt(w[i]!) : 1;
          for (let a = 0; a < q; a++) J[a * n + i] = sw * grad[interior[a]!]!;
        }
        const u = unscaledCovariance(n, q, J, options.rankTolerance ?? 1e-12);
        if (u.inverse) {
          const s2 = lm.sigma * lm.sigma;
          for (let a = 0; a < q; a++) {
            for (let b = 0; b < q; b++) covariance[interior[a]!]![interior[b]!] = s2 * u.inverse[a * q + b]!;
            stderr[interior[a]!] = Math.sqrt(covariance[interior[a]!]![interior[a]!]!);
          }
        } else {
          covariance = null;
          for (const j of interior) stderr[j] = NaN;
        }
      }
    }
  } else if (lm.covariance) {
    // Back from log scale: J_u = J_θ · diag(θ) ⇒ cov_θ = diag(θ) cov_u diag(θ).
    const d = (k: number): number => (logK[k] ? full[free[k]!]! : 1);
    covariance = Array.from({ length: P }, () => new Array<number>(P).fill(0));
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) covariance[free[a]!]![free[b]!] = lm.covariance[a]![b]! * d(a) * d(b);
      stderr[free[a]!] = Math.sqrt(covariance[free[a]!]![free[a]!]!);
    }
  }
  const fitted = new Array<number>(n);
  const residuals = new Array<number>(n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    fitted[i] = safeEval(f, full, tau[i]!);
    residuals[i] = y[i]! - fitted[i]!;
    ss += y[i]! * y[i]!;
  }
  const ic = informationCriteria(lm.rss, n, p, ss);
  return {
    schemaVersion: 1,
    model: name,
    paramNames: family.params.slice(),
    params,
    theta,
    covariance,
    stderr,
    fixed: family.params.filter((_, j) => isFixed[j]),
    atBound,
    origin,
    rss: lm.rss,
    sigma: lm.sigma,
    dof: lm.dof,
    n,
    dropped: yIn.length - n,
    aic: ic.aic,
    aicc: ic.aicc,
    bic: ic.bic,
    // a result holding NaN or ±Infinity is never reported as converged
    ...(lm.status === 'converged' && !allFinite(theta, [lm.rss, ...fitted])
      ? {
          status: 'non-finite' as const,
          reason: lm.reason,
          message: `${lm.message}; but the result holds NaN or ±Infinity (values of extreme magnitude? rescale the series)`,
        }
      : { status: lm.status, reason: lm.reason, message: lm.message }),
    iterations: lm.iterations,
    evaluations: lm.evaluations,
    t: tUsed,
    fitted,
    residuals,
    derived: family.derived ? family.derived(full) : {},
  };
}

/**
 * Evaluates a family at time t for parameters θ (e.g. a draw from the fit's covariance): f(θ, t − origin).
 *
 * @example
 * evaluateFamily('exponential', [100, 0.05], 2030, 2020); // 100·e^0.5
 * evaluateFamily(fit.model, draw, year, fit.origin);
 */
export function evaluateFamily(model: string | GrowthFamily, theta: ArrayLike<number>, t: number, origin = 0): number {
  return resolveFamily(model).f(theta, t - origin);
}

/**
 * The fitted curve at time t. Custom (user-defined) families are not in the registry: pass the descriptor.
 *
 * @example
 * predictCurve(fit, 2030);
 */
export function predictCurve(fit: CurveFit, t: number, family?: GrowthFamily): number {
  return (family ?? resolveFamily(fit.model)).f(fit.theta, t - fit.origin);
}

/**
 * Throws unless the fit converged, for callers that must not continue with a failed fit.
 *
 * @example
 * assertConverged(fitCurve(series, 'logistic')); // Error: fit(logistic) did not converge: max-iterations (…)
 */
export function assertConverged(fit: CurveFit): CurveFit {
  if (fit.status !== 'converged') throw new Error(`fit(${fit.model}) did not converge: ${fit.status} (${fit.message})`);
  return fit;
}

function allFinite(...lists: ArrayLike<number>[]): boolean {
  for (const xs of lists) for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i]!)) return false;
  return true;
}
