import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertConverged,
  defineFamily,
  expressionFamily,
  families,
  fitCurve,
  predictCurve,
  selectCurve,
} from '../src/index.ts';

const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
const noise = [0.01, -0.012, 0.006, 0.015, -0.009, -0.004, 0.011, -0.014, 0.003, 0.008];
const logisticData = years.map((t, i) => (800 / (1 + Math.exp(-0.6 * (t - 2018)))) * (1 + noise[i]!));
const expData = years.map((t, i) => 120 * Math.exp(0.08 * (t - 2014)) * (1 + noise[i]!));

describe('fitCurve bad input', () => {
  it('drops non-finite observations and counts them', () => {
    const y = logisticData.slice();
    y[2] = NaN;
    y[5] = Infinity;
    const fit = fitCurve({ t: years, y }, 'logistic');
    expect(fit.n).toBe(8);
    expect(fit.dropped).toBe(2);
    expect(fit.t).not.toContain(2016);
  });

  it('fewer finite points than parameters: RangeError with the fixed message', () => {
    expect(() => fitCurve({ t: [1, 2, 3], y: [1, NaN, 2] }, 'logistic')).toThrow(
      new RangeError('fit(logistic) requires at least 3 finite observations, got 2'),
    );
    expect(() => fitCurve({ t: [1], y: [1] }, 'exponential')).toThrow(
      'fit(exponential) requires at least 2 finite observations, got 1',
    );
  });

  it('duplicate t values that leave too few distinct times: RangeError', () => {
    expect(() => fitCurve({ t: [1, 1, 1, 2], y: [1, 2, 3, 4] }, 'quadratic')).toThrow(
      'fit(quadratic) requires at least 3 distinct t values, got 2',
    );
    // Replicates are fine otherwise.
    expect(fitCurve({ t: [1, 1, 2, 2, 3], y: [1, 1.2, 2, 2.1, 3] }, 'linear').status).toBe('converged');
  });

  it('non-positive values for a log-based start: RangeError naming the index', () => {
    expect(() => fitCurve({ t: [0, 1, 2, 3], y: [1, 0, 2, 3] }, 'exponential')).toThrow(
      'fit(exponential) requires positive observations for automatic start values (y[1] = 0); pass options.start',
    );
    // With explicit start values the fit proceeds.
    const fit = fitCurve({ t: [0, 1, 2, 3], y: [-1, -2, -4, -8] }, 'exponential', { start: { a: -1, r: 0.5 } });
    expect(fit.params.r).toBeCloseTo(Math.LN2, 10);
  });

  it('unknown model or parameter names: TypeError', () => {
    expect(() => fitCurve({ t: years, y: expData }, 'weibull')).toThrow(TypeError);
    expect(() => fitCurve({ t: years, y: expData }, 'logistic', { fixed: { C: 1 } })).toThrow(
      'fit(logistic): unknown parameter "C" in options.fixed (parameters: K, r, t0)',
    );
  });

  it('constant series: linear is exact, logistic reports a singular Jacobian instead of throwing', () => {
    const y = years.map(() => 42);
    expect(fitCurve({ t: years, y }, 'linear').params.b).toBeCloseTo(0, 12);
    const fit = fitCurve({ t: years, y }, 'logistic');
    expect(['singular-jacobian', 'converged']).toContain(fit.status);
    expect(fit.fitted.every((v) => Math.abs(v - 42) < 1e-6)).toBe(true);
  });

  it('a user model that throws or returns NaN gives status non-finite', () => {
    const thrower = defineFamily({
      name: 'thrower',
      params: ['a'],
      f: () => {
        throw new Error('bad');
      },
    });
    expect(fitCurve({ t: years, y: expData }, thrower).status).toBe('non-finite');
    const nan = defineFamily({ name: 'nan', params: ['a'], f: (th) => (th[0]! > 1.5 ? NaN : th[0]!), start: [1] });
    const fit = fitCurve({ t: years, y: expData }, nan);
    expect(fit.status).toBe('non-finite');
    expect(fit.params.a).toBeLessThanOrEqual(1.5);
  });
});

