import type { Indicator, Observation, Target } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import { reviewPlan, type TargetReview } from '../../src/index.ts';

const src = (note?: string) => ({ doc: 'plan', quote: '', ...(note ? { note } : {}) });
const obs = (year: number, value: number, note?: string): Observation => ({ year, value, source: src(note) });

/** An indicator with base 100 in 2015, the given later observations and one 2020 target. */
function plan(
  id: string,
  target: number | null,
  later: Observation[],
  opts: { base?: number | null; comparator?: Target['comparator'] } = {},
): Indicator {
  const base = opts.base === undefined ? 100 : opts.base;
  return {
    id: `test.${id}`,
    region: 'test',
    nameZh: id,
    nameEn: id,
    unit: '家',
    measure: 'count',
    accumulation: 'stock',
    observations: [...(base === null ? [] : [obs(2015, base)]), ...later],
    targets: [{ year: 2020, value: target, comparator: opts.comparator ?? '>=', source: src() }],
  };
}

const indicators: Indicator[] = [
  plan('met', 150, [obs(2016, 110), obs(2018, 160)]),
  plan('on_track', 200, [obs(2016, 115), obs(2018, 170)]),
  plan('behind', 200, [obs(2016, 105), obs(2018, 120)]),
  plan('missed', 150, [obs(2017, 120), obs(2020, 130)]),
  plan('met_final', 150, [obs(2017, 130), obs(2020, 155)]),
  plan('no_data', 150, []),
  plan('hold', 100, [obs(2018, 96)]),
  plan('no_base', 150, [obs(2018, 120)], { base: null }),
  plan('conflict', 150, [obs(2018, 120), { ...obs(2018, 125), source: { doc: 'other', quote: '' } }]),
  plan('preliminary', 150, [obs(2018, 130), obs(2020, 149, 'preliminary estimate')]),
  plan('out_of_reach', 130, [obs(2016, 100), obs(2019, 100)]),
];

describe('reviewPlan', () => {
  const review = reviewPlan(indicators, { nPaths: 2000, written: 2015 });
  const get = (id: string): TargetReview => review.targets.find((t) => t.indicatorId === `test.${id}`)!;

  it('gives every status, with hand-computed progress and elapsed share', () => {
    expect(get('met')).toMatchObject({ status: 'met', progress: 60 / 50, elapsed: 3 / 5 });
    expect(get('met').progressLog).toBeCloseTo(Math.log(1.6) / Math.log(1.5), 12);
    expect(get('on_track')).toMatchObject({ status: 'on-track', progress: 0.7, elapsed: 0.6 });
    expect(get('behind')).toMatchObject({ status: 'behind', progress: 0.2, elapsed: 0.6 });
    expect(get('missed')).toMatchObject({ status: 'missed', progress: 30 / 50, elapsed: 1, probability: 0 });
    expect(get('met_final')).toMatchObject({ status: 'met', probability: 1 });
    expect(get('no_data')).toMatchObject({ status: 'no-data', latest: null, progress: null });
    expect(review.summary.byStatus).toMatchObject({ met: 2, 'on-track': 1, behind: 3, missed: 1, 'no-data': 1 });
  });

  it('keeps targets it cannot score, with a reason and without dividing by zero', () => {
    expect(get('hold')).toMatchObject({ status: 'not-scored', progress: null, progressLog: null, elapsed: 0.6 });
    expect(get('hold').reason).toMatch(/equals its base/);
    expect(get('no_base')).toMatchObject({ status: 'not-scored', base: null });
    expect(get('no_base').reason).toMatch(/no base/);
    expect(review.targets).toHaveLength(indicators.length);
  });

  it('shows conflicting figures side by side and never settles a target year on a preliminary one', () => {
    expect(get('conflict').conflicts).toEqual([{ year: 2018, values: [120, 125] }]);
    expect(get('conflict').status).toBe('not-scored');
    expect(get('conflict').reason).toMatch(/120, 125/);
    const pre = get('preliminary');
    expect(pre.latest).toMatchObject({ year: 2020, value: 149, provisional: 'preliminary estimate' });
    expect(pre.status).toBe('behind');
    expect(pre.reason).toMatch(/provisional/);
  });

  it('moves the probability toward 1 for a met target and toward 0 for one out of reach', () => {
    const met = get('met');
    expect(met.probability!).toBeGreaterThan(met.probabilityAtWriting!);
    // the recalibration learned on past plans maps a statistical 0.97 to about 0.88 (slope ≈ 0.5 per logit unit:
    // past plans' statistical probabilities were overconfident in both tails), so "toward 1" is > 0.85 here
    expect(met.probability!).toBeGreaterThan(0.85);
    const far = get('out_of_reach');
    expect(far.status).toBe('behind');
    expect(far.probability!).toBeLessThan(far.probabilityAtWriting!);
    // the share of paths itself goes toward 0 and 1 (the recalibration on past plans pulls both a little inward)
    expect(far.statisticalProbability!).toBeLessThan(0.05);
    expect(met.statisticalProbability!).toBeGreaterThan(0.95);
  });

  it('scores the probabilities at writing of settled targets with the Brier score', () => {
    const settled = [get('missed'), get('met_final')];
    const brier = ((settled[0]!.probabilityAtWriting! - 0) ** 2 + (settled[1]!.probabilityAtWriting! - 1) ** 2) / 2;
    expect(review.summary.scored).toBe(2);
    expect(review.summary.brier).toBeCloseTo(brier, 12);
  });

  it('refuses a year written after the as-of year', () => {
    expect(() => reviewPlan(indicators, { written: 2021, asOf: 2020 })).toThrow(/written/);
  });
});
