/** Information criteria of a least-squares fit with Gaussian errors (σ counted as a parameter); see {@link informationCriteria}. */
export interface InformationCriteria {
  /** AIC = n(log 2π + 1 + log(RSS/n)) + 2k, k = p + 1. */
  aic: number;
  /** AICc = AIC + 2k(k + 1)/(n − k − 1); +Infinity when n − k − 1 ≤ 0. */
  aicc: number;
  /** BIC = n(log 2π + 1 + log(RSS/n)) + k log n. */
  bic: number;
}

/**
 * AIC, AICc and BIC from the residual sum of squares, the same definitions as R's `AIC(nls)` plus the small-sample
 * term of Hurvich & Tsai (1989), and as the SciPy peer benchmark. An exact fit (RSS = 0) is floored at a relative
 * RSS of 1e-30 · Σy² so criteria stay finite and comparable.
 *
 * @param rss residual sum of squares
 * @param n observations
 * @param p estimated mean-function parameters (σ is added: k = p + 1)
 * @param scale Σy², the reference for the exact-fit floor (0: floor at the smallest positive number)
 * @see Burnham & Anderson (2002), Model Selection and Multimodel Inference, §2.4.
 * @example
 * informationCriteria(2.5, 10, 3).aicc;
 */
export function informationCriteria(rss: number, n: number, p: number, scale = 0): InformationCriteria {
  const k = p + 1;
  if (!(rss >= 0 && rss < Infinity) || n < 1) return { aic: NaN, aicc: NaN, bic: NaN };
  const r = Math.max(rss, 1e-30 * scale, Number.MIN_VALUE);
  const ll = n * (Math.log(2 * Math.PI) + 1 + Math.log(r / n));
  const aic = ll + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  return { aic, aicc, bic: ll + k * Math.log(n) };
}
