/**
 * Inverse of a p × p upper-triangular R by back substitution, column by column:
 * `R⁻¹[j][j] = 1 / R[j][j]`, `R⁻¹[i][j] = −(Σ_{k=i+1..j} R[i][k] R⁻¹[k][j]) / R[i][i]` for i < j.
 * `rAt(i, j)` reads R (for i ≤ j), so R may stay packed in a QR factorisation (diagonal apart, columns of another
 * matrix). The result is written row-major into `out`, whose lower triangle must already be zero.
 *
 * @see Golub & Van Loan, Matrix Computations (4th ed.), §3.1 (triangular systems)
 * @example
 * const rinv = upperTriangularInverse(2, (i, j) => [[2, 1], [0, 4]][i]![j]!); // [0.5, -0.125, 0, 0.25]
 */
export function upperTriangularInverse(
  p: number,
  rAt: (i: number, j: number) => number,
  out: Float64Array = new Float64Array(p * p),
): Float64Array {
  for (let j = p - 1; j >= 0; j--) {
    out[j * p + j] = 1 / rAt(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += rAt(i, k) * out[k * p + j]!;
      out[i * p + j] = -s / rAt(i, i);
    }
  }
  return out;
}
