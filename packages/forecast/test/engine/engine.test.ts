import { createRng } from '@trajectory/core';
import { errorFunction, quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  attainment,
  DEFAULTS,
  holds,
  quantiles,
  simulatePaths,
  summarise,
  summariseValues,
  sumOver,
  valuesAt,
  type GrowthProcess,
  type Paths,
} from '../../src/index.ts';

/** Φ(z) through simple-statistics' error function. */
const Phi = (z: number): number => 0.5 * (1 + errorFunction(z / Math.SQRT2));
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const growth = (T: number, mu: number, sigma: number, extra: Partial<GrowthProcess> = {}): GrowthProcess => ({
  kind: 'growth',
  base: 100,
  mean: new Float64Array(T).fill(mu),
  sd: new Float64Array(T).fill(sigma),
  ...extra,
});

describe('simulatePaths({kind: growth}, options)', () => {
  it('constant mode: P(v_T >= t) matches the exact 1 − Φ(((t/b)^(1/T) − 1 − μ)/σ) within Monte Carlo error', () => {
    const T = 5;
    const n = 40000;
    const paths = simulatePaths(growth(T, 0.08, 0.05, { constant: true }), {
      years: years(2020, 2025),
      nPaths: n,
      rng: createRng(1).fork('constant'),
    });
    for (const t of [120, 147, 170]) {
      const exact = 1 - Phi(((t / 100) ** (1 / T) - 1 - 0.08) / 0.05);
      const a = attainment(valuesAt(paths, 2025), '>=', t);
      expect(a.n).toBe(n);
      expect(Math.abs(a.probability - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / n));
    }
  });

  it('annual mode: mean and variance of v_T are the closed forms b(1+μ)^T and b²[((1+μ)²+σ²)^T − (1+μ)^(2T)]', () => {
    const T = 5,
      mu = 0.06,
      sigma = 0.1,
      n = 40000;
    const v = valuesAt(simulatePaths(growth(T, mu, sigma), { years: years(0, T), nPaths: n, seed: 5 }), T);
    let m = 0;
    for (const x of v) m += x / n;
    let s2 = 0;
    for (const x of v) s2 += (x - m) ** 2 / (n - 1);
    const mean = 100 * (1 + mu) ** T;
    const variance = 100 ** 2 * (((1 + mu) ** 2 + sigma ** 2) ** T - (1 + mu) ** (2 * T));
    expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    // the sample variance's relative standard error is about sqrt((κ − 1)/n) < 0.02 for these near-normal values
    expect(Math.abs(s2 / variance - 1)).toBeLessThan(0.06);
  });

  it('starts every path at the base, keeps the bounds, and applies flows in order', () => {
    const p = simulatePaths(
      growth(3, 0, 0, {
        inflow: Float64Array.of(5, 5, 5),
        add: Float64Array.of(0, 10, 0),
        mult: Float64Array.of(1, 1, 2),
        upper: Float64Array.of(Infinity, Infinity, 200),
      }),
      { years: [0, 1, 2, 3], nPaths: 2 },
    );
    // (100 + 5) = 105; 105 + 5 + 10 = 120; (120 + 5)·2 = 250 → capped at 200
    expect(Array.from(p.values)).toEqual([100, 105, 120, 200, 100, 105, 120, 200]);
  });

  it('gives the paths of the path-by-path recurrence on the same normals, bit for bit (any nPaths, flows, bounds)', () => {
    // the second method: every normal drawn at once, then v[s] = clamp((v[s-1]·(1 + m + sd·z) + in + add)·mult)
    const reference = (model: GrowthProcess, n: number, seed: number): Float64Array => {
      const S = model.mean.length;
      const z = createRng(seed).fillNormal(new Float64Array(n * (model.constant ? 1 : S)));
      const out = new Float64Array(n * (S + 1));
      for (let p = 0, o = 0; p < n; p++) {
        let v = model.base;
        out[o++] = v;
        for (let s = 0; s < S; s++) {
          v = v * (1 + model.mean[s]! + model.sd[s]! * z[model.constant ? p : p * S + s]!);
          if (model.inflow) v += model.inflow[s]!;
          if (model.add) v += model.add[s]!;
          if (model.mult) v *= model.mult[s]!;
          v = Math.min(Math.max(v, model.lower ?? -Infinity), model.upper?.[s] ?? Infinity);
          out[o++] = v;
        }
      }
      return out;
    };
    const flows = {
      inflow: Float64Array.of(3, -2, 0, 4),
      add: Float64Array.of(0, 10, 0, -5),
      mult: Float64Array.of(1, 1.1, 0.9, 1),
      lower: 60,
      upper: Float64Array.of(Infinity, 130, Infinity, 125),
    };
    const models = [
      growth(4, 0.05, 0.1),
      growth(4, 0.05, 0.1, { lower: 95 }),
      growth(4, 0.05, 0.1, flows),
      growth(4, 0.05, 0.1, { ...flows, constant: true }),
      growth(4, 0.05, 0.1, { constant: true }),
    ];
    models.forEach((model, i) => {
      for (const n of [1, 255, 1001]) {
        const p = simulatePaths(model, { years: years(0, 4), nPaths: n, seed: 40 + i });
        expect(p.values).toEqual(reference(model, n, 40 + i));
      }
    });
  });

  it('is reproducible for a seed, differs for another, and rejects mismatched years', () => {
    const model = growth(4, 0.05, 0.1);
    const a = simulatePaths(model, { years: years(1, 5), nPaths: 100, seed: 7 });
    const b = simulatePaths(model, { years: years(1, 5), nPaths: 100, rng: createRng(7) });
    const c = simulatePaths(model, { years: years(1, 5), nPaths: 100, seed: 8 });
    expect(b.values).toEqual(a.values);
    expect(c.values).not.toEqual(a.values);
    expect(() => simulatePaths(model, { years: years(1, 4) })).toThrow(/4 years for a model of 5 columns/);
    expect(() => simulatePaths(model, { years: years(1, 5), nPaths: 0 })).toThrow(/nPaths must be an integer >= 1/);
    expect(simulatePaths(model, { years: years(1, 5) }).nPaths).toBe(DEFAULTS.paths);
  });
});

