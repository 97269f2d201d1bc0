import type { GrowthFamily } from '../family.ts';
import { fitLine } from './ols.ts';

/**
 * Linear trend y = a + b·τ (a: level at the origin, b: change per unit time).
 *
 * @example
 * linear.f([10, 2], 3); // 16
 */
export const linear: GrowthFamily = {
  name: 'linear',
  params: ['a', 'b'],
  describe: 'y = a + b·τ  (a: level at the origin; b: change per period)',
  f: (th, t) => th[0]! + th[1]! * t,
  jacobian: (_th, t, out) => {
    out[0] = 1;
    out[1] = t;
  },
  init: (t, y) => {
    const l = fitLine(t, y);
    return [l.intercept, l.slope];
  },
  minPoints: 2,
};
