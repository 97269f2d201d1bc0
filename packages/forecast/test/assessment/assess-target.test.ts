import { describe, expect, it } from 'vitest';
import { errorFunction } from 'simple-statistics';
import { assessTarget, growthRate, type Projector } from '../../src/assessment/index.ts';
import { indicator, linearProjector, lognormalProjector, src, target } from './fixtures.ts';

/** Standard normal CDF through erf (simple-statistics), independent of the simulation. */
const Phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

const oneObs = (value = 100) => [{ year: 2020, value, source: src('doc.txt') }];

describe('assessTarget(indicator, target, options)', () => {
  it('P(X_2025 >= t) on lognormal paths matches the closed form 1 - Phi((ln(t/x0) - 5 mu) / (sigma sqrt 5))', () => {
    const mu = 0.04,
      sigma = 0.1,
      nPaths = 20000;
    for (const t of [110, 130, 160]) {
      const ind = indicator({ id: 'gbm', observations: oneObs(), targets: [target({ year: 2025, value: t })] });
      const a = assessTarget(ind, ind.targets[0]!, { projector: lognormalProjector(mu, sigma), nPaths, seed: 3 });
      const exact = 1 - Phi((Math.log(t / 100) - 5 * mu) / (sigma * Math.sqrt(5)));
      expect(a.status).toBe('ok');
      expect(a.probability).toBeGreaterThanOrEqual(0);
      expect(a.probability).toBeLessThanOrEqual(1);
      expect(a.probabilityStdError).toBeCloseTo(Math.sqrt((a.probability! * (1 - a.probability!)) / nPaths), 12);
      // 4 Monte Carlo standard errors of the exact value
      expect(Math.abs(a.probability! - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / nPaths));
    }
    // t = 130 worked independently in Python: 0.39016
    expect(1 - Phi((Math.log(1.3) - 0.2) / (0.1 * Math.sqrt(5)))).toBeCloseTo(0.39016, 4);
  });

  it('gives the median and nested 50/80/95 intervals at the target year (median = x0 exp(5 mu) for GBM)', () => {
    const ind = indicator({ id: 'gbm', observations: oneObs(), targets: [target({ year: 2025, value: 130 })] });
    const a = assessTarget(ind, ind.targets[0]!, { projector: lognormalProjector(0.04, 0.1), nPaths: 20000, seed: 3 });
    expect(a.atTarget!.year).toBe(2025);
    // median SE ~ 1.2533 * sd / sqrt(n) ~ 0.24
    expect(a.atTarget!.median).toBeCloseTo(100 * Math.exp(0.2), 0);
    const [i50, i80, i95] = a.atTarget!.intervals;
    expect(i95!.lower).toBeLessThan(i80!.lower);
    expect(i80!.lower).toBeLessThan(i50!.lower);
    expect(i50!.upper).toBeLessThan(i80!.upper);
    expect(i80!.upper).toBeLessThan(i95!.upper);
    // 95 % interval of lognormal: x0 exp(5 mu ± 1.96 sigma sqrt 5)
    // quantile SE on the log scale: sqrt(p(1-p)/n)/phi(1.96) * 0.1 sqrt 5 ~ 0.0042; allow 4 SE (~1.7%)
    expect(Math.abs(i95!.upper / (100 * Math.exp(0.2 + 1.959964 * 0.1 * Math.sqrt(5))) - 1)).toBeLessThan(0.02);
    expect(a.fan!.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(a.fan!.history).toEqual([{ year: 2020, value: 100 }]);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a); // plain JSON
  });

  it('compares required, historical and projected growth (CAGR and increment) and their ratios', () => {
    // 800 (2015) -> 1597 (2020); target 2500 in 2025; the straight-line projector continues +159.4/yr
    const ind = indicator({
      id: 'binhai.hightech',
      observations: [
        { year: 2015, value: 800, source: src('other.txt') },
        { year: 2020, value: 1597, source: src('plan.txt') },
      ],
      targets: [target({ year: 2025, value: 2500, source: src('plan.txt') })],
    });
    const a = assessTarget(ind, ind.targets[0]!, { projector: linearProjector, nPaths: 10 });
    expect(a.base).toEqual({ year: 2020, value: 1597 });
    expect(a.growth!.required!.cagr).toBeCloseTo(0.0937725, 6); // (2500/1597)^(1/5) - 1
    expect(a.growth!.required!.increment).toBeCloseTo(180.6, 9);
    expect(a.growth!.historical!.cagr).toBeCloseTo(0.1482673, 6); // (1597/800)^(1/5) - 1
    expect(a.growth!.historicalRatio).toBeCloseTo(1.58114, 4);
    expect(a.growth!.ratioBasis).toBe('cagr');
    expect(a.atTarget!.median).toBeCloseTo(1597 + 5 * 159.4, 9);
    expect(a.probability).toBe(0); // 2394 < 2500 on every path
    expect(a.verdicts.map((v) => v.assessor)).toEqual(['eurostat', 'escap', 'sdsn', 'xushi']);
    expect(a.verdicts[0]!.verdict).toBe('significant-progress'); // r = 1.58 (CAGR)
    expect(a.verdicts[1]!.verdict).toBe('needs-acceleration'); // G = 100 * 106 / 903 = 11.7 %
    expect(a.verdicts[1]!.measure).toBeCloseTo((100 * (2500 - 2394)) / 903, 9);
    expect(a.verdicts[2]!.verdict).toBe('moderately-improving'); // 159.4 / 180.6 = 0.883
    expect(a.verdicts[3]!.verdict).toBe('not-applicable'); // no observation inside 2020–2025
  });

  it('measures historical growth over the last five years (Eurostat short term), or the whole history if shorter', () => {
    const ind = indicator({
      id: 'long',
      observations: [2005, 2010, 2013, 2016, 2018, 2020].map((year, i) => ({
        year,
        value: [50, 60, 70, 90, 100, 121][i]!,
        source: src('d'),
      })),
      targets: [target({ year: 2025, value: 200 })],
    });
    const a = assessTarget(ind, ind.targets[0]!, { projector: linearProjector, nPaths: 2 });
    // latest observation at or before 2015 is 2013: (121/70)^(1/7) - 1
    expect(a.growth!.historical!.fromYear).toBe(2013);
    expect(a.growth!.historical!.cagr).toBeCloseTo((121 / 70) ** (1 / 7) - 1, 12);
    const b = assessTarget(ind, ind.targets[0]!, { projector: linearProjector, nPaths: 2, historicalWindow: 20 });
    expect(b.growth!.historical!.fromYear).toBe(2005);
    expect(() => assessTarget(ind, ind.targets[0]!, { historicalWindow: 0 })).toThrow(/historicalWindow >= 1/);
  });

  it("uses the plan document's own baseline and checks 序时进度 with a later observation", () => {
    const ind = indicator({
      id: 'teda.smes',
      observations: [
        { year: 2015, value: 5576, source: src('003.txt') },
        { year: 2018, value: 8000, source: src('later.txt') },
      ],
      targets: [target({ year: 2020, value: 10000, source: src('003.txt') })],
    });
    const a = assessTarget(ind, ind.targets[0]!, { projector: linearProjector, nPaths: 4 });
    expect(a.base).toEqual({ year: 2015, value: 5576 });
    // achieved (8000-5576)/(10000-5576) = 0.5479 of the increase in 3/5 = 0.6 of the period: ratio 0.913 -> 基本符合
    expect(a.verdicts[3]!.measure).toBeCloseTo((8000 - 5576) / 4424 / 0.6, 9);
    expect(a.verdicts[3]!.verdict).toBe('基本符合');
  });

  it('sums simulated yearly flows plus the observed part of the period for cumulative targets', () => {
    // flows 8 (2019), 10 (2020); straight line continues 12, 14, 16 in 2021–2023: total 2019–2023 = 18 + 42 = 60
    const mk = (value: number) =>
      indicator({
        id: 'projects',
        accumulation: 'cumulative',
        observations: [
          { year: 2019, value: 8, source: src('d') },
          { year: 2020, value: 10, source: src('d') },
        ],
        targets: [target({ year: 2023, value, period: [2019, 2023] })],
      });
    const at = (value: number) =>
      assessTarget(mk(value), mk(value).targets[0]!, { projector: linearProjector, nPaths: 5 });
    expect(at(60).cumulative).toEqual({
      observedSum: 18,
      observedYears: [2019, 2020],
      simulatedYears: [2021, 2022, 2023],
    });
    expect(at(60).atTarget!.median).toBeCloseTo(60, 9);
    expect(at(60).probability).toBe(1);
    expect(at(60.5).probability).toBe(0);
    expect(at(60).verdicts[0]!.verdict).toBe('not-applicable');
    expect(at(60).verdicts[1]!.verdict).toBe('on-track');
    // 序时进度 on the total: 18 of 60 accumulated (30 %) after 2 of 5 years (40 %): ratio 0.75 -> 滞后
    expect(at(60).verdicts[3]!.measure).toBeCloseTo(0.3 / 0.4, 12);
    expect(at(60).verdicts[3]!.verdict).toBe('滞后');
    // 18 of 40 (45 %) after 40 %: ratio 1.125 -> 快于预期
    expect(at(40).verdicts[3]!.verdict).toBe('快于预期');
  });

  it('resolves relative targets against their base and keeps both (翻番, +25 %, +increment)', () => {
    const obs = [{ year: 2020, value: 16, source: src('002.txt') }];
    const cases = [
      {
        relative: { kind: 'multiple' as const, amount: 2, baseYear: 2020, text: '翻番' },
        value: 32,
        baseFrom: 'observed',
      },
      {
        relative: {
          kind: 'increase-percent' as const,
          amount: 25,
          baseYear: 2020,
          baseValue: 14.4,
          text: '比2020年增长25%',
        },
        value: 18,
        baseFrom: 'given',
      },
      {
        relative: { kind: 'increase' as const, amount: 100, baseYear: 2020, text: '新增100' },
        value: 116,
        baseFrom: 'observed',
      },
    ];
    for (const c of cases) {
      const ind = indicator({ id: 'rel', observations: obs, targets: [target({ year: 2023, relative: c.relative })] });
      const a = assessTarget(ind, ind.targets[0]!, { projector: linearProjector, nPaths: 2 });
      expect(a.target.value).toBeCloseTo(c.value, 9);
      expect(a.target.statedValue).toBeNull();
      expect(a.target.relative!.baseFrom).toBe(c.baseFrom);
      expect(a.target.relative!.text).toBe(c.relative.text);
      expect(a.base!.year).toBe(2020);
    }
  });

  it('keeps a stated number over its relative form', () => {
    const ind = indicator({
      id: 'talent',
      observations: [{ year: 2020, value: 14.4, source: src('001.txt') }],
      targets: [
        target({
          year: 2025,
          value: 18,
          relative: { kind: 'increase-percent', amount: 30, baseYear: 2020, text: '增长30%' },
        }),
      ],
    });
    const a = assessTarget(ind, ind.targets[0]!, { projector: linearProjector, nPaths: 2 });
    expect(a.target.value).toBe(18);
    expect(a.target.relative!.baseValue).toBe(14.4);
  });

  it('averages two figures for one year and notes it', () => {
    const ind = indicator({
      id: 'hexi.hightech',
      observations: [
        { year: 2020, value: 147, source: src('001.txt') },
        { year: 2020, value: 146, source: src('001.txt') },
      ],
      targets: [target({ year: 2025, value: 300 })],
    });
    const a = assessTarget(ind, ind.targets[0]!, { projector: linearProjector, nPaths: 2 });
    expect(a.lastObservation).toEqual({ year: 2020, value: 146.5 });
    expect(a.notes.join(' ')).toMatch(/2 figures for 2020 \(147, 146\)/);
  });

  it('is reproducible: same seed -> identical result, another seed -> different paths', () => {
    const ind = indicator({ id: 'gbm', observations: oneObs(), targets: [target({ year: 2025, value: 130 })] });
    const run = (seed: number) =>
      assessTarget(ind, ind.targets[0]!, { projector: lognormalProjector(0.04, 0.1), nPaths: 500, seed });
    expect(run(7)).toEqual(run(7));
    expect(run(8).atTarget!.median).not.toBe(run(7).atTarget!.median);
  });
});

