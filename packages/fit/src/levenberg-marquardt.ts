import { covarianceWorkspace, unscaledCovariance, type CovarianceWorkspace } from './linalg/covariance.ts';
import { lmParameter } from './linalg/lm-parameter.ts';
import { euclideanNorm } from './linalg/norm.ts';
import { applyQt, qrFactor } from './linalg/qr-factor.ts';

const EPSILON = 2.220446049250313e-16;

/**
 * A nonlinear least-squares problem in residual form: minimise Σ wᵢ rᵢ(θ)².
 *
 * `jacobian` writes ∂rᵢ/∂θⱼ column-major: `out[j * m + i]`. Without it, finite differences are used.
 */
export interface LeastSquaresProblem {
  /** Number of residuals m (m ≥ number of parameters for a unique solution). */
  m: number;
  /** Starting values θ₀ (their length fixes the number of parameters p). */
  initial: ArrayLike<number>;
  /** Writes the m residuals rᵢ(θ) (e.g. model − observation) into `out`. May write NaN; must not retain `theta`. */
  residuals(theta: Float64Array, out: Float64Array): void;
  /** Optional analytic Jacobian of the residuals, column-major m × p into `out`. */
  jacobian?(theta: Float64Array, out: Float64Array): void;
  /** Optional non-negative weights wᵢ (residuals are multiplied by √wᵢ). */
  weights?: ArrayLike<number>;
  /**
   * Optional residuals accurate to full relative precision even when they are tiny next to the data (e.g. evaluated in
   * double-double arithmetic). When given, the converged solution is polished by Gauss–Newton steps on these residuals
   * and the RSS is taken from them: needed only for near-exact fits such as NIST Lanczos1 (RSS ≈ 1e-25), where
   * double-precision residuals are pure rounding noise.
   */
  residualsAccurate?(theta: Float64Array, out: Float64Array): void;
}

/** Why the solver stopped. */
export type LevenbergMarquardtReason =
  | 'converged-gradient'
  | 'converged-step'
  | 'converged-reduction'
  | 'max-iterations'
  | 'singular-jacobian'
  | 'non-finite';

/** Overall outcome: `converged`, or the failure kind. */
export type LevenbergMarquardtStatus = 'converged' | 'max-iterations' | 'singular-jacobian' | 'non-finite';

/** Options of {@link levenbergMarquardt}. All optional. */
export interface LevenbergMarquardtOptions {
  /** Stop when both the actual and predicted relative reductions of the RSS are ≤ ftol. @default 1e-15 */
  ftol?: number;
  /** Stop when the trust-region radius is ≤ xtol · ‖D θ‖ (relative step). @default 1e-15 */
  xtol?: number;
  /** Stop when the largest cosine between the residual vector and a Jacobian column is ≤ gtol. @default 1e-15 */
  gtol?: number;
  /** Maximum number of LM steps tried (each costs one residual evaluation). @default 2000 */
  maxIterations?: number;
  /** Initial trust-region radius as a multiple of ‖D θ₀‖ (MINPACK `factor`). @default 100 */
  stepBound?: number;
  /** Moré's scaling D = max over iterations of the Jacobian column norms ('jacobian'), or none ('none'). @default 'jacobian' */
  scaling?: 'jacobian' | 'none';
  /** Finite-difference scheme when the problem has no analytic Jacobian. @default 'central' */
  finiteDifference?: 'forward' | 'central';
  /** Lower bounds on θ (trial points are projected onto the box). @default none */
  lower?: ArrayLike<number>;
  /** Upper bounds on θ. @default none */
  upper?: ArrayLike<number>;
  /** Relative threshold on the pivoted-QR diagonal below which the Jacobian counts as rank-deficient. @default 1e-12 */
  rankTolerance?: number;
  /** Compute the covariance at the solution (one extra Jacobian). @default true */
  covariance?: boolean;
}

