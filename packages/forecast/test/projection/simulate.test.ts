import { describe, expect, it } from 'vitest';
import { interpolateQuantile, nelderMead, project, simulatePaths, summarise } from '../../src/index.ts';

describe('simulatePaths({kind: calibrated-walk}, options)', () => {
  it('reproduces the calibrated marginal quantiles (quantile mapping), within Monte Carlo error', () => {
    // skewed table: q(0.1) = -1, q(0.5) = 0, q(0.9) = 3 at every horizon
    const table = { probs: [0.001, 0.1, 0.5, 0.9, 0.999], q: [[-3, -1, 0, 3, 9]] };
    const nPaths = 20000;
    const point = [1, 2, 3];
    const paths = simulatePaths(
      { kind: 'calibrated-walk', point, scale: 0.5, n: 11, table },
      { years: [2021, 2022, 2023], nPaths, seed: 3 },
    );
    const sum = summarise(paths);
    const i80 = sum.intervals.find((i) => i.level === 80)!;
    for (let h = 1; h <= 3; h++) {
      const sd = Math.sqrt(h + (h * h) / 10); // base sd for n = 11
      expect(sum.median[h - 1]).toBeCloseTo(point[h - 1]!, 1);
      // P(0.1) and P(0.9) quantiles: point + s·sd·q; MC standard error ≈ 0.02·s·sd
      expect(Math.abs(i80.lower[h - 1]! - (point[h - 1]! - 0.5 * sd))).toBeLessThan(0.06 * sd);
      expect(Math.abs(i80.upper[h - 1]! - (point[h - 1]! + 1.5 * sd))).toBeLessThan(0.1 * sd);
    }
  });

  it('gives random-walk correlation across horizons (corr(h=1, h=4) ≈ 1/2 for n = ∞)', () => {
    // paths come in antithetic pairs whose products x·y are equal: the independent units are the 40,000 pairs
    const nPaths = 80000;
    const paths = simulatePaths(
      { kind: 'calibrated-walk', point: [0, 0, 0, 0], scale: 1, n: Infinity },
      { years: [1, 2, 3, 4], nPaths, seed: 9 },
    ).values;
    let sxy = 0,
      sxx = 0,
      syy = 0;
    for (let p = 0; p < nPaths; p++) {
      const x = paths[p * 4]!;
      const y = paths[p * 4 + 3]!;
      sxy += x * y;
      sxx += x * x;
      syy += y * y;
    }
    // Cov(W1, W4)/sqrt(1·4) = 1/2; the sample correlation's SE is (1 - rho^2)/sqrt(pairs) ~ 0.0038: allow 4 SE
    expect(Math.abs(sxy / Math.sqrt(sxx * syy) - 0.5)).toBeLessThan(0.015);
  });
});

describe('interpolateQuantile(table, h, u)', () => {
  it('interpolates linearly and reuses the last horizon row', () => {
    const t = {
      probs: [0.25, 0.5, 0.75],
      q: [
        [-1, 0, 1],
        [-2, 0, 4],
      ],
    };
    expect(interpolateQuantile(t, 1, 0.375)).toBeCloseTo(-0.5, 12);
    expect(interpolateQuantile(t, 2, 0.625)).toBeCloseTo(2, 12);
    expect(interpolateQuantile(t, 5, 0.625)).toBeCloseTo(2, 12);
    expect(interpolateQuantile(t, 1, 0.875)).toBeCloseTo(1.5, 12); // linear extrapolation
  });
});

describe('nelderMead(f, x0)', () => {
  it('minimises the Rosenbrock function to its known optimum (1, 1)', () => {
    const r = nelderMead(([a, b]) => 100 * (b! - a! * a!) ** 2 + (1 - a!) ** 2, [-1.2, 1], {
      maxIterations: 2000,
      tol: 1e-14,
    });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
});

describe('project(series, {method: family})', () => {
  it('fits a logistic with capacity fixed at the upper bound and stays in bounds', () => {
    const s = { years: [2014, 2015, 2016, 2017, 2018, 2019, 2020], values: [20, 27, 35, 44, 52, 60, 66] };
    const p = project(s, { method: 'logistic', bounds: [0, 100], toYear: 2035 });
    expect(p.method).toBe('logistic');
    expect(p.methodNote).toMatch(/capacity fixed at the upper bound/);
    expect(p.paths.values.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(100);
    expect(p.median[p.median.length - 1]).toBeLessThan(100);
    expect(p.median[p.median.length - 1]).toBeGreaterThan(p.median[0]!);
  });
});
