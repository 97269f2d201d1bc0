import { qrFactor } from './qr-factor.ts';
import { upperTriangularInverse } from './triangular-inverse.ts';

/** Result of {@link unscaledCovariance}: (JᵀJ)⁻¹ as a row-major flat array (null when rank-deficient). */
export interface UnscaledCovariance {
  /** Row-major p × p (JᵀJ)⁻¹, or null when J has numerical rank < p. */
  inverse: Float64Array | null;
  /** Numerical rank of J. */
  rank: number;
  /** Estimated 2-norm condition number of the column-equilibrated J (max|Rkk| / min|Rkk|). */
  condition: number;
}

/** Scratch arrays for {@link unscaledCovariance} (reused across calls of the same size). */
export interface CovarianceWorkspace {
  scale: Float64Array;
  ipvt: Int32Array;
  rdiag: Float64Array;
  acnorm: Float64Array;
  wa: Float64Array;
  rinv: Float64Array;
  inverse: Float64Array;
}

/** Allocates a {@link CovarianceWorkspace} for p parameters. */
export function covarianceWorkspace(p: number): CovarianceWorkspace {
  return {
    scale: new Float64Array(p),
    ipvt: new Int32Array(p),
    rdiag: new Float64Array(p),
    acnorm: new Float64Array(p),
    wa: new Float64Array(p),
    rinv: new Float64Array(p * p),
    inverse: new Float64Array(p * p),
  };
}

/**
 * (JᵀJ)⁻¹ from a pivoted Householder QR of the column-equilibrated Jacobian: J D⁻¹ P = Q R, so
 * (JᵀJ)⁻¹ = D⁻¹ P R⁻¹ R⁻ᵀ Pᵀ D⁻¹. Never forms JᵀJ, so it keeps the accuracy of J's own conditioning.
 * Rank: columns with |R_kk| ≤ `rankTolerance` · |R_11| (after equilibration) count as dependent.
 *
 * `jac` is column-major m × p and is overwritten. With a `work` space, the returned `inverse` is `work.inverse`
 * (copy it before the next call).
 *
 * @example
 * const { inverse } = unscaledCovariance(m, p, jac.slice(), 1e-12); // covariance = σ² · inverse
 */
export function unscaledCovariance(
  m: number,
  p: number,
  jac: Float64Array,
  rankTolerance = 1e-12,
  work?: CovarianceWorkspace,
): UnscaledCovariance {
  const w = work ?? covarianceWorkspace(p);
  const scale = w.scale;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += jac[j * m + i]! * jac[j * m + i]!;
    s = Math.sqrt(s);
    if (!(s < Infinity)) return { inverse: null, rank: 0, condition: Infinity };
    if (s === 0) s = 1; // a zero column stays zero: pivoted last, it lowers the rank
    scale[j] = s;
    for (let i = 0; i < m; i++) jac[j * m + i]! /= s;
  }
  if (m < p) return { inverse: null, rank: m, condition: Infinity };
  const { ipvt, rdiag } = w;
  qrFactor(m, p, jac, true, ipvt, rdiag, w.acnorm, w.wa);
  const r0 = Math.abs(rdiag[0]!);
  if (r0 === 0) return { inverse: null, rank: 0, condition: Infinity };
  let rank = 0;
  while (rank < p && Math.abs(rdiag[rank]!) > rankTolerance * r0) rank++;
  const condition = r0 / Math.abs(rdiag[p - 1]!);
  if (rank < p) return { inverse: null, rank, condition };
  // Rinv (upper triangular, p × p, row-major) by back substitution.
  const rAt = (i: number, j: number): number => (i === j ? rdiag[i]! : jac[j * m + i]!);
  const rinv = upperTriangularInverse(p, rAt, w.rinv.fill(0));
  // (RᵀR)⁻¹ = Rinv Rinvᵀ in pivoted order, then un-pivot and un-scale.
  const inverse = w.inverse;
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let k = Math.max(a, b); k < p; k++) s += rinv[a * p + k]! * rinv[b * p + k]!;
      const ia = ipvt[a]!;
      const ib = ipvt[b]!;
      const v = s / (scale[ia]! * scale[ib]!);
      inverse[ia * p + ib] = v;
      inverse[ib * p + ia] = v;
    }
  }
  return { inverse, rank, condition };
}
