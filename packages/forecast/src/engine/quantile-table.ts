/**
 * A calibration table: for horizons h = 1…H, quantiles `q[h−1][k]` of a standardised forecast error at the
 * probabilities `probs[k]` (increasing, in (0, 1)). Learned from training data by `scripts/calibrate.ts`.
 */
export interface QuantileTable {
  probs: number[];
  /** `q[h − 1]` = quantiles for horizon h; horizons beyond the table reuse the last row. */
  q: number[][];
}

/**
 * Evaluates the table's quantile function at probability `u` for horizon `h` by linear interpolation between
 * tabulated probabilities, and linear extrapolation of the outermost segment beyond them.
 * @example interpolateQuantile({ probs: [0.25, 0.75], q: [[-1, 1]] }, 1, 0.5) // 0
 */
export function interpolateQuantile(table: QuantileTable, h: number, u: number): number {
  const row = table.q[Math.min(h, table.q.length) - 1]!;
  const p = table.probs;
  const k = p.length;
  let i: number;
  if (u <= p[0]!) i = 0;
  else if (u >= p[k - 1]!) i = k - 2;
  else {
    let lo = 0;
    let hi = k - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (p[mid]! <= u) lo = mid;
      else hi = mid;
    }
    i = lo;
  }
  const w = (u - p[i]!) / (p[i + 1]! - p[i]!);
  return row[i]! + w * (row[i + 1]! - row[i]!);
}