describe('fitCurve', () => {
  it('fitCurve(series, logistic) on noisy logistic data is within 3 standard errors of the truth', () => {
    const fit = fitCurve({ t: years, y: logisticData }, 'logistic');
    expect(fit.status).toBe('converged');
    expect(Math.abs(fit.params.K! - 800)).toBeLessThan(3 * fit.stderr[0]!);
    expect(Math.abs(fit.params.r! - 0.6)).toBeLessThan(3 * fit.stderr[1]!);
    expect(Math.abs(fit.params.t0! - 4)).toBeLessThan(3 * fit.stderr[2]!);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit); // plain JSON
  });

  it('a logistic on non-saturating data stops at the capacity bound and says so', () => {
    const fit = fitCurve({ t: years, y: expData }, 'logistic');
    expect(fit.atBound).toEqual(['K']);
    expect(fit.params.K).toBeCloseTo(100 * Math.max(...expData), 6);
  });

  it('weights from the series are used (zero weight ignores an outlier)', () => {
    const y = expData.slice();
    y[4] = 10 * y[4]!;
    const w = years.map((_, i) => (i === 4 ? 0 : 1));
    const a = fitCurve({ t: years, y, w }, 'exponential');
    const b = fitCurve({ t: years.filter((_, i) => i !== 4), y: expData.filter((_, i) => i !== 4) }, 'exponential');
    expect(a.params.r).toBeCloseTo(b.params.r!, 9);
    expect(a.dof).toBe(b.dof);
  });

  it('expressionFamily reproduces the built-in logistic fit', () => {
    const fam = expressionFamily('K / (1 + exp(-r * (t - t0)))', { params: ['K', 'r', 't0'], start: [900, 0.5, 4] });
    const a = fitCurve({ t: years, y: logisticData }, fam);
    const b = fitCurve({ t: years, y: logisticData }, 'logistic');
    for (let j = 0; j < 3; j++) expect(a.theta[j]! / b.theta[j]!).toBeCloseTo(1, 7);
    expect(a.stderr[0]! / b.stderr[0]!).toBeCloseTo(1, 5);
    expect(predictCurve(a, 2030, fam)).toBeCloseTo(predictCurve(b, 2030), 4);
  });

  it('expressionFamily rejects anything beyond arithmetic and elementary functions', () => {
    expect(() => expressionFamily('a = 3', { params: ['a'] })).toThrow(TypeError);
    expect(() => expressionFamily('evaluate("1")', { params: ['a'] })).toThrow('function "evaluate" is not allowed');
    expect(() => expressionFamily('a * x', { params: ['a'] })).toThrow('unknown symbol "x"');
    expect(() => expressionFamily('[1, 2]', { params: ['a'] })).toThrow(TypeError);
  });
});

describe('selectCurve', () => {
  it('selectCurve(logistic data) picks the logistic; (exponential data) the exponential; weights sum to 1', () => {
    const a = selectCurve({ t: years, y: logisticData });
    expect(a.best?.model).toBe('logistic');
    const b = selectCurve({ t: years, y: expData }, { models: ['linear', 'exponential', 'logistic', 'gompertz'] });
    expect(b.best?.model).toBe('exponential');
    for (const s of [a, b]) {
      expect(s.table[0]!.deltaAicc).toBe(0);
      expect(s.table.reduce((x, r) => x + r.weight, 0)).toBeCloseTo(1, 12);
      const criteria = s.table.filter((r) => r.status === 'converged').map((r) => r.aicc);
      expect(criteria).toEqual([...criteria].sort((x, y) => x - y));
    }
  });

  it('two points admit only two-parameter families; the rest are skipped with a reason', () => {
    const s = selectCurve({ t: [2020, 2021], y: [10, 12] });
    expect(s.table.map((r) => r.model).sort()).toEqual(['exponential', 'linear', 'power']);
    expect(s.skipped.map((r) => r.model).sort()).toEqual(['gompertz', 'logistic', 'quadratic', 'richards']);
    expect(s.skipped.find((r) => r.model === 'logistic')!.reason).toBe(
      'needs at least 4 finite observations for 3 parameters, has 2',
    );
    expect(s.best?.model).toBe('linear');
  });

  it('three points: AICc is undefined for every candidate, so the fits are ranked by AIC (and say so)', () => {
    // Tianjin's national high-tech firms 2016, 2017, 2019 (shared/data/tianjin-annual): RSS decides between
    // the two-parameter families, not their order in the list
    const s = selectCurve({ t: [2016, 2017, 2019], y: [3265, 4093, 6106] }, { models: ['linear', 'exponential'] });
    expect(s.criterion).toBe('aic');
    expect(s.criterionNote).toMatch(/AICc is undefined for n = 3/);
    const byRss = [...s.table].sort((a, b) => a.rss - b.rss).map((r) => r.model);
    expect(s.table.map((r) => r.model)).toEqual(byRss); // equal k: AIC order is RSS order
    expect(s.best?.model).toBe(byRss[0]);
    expect(s.table.reduce((x, r) => x + r.weight, 0)).toBeCloseTo(1, 12);
    expect(selectCurve({ t: years, y: expData }, { models: ['linear', 'exponential'] }).criterionNote).toBeNull();
  });

  it('families that cannot start on the data are skipped, not fatal', () => {
    const s = selectCurve({ t: [0, 1, 2, 3, 4, 5], y: [-1, 0, 1, 2, 3, 4] });
    expect(s.best?.model).toBe('linear');
    expect(
      s.skipped.some((r) => r.model === 'exponential' && r.reason.startsWith('fit(exponential) requires positive')),
    ).toBe(true);
  });

  it('the registry has the seven built-in families', () => {
    expect(Object.keys(families)).toEqual([
      'linear',
      'exponential',
      'logistic',
      'gompertz',
      'richards',
      'power',
      'quadratic',
    ]);
  });
});

