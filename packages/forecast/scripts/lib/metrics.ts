/**
 * Forecast accuracy measures of the M3/M4 competitions (Makridakis et al. 2020, IJF 36:54–74, §2.3).
 * Each takes the actuals and forecasts of one series over horizons 1…H and returns the mean over horizons.
 */

/** Symmetric MAPE in percent: mean of 200·|y − f|/(|y| + |f|). */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const f = forecast[i]!;
    s += (200 * Math.abs(y - f)) / (Math.abs(y) + Math.abs(f));
  }
  return s / actual.length;
}

/** In-sample mean absolute first difference: the MASE/MSIS scale for yearly data (m = 1). */
export function naiveScale(train: readonly number[]): number {
  let s = 0;
  for (let i = 1; i < train.length; i++) s += Math.abs(train[i]! - train[i - 1]!);
  return s / (train.length - 1);
}

/** Mean absolute scaled error: mean |y − f| divided by `scale`. */
export function mase(actual: readonly number[], forecast: readonly number[], scale: number): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i]! - forecast[i]!);
  return s / actual.length / scale;
}

/**
 * Mean scaled interval score at level 1 − alpha (Gneiting & Raftery 2007; M4):
 * mean of (U − L) + (2/alpha)(L − y)·1{y < L} + (2/alpha)(y − U)·1{y > U}, divided by `scale`.
 */
export function msis(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  scale: number,
  alpha = 0.05,
): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const l = lower[i]!;
    const u = upper[i]!;
    s += u - l + (y < l ? (2 / alpha) * (l - y) : 0) + (y > u ? (2 / alpha) * (y - u) : 0);
  }
  return s / actual.length / scale;
}
