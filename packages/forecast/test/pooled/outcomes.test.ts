import { createRng } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import {
  auc,
  crossValidateOutcomes,
  fitLogistic,
  nelderMead,
  type OutcomeCase,
  reliability,
  scoreForecasts,
} from '../../src/index.ts';

describe('fitLogistic(x, y, lambda)', () => {
  it('agrees with a second method (Nelder–Mead on the penalised log-likelihood) and satisfies the score equations', () => {
    const rng = createRng(5);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i++) {
      const a = rng.normal();
      const b = rng.normal();
      x.push([a, b]);
      y.push(rng.uniform() < 1 / (1 + Math.exp(-(0.5 + 1.2 * a - 0.7 * b))) ? 1 : 0);
    }
    const lambda = 2;
    const fit = fitLogistic(x, y, lambda);
    expect(fit.converged).toBe(true);
    const nll = (beta: number[]): number => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const t = beta[0]! + beta[1]! * x[i]![0]! + beta[2]! * x[i]![1]!;
        s += Math.log(1 + Math.exp(t)) - y[i]! * t;
      }
      return s + (lambda / 2) * (beta[1]! ** 2 + beta[2]! ** 2);
    };
    const nm = nelderMead(nll, [0, 0, 0], { maxIterations: 5000, tol: 1e-14 });
    expect(fit.intercept).toBeCloseTo(nm.x[0]!, 3);
    expect(fit.coef[0]).toBeCloseTo(nm.x[1]!, 3);
    expect(fit.coef[1]).toBeCloseTo(nm.x[2]!, 3);
    // score equations: Σ (y − p) = 0 for the intercept; Σ (y − p) x_j = λ β_j for the others
    let s0 = 0;
    let s1 = 0;
    for (let i = 0; i < x.length; i++) {
      const p = 1 / (1 + Math.exp(-(fit.intercept + fit.coef[0]! * x[i]![0]! + fit.coef[1]! * x[i]![1]!)));
      s0 += y[i]! - p;
      s1 += (y[i]! - p) * x[i]![0]!;
    }
    expect(Math.abs(s0)).toBeLessThan(1e-8);
    expect(s1).toBeCloseTo(lambda * fit.coef[0]!, 8);
  });
});

describe('scores', () => {
  it('AUC counts correctly ordered positive–negative pairs (ties ½)', () => {
    // pairs (pos, neg): (0.35,0.1) win, (0.35,0.4) loss, (0.8,·) 2 wins → 3/4
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
  });

  it('Brier skill against the climatological forecast, reliability by equal-width bins', () => {
    const s = scoreForecasts([0.9, 0.2], [1, 0], [0.5, 0.5]);
    expect(s.brier).toBeCloseTo((0.01 + 0.04) / 2, 12);
    expect(s.brierClimatology).toBeCloseTo(0.25, 12);
    expect(s.brierSkill).toBeCloseTo(1 - 0.025 / 0.25, 12);
    expect(reliability([0.05, 0.07, 0.95, 1], [0, 1, 1, 1])).toEqual([
      { lo: 0, hi: 0.1, n: 2, meanP: 0.060000000000000005, observed: 0.5 },
      { lo: 0.9, hi: 1, n: 2, meanP: 0.975, observed: 1 },
    ]);
  });
});

describe('crossValidateOutcomes(cases)', () => {
  it('learns from other families only: a family-specific signal it never saw does not leak', () => {
    const rng = createRng(8);
    const cases: OutcomeCase[] = [];
    for (let f = 0; f < 5; f++)
      for (let i = 0; i < 60; i++) {
        const p = rng.uniform();
        const binding = rng.uniform() < 0.5;
        // truth: met with the statistical probability, binding adds +2 on the logit
        const logit = Math.log(p / (1 - p)) + (binding ? 2 : 0);
        cases.push({
          family: `f${f}`,
          met: rng.uniform() < 1 / (1 + Math.exp(-logit)),
          features: { statisticalProbability: p, binding, ambition: 0, reduction: false, horizon: 5 },
        });
      }
    const cv = crossValidateOutcomes(cases);
    expect(cv.scores.n).toBe(300);
    expect(cv.byFamily.map((b) => b.family)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    // the model adds the binding effect the raw probability misses: better Brier than the statistical one
    expect(cv.scores.brier).toBeLessThan(cv.statisticalScores.brier);
    expect(cv.scores.brierSkill).toBeGreaterThan(0);
    expect(() => crossValidateOutcomes(cases.filter((c) => c.family === 'f0'))).toThrow(/2 families/);
  });
});
