import type { GrowthFamily } from '../family.ts';
import { fitLine, requirePositive } from './ols.ts';

/**
 * Exponential growth y = a·e^(r·τ): constant relative growth, reported as the compound annual growth rate
 * CAGR = e^r − 1 (per unit of t; yearly series give an annual rate).
 * Start values: least-squares line through (τ, log y).
 *
 * @example
 * exponential.derived!([100, Math.log(1.05)]).cagr; // 0.05
 */
export const exponential: GrowthFamily = {
  name: 'exponential',
  params: ['a', 'r'],
  describe: 'y = a·exp(r·τ)  (a: level at the origin; r: continuous growth rate; CAGR = e^r − 1)',
  f: (th, t) => th[0]! * Math.exp(th[1]! * t),
  jacobian: (th, t, out) => {
    const e = Math.exp(th[1]! * t);
    out[0] = e;
    out[1] = th[0]! * t * e;
  },
  init: (t, y, options) => {
    requirePositive('exponential', y);
    const n = y.length;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = Math.log(y[i]!);
    const l = fitLine(t, z, n);
    const r = options?.fixed?.r ?? l.slope;
    return [Math.exp(l.intercept), r];
  },
  minPoints: 2,
  derived: (th) => ({ cagr: Math.expm1(th[1]!), doublingTime: th[1]! > 0 ? Math.LN2 / th[1]! : Infinity }),
};
