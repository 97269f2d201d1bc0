// Error-free transformations (Dekker 1971, Knuth) for compensated dot products (Ogita, Rump & Oishi 2005, Dot2):
// the result is as accurate as if computed in twice the working precision, then rounded.

const SPLITTER = 134217729; // 2^27 + 1

/**
 * Compensated `c − Σ a[k]·b[k]` (Dot2): used for the residuals of iterative refinement, where cancellation would
 * otherwise erase the digits being refined.
 *
 * @example
 * residualDot2(1, [1e16, 1], [1, 1]); // exact −1e16 (naive summation loses the trailing 1)
 */
export function residualDot2(c: number, a: ArrayLike<number>, b: ArrayLike<number>, n: number = a.length): number {
  let s = c;
  let err = 0;
  for (let k = 0; k < n; k++) {
    const x = -a[k]!;
    const y = b[k]!;
    // TwoProduct(x, y) = (p, e) with p + e = x·y exactly.
    const p = x * y;
    let t = SPLITTER * x;
    const xh = t - (t - x);
    const xl = x - xh;
    t = SPLITTER * y;
    const yh = t - (t - y);
    const yl = y - yh;
    const e = xl * yl - (((p - xh * yh) - xl * yh) - xh * yl);
    // TwoSum(s, p).
    const sum = s + p;
    const z = sum - s;
    const q = (s - (sum - z)) + (p - z);
    s = sum;
    err += q + e;
  }
  return s + err;
}
