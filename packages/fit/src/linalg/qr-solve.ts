/**
 * Solves the damped least-squares system  [A; D] x ≅ [b; 0]  given the pivoted QR factorisation of A
 * (R in the upper triangle of the column-major `n × n` block `r` with leading dimension `ldr`, permutation
 * `ipvt`) and `qtb` = first n components of Qᵀb. Givens rotations eliminate the diagonal D (`diag`) without
 * forming AᵀA, so the conditioning is that of A, not its square. A port of MINPACK `qrsolv`.
 *
 * On return, the lower triangle of `r` (strictly below the diagonal) and `sdiag` hold the transposed factor S of
 * Pᵀ(AᵀA + DD)P = SᵀS; the upper triangle and the diagonal of `r` are unchanged.
 *
 * @see https://www.netlib.org/minpack/qrsolv.f
 * @example
 * qrSolve(n, r, ldr, ipvt, diag, qtb, x, sdiag, work);
 */
export function qrSolve(
  n: number,
  r: Float64Array,
  ldr: number,
  ipvt: Int32Array,
  diag: Float64Array,
  qtb: Float64Array,
  x: Float64Array,
  sdiag: Float64Array,
  wa: Float64Array,
): void {
  // Copy R and Qᵀb to preserve input and initialise S; save the diagonal of R in x.
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) r[i + j * ldr] = r[j + i * ldr]!;
    x[j] = r[j + j * ldr]!;
    wa[j] = qtb[j]!;
  }
  for (let j = 0; j < n; j++) {
    const l = ipvt[j]!;
    if (diag[l] !== 0) {
      for (let k = j; k < n; k++) sdiag[k] = 0;
      sdiag[j] = diag[l]!;
      let qtbpj = 0;
      for (let k = j; k < n; k++) {
        if (sdiag[k] === 0) continue;
        const rkk = r[k + k * ldr]!;
        let sin: number;
        let cos: number;
        if (Math.abs(rkk) < Math.abs(sdiag[k]!)) {
          const cotan = rkk / sdiag[k]!;
          sin = 0.5 / Math.sqrt(0.25 + 0.25 * cotan * cotan);
          cos = sin * cotan;
        } else {
          const tan = sdiag[k]! / rkk;
          cos = 0.5 / Math.sqrt(0.25 + 0.25 * tan * tan);
          sin = cos * tan;
        }
        r[k + k * ldr] = cos * rkk + sin * sdiag[k]!;
        const temp = cos * wa[k]! + sin * qtbpj;
        qtbpj = -sin * wa[k]! + cos * qtbpj;
        wa[k] = temp;
        for (let i = k + 1; i < n; i++) {
          const rik = r[i + k * ldr]!;
          const t = cos * rik + sin * sdiag[i]!;
          sdiag[i] = -sin * rik + cos * sdiag[i]!;
          r[i + k * ldr] = t;
        }
      }
    }
    sdiag[j] = r[j + j * ldr]!;
    r[j + j * ldr] = x[j]!;
  }
  // Solve the triangular system; a singular S gets a least-squares solution (zero for the null components).
  let nsing = n;
  for (let j = 0; j < n; j++) {
    if (sdiag[j] === 0 && nsing === n) nsing = j;
    if (nsing < n) wa[j] = 0;
  }
  for (let j = nsing - 1; j >= 0; j--) {
    let sum = 0;
    for (let i = j + 1; i < nsing; i++) sum += r[i + j * ldr]! * wa[i]!;
    wa[j] = (wa[j]! - sum) / sdiag[j]!;
  }
  for (let j = 0; j < n; j++) x[ipvt[j]!] = wa[j]!;
}
