import { describe, expect, it } from 'vitest';
import { errorFunction } from 'simple-statistics';
import { assessPlan, type Projector } from '../../src/assessment/index.ts';
import { indicator, lognormalProjector, nankaiHighTech, src, target } from './fixtures.ts';

const projector = lognormalProjector(0.12, 0.15);

describe('assessPlan(indicators, options)', () => {
  it('assesses conflicting targets side by side on the same paths (Nankai high-tech firms 2023: 650 vs 500)', () => {
    const plan = assessPlan([nankaiHighTech], { projector, nPaths: 4000, seed: 1 });
    const region = plan.regions[0]!;
    expect(region.region).toBe('南开区');
    expect(region.conflicts).toHaveLength(1);
    const c = region.conflicts[0]!;
    expect(c.id).toBe('nankai.hightech_firms@2023');
    expect(c.values).toEqual([650, 500]);
    expect(c.note).toMatch(/650 \[000_fdb4085a81389e14.txt\] vs >= 500 \[002_e54e0b994c9af463.txt\]/);
    const [p650, p500] = c.probabilities as number[];
    // same paths: every path reaching 650 also reaches 500
    expect(p650).toBeLessThan(p500!);
    // closed form for GBM: P(321 e^{3*0.12 + 0.15 sqrt3 Z} >= t) = 1 - Phi((ln(t/321) - 0.36) / (0.15 sqrt 3))
    for (const [t, p] of [
      [650, p650!],
      [500, p500!],
    ] as const) {
      const exact = 1 - 0.5 * (1 + errorFunction((Math.log(t / 321) - 0.36) / (0.15 * Math.sqrt(3)) / Math.SQRT2));
      expect(Math.abs(p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 4000));
    }
    expect(region.targets.every((t) => t.conflictId === c.id)).toBe(true);
    expect(plan.summary).toEqual({ indicators: 1, targets: 2, assessed: 2, notOk: 0, conflicts: 1 });
  });

  it('assesses the rest of the plan when some targets cannot be computed', () => {
    const failing: Projector = (series, options) => {
      if (series.values[0] === 7) throw new Error('boom');
      return projector(series, options);
    };
    const plan = assessPlan(
      [
        nankaiHighTech,
        indicator({ id: 'empty', region: '河西区', targets: [target({ year: 2025, value: 1 })] }),
        indicator({
          id: 'blank',
          region: '河西区',
          observations: [{ year: 2020, value: 147, source: src('001') }],
          targets: [target({ year: 2025, value: null })],
        }),
        indicator({
          id: 'fails',
          region: '河西区',
          observations: [{ year: 2020, value: 7, source: src('001') }],
          targets: [target({ year: 2025, value: 9 }), target({ year: 2024, value: 8 })],
        }),
      ],
      { projector: failing, nPaths: 200 },
    );
    expect(plan.regions.map((r) => r.region)).toEqual(['南开区', '河西区']);
    expect(plan.regions[1]!.targets.map((t) => t.status)).toEqual([
      'no-observations',
      'target-blank',
      'projection-failed',
      'projection-failed',
    ]);
    expect(plan.summary).toMatchObject({ indicators: 4, targets: 6, assessed: 2, notOk: 4 });
  });

  it('filters by region and is reproducible (same seed -> identical, plain-JSON result)', () => {
    const other = indicator({
      id: 'o',
      region: '河西区',
      observations: [{ year: 2020, value: 10, source: src('x') }],
      targets: [target({ year: 2025, value: 12 })],
    });
    const a = assessPlan([nankaiHighTech, other], { projector, nPaths: 300, seed: 5, region: '河西区' });
    expect(a.regions.map((r) => r.region)).toEqual(['河西区']);
    const b = assessPlan([nankaiHighTech, other], { projector, nPaths: 300, seed: 5, region: '河西区' });
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    // an indicator's paths do not depend on which others are assessed
    const c = assessPlan([other], { projector, nPaths: 300, seed: 5 });
    expect(c.regions[0]!.targets[0]!.probability).toBe(a.regions[0]!.targets[0]!.probability);
    const d = assessPlan([other], { projector, nPaths: 300, seed: 6 });
    expect(d.regions[0]!.targets[0]!.atTarget!.median).not.toBe(c.regions[0]!.targets[0]!.atTarget!.median);
  });
});

describe('assessPlan: cumulative values, ranges and repeated figures', () => {
  it('does not flag a range (>= 8 and <= 10 in the same year) as a conflict', () => {
    const range = indicator({
      id: 'demo_park_rd',
      observations: [{ year: 2020, value: 5, source: src('d') }],
      targets: [target({ year: 2025, value: 8 }), target({ year: 2025, value: 10, comparator: '<=' })],
    });
    const plan = assessPlan([range], { projector, nPaths: 100 });
    expect(plan.regions[0]!.conflicts).toEqual([]);
    expect(plan.regions[0]!.targets.map((t) => t.conflictId)).toEqual([null, null]);
  });

  it('reads cumulative values without a target period as running totals (assessed like a stock)', () => {
    const landed = indicator({
      id: 'binhai.beijing_projects_landed',
      accumulation: 'cumulative',
      observations: [
        { year: 2020, value: 100, source: src('004') },
        { year: 2020, value: 100, source: src('004') },
      ],
      targets: [target({ year: 2025, value: 130 })],
    });
    const a = assessPlan([landed], { projector, nPaths: 100 }).regions[0]!.targets[0]!;
    expect(a.cumulative).toBeNull();
    expect(a.lastObservation).toEqual({ year: 2020, value: 100 });
    expect(a.notes.some((n) => /figures for 2020/.test(n))).toBe(false); // the same figure twice is not a choice
    expect(a.notes.join(' ')).toMatch(/running totals/);
  });

  it('turns a period total into an average yearly flow when a target sums flows over a period', () => {
    const projects = indicator({
      id: 'teda.st_projects',
      accumulation: 'cumulative',
      observations: [{ year: 2015, value: 1350, source: src('003'), period: [2011, 2015] }],
      targets: [target({ year: 2020, value: 1500, period: [2016, 2020] })],
    });
    const a = assessPlan([projects], { projector: lognormalProjector(0, 1e-9), nPaths: 50 }).regions[0]!.targets[0]!;
    // 1350 / 5 = 270 per year, flat: 2016–2020 sum = 1350 < 1500
    expect(a.lastObservation).toEqual({ year: 2015, value: 270 });
    expect(a.cumulative!.simulatedYears).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(a.atTarget!.median).toBeCloseTo(1350, 3);
    expect(a.probability).toBe(0);
  });
});
