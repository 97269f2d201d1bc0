import { euclideanNorm } from './norm.ts';

const EPSILON = 2.220446049250313e-16;

/**
 * Householder QR factorisation with column pivoting, in place, of the column-major `m × n` matrix `a`
 * (leading dimension `m`): A P = Q R. A port of MINPACK `qrfac` (Moré, Garbow & Hillstrom 1980).
 *
 * On return the strict upper triangle of `a` holds R above the diagonal, `rdiag` holds diag(R), the lower
 * trapezoid holds the Householder vectors (column j: v_j with v_j[j] stored at a[j,j]), `ipvt[j]` is the
 * original index of the j-th pivoted column and `acnorm[j]` the norm of original column j.
 * Pivoting (largest remaining column norm first) makes |R_11| ≥ |R_22| ≥ …, so rank is read off the diagonal.
 *
 * @see https://www.netlib.org/minpack/qrfac.f
 * @example
 * const a = Float64Array.of(1, 1, 1, 0, 1, 2); // 3 × 2, columns [1,1,1] and [0,1,2]
 * qrFactor(3, 2, a, true, new Int32Array(2), new Float64Array(2), new Float64Array(2), new Float64Array(2));
 */
export function qrFactor(
  m: number,
  n: number,
  a: Float64Array,
  pivot: boolean,
  ipvt: Int32Array,
  rdiag: Float64Array,
  acnorm: Float64Array,
  wa: Float64Array,
): void {
  for (let j = 0; j < n; j++) {
    const c = euclideanNorm(a, m, j * m);
    acnorm[j] = c;
    rdiag[j] = c;
    wa[j] = c;
    ipvt[j] = j;
  }
  const minmn = Math.min(m, n);
  for (let j = 0; j < minmn; j++) {
    const cj = j * m;
    if (pivot) {
      let kmax = j;
      for (let k = j; k < n; k++) if (rdiag[k]! > rdiag[kmax]!) kmax = k;
      if (kmax !== j) {
        const ck = kmax * m;
        for (let i = 0; i < m; i++) {
          const t = a[cj + i]!;
          a[cj + i] = a[ck + i]!;
          a[ck + i] = t;
        }
        rdiag[kmax] = rdiag[j]!;
        wa[kmax] = wa[j]!;
        const t = ipvt[j]!;
        ipvt[j] = ipvt[kmax]!;
        ipvt[kmax] = t;
      }
    }
    let ajnorm = euclideanNorm(a, m - j, cj + j);
    if (ajnorm !== 0) {
      if (a[cj + j]! < 0) ajnorm = -ajnorm;
      for (let i = j; i < m; i++) a[cj + i]! /= ajnorm;
      a[cj + j]! += 1;
      const ajj = a[cj + j]!;
      for (let k = j + 1; k < n; k++) {
        const ck = k * m;
        let sum = 0;
        for (let i = j; i < m; i++) sum += a[cj + i]! * a[ck + i]!;
        const temp = sum / ajj;
        for (let i = j; i < m; i++) a[ck + i]! -= temp * a[cj + i]!;
        if (pivot && rdiag[k] !== 0) {
          const r = a[ck + j]! / rdiag[k]!;
          rdiag[k]! *= Math.sqrt(Math.max(0, 1 - r * r));
          const q = rdiag[k]! / wa[k]!;
          if (0.05 * q * q <= EPSILON) {
            rdiag[k] = euclideanNorm(a, m - j - 1, ck + j + 1);
            wa[k] = rdiag[k]!;
          }
        }
      }
    }
    rdiag[j] = -ajnorm;
  }
}

/**
 * Applies Qᵀ (from {@link qrFactor}, before the diagonal is overwritten) to the vector `b` of length m in place.
 *
 * @example
 * applyQt(m, n, a, b); // b ← Qᵀ b
 */
export function applyQt(m: number, n: number, a: Float64Array, b: Float64Array): void {
  const minmn = Math.min(m, n);
  for (let j = 0; j < minmn; j++) reflect(m, a, j, b);
}

/**
 * Applies Q (from {@link qrFactor}) to the vector `b` of length m in place: the reflections in reverse order.
 *
 * @example
 * applyQ(m, n, a, b); // b ← Q b
 */
export function applyQ(m: number, n: number, a: Float64Array, b: Float64Array): void {
  for (let j = Math.min(m, n) - 1; j >= 0; j--) reflect(m, a, j, b);
}

/** Applies the j-th Householder reflection (column j of `a` from row j, scaled so a[j][j] carries it) to `b`. */
function reflect(m: number, a: Float64Array, j: number, b: Float64Array): void {
  const cj = j * m;
  const ajj = a[cj + j]!;
  if (ajj === 0) return;
  let sum = 0;
  for (let i = j; i < m; i++) sum += a[cj + i]! * b[i]!;
  const temp = -sum / ajj;
  for (let i = j; i < m; i++) b[i]! += temp * a[cj + i]!;
}