describe('summarise(paths) and summariseValues(values)', () => {
  const n = 20000;
  const paths = simulatePaths(
    { kind: 'calibrated-walk', point: [0, 0, 0], scale: 1, n: Infinity },
    { years: [2021, 2022, 2023], nPaths: n, seed: 3 },
  );
  const s = summarise(paths);

  it('gives the 50/80/95% bands of the default levels, nested, as arrays and as the same long rows', () => {
    expect(s.intervals.map((i) => i.level)).toEqual([...DEFAULTS.levels]);
    expect(s.bands).toHaveLength(3 * 3);
    for (const iv of s.intervals)
      s.years.forEach((year, j) => {
        expect(s.bands).toContainEqual({ year, level: iv.level, lower: iv.lower[j], upper: iv.upper[j] });
      });
    for (let j = 0; j < 3; j++)
      for (let k = 1; k < 3; k++) {
        expect(s.intervals[k]!.lower[j]).toBeLessThanOrEqual(s.intervals[k - 1]!.lower[j]!);
        expect(s.intervals[k]!.upper[j]).toBeGreaterThanOrEqual(s.intervals[k - 1]!.upper[j]!);
      }
  });

  it('a random walk in year h has the N(0, h) quantiles ±0.674√h, ±1.2816√h, ±1.96√h within Monte Carlo error', () => {
    const z = { 50: 0.6744897502, 80: 1.2815515655, 95: 1.9599639845 } as const;
    for (let h = 1; h <= 3; h++)
      for (const iv of s.intervals) {
        const q = z[iv.level as 50 | 80 | 95] * Math.sqrt(h);
        // se of a sample quantile: sqrt(p(1−p)/n)/φ(q) < 0.02·√h here (antithetic pairs keep the median at 0)
        expect(Math.abs(iv.upper[h - 1]! - q)).toBeLessThan(0.04 * Math.sqrt(h));
        expect(Math.abs(iv.lower[h - 1]! + q)).toBeLessThan(0.04 * Math.sqrt(h));
      }
  });

  it('summariseValues agrees with the column of summarise and with simple-statistics `quantile` of the unsorted values', () => {
    const col = valuesAt(paths, 2022);
    const v = summariseValues(col);
    expect(v.median).toBe(s.median[1]);
    expect(v.intervals.map((i) => i.upper)).toEqual(s.intervals.map((i) => i.upper[1]));
    expect(v.median).toBeCloseTo(quantile(Array.from(col), 0.5), 12);
    expect(quantiles(col, [0.1, 0.9])).toEqual([quantile(Array.from(col), 0.1), quantile(Array.from(col), 0.9)]);
    expect(summariseValues(Float64Array.of(3, 1, 2), { levels: [50] })).toEqual({
      median: 2,
      mean: 2,
      intervals: [{ level: 50, lower: quantile([1, 2, 3], 0.25), upper: quantile([1, 2, 3], 0.75) }],
    });
    expect(() => summariseValues(Float64Array.of(1), { levels: [100] })).toThrow(/percentages in \(0, 100\)/);
  });
});

