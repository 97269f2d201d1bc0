import type { GrowthFamily } from '../family.ts';
import { logisticStart } from './logistic.ts';
import { capacityBounds, sigmoid, softplus } from './ols.ts';

/**
 * Richards (generalised logistic) growth y = K / (1 + e^(−r(τ − t0)))^(1/ν): the shape parameter ν > 0 moves the
 * inflection (ν = 1 is the logistic; ν → 0 approaches the Gompertz curve). Start values: the logistic start with ν = 1.
 * Evaluated through log(1 + e^x) (softplus) so extreme τ neither overflow nor lose digits.
 *
 * @example
 * richards.f([100, 0.5, 4, 1], 4); // 50 (ν = 1: logistic)
 */
export const richards: GrowthFamily = {
  name: 'richards',
  params: ['K', 'r', 't0', 'nu'],
  describe: 'y = K / (1 + exp(−r·(τ − t0)))^(1/ν)  (K: capacity; r: rate; t0: location; ν > 0: shape, ν = 1 logistic)',
  f: (th, t) => th[0]! * Math.exp(-softplus(-th[1]! * (t - th[2]!)) / th[3]!),
  jacobian: (th, t, out) => {
    const K = th[0]!;
    const r = th[1]!;
    const nu = th[3]!;
    const u = t - th[2]!;
    const logd = softplus(-r * u); // log(1 + e^(−r u))
    const g = Math.exp(-logd / nu);
    const f = K * g;
    const q = sigmoid(-r * u); // e/(1 + e)
    out[0] = g;
    out[1] = (f * q * u) / nu;
    out[2] = (-f * q * r) / nu;
    out[3] = (f * logd) / (nu * nu);
  },
  init: (t, y, options) => {
    const [K, r, t0] = logisticStart('richards', t, y, options);
    return [K!, r!, t0!, options?.fixed?.nu ?? 1];
  },
  logScale: ['K'],
  bounds: (_t, y) =>
    capacityBounds(y, 4, { lower: [0, -Infinity, -Infinity, 1e-3], upper: [Infinity, Infinity, Infinity, 1e3] }),
  minPoints: 4,
};
