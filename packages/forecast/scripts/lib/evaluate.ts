import { createRng } from '@trajectory/core';
import { project } from '../../src/projection/project.ts';
import type { CompetitionSeries } from './dataset.ts';
import { mase, msis, naiveScale, smape } from './metrics.ts';

/** Required annual growth rates of the synthetic plan targets (target = base·(1+g)^5, comparator ≥). */
export const TARGET_RATES = [-0.05, 0, 0.03, 0.06, 0.1, 0.15];
/** Target year of the synthetic plan targets, in years after the last training value. */
export const TARGET_H = 5;

/** Options of one backtest run. */
export interface BacktestOptions {
  method: string;
  /** use only the last `window` training values (0 = all) */
  window: number;
  nPaths: number;
  seed: number;
  /** calibration profile passed to project() */
  calibration: string;
}

/** Per-series backtest record (plain numbers so it crosses worker boundaries cheaply). */
export interface SeriesResult {
  id: string;
  method: string;
  smape: number;
  naiveSmape: number;
  /** NaN when the full training part is constant (scale 0) */
  mase: number;
  naiveMase: number;
  msis: number;
  /** number of horizons inside the 80% / 95% intervals */
  in80: number;
  in95: number;
  /** per horizon h = 1..H: 1 when the actual lies inside the 80% / 95% interval, else 0; and the sMAPE at h */
  in80ByH: number[];
  in95ByH: number[];
  smapeByH: number[];
  horizons: number;
  /** P(value at TARGET_H ≥ target) for each TARGET_RATES entry, and whether it happened */
  p: number[];
  hit: boolean[];
  error?: string;
}

/**
 * Projects one competition series from its (windowed) training part and scores it against its test part.
 * Scale for MASE/MSIS: the mean absolute first difference of the FULL training part, also with `window`,
 * so that windowed and full runs are scored on the same yardstick.
 */
export function evaluateSeries(s: CompetitionSeries, o: BacktestOptions): SeriesResult {
  const train = o.window > 0 ? s.train.slice(-o.window) : s.train;
  const H = s.test.length;
  const years = train.map((_, i) => 2000 + i);
  const scale = naiveScale(s.train);
  const last = train[train.length - 1]!;
  const naive = s.test.map(() => last);
  const base: Omit<
    SeriesResult,
    'method' | 'smape' | 'mase' | 'msis' | 'in80' | 'in95' | 'in80ByH' | 'in95ByH' | 'smapeByH' | 'p' | 'hit'
  > = {
    id: s.id,
    naiveSmape: smape(s.test, naive),
    naiveMase: scale > 0 ? mase(s.test, naive, scale) : NaN,
    horizons: H,
  };
  const p = project(
    { years, values: train },
    {
      horizon: H,
      method: o.method,
      category: s.category,
      nPaths: o.nPaths,
      rng: createRng(o.seed).fork(s.id),
      calibration: o.calibration,
    },
  );
  const i80 = p.intervals.find((i) => i.level === 80)!;
  const i95 = p.intervals.find((i) => i.level === 95)!;
  const in80ByH = s.test.map((y, h) => (y >= i80.lower[h]! && y <= i80.upper[h]! ? 1 : 0));
  const in95ByH = s.test.map((y, h) => (y >= i95.lower[h]! && y <= i95.upper[h]! ? 1 : 0));
  const in80 = in80ByH.reduce((a: number, x) => a + x, 0);
  const in95 = in95ByH.reduce((a: number, x) => a + x, 0);
  const actual = s.test[TARGET_H - 1]!;
  const probs: number[] = [];
  const hit: boolean[] = [];
  for (const g of TARGET_RATES) {
    const target = last * (1 + g) ** TARGET_H;
    let k = 0;
    for (let j = 0; j < p.nPaths; j++) if (p.paths.values[j * H + TARGET_H - 1]! >= target) k++;
    probs.push(k / p.nPaths);
    hit.push(actual >= target);
  }
  return {
    ...base,
    method: p.method,
    smape: smape(s.test, p.median),
    mase: scale > 0 ? mase(s.test, p.median, scale) : NaN,
    msis: scale > 0 ? msis(s.test, i95.lower, i95.upper, scale) : NaN,
    in80,
    in95,
    in80ByH,
    in95ByH,
    smapeByH: s.test.map((y, h) => smape([y], [p.median[h]!])),
    p: probs,
    hit,
  };
}