/** Plain-JSON result of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtResult {
  /** Estimated parameters θ̂. */
  params: number[];
  /** Standard errors √diag(covariance) (NaN when the covariance is unavailable). */
  stderr: number[];
  /** σ² (JᵀWJ)⁻¹ at θ̂, or null when J is rank-deficient, dof = 0 or it was not requested. */
  covariance: number[][] | null;
  /** Weighted residual sum of squares Σ wᵢ rᵢ². */
  rss: number;
  /** Residual standard deviation √(rss / dof) (NaN when dof = 0). */
  sigma: number;
  /** Degrees of freedom m − p (residuals with zero weight not counted). */
  dof: number;
  /** LM steps tried. */
  iterations: number;
  /** Residual evaluations, including those spent on finite differences. */
  evaluations: number;
  /** Jacobian evaluations (analytic or finite-difference). */
  jacobianEvaluations: number;
  /** Numerical rank of the Jacobian at θ̂ (p when full rank). */
  rank: number;
  status: LevenbergMarquardtStatus;
  reason: LevenbergMarquardtReason;
  /** Human-readable explanation of the status. */
  message: string;
}

interface Workspace {
  m: number;
  p: number;
  inUse: boolean;
  fvec: Float64Array;
  fjac: Float64Array;
  wa4: Float64Array;
  x: Float64Array;
  diag: Float64Array;
  qtf: Float64Array;
  wa1: Float64Array;
  wa2: Float64Array;
  wa3: Float64Array;
  sdiag: Float64Array;
  ipvt: Int32Array;
  fdWork: Float64Array;
  fdWork2: Float64Array;
  sqrtW: Float64Array;
  cov: CovarianceWorkspace;
}

// Workspaces are reused per problem size so batch fitting allocates little; a re-entrant call gets a fresh one.
const workspaces = new Map<number, Workspace>();

function acquire(m: number, p: number): Workspace {
  const key = m * 64 + p;
  const cached = p < 64 ? workspaces.get(key) : undefined;
  if (cached && !cached.inUse) {
    cached.inUse = true;
    return cached;
  }
  const ws: Workspace = {
    m,
    p,
    inUse: true,
    fvec: new Float64Array(m),
    fjac: new Float64Array(m * p),
    wa4: new Float64Array(m),
    x: new Float64Array(p),
    diag: new Float64Array(p),
    qtf: new Float64Array(p),
    wa1: new Float64Array(p),
    wa2: new Float64Array(p),
    wa3: new Float64Array(p),
    sdiag: new Float64Array(p),
    ipvt: new Int32Array(p),
    fdWork: new Float64Array(m),
    fdWork2: new Float64Array(m),
    sqrtW: new Float64Array(m),
    cov: covarianceWorkspace(p),
  };
  if (!cached && p < 64 && workspaces.size < 256) workspaces.set(key, ws);
  return ws;
}

function allFinite(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!(Math.abs(a[i]!) < Infinity)) return false;
  return true;
}

/**
 * Levenberg–Marquardt nonlinear least squares, a port of MINPACK `lmder` (Moré 1978): a trust-region method whose
 * step solves min ‖J p + r‖ subject to ‖D p‖ ≤ Δ via the LM parameter (`lmpar`), with the subproblem solved by
 * pivoted Householder QR and Givens rotations (never the normal equations) and D the running maximum of the
 * Jacobian column norms (Moré's scaling, invariant to parameter units). Adds: weights; box bounds (a step is
 * shortened to the first bound it meets, and a parameter on a bound whose descent direction points outward is frozen
 * for that iteration); central or forward finite differences; and the covariance σ²(JᵀWJ)⁻¹ at the solution from a
 * pivoted QR of the equilibrated Jacobian.
 *
 * Never throws on numerical trouble: non-finite residuals at a trial point shrink the trust region (and if it
 * collapses that way the result is `non-finite`, not `converged`); non-finite starting residuals or Jacobian entries,
 * the iteration limit and rank deficiency are reported in `status`. Invalid options or weights throw RangeError.
 *
 * @see Moré, J. J. (1978). The Levenberg-Marquardt algorithm: implementation and theory. LNM 630.
 * @see https://www.netlib.org/minpack/lmder.f
 * @example
 * const t = [0, 1, 2, 3], y = [1, 2.7, 7.4, 20.1];
 * const fit = levenbergMarquardt({
 *   m: 4, initial: [1, 0.5],
 *   residuals: (th, out) => { for (let i = 0; i < 4; i++) out[i] = th[0]! * Math.exp(th[1]! * t[i]!) - y[i]!; },
 * });
 * fit.params; // ≈ [1, 1]
 */
