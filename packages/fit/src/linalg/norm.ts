/**
 * Euclidean norm of `x[offset], x[offset + stride], …` (`count` entries), safe against overflow and underflow:
 * the plain sum of squares is used when it is finite and normal, otherwise the sum is rescaled by the largest
 * magnitude (the same guarantee as MINPACK's `enorm`, cheaper in the common case).
 *
 * @example
 * euclideanNorm(Float64Array.of(3, 4)); // 5
 */
export function euclideanNorm(x: ArrayLike<number>, count: number = x.length, offset = 0, stride = 1): number {
  let s = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) {
    const v = x[i]!;
    s += v * v;
  }
  if (s < Infinity && (s > 1e-280 || s === 0)) return Math.sqrt(s);
  if (s !== s) return NaN;
  let big = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) big = Math.max(big, Math.abs(x[i]!));
  if (big === 0 || big === Infinity) return big;
  s = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) {
    const v = x[i]! / big;
    s += v * v;
  }
  return big * Math.sqrt(s);
}
