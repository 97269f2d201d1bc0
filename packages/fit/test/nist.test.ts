import { describe, expect, it } from 'vitest';
import { loadNist, lre } from '../scripts/nist-data.ts';
import { runLinear, runNonlinear } from '../scripts/nist-run.ts';

// Reference: NIST StRD certified values (https://www.itl.nist.gov/div898/strd/), 11 significant digits for the
// nonlinear problems and 15 for the linear ones; LRE = −log10(|estimate − certified| / |certified|).
const problems = loadNist();
const nonlinear = problems.filter((p) => p.kind === 'nonlinear');
const linear = problems.filter((p) => p.kind === 'linear');

describe('NIST StRD nonlinear regression, default options', () => {
  it('has the 27 problems and 11 linear ones', () => {
    expect(nonlinear).toHaveLength(27);
    expect(linear).toHaveLength(11);
  });

  for (const p of nonlinear) {
    it(`levenbergMarquardt(${p.name}, start 2): parameter LRE >= 6, stderr LRE >= 4, certified RSS`, () => {
      const { fit, result } = runNonlinear(p, 2);
      expect(fit.status).toBe('converged');
      expect(result.paramLRE).toBeGreaterThanOrEqual(6);
      expect(result.stderrLRE).toBeGreaterThanOrEqual(4);
      // RSS to 6 significant digits (tighter than the bar, looser than the 11 printed).
      expect(lre(fit.rss, p.residualSumOfSquares, 11)).toBeGreaterThanOrEqual(6);
      expect(fit.dof).toBe(p.y.length - p.numParameters);
    });
  }

  it('levenbergMarquardt from start 1: all 27 problems with parameter LRE >= 6 (the issue asks 25; the README claims 27)', () => {
    const failing = nonlinear.filter((p) => !(runNonlinear(p, 1).result.paramLRE >= 6)).map((p) => p.name);
    expect(failing).toEqual([]);
  });
});

describe('NIST StRD linear regression', () => {
  for (const p of linear) {
    it(`linearLeastSquares(${p.name}): coefficient LRE >= 7, stderr LRE >= 6`, () => {
      const { fit, result } = runLinear(p);
      expect(fit.status).toBe('ok');
      expect(result.paramLRE).toBeGreaterThanOrEqual(7);
      expect(result.stderrLRE).toBeGreaterThanOrEqual(6);
    });
  }
});