export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  options: LevenbergMarquardtOptions = {},
): LevenbergMarquardtResult {
  const ftol = options.ftol ?? 1e-15;
  const xtol = options.xtol ?? 1e-15;
  const gtol = options.gtol ?? 1e-15;
  const maxIterations = options.maxIterations ?? 2000;
  const factor = options.stepBound ?? 100;
  const scaled = (options.scaling ?? 'jacobian') === 'jacobian';
  const central = (options.finiteDifference ?? 'central') === 'central';
  const m = problem.m;
  const p = problem.initial.length;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`levenbergMarquardt requires m >= 1 residuals, got ${m}`);
  if (p < 1) throw new RangeError('levenbergMarquardt requires at least 1 parameter');
  if (!(ftol >= 0 && xtol >= 0 && gtol >= 0 && factor > 0 && maxIterations >= 0)) {
    throw new RangeError('levenbergMarquardt requires ftol, xtol, gtol, maxIterations >= 0 and stepBound > 0');
  }
  const lower = options.lower;
  const upper = options.upper;
  const hasBounds = lower !== undefined || upper !== undefined;

  const ws = acquire(m, p);
  try {
    const { fvec, fjac, wa4, x, diag, qtf, wa1, wa2, wa3, sdiag, ipvt, sqrtW } = ws;
    let nActive = m;
    const weights = problem.weights;
    if (weights) {
      if (weights.length !== m)
        throw new RangeError(`levenbergMarquardt weights must have length ${m}, got ${weights.length}`);
      nActive = 0;
      for (let i = 0; i < m; i++) {
        const w = weights[i]!;
        if (!(w >= 0 && w < Infinity))
          throw new RangeError(`levenbergMarquardt weights must be finite and >= 0 (index ${i})`);
        sqrtW[i] = Math.sqrt(w);
        if (w > 0) nActive++;
      }
    }
    const clamp = (v: Float64Array): void => {
      if (!hasBounds) return;
      for (let j = 0; j < p; j++) {
        const lo = lower?.[j] ?? -Infinity;
        const hi = upper?.[j] ?? Infinity;
        if (v[j]! < lo) v[j] = lo;
        else if (v[j]! > hi) v[j] = hi;
      }
    };
    let nfev = 0;
    let njev = 0;
    const evaluate = (theta: Float64Array, out: Float64Array): void => {
      nfev++;
      try {
        problem.residuals(theta, out);
      } catch {
        out.fill(NaN);
      }
      if (weights) for (let i = 0; i < m; i++) out[i]! *= sqrtW[i]!;
    };
    const jacobianAt = (theta: Float64Array, f0: Float64Array, out: Float64Array): void => {
      njev++;
      if (problem.jacobian) {
        try {
          problem.jacobian(theta, out);
        } catch {
          out.fill(NaN);
        }
        if (weights) for (let j = 0; j < p; j++) for (let i = 0; i < m; i++) out[j * m + i]! *= sqrtW[i]!;
        return;
      }
      // Finite differences (residuals already weighted by evaluate()).
      const f1 = ws.fdWork;
      const f2 = ws.fdWork2;
      const rel = central ? 6.055454452393343e-6 /* ε^(1/3) */ : 1.4901161193847656e-8; /* ε^(1/2) */
      for (let j = 0; j < p; j++) {
        const xj = theta[j]!;
        let h = rel * Math.abs(xj);
        if (h === 0) h = rel;
        const lo = lower?.[j] ?? -Infinity;
        const hi = upper?.[j] ?? Infinity;
        if (central && xj - h >= lo && xj + h <= hi) {
          theta[j] = xj + h;
          const hp = theta[j]! - xj;
          evaluate(theta, f1);
          theta[j] = xj - h;
          const hm = xj - theta[j]!;
          evaluate(theta, f2);
          theta[j] = xj;
          for (let i = 0; i < m; i++) out[j * m + i] = (f1[i]! - f2[i]!) / (hp + hm);
        } else {
          // One-sided, away from a bound.
          const sgn = xj + h <= hi ? 1 : -1;
          theta[j] = xj + sgn * h;
          const hh = theta[j]! - xj;
          evaluate(theta, f1);
          theta[j] = xj;
          for (let i = 0; i < m; i++) out[j * m + i] = (f1[i]! - f0[i]!) / hh;
        }
      }
    };

    for (let j = 0; j < p; j++) x[j] = problem.initial[j]!;
    clamp(x);
    const finish = (
      status: LevenbergMarquardtStatus,
      reason: LevenbergMarquardtReason,
      message: string,
      iterations: number,
    ) => {
      if (problem.residualsAccurate && status !== 'non-finite')
        polish(problem, ws, m, p, weights ? sqrtW : null, jacobianAt, () => nfev++);
      const result = buildResult(options, ws, nActive, status, reason, message, iterations, jacobianAt);
      result.evaluations = nfev;
      result.jacobianEvaluations = njev;
      return result;
    };

    if (!allFinite(x, p)) return finish('non-finite', 'non-finite', 'starting values are not finite', 0);
    evaluate(x, fvec);
    if (!allFinite(fvec, m))
      return finish('non-finite', 'non-finite', 'residuals are not finite at the starting values', 0);
    let fnorm = euclideanNorm(fvec, m);
    let par = 0;
    let iter = 0; // LM steps tried
    let first = true;
    let delta = 0;
    let xnorm = 0;
    const active = new Uint8Array(p);
    const jcopy = hasBounds ? new Float64Array(m * p) : fjac;
    outer: for (;;) {
      jacobianAt(x, fvec, fjac);
      if (!allFinite(fjac, m * p)) return finish('non-finite', 'non-finite', 'Jacobian is not finite', iter);
      if (m < p)
        return finish('singular-jacobian', 'singular-jacobian', `fewer residuals (${m}) than parameters (${p})`, iter);
      if (hasBounds) {
        // Active set: a parameter on a bound whose descent direction −Jᵀf points out of the box is frozen for this
        // iteration by zeroing its Jacobian column (the subproblem then gives it a zero step), so the solver moves
        // along the face instead of repeatedly clipping steps.
        active.fill(0);
        for (let j = 0; j < p; j++) {
          const lo = lower?.[j] ?? -Infinity;
          const hi = upper?.[j] ?? Infinity;
          if (x[j]! > lo && x[j]! < hi) continue;
          let g = 0;
          for (let i = 0; i < m; i++) g += fjac[j * m + i]! * fvec[i]!;
          if ((x[j]! <= lo && g > 0) || (x[j]! >= hi && g < 0)) active[j] = 1;
        }
        jcopy.set(fjac);
      }
      refactor: for (;;) {
        if (hasBounds) for (let j = 0; j < p; j++) if (active[j]) fjac.fill(0, j * m, (j + 1) * m);
        qrFactor(m, p, fjac, true, ipvt, wa1, wa2, wa3); // wa1 = rdiag, wa2 = column norms
        if (first) {
          for (let j = 0; j < p; j++) diag[j] = scaled ? (wa2[j] === 0 ? 1 : wa2[j]!) : 1;
          for (let j = 0; j < p; j++) wa3[j] = diag[j]! * x[j]!;
          xnorm = euclideanNorm(wa3, p);
          delta = factor * xnorm;
          if (delta === 0) delta = factor;
        }
        // Qᵀ f; keep the first p components in qtf and put diag(R) back on the diagonal.
        for (let i = 0; i < m; i++) wa4[i] = fvec[i]!;
        applyQt(m, p, fjac, wa4); // m >= p here
        for (let j = 0; j < p; j++) {
          fjac[j * m + j] = wa1[j]!;
          qtf[j] = wa4[j]!;
        }
        // Scaled gradient: largest cosine between f and a column of J.
        let gnorm = 0;
        if (fnorm !== 0) {
          for (let j = 0; j < p; j++) {
            const l = ipvt[j]!;
            if (wa2[l] !== 0) {
              let sum = 0;
              for (let i = 0; i <= j; i++) sum += fjac[j * m + i]! * (qtf[i]! / fnorm);
              gnorm = Math.max(gnorm, Math.abs(sum / wa2[l]!));
            }
          }
        }
        if (gnorm <= gtol)
          return finish('converged', 'converged-gradient', `gradient cosine ${gnorm.toExponential(2)} <= gtol`, iter);
        if (scaled) for (let j = 0; j < p; j++) diag[j] = Math.max(diag[j]!, wa2[j]!);

        for (;;) {
          par = lmParameter(p, fjac, m, ipvt, diag, qtf, delta, par, wa1, sdiag, wa2, wa3);
          if (!(par >= 0 && par < Infinity)) par = 0;
          for (let j = 0; j < p; j++) wa1[j] = -wa1[j]!;
          // Bounds: shorten the step to the first bound it meets (that parameter lands exactly on its bound and is
          // frozen next iteration if the gradient pushes outward); componentwise projection only if that would stall.
          let alpha = 1;
          let block = -1;
          let blockValue = 0;
          if (hasBounds) {
            for (let j = 0; j < p; j++) {
              const sj = wa1[j]!;
              const lo = lower?.[j] ?? -Infinity;
              const hi = upper?.[j] ?? Infinity;
              if (sj < 0 && lo > -Infinity && (lo - x[j]!) / sj < alpha) {
                alpha = (lo - x[j]!) / sj;
                block = j;
                blockValue = lo;
              } else if (sj > 0 && hi < Infinity && (hi - x[j]!) / sj < alpha) {
                alpha = (hi - x[j]!) / sj;
                block = j;
                blockValue = hi;
              }
            }
          }
          if (alpha < 1e-3 && block >= 0 && !active[block] && x[block] === blockValue) {
            // The step leaves the box through a face the parameter already sits on: freeze it and re-solve.
            active[block] = 1;
            fjac.set(jcopy);
            continue refactor;
          }
          const truncated = alpha >= 1e-3;
          for (let j = 0; j < p; j++) wa2[j] = x[j]! + (truncated ? alpha : 1) * wa1[j]!;
          if (truncated) {
            if (block >= 0) wa2[block] = blockValue;
          } else {
            clamp(wa2);
            alpha = 1;
          }
          for (let j = 0; j < p; j++) {
            wa1[j] = wa2[j]! - x[j]!;
            wa3[j] = diag[j]! * wa1[j]!;
          }
          const pnorm = euclideanNorm(wa3, p);
          if (first) delta = Math.min(delta, pnorm);
          first = false;
          iter++;
          evaluate(wa2, wa4);
          let fnorm1 = euclideanNorm(wa4, m);
          const trialFinite = fnorm1 < Infinity;
          if (!trialFinite) fnorm1 = Infinity;
          let actred = -1;
          if (0.1 * fnorm1 < fnorm) actred = 1 - (fnorm1 / fnorm) ** 2;
          // Predicted reduction from the linear model, using R and the permutation; for a step shortened to α times
          // the LM step p it is α(2 − α)‖Jp‖² + 2α·λ‖Dp‖² (relative to ‖f‖²), which is MINPACK's formula at α = 1.
          for (let j = 0; j < p; j++) {
            wa3[j] = 0;
            const temp = wa1[ipvt[j]!]!;
            for (let i = 0; i <= j; i++) wa3[i]! += fjac[j * m + i]! * temp;
          }
          const temp1 = euclideanNorm(wa3, p) / fnorm;
          const temp2sq = (par * pnorm * pnorm) / (fnorm * fnorm);
          const prered = ((2 - alpha) / alpha) * temp1 * temp1 + (2 * temp2sq) / alpha;
          const dirder = -(temp1 * temp1 + temp2sq) / alpha;
          const ratio = prered !== 0 && prered === prered ? actred / prered : 0;
          if (ratio <= 0.25) {
            let temp = actred >= 0 ? 0.5 : (0.5 * dirder) / (dirder + 0.5 * actred);
            if (0.1 * fnorm1 >= fnorm || temp < 0.1 || !(temp === temp)) temp = 0.1;
            delta = temp * Math.min(delta, pnorm / 0.1);
            par = par / temp;
          } else if (par === 0 || ratio >= 0.75) {
            delta = pnorm / 0.5;
            par = 0.5 * par;
          }
          if (ratio >= 1e-4) {
            for (let j = 0; j < p; j++) {
              x[j] = wa2[j]!;
              wa2[j] = diag[j]! * x[j]!;
            }
            for (let i = 0; i < m; i++) fvec[i] = wa4[i]!;
            xnorm = euclideanNorm(wa2, p);
            fnorm = fnorm1;
          }
          const fConverged = Math.abs(actred) <= ftol && prered <= ftol && 0.5 * ratio <= 1;
          const xConverged = delta <= xtol * xnorm;
          const stepLimit = xConverged || delta <= EPSILON * xnorm || !(delta > 0);
          if (stepLimit && !trialFinite) {
            // The trust region collapsed because every nearby trial point is outside the model's finite domain:
            // a stationary point was not reached, so this is not convergence.
            return finish(
              'non-finite',
              'non-finite',
              'residuals are not finite at every trial step near the last iterate (edge of the model domain)',
              iter,
            );
          }
          if (fConverged)
            return finish('converged', 'converged-reduction', 'relative reduction of the RSS <= ftol', iter);
          if (xConverged) return finish('converged', 'converged-step', 'relative step <= xtol', iter);
          if (fnorm === 0) return finish('converged', 'converged-reduction', 'exact fit (RSS = 0)', iter);
          // Tolerances at machine precision: no further progress is possible.
          if (Math.abs(actred) <= EPSILON && prered <= EPSILON && 0.5 * ratio <= 1) {
            return finish('converged', 'converged-reduction', 'relative reduction at machine precision', iter);
          }
          if (delta <= EPSILON * xnorm || !(delta > 0))
            return finish('converged', 'converged-step', 'relative step at machine precision', iter);
          if (gnorm <= EPSILON) return finish('converged', 'converged-gradient', 'gradient at machine precision', iter);
          if (iter >= maxIterations)
            return finish(
              'max-iterations',
              'max-iterations',
              `no convergence within ${maxIterations} iterations`,
              iter,
            );
          if (ratio >= 1e-4) continue outer;
        }
      }
    }
  } finally {
    ws.inUse = false;
  }
}

