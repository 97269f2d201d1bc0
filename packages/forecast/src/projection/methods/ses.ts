import { nelderMead } from '../nelder-mead.ts';

/** Fitted simple exponential smoothing: smoothing weight, initial and final level, in-sample SSE. */
export interface SesFit {
  alpha: number;
  level0: number;
  level: number;
  sse: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** SSE of one-step SES errors `y(t) − ℓ(t−1)`; also returns the final level. */
function sesRun(x: ArrayLike<number>, alpha: number, level0: number): { sse: number; level: number } {
  let level = level0;
  let sse = 0;
  for (let t = 0; t < x.length; t++) {
    const e = x[t]! - level;
    sse += e * e;
    level += alpha * e;
  }
  return { sse, level };
}

/**
 * Simple exponential smoothing (ETS A,N,N) fitted by least squares over the smoothing weight α ∈ (0.0001, 0.9999)
 * and the initial level, as `forecast::ses` does for additive errors (Hyndman et al. 2008, ch. 2).
 * @example fitSes([3, 3.2, 2.9, 3.1]).alpha
 */
export function fitSes(x: ArrayLike<number>): SesFit {
  const scale = Math.max(1e-12, meanAbsDiff(x), Math.abs(x[0]!) * 1e-6);
  const objective = ([a, l]: number[]): number => sesRun(x, 0.0001 + 0.9998 * sigmoid(a!), x[0]! + l! * scale).sse;
  const best = nelderMead(objective, [0, 0], { step: [1, 1], maxIterations: 300 });
  const alpha = 0.0001 + 0.9998 * sigmoid(best.x[0]!);
  const level0 = x[0]! + best.x[1]! * scale;
  return { alpha, level0, ...sesRun(x, alpha, level0) };
}

/** Mean absolute first difference (scale used to make optimiser steps unit-free). */
export function meanAbsDiff(x: ArrayLike<number>): number {
  let s = 0;
  for (let t = 1; t < x.length; t++) s += Math.abs(x[t]! - x[t - 1]!);
  return x.length > 1 ? s / (x.length - 1) : 0;
}
