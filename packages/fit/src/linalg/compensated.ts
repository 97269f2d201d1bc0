// Error-free transformations (Dekker 1971, Knuth) for compensated dot products (Ogita, Rump & Oishi 2005, Dot2):
// the result is as accurate as if computed in twice the working precision, then rounded.

const SPLITTER = 134217729; // 2^27 + 1

/**
 * Compensated `c − extra − Σ a[k]·b[k]` (Dot2): used for the residuals of iterative refinement, where cancellation would
 * otherwise erase the digits being refined.
 *
 * @example
 * residualDot2(1, [1e16, 1], [1, 1]); // exact −1e16 (naive summation loses the trailing 1)
 */
export function residualDot2(
  c: number,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  n: number = a.length,
  extra = 0,
): number {
  // c − extra, exactly split into s + err.
  const s = c - extra;
  const z0 = s - c;
  const err = c - (s - z0) + (-extra - z0);
  return dot2Accumulate(s, err, a, 0, 1, b, n);
}

/**
 * Compensated `−Σ a[offset + k·stride]·b[k]` for a strided vector `a` (e.g. a column of a column-major matrix).
 *
 * @example
 * negDot2Strided(Float64Array.of(1, 2), 0, 1, Float64Array.of(3, 4), 2); // −11
 */
export function negDot2Strided(
  a: Float64Array,
  offset: number,
  stride: number,
  b: ArrayLike<number>,
  n: number,
): number {
  return dot2Accumulate(0, 0, a, offset, stride, b, n);
}

/** Dot2 loop shared by both: adds `−a[offset + k·stride]·b[k]` to the sum `s` with running error `err`, returns s + err. */
function dot2Accumulate(
  s: number,
  err: number,
  a: ArrayLike<number>,
  offset: number,
  stride: number,
  b: ArrayLike<number>,
  n: number,
): number {
  for (let k = 0; k < n; k++) {
    const x = -a[offset + k * stride]!;
    const y = b[k]!;
    // TwoProduct(x, y) = (p, e) with p + e = x·y exactly.
    const p = x * y;
    let t = SPLITTER * x;
    const xh = t - (t - x);
    const xl = x - xh;
    t = SPLITTER * y;
    const yh = t - (t - y);
    const yl = y - yh;
    const e = xl * yl - (p - xh * yh - xl * yh - xh * yl);
    // TwoSum(s, p).
    const sum = s + p;
    const z = sum - s;
    const q = s - (sum - z) + (p - z);
    s = sum;
    err += q + e;
  }
  return s + err;
}