/** Gauss–Newton polishing with accurate residuals (see {@link LeastSquaresProblem.residualsAccurate}). */
function polish(
  problem: LeastSquaresProblem,
  ws: Workspace,
  m: number,
  p: number,
  sqrtW: Float64Array | null,
  jacobianAt: (theta: Float64Array, f0: Float64Array, out: Float64Array) => void,
  count: () => void,
): void {
  const { x, fvec, fjac, wa1, wa2, wa3, wa4, ipvt, qtf } = ws;
  const accurate = (theta: Float64Array, out: Float64Array): number => {
    count();
    try {
      problem.residualsAccurate!(theta, out);
    } catch {
      out.fill(NaN);
    }
    if (sqrtW) for (let i = 0; i < m; i++) out[i]! *= sqrtW[i]!;
    let s = 0;
    for (let i = 0; i < m; i++) s += out[i]! * out[i]!;
    return s;
  };
  const trialF = new Float64Array(m);
  const trialX = new Float64Array(p);
  let rss = accurate(x, fvec);
  if (!(rss < Infinity)) return;
  for (let pass = 0; pass < 5; pass++) {
    jacobianAt(x, fvec, fjac);
    if (!allFinite(fjac, m * p)) return;
    qrFactor(m, p, fjac, true, ipvt, wa1, wa2, wa3);
    for (let i = 0; i < m; i++) wa4[i] = fvec[i]!;
    applyQt(m, p, fjac, wa4);
    for (let j = p - 1; j >= 0; j--) {
      if (wa1[j] === 0) return;
      let sum = -wa4[j]!;
      for (let i = j + 1; i < p; i++) sum -= fjac[i * m + j]! * qtf[i]!;
      qtf[j] = sum / wa1[j]!;
    }
    for (let j = 0; j < p; j++) trialX[j] = x[j]!;
    for (let j = 0; j < p; j++) trialX[ipvt[j]!]! += qtf[j]!;
    const trialRss = accurate(trialX, trialF);
    if (!(trialRss < rss)) return;
    rss = trialRss;
    x.set(trialX);
    fvec.set(trialF);
  }
}

