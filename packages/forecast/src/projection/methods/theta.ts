import { fitSes } from './ses.ts';

/**
 * Standard Theta method (Assimakopoulos & Nikolopoulos 2000) in the form of Hyndman & Billah (2003) and
 * `forecast::thetaf`: SES forecast plus half the OLS trend slope `b`,
 * `ŷ(T+h) = ℓ(T) + (b/2)·(h − 1 + (1 − (1−α)^T)/α)`.
 * @example thetaForecast([1, 2, 3, 4, 5], 2)
 */
export function thetaForecast(x: ArrayLike<number>, horizon: number): number[] {
  const n = x.length;
  if (n < 3) throw new RangeError(`theta requires at least 3 observations, got ${n}`);
  const ses = fitSes(x);
  // OLS slope of x on 0..n-1
  const tMean = (n - 1) / 2;
  let xMean = 0;
  for (let t = 0; t < n; t++) xMean += x[t]! / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tMean) * (x[t]! - xMean);
    sxx += (t - tMean) ** 2;
  }
  const b = sxy / sxx;
  const alpha = Math.max(1e-10, ses.alpha);
  const offset = (1 - (1 - alpha) ** n) / alpha;
  return Array.from({ length: horizon }, (_, i) => ses.level + (b / 2) * (i + offset));
}
