import { nelderMead } from '../nelder-mead.ts';
import { meanAbsDiff } from './ses.ts';

/** Fitted damped-trend exponential smoothing (ETS A,Ad,N). */
export interface DampedFit {
  alpha: number;
  beta: number;
  phi: number;
  level: number;
  trend: number;
  sse: number;
  converged: boolean;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function run(x: ArrayLike<number>, alpha: number, beta: number, phi: number, l0: number, b0: number) {
  let level = l0;
  let trend = b0;
  let sse = 0;
  for (let t = 0; t < x.length; t++) {
    const e = x[t]! - (level + phi * trend);
    sse += e * e;
    level = level + phi * trend + alpha * e;
    trend = phi * trend + beta * e; // error-correction form, β < α as in forecast::ets
  }
  return { sse, level, trend };
}

/**
 * Damped additive-trend exponential smoothing (Gardner & McKenzie 1985; ETS A,Ad,N of Hyndman et al. 2008)
 * fitted by least squares with Nelder–Mead over α ∈ (0,1), β ∈ (0,α), φ ∈ [0.8, 0.98], ℓ₀ and b₀
 * (the admissible region of `forecast::ets`).
 * @example fitDamped([1, 2, 3, 3.5, 4]).phi
 */
export function fitDamped(x: ArrayLike<number>): DampedFit {
  const n = x.length;
  if (n < 3) throw new RangeError(`damped requires at least 3 observations, got ${n}`);
  const scale = Math.max(1e-12, meanAbsDiff(x), Math.abs(x[0]!) * 1e-6);
  const b0Init = (x[Math.min(n - 1, 2)]! - x[0]!) / Math.min(n - 1, 2);
  const decode = (p: number[]) => {
    const alpha = 0.0001 + 0.9998 * sigmoid(p[0]!);
    const beta = 0.0001 + (alpha - 0.0002) * sigmoid(p[1]!);
    const phi = 0.8 + 0.18 * sigmoid(p[2]!);
    return { alpha, beta, phi, l0: x[0]! + p[3]! * scale, b0: b0Init + p[4]! * scale };
  };
  const objective = (p: number[]): number => {
    const d = decode(p);
    return run(x, d.alpha, d.beta, d.phi, d.l0, d.b0).sse;
  };
  const best = nelderMead(objective, [0, -1, 1, 0, 0], { step: [1, 1, 1, 0.5, 0.5], maxIterations: 600 });
  const d = decode(best.x);
  const r = run(x, d.alpha, d.beta, d.phi, d.l0, d.b0);
  return {
    alpha: d.alpha,
    beta: d.beta,
    phi: d.phi,
    level: r.level,
    trend: r.trend,
    sse: r.sse,
    converged: best.converged,
  };
}

/**
 * Damped-trend forecast `ŷ(T+h) = ℓ(T) + (φ + φ² + … + φ^h)·b(T)`.
 * @example dampedForecast([1, 2, 3, 3.5, 4], 3)
 */
export function dampedForecast(x: ArrayLike<number>, horizon: number): number[] {
  const fit = fitDamped(x);
  const out: number[] = [];
  let cum = 0;
  let p = 1;
  for (let h = 1; h <= horizon; h++) {
    p *= fit.phi;
    cum += p;
    out.push(fit.level + cum * fit.trend);
  }
  return out;
}
