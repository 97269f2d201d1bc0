import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levenbergMarquardt, type LeastSquaresProblem } from '../src/index.ts';

// Exponential-decay test problem y = a·exp(−b·x) (Misra-like), exact data.
const xs = [0, 1, 2, 3, 4, 5, 6, 7];
const expProblem = (y: number[], jac = true): LeastSquaresProblem => ({
  m: xs.length,
  initial: [1, 0.1],
  residuals: (th, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = th[0]! * Math.exp(-th[1]! * xs[i]!) - y[i]!;
  },
  jacobian: jac
    ? (th, out) => {
        for (let i = 0; i < xs.length; i++) {
          const e = Math.exp(-th[1]! * xs[i]!);
          out[i] = e;
          out[xs.length + i] = -th[0]! * xs[i]! * e;
        }
      }
    : undefined,
});
const exact = xs.map((x) => 5 * Math.exp(-0.3 * x));

describe('levenbergMarquardt', () => {
  it('levenbergMarquardt(exact data) converges to the generating parameters', () => {
    const r = levenbergMarquardt(expProblem(exact));
    expect(r.status).toBe('converged');
    expect(r.params[0]).toBeCloseTo(5, 12);
    expect(r.params[1]).toBeCloseTo(0.3, 12);
    expect(r.dof).toBe(6);
  });

  it('central and forward finite differences reach the analytic-Jacobian solution', () => {
    const noisy = exact.map((v, i) => v + 0.01 * Math.sin(3 * i));
    const a = levenbergMarquardt(expProblem(noisy));
    const c = levenbergMarquardt(expProblem(noisy, false), { finiteDifference: 'central' });
    const f = levenbergMarquardt(expProblem(noisy, false), { finiteDifference: 'forward' });
    for (const r of [c, f]) {
      expect(r.status).toBe('converged');
      expect(Math.abs(r.params[0]! - a.params[0]!)).toBeLessThan(1e-7);
      expect(Math.abs(r.params[1]! - a.params[1]!)).toBeLessThan(1e-7);
    }
    expect(c.stderr[1]! / a.stderr[1]!).toBeCloseTo(1, 6);
    expect(c.evaluations).toBeGreaterThan(a.evaluations);
  });

  it('weights: weight 2 on an observation equals duplicating it', () => {
    const noisy = exact.map((v, i) => v + 0.05 * Math.cos(2 * i));
    const w = xs.map((_, i) => (i === 3 ? 2 : 1));
    const weighted = levenbergMarquardt({ ...expProblem(noisy), weights: w });
    const x2 = [...xs, xs[3]!];
    const y2 = [...noisy, noisy[3]!];
    const dup = levenbergMarquardt({
      m: x2.length,
      initial: [1, 0.1],
      residuals: (th, out) => {
        for (let i = 0; i < x2.length; i++) out[i] = th[0]! * Math.exp(-th[1]! * x2[i]!) - y2[i]!;
      },
      jacobian: (th, out) => {
        for (let i = 0; i < x2.length; i++) {
          const e = Math.exp(-th[1]! * x2[i]!);
          out[i] = e;
          out[x2.length + i] = -th[0]! * x2[i]! * e;
        }
      },
    });
    expect(weighted.params[0]).toBeCloseTo(dup.params[0]!, 9);
    expect(weighted.params[1]).toBeCloseTo(dup.params[1]!, 9);
    expect(weighted.rss).toBeCloseTo(dup.rss, 12);
  });

  it('bounds: the solution respects an active upper bound and sits on it', () => {
    const r = levenbergMarquardt(expProblem(exact), { upper: [4, Infinity] });
    expect(r.status).toBe('converged');
    expect(r.params[0]).toBe(4);
    // With a fixed at 4 the optimal b solves a one-dimensional problem; it must beat nearby values.
    const rss = (b: number) => exact.reduce((s, v, i) => s + (4 * Math.exp(-b * xs[i]!) - v) ** 2, 0);
    expect(rss(r.params[1]!)).toBeLessThanOrEqual(rss(r.params[1]! + 1e-4));
    expect(rss(r.params[1]!)).toBeLessThanOrEqual(rss(r.params[1]! - 1e-4));
  });

  it('reports non-finite starting residuals as status non-finite without throwing', () => {
    const r = levenbergMarquardt({ m: 3, initial: [1], residuals: (_th, out) => out.fill(NaN) });
    expect(r.status).toBe('non-finite');
    expect(r.reason).toBe('non-finite');
    expect(r.params).toEqual([1]);
  });

  it('a residual function that throws gives status non-finite', () => {
    const r = levenbergMarquardt({
      m: 3,
      initial: [1],
      residuals: () => {
        throw new Error('boom');
      },
    });
    expect(r.status).toBe('non-finite');
  });

  it('reports max-iterations when the budget is exhausted', () => {
    const r = levenbergMarquardt(expProblem(exact), { maxIterations: 1 });
    expect(r.status).toBe('max-iterations');
    expect(r.iterations).toBe(1);
  });

  it('reports singular-jacobian when a parameter has no effect', () => {
    const r = levenbergMarquardt({
      m: 4,
      initial: [1, 1],
      residuals: (th, out) => {
        for (let i = 0; i < 4; i++) out[i] = th[0]! * i - 2 * i + 0.1 * (i % 2);
      },
    });
    expect(r.status).toBe('singular-jacobian');
    expect(r.covariance).toBeNull();
    expect(r.rank).toBe(1);
  });

  it('terminates within its iteration limit on arbitrary finite inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 12 }),
        fc.tuple(
          fc.double({ min: -1e3, max: 1e3, noNaN: true }),
          fc.double({ min: -5, max: 5, noNaN: true }),
          fc.double({ min: -20, max: 20, noNaN: true }),
        ),
        fc.integer({ min: 1, max: 60 }),
        (y, start, maxIterations) => {
          const m = y.length;
          const r = levenbergMarquardt(
            {
              m,
              initial: start,
              residuals: (th, out) => {
                for (let i = 0; i < m; i++) out[i] = th[0]! / (1 + Math.exp(-th[1]! * (i - th[2]!))) - y[i]!;
              },
            },
            { maxIterations },
          );
          expect(r.iterations).toBeLessThanOrEqual(maxIterations);
          expect(['converged', 'max-iterations', 'singular-jacobian', 'non-finite']).toContain(r.status);
          expect(r.params).toHaveLength(3);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });

  it('rejects invalid options with RangeError', () => {
    expect(() => levenbergMarquardt(expProblem(exact), { ftol: -1 })).toThrow(RangeError);
    expect(() => levenbergMarquardt({ ...expProblem(exact), weights: [1] })).toThrow(
      'levenbergMarquardt weights must have length 8, got 1',
    );
  });
});