/** The result at the current iterate (ws.x, ws.fvec), with the covariance from a fresh Jacobian. */
function buildResult(
  options: LevenbergMarquardtOptions,
  ws: Workspace,
  nActive: number,
  status0: LevenbergMarquardtStatus,
  reason0: LevenbergMarquardtReason,
  message0: string,
  iterations: number,
  jacobianAt: (theta: Float64Array, f0: Float64Array, out: Float64Array) => void,
): LevenbergMarquardtResult {
  const { m, p, x, fvec, fjac } = ws;
  let status = status0;
  let reason = reason0;
  let message = message0;
  const params = Array.from(x.subarray(0, p));
  let rss = 0;
  for (let i = 0; i < m; i++) rss += fvec[i]! * fvec[i]!;
  if (!(rss < Infinity)) rss = NaN;
  const dof = nActive - p;
  const sigma = dof > 0 ? Math.sqrt(rss / dof) : NaN;
  let covariance: number[][] | null = null;
  let stderr = new Array<number>(p).fill(NaN);
  let rank = 0;
  if (status !== 'non-finite' && options.covariance !== false && m >= p) {
    jacobianAt(x, fvec, fjac);
    if (allFinite(fjac, m * p)) {
      const u = unscaledCovariance(m, p, fjac, options.rankTolerance ?? 1e-12, ws.cov);
      rank = u.rank;
      if (u.inverse) {
        if (dof > 0) {
          const s2 = sigma * sigma;
          covariance = [];
          for (let a = 0; a < p; a++) {
            const row = new Array<number>(p);
            for (let b = 0; b < p; b++) row[b] = s2 * u.inverse[a * p + b]!;
            covariance.push(row);
          }
          stderr = covariance.map((row, j) => Math.sqrt(row[j]!));
        }
      } else if (status === 'converged') {
        status = 'singular-jacobian';
        reason = 'singular-jacobian';
        message = `Jacobian has rank ${u.rank} < ${p} at the solution: parameters are not identifiable (${message0})`;
      }
    }
  } else if (m < p) {
    rank = m;
  }
  return {
    params,
    stderr,
    covariance,
    rss,
    sigma,
    dof,
    iterations,
    evaluations: 0,
    jacobianEvaluations: 0,
    rank,
    status,
    reason,
    message,
  };
}
