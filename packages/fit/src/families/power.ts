import type { GrowthFamily } from '../family.ts';
import { fitLine, requirePositive } from './ols.ts';

/**
 * Power law y = a·s^b with s = τ + 1 (s = 1 at the origin, so the first observation is finite).
 * Start values: least-squares line through (log s, log y).
 *
 * @example
 * power.f([2, 0.5], 3); // 2·4^0.5 = 4
 */
export const power: GrowthFamily = {
  name: 'power',
  params: ['a', 'b'],
  describe: 'y = a·(τ + 1)^b  (a: level at the origin; b: elasticity of y with respect to elapsed time)',
  f: (th, t) => th[0]! * Math.pow(t + 1, th[1]!),
  jacobian: (th, t, out) => {
    const s = t + 1;
    const v = Math.pow(s, th[1]!);
    out[0] = v;
    out[1] = th[0]! * v * Math.log(s);
  },
  init: (t, y) => {
    requirePositive('power', y);
    const n = y.length;
    const lx = new Float64Array(n);
    const ly = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (!(t[i]! > -1)) throw new RangeError(`fit(power) requires t > origin - 1 (t[${i}] = ${t[i]} after shifting)`);
      lx[i] = Math.log(t[i]! + 1);
      ly[i] = Math.log(y[i]!);
    }
    const l = fitLine(lx, ly, n);
    return [Math.exp(l.intercept), l.slope];
  },
  minPoints: 2,
};
