import type { GrowthFamily } from '../family.ts';
import { linearLeastSquares } from '../linear-least-squares.ts';

/**
 * Quadratic trend y = a + b·τ + c·τ² (c: half the constant acceleration).
 *
 * @example
 * quadratic.f([1, 2, 3], 2); // 17
 */
export const quadratic: GrowthFamily = {
  name: 'quadratic',
  params: ['a', 'b', 'c'],
  describe: 'y = a + b·τ + c·τ²  (a: level at the origin; b: initial slope; 2c: acceleration)',
  f: (th, t) => th[0]! + t * (th[1]! + t * th[2]!),
  jacobian: (_th, t, out) => {
    out[0] = 1;
    out[1] = t;
    out[2] = t * t;
  },
  init: (t, y) => {
    const X: number[][] = [];
    for (let i = 0; i < t.length; i++) X.push([1, t[i]!, t[i]! * t[i]!]);
    const c = linearLeastSquares(X, y).coefficients;
    return c.map((v) => (Number.isFinite(v) ? v : 0));
  },
  minPoints: 3,
};
