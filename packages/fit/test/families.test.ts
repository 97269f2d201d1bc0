import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { families, fitCurve, predictCurve, evaluateFamily } from '../src/index.ts';

const t = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

// Parameter ranges where each family is well identified on t = 0..11 (used for the recovery properties).
const ranges: Record<string, [number, number][]> = {
  linear: [
    [-100, 100],
    [-10, 10],
  ],
  exponential: [
    [1, 1000],
    [-0.2, 0.3],
  ],
  logistic: [
    [50, 5000],
    [0.3, 1.2],
    [3, 8],
  ],
  gompertz: [
    [50, 5000],
    [1, 4],
    [0.15, 0.6],
  ],
  richards: [
    [50, 5000],
    [0.4, 1.2],
    [3, 8],
    [0.5, 2],
  ],
  power: [
    [1, 1000],
    [0.2, 2],
  ],
  quadratic: [
    [-100, 100],
    [-10, 10],
    [-1, 1],
  ],
};

describe('growth families', () => {
  for (const [name, family] of Object.entries(families)) {
    it(`${name}.jacobian(θ, τ) agrees with central differences`, () => {
      fc.assert(
        fc.property(
          fc.tuple(...ranges[name]!.map(([a, b]) => fc.double({ min: a, max: b, noNaN: true }))),
          fc.double({ min: 0, max: 12, noNaN: true }),
          (theta, tau) => {
            const g = new Float64Array(theta.length);
            family.jacobian(theta, tau, g);
            for (let j = 0; j < theta.length; j++) {
              const h = 1e-6 * Math.max(1, Math.abs(theta[j]!));
              const up = theta.slice();
              const dn = theta.slice();
              up[j]! += h;
              dn[j]! -= h;
              const fd = (family.f(up, tau) - family.f(dn, tau)) / (2 * h);
              const scale = Math.max(
                1e-8,
                Math.abs(fd),
                Math.abs(family.f(theta, tau)) / Math.max(1, Math.abs(theta[j]!)),
              );
              expect(Math.abs(g[j]! - fd) / scale).toBeLessThan(1e-5);
            }
          },
        ),
        { numRuns: 50, seed: 7 },
      );
    });

    it(`fitCurve(exact ${name} data) recovers the parameters to 1e-6 (property)`, () => {
      fc.assert(
        fc.property(fc.tuple(...ranges[name]!.map(([a, b]) => fc.double({ min: a, max: b, noNaN: true }))), (theta) => {
          const y = t.map((x) => family.f(theta, x));
          const fit = fitCurve({ t, y }, name);
          expect(fit.status).toBe('converged');
          for (let j = 0; j < theta.length; j++) {
            expect(Math.abs(fit.theta[j]! - theta[j]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(theta[j]!)));
          }
        }),
        { numRuns: 25, seed: 11 },
      );
    });
  }

  it('exponential reports CAGR = e^r − 1', () => {
    const y = t.map((x) => 200 * 1.07 ** x);
    const fit = fitCurve({ t: t.map((x) => x + 2010), y }, 'exponential');
    expect(fit.origin).toBe(2010);
    expect(fit.derived.cagr).toBeCloseTo(0.07, 12);
    expect(fit.params.a).toBeCloseTo(200, 9);
    expect(predictCurve(fit, 2030)).toBeCloseTo(200 * 1.07 ** 20, 6);
    expect(evaluateFamily('exponential', fit.theta, 2030, fit.origin)).toBeCloseTo(200 * 1.07 ** 20, 6);
  });

  it('logistic with a fixed capacity {K: 100} (a percentage) estimates r and t0 only', () => {
    const y = t.map((x) => 100 / (1 + Math.exp(-0.5 * (x - 6))));
    const fit = fitCurve({ t, y }, 'logistic', { fixed: { K: 100 } });
    expect(fit.fixed).toEqual(['K']);
    expect(fit.params.K).toBe(100);
    expect(fit.params.r).toBeCloseTo(0.5, 9);
    expect(fit.params.t0).toBeCloseTo(6, 8);
    expect(fit.stderr[0]).toBe(0);
    expect(fit.covariance![0]).toEqual([0, 0, 0]);
    expect(fit.dof).toBe(t.length - 2);
  });

  it('Richards with ν = 1 is the logistic', () => {
    expect(families.richards!.f([100, 0.5, 4, 1], 2.5)).toBeCloseTo(families.logistic!.f([100, 0.5, 4], 2.5), 12);
  });

  it('logistic standard errors agree with a linearised (delta-method) recomputation from the Jacobian', () => {
    // Noisy data: the covariance σ²(JᵀJ)⁻¹ is compared with an independent inverse of JᵀJ by cofactors.
    const noise = [0.8, -1.1, 0.4, 1.5, -0.6, -1.3, 0.9, 0.2, -0.4, 1.0, -0.7, 0.3];
    const y = t.map((x, i) => 300 / (1 + Math.exp(-0.7 * (x - 5))) + 3 * noise[i]!);
    const fit = fitCurve({ t, y }, 'logistic');
    const g = new Float64Array(3);
    const A = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (const x of t) {
      families.logistic!.jacobian(fit.theta, x, g);
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) A[a]![b]! += g[a]! * g[b]!;
    }
    const [a, b, c] = A as [number[], number[], number[]];
    const det =
      a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) -
      a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) +
      a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!);
    const inv00 = (b[1]! * c[2]! - b[2]! * c[1]!) / det;
    const s2 = fit.rss / (t.length - 3);
    expect(fit.stderr[0]! / Math.sqrt(s2 * inv00)).toBeCloseTo(1, 8);
  });
});