describe('fitCurve on arbitrary input (property)', () => {
  it('returns a status or throws a fixed-format RangeError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e4, max: 1e4 }), fc.constantFrom(NaN, Infinity, 0)), {
          minLength: 0,
          maxLength: 12,
        }),
        fc.constantFrom(...Object.keys(families)),
        (y, model) => {
          const t = y.map((_, i) => 2010 + Math.floor(i / 2) * 2 + (i % 2));
          try {
            const fit = fitCurve({ t, y }, model, { maxIterations: 200 });
            expect(['converged', 'max-iterations', 'singular-jacobian', 'non-finite']).toContain(fit.status);
            expect(fit.iterations).toBeLessThanOrEqual(200);
            expect(fit.theta).toHaveLength(families[model]!.params.length);
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
            expect((error as Error).message).toMatch(new RegExp(`^fit\\(${model}\\) requires `));
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('fitCurve covariance at a bound', () => {
  it('treats a parameter on its bound as fixed: zero row, and the rest equal to the fit with it fixed', () => {
    const y = years.map((t, i) => 120 * Math.exp(0.08 * (t - 2014)) * (1 + noise[i]!));
    const bounded = fitCurve({ t: years, y }, 'logistic');
    expect(bounded.atBound).toEqual(['K']);
    expect(bounded.stderr[0]).toBe(0);
    expect(bounded.covariance![0]).toEqual([0, 0, 0]);
    const fixed = fitCurve({ t: years, y }, 'logistic', { fixed: { K: bounded.params.K! }, ftol: 1e-15, xtol: 1e-15 });
    expect(bounded.params.r! / fixed.params.r!).toBeCloseTo(1, 6);
    // Same σ (dof counts K as estimated in the bounded fit, so scale by the dof ratio).
    const ratio = Math.sqrt((bounded.dof / fixed.dof) * (fixed.rss / bounded.rss));
    expect((bounded.stderr[1]! * ratio) / fixed.stderr[1]!).toBeCloseTo(1, 4);
  });

  it('rejects weights that are negative or of the wrong length', () => {
    expect(() => fitCurve({ t: years, y: expData, w: years.map(() => -1) }, 'exponential')).toThrow(
      'fit(exponential) requires finite non-negative weights (w[0] = -1)',
    );
    expect(() => fitCurve({ t: years, y: expData, w: [1] }, 'exponential')).toThrow(
      'fit(exponential) requires weights of length 10, got 1',
    );
    expect(() => fitCurve({ t: [1, 2], y: [1, 2, 3] }, 'linear')).toThrow(
      'fit(linear) requires t and y of equal length (got 2 and 3)',
    );
  });
});

describe('assertConverged', () => {
  it('passes converged fits through and throws on the others', () => {
    const ok = fitCurve({ t: years, y: expData }, 'exponential');
    expect(assertConverged(ok)).toBe(ok);
    const bad = fitCurve({ t: years, y: logisticData }, 'logistic', { maxIterations: 1 });
    expect(bad.status).toBe('max-iterations');
    expect(() => assertConverged(bad)).toThrow(/^fit\(logistic\) did not converge: max-iterations/);
  });
});

describe('expressionFamily gradients', () => {
  it('falls back to central differences where mathjs cannot differentiate (max) and still fits', () => {
    const fam = expressionFamily('max(a + b * t, 0)', { params: ['a', 'b'], start: [1, 1] });
    const fit = fitCurve({ t: [0, 1, 2, 3, 4], y: [2, 5, 8, 11, 14] }, fam);
    expect(fit.params.a).toBeCloseTo(2, 6);
    expect(fit.params.b).toBeCloseTo(3, 6);
  });
});