describe('assessTarget: results that cannot be computed carry status and reason', () => {
  const projector = linearProjector;
  const check = (ind: ReturnType<typeof indicator>, status: string, reason: RegExp) => {
    const a = assessTarget(ind, ind.targets[0]!, { projector, nPaths: 2 });
    expect(a.status).toBe(status);
    expect(a.reason).toMatch(reason);
    expect(a.probability).toBeNull();
    expect(a.verdicts).toHaveLength(4);
    expect(a.verdicts.every((v) => v.verdict === 'not-applicable')).toBe(true);
    return a;
  };

  it('no observations', () => {
    check(indicator({ id: 'x', targets: [target({ year: 2025, value: 10 })] }), 'no-observations', /no observations/);
  });
  it('target left blank in a draft', () => {
    check(
      indicator({ id: 'x', observations: oneObs(), targets: [target({ year: 2025, value: null })] }),
      'target-blank',
      /blank/,
    );
  });
  it('relative target without a base', () => {
    check(
      indicator({
        id: 'x',
        observations: oneObs(),
        targets: [target({ year: 2025, relative: { kind: 'multiple', amount: 2, baseYear: 2019, text: '翻番' } })],
      }),
      'no-base',
      /翻番.*no base.*2019/,
    );
  });
  it('target year not after the last observation', () => {
    const a = check(
      indicator({ id: 'x', observations: oneObs(120), targets: [target({ year: 2020, value: 100 })] }),
      'target-before-last-observation',
      /2020 is not after/,
    );
    expect(a.reason).toMatch(/target met/);
  });
  it('bounded indicator outside its bounds (observation or target)', () => {
    check(
      indicator({ id: 'x', bounds: [0, 100], observations: oneObs(120), targets: [target({ year: 2025, value: 50 })] }),
      'out-of-bounds',
      /120 is outside/,
    );
    check(
      indicator({ id: 'x', bounds: [0, 100], observations: oneObs(50), targets: [target({ year: 2025, value: 101 })] }),
      'out-of-bounds',
      /target 101/,
    );
  });
  it('projection engine failure', () => {
    const failing: Projector = () => {
      throw new Error('series too short for method theta');
    };
    const ind = indicator({ id: 'x', observations: oneObs(), targets: [target({ year: 2025, value: 10 })] });
    const a = assessTarget(ind, ind.targets[0]!, { projector: failing });
    expect(a.status).toBe('projection-failed');
    expect(a.reason).toBe('series too short for method theta');
  });
  it('zero or negative base: CAGR undefined, increments and the probability still given', () => {
    const ind = indicator({
      id: 'x',
      observations: [
        { year: 2019, value: -2, source: src('d') },
        { year: 2020, value: 0, source: src('d') },
      ],
      targets: [target({ year: 2025, value: 10 })],
    });
    const a = assessTarget(ind, ind.targets[0]!, { projector, nPaths: 3 });
    expect(a.status).toBe('non-positive-base');
    expect(a.reason).toMatch(/not positive/);
    expect(a.growth!.required!.cagr).toBeNull();
    expect(a.growth!.required!.increment).toBe(2);
    expect(a.growth!.ratioBasis).toBe('increment');
    expect(a.probability).toBe(1); // line reaches 10 in 2025
    expect(a.verdicts[0]!.verdict).toBe('significant-progress'); // increments 2 vs 2
  });
});

describe('growthRate(fromYear, fromValue, toYear, toValue)', () => {
  it('computes CAGR and increment and rejects empty spans', () => {
    expect(growthRate(2020, 1597, 2025, 2500).cagr).toBeCloseTo(0.0937725, 6);
    expect(growthRate(2020, 0, 2025, 10).cagr).toBeNull();
    expect(() => growthRate(2020, 1, 2020, 2)).toThrow(/toYear > fromYear/);
  });
});