describe('attainment(values, comparator, target, base?)', () => {
  it('is the share of values on which the comparator holds, with the binomial standard error', () => {
    const v = Float64Array.of(1, 2, 3, 4);
    expect(attainment(v, '>=', 3)).toEqual({ probability: 0.5, stdError: 0.25, n: 4 });
    expect(attainment(v, '>', 3).probability).toBe(0.25);
    expect(attainment(v, '<', 2).probability).toBe(0.25);
    expect(attainment(v, '<=', 4).probability).toBe(1);
    expect(attainment(v, '<=', 4).stdError).toBe(0);
    // '=' reaches the target from the base: a reduction from 6 to 2 is reached at or below 2
    expect(attainment(v, '=', 2, 6).probability).toBe(0.5);
    expect(attainment(v, '=', 2).probability).toBe(0.75);
    expect(() => attainment(new Float64Array(0), '>=', 1)).toThrow(RangeError);
  });

  it('counts exactly what holds(value, comparator, target, base) says, value by value (second method)', () => {
    const rng = createRng(17);
    const values = Float64Array.from({ length: 2001 }, () => Math.round(10 * rng.normal()) / 2);
    for (const comparator of ['>=', '>', '=', '<=', '<'] as const)
      for (const base of [undefined, null, -10, 10])
        for (const target of [-1, 0, 0.5, 3]) {
          const expected = values.filter((v) => holds(v, comparator, target, base)).length / values.length;
          expect(attainment(values, comparator, target, base).probability).toBe(expected);
        }
  });
});

describe('valuesAt / sumOver(paths, years, offset)', () => {
  const p: Paths = { years: [2021, 2022, 2023], nPaths: 2, values: Float64Array.of(1, 2, 3, 10, 20, 30) };
  it('reads columns and period totals by calendar year', () => {
    expect(Array.from(valuesAt(p, 2022))).toEqual([2, 20]);
    expect(Array.from(sumOver(p, [2022, 2023], 100))).toEqual([105, 150]);
    expect(() => valuesAt(p, 2030)).toThrow('year 2030 is outside the paths (2021–2023)');
  });
  it('fills a given buffer (its first nPaths values) instead of allocating, and rejects a short one', () => {
    const buffer = new Float64Array(3).fill(-1);
    const col = valuesAt(p, 2023, buffer);
    expect(Array.from(col)).toEqual([3, 30]);
    expect(col.buffer).toBe(buffer.buffer);
    expect(Array.from(buffer)).toEqual([3, 30, -1]);
    expect(() => valuesAt(p, 2023, new Float64Array(1))).toThrow(/a buffer of 1 values for 2 paths/);
  });
});
