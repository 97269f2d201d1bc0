import { describe, expect, it } from 'vitest';
import { aggregate, type SeriesResult } from '../../scripts/lib/evaluate.ts';
import { mase, msis, naiveScale, smape } from '../../scripts/lib/metrics.ts';

// Tiny example worked by hand (independent of the implementation):
// train 10, 12, 11, 15 -> first differences 2, 1, 4 -> scale 7/3
// actual 16, 18; forecast 15, 20
//   sMAPE = mean(200·1/31, 200·2/38) = mean(6.451613, 10.526316) = 8.488964
//   MASE  = mean(1, 2) / (7/3) = 1.5 · 3/7 = 0.642857
// 95% interval [14, 17] and [15, 17.5]: y1 = 16 inside -> width 3; y2 = 18 above by 0.5 -> 2.5 + 40·0.5 = 22.5
//   MSIS = mean(3, 22.5) / (7/3) = 12.75 · 3/7 = 5.464286
describe('competition metrics on a hand-computed example', () => {
  it('naiveScale, smape, mase, msis', () => {
    const scale = naiveScale([10, 12, 11, 15]);
    expect(scale).toBeCloseTo(7 / 3, 12);
    expect(smape([16, 18], [15, 20])).toBeCloseTo(8.488964, 5);
    expect(mase([16, 18], [15, 20], scale)).toBeCloseTo(0.642857, 5);
    expect(msis([16, 18], [14, 15], [17, 17.5], scale)).toBeCloseTo(5.464286, 5);
  });

  it('aggregate: Brier score, climatological skill and reliability bins', () => {
    // two series, six targets each; hand-computed Brier over 12 forecasts
    const mk = (
      p: number[],
      hit: boolean[],
      in80ByH = [1, 1, 1, 1, 1, 0],
      in95ByH = [1, 1, 1, 1, 1, 1],
    ): SeriesResult => ({
      id: 'x',
      method: 'm',
      smape: 10,
      naiveSmape: 20,
      mase: 1,
      naiveMase: 2,
      msis: 5,
      in80: 5,
      in95: 6,
      horizons: 6,
      p,
      hit,
      in80ByH,
      in95ByH,
      smapeByH: [2, 4, 6, 8, 10, 30],
    });
    const a = mk([0.9, 0.8, 0.5, 0.3, 0.1, 0.05], [true, true, false, false, false, false]);
    const b = mk([0.95, 0.6, 0.4, 0.2, 0.1, 0.0], [true, false, true, false, false, false]);
    const r = aggregate([a, b], { method: 'm', window: 0, nPaths: 10, seed: 1, calibration: 'm4' });
    const sq = (x: number): number => x * x;
    const brier =
      (sq(0.1) +
        sq(0.2) +
        sq(0.5) +
        sq(0.3) +
        sq(0.1) +
        sq(0.05) +
        sq(0.05) +
        sq(0.6) +
        sq(0.6) +
        sq(0.2) +
        sq(0.1) +
        0) /
      12;
    // climatology per target: 1, 0.5, 0.5, 0, 0, 0 -> squared errors 0,0 / .25,.25 / .25,.25 / 0.. -> 1/12
    const clim = (0.25 * 4) / 12;
    expect(r.brier).toBeCloseTo(brier, 4);
    expect(r.brierClimatology).toBeCloseTo(clim, 4);
    expect(r.brierSkill).toBeCloseTo(1 - brier / clim, 3);
    expect(r.owa).toBeCloseTo(0.5 * (10 / 20 + 1 / 2), 6);
    expect(r.coverage80).toBeCloseTo(10 / 12, 4); // summaries are rounded to 4 decimals
    const bin9 = r.reliability[9]!; // p in [0.9, 1]: 0.9, 0.95 -> both hit
    expect(bin9).toMatchObject({ n: 2, meanP: 0.925, observed: 1 });
    expect(r.reliability.reduce((s, b) => s + b.n, 0)).toBe(12);
    // per horizon: both series miss the 80% interval at h = 6 only
    expect(r.byHorizon.map((x) => x.coverage80)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(r.byHorizon.map((x) => x.coverage95)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(r.byHorizon.map((x) => x.smape)).toEqual([2, 4, 6, 8, 10, 30]);
  });

  it('aggregate: per-horizon coverage averages over series', () => {
    const mk = (in80ByH: number[]): SeriesResult => ({
      id: 'x',
      method: 'm',
      smape: 1,
      naiveSmape: 1,
      mase: 1,
      naiveMase: 1,
      msis: 1,
      horizons: 2,
      p: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      hit: [true, true, true, false, false, false],
      in80: in80ByH.reduce((a, b) => a + b, 0),
      in95: 2,
      in80ByH,
      in95ByH: [1, 1],
      smapeByH: [1, 1],
    });
    const r = aggregate([mk([1, 0]), mk([1, 1]), mk([0, 0]), mk([1, 0])], {
      method: 'm',
      window: 0,
      nPaths: 10,
      seed: 1,
      calibration: 'm4',
    });
    expect(r.byHorizon).toEqual([
      { h: 1, coverage80: 0.75, coverage95: 1, smape: 1 },
      { h: 2, coverage80: 0.25, coverage95: 1, smape: 1 },
    ]);
    expect(r.coverage80).toBeCloseTo((0.75 + 0.25) / 2, 12);
  });
});
