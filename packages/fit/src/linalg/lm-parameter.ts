import { euclideanNorm } from './norm.ts';
import { qrSolve } from './qr-solve.ts';

const DWARF = 2.2250738585072014e-308;

/**
 * Levenberg–Marquardt parameter for a trust region of radius `delta` in the scaled norm ‖D x‖ (Moré 1978,
 * MINPACK `lmpar`): finds λ ≥ 0 such that x = argmin ‖A x + b‖² + λ‖D x‖² satisfies ‖D x‖ ≈ delta (within 10%),
 * or λ = 0 if the Gauss–Newton step already fits inside. A safeguarded Newton iteration on φ(λ) = ‖D x(λ)‖ − delta
 * with bounds [parl, paru]; at most 10 iterations.
 *
 * `r`: column-major n × n (leading dimension `ldr`) holding R of A P = Q R in its upper triangle; `qtb` = (Qᵀb)[0..n).
 * Returns the new λ; the step (for A x ≅ b, so the LM step is −x) is written to `x`.
 *
 * @see Moré, J. J. (1978). The Levenberg–Marquardt algorithm: implementation and theory. LNM 630, 105–116.
 * @example
 * par = lmParameter(n, r, ldr, ipvt, diag, qtb, delta, par, x, sdiag, wa1, wa2);
 */
export function lmParameter(
  n: number,
  r: Float64Array,
  ldr: number,
  ipvt: Int32Array,
  diag: Float64Array,
  qtb: Float64Array,
  delta: number,
  par: number,
  x: Float64Array,
  sdiag: Float64Array,
  wa1: Float64Array,
  wa2: Float64Array,
): number {
  // Gauss–Newton direction (least-squares solution if R is singular).
  let nsing = n;
  for (let j = 0; j < n; j++) {
    wa1[j] = qtb[j]!;
    if (r[j + j * ldr] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa1[j] = 0;
  }
  for (let j = nsing - 1; j >= 0; j--) {
    wa1[j]! /= r[j + j * ldr]!;
    const temp = wa1[j]!;
    for (let i = 0; i < j; i++) wa1[i]! -= r[i + j * ldr]! * temp;
  }
  for (let j = 0; j < n; j++) x[ipvt[j]!] = wa1[j]!;

  let iter = 0;
  for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
  let dxnorm = euclideanNorm(wa2, n);
  let fp = dxnorm - delta;
  if (fp <= 0.1 * delta) return 0;

  // Lower bound parl on λ (only when the Jacobian has full rank).
  let parl = 0;
  if (nsing >= n) {
    for (let j = 0; j < n; j++) {
      const l = ipvt[j]!;
      wa1[j] = diag[l]! * (wa2[l]! / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < j; i++) sum += r[i + j * ldr]! * wa1[i]!;
      wa1[j] = (wa1[j]! - sum) / r[j + j * ldr]!;
    }
    const temp = euclideanNorm(wa1, n);
    parl = fp / delta / temp / temp;
  }
  // Upper bound paru.
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i <= j; i++) sum += r[i + j * ldr]! * qtb[i]!;
    wa1[j] = sum / diag[ipvt[j]!]!;
  }
  const gnorm = euclideanNorm(wa1, n);
  let paru = gnorm / delta;
  if (paru === 0) paru = DWARF / Math.min(delta, 0.1);

  par = Math.max(par, parl);
  par = Math.min(par, paru);
  if (par === 0) par = gnorm / dxnorm;

  for (;;) {
    iter++;
    if (par === 0) par = Math.max(DWARF, 0.001 * paru);
    const s = Math.sqrt(par);
    for (let j = 0; j < n; j++) wa1[j] = s * diag[j]!;
    qrSolve(n, r, ldr, ipvt, wa1, qtb, x, sdiag, wa2);
    for (let j = 0; j < n; j++) wa2[j] = diag[j]! * x[j]!;
    dxnorm = euclideanNorm(wa2, n);
    const previous = fp;
    fp = dxnorm - delta;
    if (Math.abs(fp) <= 0.1 * delta || (parl === 0 && fp <= previous && previous < 0) || iter === 10) break;
    // Newton correction.
    for (let j = 0; j < n; j++) {
      const l = ipvt[j]!;
      wa1[j] = diag[l]! * (wa2[l]! / dxnorm);
    }
    for (let j = 0; j < n; j++) {
      wa1[j]! /= sdiag[j]!;
      const temp = wa1[j]!;
      for (let i = j + 1; i < n; i++) wa1[i]! -= r[i + j * ldr]! * temp;
    }
    const temp = euclideanNorm(wa1, n);
    const parc = fp / delta / temp / temp;
    if (fp > 0) parl = Math.max(parl, par);
    if (fp < 0) paru = Math.min(paru, par);
    par = Math.max(parl, par + parc);
    if (!(par === par)) break;
  }
  return par;
}