/** Dataset-level summary printed by the backtest script. */
export interface BacktestSummary {
  series: number;
  horizon: number;
  method: string;
  methodsUsed: Record<string, number>;
  window: number | null;
  calibration: string;
  smape: number;
  mase: number;
  owa: number;
  naive: { smape: number; mase: number };
  msis: number;
  coverage80: number;
  coverage95: number;
  brier: number;
  brierClimatology: number;
  brierSkill: number;
  reliability: { bin: string; n: number; meanP: number; observed: number }[];
  /** coverage of the 80% / 95% intervals and sMAPE at each horizon h = 1..H */
  byHorizon: { h: number; coverage80: number; coverage95: number; smape: number }[];
  /** mean probability and observed success rate per required growth rate */
  byTarget: { rate: number; meanP: number; observed: number }[];
  scaleZeroSeries: number;
}

const mean = (a: number[]): number => a.reduce((s, x) => s + x, 0) / a.length;

/**
 * Aggregates per-series results: sMAPE/MASE/MSIS averaged over series (MASE and MSIS over series with a
 * non-zero scale), OWA against naive on the same series (= the M4 definition with Naive2 for yearly data),
 * coverage over all series × horizons, Brier score of the synthetic-target probabilities, its skill against
 * the climatological rate of each required-growth group, and reliability in 10 equal-width bins.
 */
export function aggregate(results: SeriesResult[], o: BacktestOptions): BacktestSummary {
  const ok = results.filter((r) => !r.error);
  const scaled = ok.filter((r) => Number.isFinite(r.mase));
  const s = mean(ok.map((r) => r.smape));
  const m = mean(scaled.map((r) => r.mase));
  const ns = mean(ok.map((r) => r.naiveSmape));
  const nm = mean(scaled.map((r) => r.naiveMase));
  const cells = ok.reduce((a, r) => a + r.horizons, 0);
  const climate = TARGET_RATES.map((_, k) => mean(ok.map((r) => (r.hit[k] ? 1 : 0))));
  let brier = 0;
  let brierC = 0;
  let count = 0;
  const bins = Array.from({ length: 10 }, (_, b) => ({ bin: `${b / 10}-${(b + 1) / 10}`, n: 0, sp: 0, so: 0 }));
  for (const r of ok)
    for (let k = 0; k < TARGET_RATES.length; k++) {
      const o1 = r.hit[k] ? 1 : 0;
      const p = r.p[k]!;
      brier += (p - o1) ** 2;
      brierC += (climate[k]! - o1) ** 2;
      count++;
      const b = bins[Math.min(9, Math.floor(p * 10))]!;
      b.n++;
      b.sp += p;
      b.so += o1;
    }
  const methodsUsed: Record<string, number> = {};
  for (const r of ok) methodsUsed[r.method] = (methodsUsed[r.method] ?? 0) + 1;
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    series: ok.length,
    horizon: ok[0]?.horizons ?? 0,
    method: o.method,
    methodsUsed,
    window: o.window > 0 ? o.window : null,
    calibration: o.calibration,
    smape: r4(s),
    mase: r4(m),
    owa: r4(0.5 * (s / ns + m / nm)),
    naive: { smape: r4(ns), mase: r4(nm) },
    msis: r4(mean(scaled.map((r) => r.msis))),
    coverage80: r4(ok.reduce((a, r) => a + r.in80, 0) / cells),
    coverage95: r4(ok.reduce((a, r) => a + r.in95, 0) / cells),
    brier: r4(brier / count),
    brierClimatology: r4(brierC / count),
    brierSkill: r4(1 - brier / brierC),
    reliability: bins.map((b) => ({
      bin: b.bin,
      n: b.n,
      meanP: r4(b.n ? b.sp / b.n : NaN),
      observed: r4(b.n ? b.so / b.n : NaN),
    })),
    byHorizon: Array.from({ length: ok[0]?.horizons ?? 0 }, (_, h) => ({
      h: h + 1,
      coverage80: r4(mean(ok.map((r) => r.in80ByH[h]!))),
      coverage95: r4(mean(ok.map((r) => r.in95ByH[h]!))),
      smape: r4(mean(ok.map((r) => r.smapeByH[h]!))),
    })),
    byTarget: TARGET_RATES.map((rate, k) => ({
      rate,
      meanP: r4(mean(ok.map((r) => r.p[k]!))),
      observed: r4(climate[k]!),
    })),
    scaleZeroSeries: ok.length - scaled.length,
  };
}
