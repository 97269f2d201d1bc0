/**
 * The scale a projection is simulated on, so that paths respect the indicator's domain:
 * `logit` for bounded indicators (x ∈ [lo, hi] → logit((x − lo)/(hi − lo))), `log` for positive series,
 * `identity` otherwise.
 */
export interface Scale {
  kind: 'identity' | 'log' | 'logit';
  /** value -> simulation scale (identity, log, or logit within the bounds) */
  forward(x: number): number;
  /** simulation scale -> value */
  inverse(z: number): number;
}

/** Share of the range kept away from a bound so that logit stays finite (0.1%). */
const EDGE = 1e-3;

/**
 * Chooses and builds the simulation scale for a series.
 * @param values observations (already validated as finite)
 * @param bounds optional `[lo, hi]`; values must lie inside
 * @example chooseScale([10, 12], undefined).kind // 'log'
 */
export function chooseScale(values: readonly number[], bounds?: [number, number]): Scale {
  if (bounds) {
    const [lo, hi] = bounds;
    const w = hi - lo;
    const clamp = (p: number): number => Math.min(1 - EDGE, Math.max(EDGE, p));
    return {
      kind: 'logit',
      forward: (x) => {
        const p = clamp((x - lo) / w);
        return Math.log(p / (1 - p));
      },
      inverse: (z) => lo + w / (1 + Math.exp(-z)),
    };
  }
  if (values.every((v) => v > 0)) return { kind: 'log', forward: Math.log, inverse: Math.exp };
  return { kind: 'identity', forward: (x) => x, inverse: (z) => z };
}
