/** Scores of probability forecasts of binary outcomes: Brier, log loss, AUC, reliability. */

/** One reliability bin: forecasts in `[lo, hi)`, their mean and the observed frequency. */
export interface ReliabilityBin {
  lo: number;
  hi: number;
  n: number;
  meanP: number;
  observed: number;
}

/** Scores of a set of forecasts (see {@link scoreForecasts}). */
export interface ForecastScores {
  n: number;
  brier: number;
  /** Brier score of the climatological forecasts passed in (the base rate of each forecast's training data) */
  brierClimatology: number;
  /** 1 − brier / brierClimatology */
  brierSkill: number;
  /** area under the ROC curve (Mann–Whitney, ties counted ½) */
  auc: number;
  /** mean negative log-likelihood (natural log), forecasts clipped to [1e-6, 1 − 1e-6] */
  logLoss: number;
  /** 10 equal-width bins; empty bins left out */
  reliability: ReliabilityBin[];
}

/**
 * Scores probability forecasts `p` of outcomes `y` (0/1) against climatological forecasts `climatology`.
 * @throws RangeError when the arrays differ in length or are empty
 * @example
 * scoreForecasts([0.9, 0.2], [1, 0], [0.5, 0.5]).brierSkill; // 0.9
 */
export function scoreForecasts(
  p: readonly number[],
  y: readonly number[],
  climatology: readonly number[],
): ForecastScores {
  const n = p.length;
  if (n === 0 || y.length !== n || climatology.length !== n)
    throw new RangeError(`scoreForecasts: ${n} forecasts, ${y.length} outcomes, ${climatology.length} base rates`);
  let brier = 0;
  let brierC = 0;
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    brier += (p[i]! - y[i]!) ** 2 / n;
    brierC += (climatology[i]! - y[i]!) ** 2 / n;
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p[i]!));
    logLoss -= (y[i]! ? Math.log(q) : Math.log(1 - q)) / n;
  }
  return {
    n,
    brier,
    brierClimatology: brierC,
    brierSkill: 1 - brier / brierC,
    auc: auc(p, y),
    logLoss,
    reliability: reliability(p, y),
  };
}

/**
 * Area under the ROC curve: the probability that a random positive gets a higher forecast than a random negative.
 * @example auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 */
export function auc(p: readonly number[], y: readonly number[]): number {
  let pairs = 0;
  let wins = 0;
  for (let i = 0; i < p.length; i++) {
    if (!y[i]) continue;
    for (let j = 0; j < p.length; j++) {
      if (y[j]) continue;
      pairs++;
      wins += p[i]! > p[j]! ? 1 : p[i]! === p[j]! ? 0.5 : 0;
    }
  }
  return pairs === 0 ? Number.NaN : wins / pairs;
}

/**
 * Reliability in `bins` equal-width bins (the last one closed).
 * @example reliability([0.05, 0.95], [0, 1]).map((b) => b.observed); // [0, 1]
 */
export function reliability(p: readonly number[], y: readonly number[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const idx = p.map((_, i) => i).filter((i) => p[i]! >= lo && (p[i]! < hi || (b === bins - 1 && p[i]! <= hi)));
    if (idx.length === 0) continue;
    out.push({
      lo,
      hi,
      n: idx.length,
      meanP: idx.reduce((a, i) => a + p[i]!, 0) / idx.length,
      observed: idx.reduce((a, i) => a + y[i]!, 0) / idx.length,
    });
  }
  return out;
}
