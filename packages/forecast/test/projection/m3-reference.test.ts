import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../scripts/lib/dataset.ts';
import { mase, naiveScale, smape } from '../../scripts/lib/metrics.ts';
import { dampedForecast, driftForecast, naiveForecast, thetaForecast } from '../../src/index.ts';

// Published reference: /work/shared/data/m3-yearly/recomputed_results_yearly.csv (R 4.2, forecast 8.20 on the
// same files): naive 17.88 / 3.172, rwf drift 16.79 / 2.632, thetaf 16.756 / 2.774, holt damped 16.976 / 2.873.
const data = loadDataset(fileURLToPath(new URL('../../../../../shared/data/m3-yearly', import.meta.url)));

function score(f: (x: number[], h: number) => number[]): { smape: number; mase: number } {
  let s = 0;
  let m = 0;
  for (const d of data) {
    const fc = f(d.train, 6);
    s += smape(d.test, fc);
    m += mase(d.test, fc, naiveScale(d.train));
  }
  return { smape: s / data.length, mase: m / data.length };
}

describe('point methods on M3 yearly (645 series) against R forecast', () => {
  it('naive reproduces the published sMAPE 17.88 and MASE 3.172', () => {
    expect(data.length).toBe(645);
    const r = score(naiveForecast);
    expect(Math.abs(r.smape - 17.88)).toBeLessThan(0.01);
    expect(Math.abs(r.mase - 3.172)).toBeLessThan(0.001);
  });
  it('drift reproduces rwf(drift = TRUE): 16.79 / 2.632', () => {
    const r = score(driftForecast);
    expect(Math.abs(r.smape - 16.79)).toBeLessThan(0.01);
    expect(Math.abs(r.mase - 2.632)).toBeLessThan(0.005);
  });
  it('theta is within 0.05 sMAPE / 0.01 MASE of thetaf (optimiser differences only)', () => {
    const r = score(thetaForecast);
    expect(Math.abs(r.smape - 16.756)).toBeLessThan(0.05);
    expect(Math.abs(r.mase - 2.774)).toBeLessThan(0.01);
  });
  it('damped is within 0.1 sMAPE / 0.05 MASE of ets(damped = TRUE, model = "AAN")', () => {
    const r = score(dampedForecast);
    expect(Math.abs(r.smape - 16.976)).toBeLessThan(0.1);
    expect(Math.abs(r.mase - 2.873)).toBeLessThan(0.05);
  });
});
