import { describe, expect, it } from 'vitest';
import { designMatrix, linearLeastSquares, polynomialDesign } from '../src/index.ts';

describe('linearLeastSquares', () => {
  it('simple regression matches the closed form (slope = Sxy/Sxx, se = σ/√Sxx)', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2];
    const fit = linearLeastSquares(polynomialDesign(x, 1), y);
    const mx = 3.5;
    const my = y.reduce((a, b) => a + b) / 6;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0);
    const slope = sxy / sxx;
    const rss = y.reduce((s, v, i) => s + (v - (my + slope * (x[i]! - mx))) ** 2, 0);
    expect(fit.coefficients[1]).toBeCloseTo(slope, 12);
    expect(fit.coefficients[0]).toBeCloseTo(my - slope * mx, 12);
    expect(fit.rss).toBeCloseTo(rss, 12);
    expect(fit.stderr[1]).toBeCloseTo(Math.sqrt(rss / 4 / sxx), 12);
    expect(fit.dof).toBe(4);
  });

  it('flags a rank-deficient design', () => {
    const X = [
      [1, 2, 4],
      [1, 3, 6],
      [1, 5, 10],
      [1, 7, 14],
    ];
    const fit = linearLeastSquares(X, [1, 2, 3, 4]);
    expect(fit.status).toBe('rank-deficient');
    expect(fit.rank).toBe(2);
    expect(fit.covariance).toBeNull();
  });

  it('designMatrix adds the intercept column', () => {
    expect(
      designMatrix([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 1, 3],
      [1, 2, 4],
    ]);
    expect(polynomialDesign([2], 3, { intercept: false })).toEqual([[2, 4, 8]]);
  });

  it('rejects bad input with fixed-format errors', () => {
    expect(() => linearLeastSquares([[1, 0]], [1])).toThrow(
      'linearLeastSquares requires at least 2 observations, got 1',
    );
    expect(() =>
      linearLeastSquares(
        [
          [1, 0],
          [1, NaN],
        ],
        [1, 2],
      ),
    ).toThrow('linearLeastSquares requires finite X (row 1, column 1)');
    expect(() => linearLeastSquares([[1], [1]], [1, Infinity])).toThrow('linearLeastSquares requires finite y (row 1)');
  });
});
