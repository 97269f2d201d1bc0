import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_PROFILES,
  checkProjectionChoices,
  intervalCalibration,
  project,
  projectionMethods,
} from '../../src/index.ts';

const series = {
  years: [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020],
  values: [50, 54, 57, 63, 66, 70, 77, 80, 86],
};

describe('project(series, options)', () => {
  it('is reproducible for a seed and differs for seed + 1', () => {
    const a = project(series, { seed: 7, nPaths: 500 });
    const b = project(series, { seed: 7, nPaths: 500 });
    const c = project(series, { seed: 8, nPaths: 500 });
    expect(Array.from(a.paths.values)).toEqual(Array.from(b.paths.values));
    expect(a.intervals).toEqual(b.intervals);
    expect(Array.from(a.paths.values)).not.toEqual(Array.from(c.paths.values));
  });

  it('returns nested 50 ⊂ 80 ⊂ 95% intervals around the median', () => {
    for (const s of [series, { years: [2019, 2020], values: [5, 6] }, { years: [2020], values: [5] }]) {
      const p = project(s, { horizon: 8 });
      const [i50, i80, i95] = [50, 80, 95].map((l) => p.intervals.find((i) => i.level === l)!);
      for (let h = 0; h < 8; h++) {
        expect(i95!.lower[h]).toBeLessThanOrEqual(i80!.lower[h]!);
        expect(i80!.lower[h]).toBeLessThanOrEqual(i50!.lower[h]!);
        expect(i50!.lower[h]).toBeLessThanOrEqual(p.median[h]!);
        expect(p.median[h]).toBeLessThanOrEqual(i50!.upper[h]!);
        expect(i50!.upper[h]).toBeLessThanOrEqual(i80!.upper[h]!);
        expect(i80!.upper[h]).toBeLessThanOrEqual(i95!.upper[h]!);
      }
      expect(p.paths.values.length).toBe(p.nPaths * 8);
    }
  });

  it('keeps bounded indicators inside their bounds', () => {
    const p = project(
      { years: [2016, 2017, 2018, 2019, 2020], values: [80, 88, 93, 97, 99] },
      { bounds: [0, 100], horizon: 10 },
    );
    expect(p.paths.values.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(100);
    expect(p.paths.values.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0);
    const q = project({ years: [2019, 2020], values: [2, 1] }, { bounds: [0, 100], horizon: 10 });
    expect(q.paths.values.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0);
  });

  it('chooses the method by series length and states it', () => {
    expect(project({ years: [2020], values: [5] }).method).toBe('reference-class');
    expect(project({ years: [2019, 2020], values: [5, 6] }).method).toBe('growth-rate');
    expect(project(series).method).toBe('combination');
    expect(project(series, { method: 'drift' }).method).toBe('drift');
    expect(project(series).methodNote.length).toBeGreaterThan(10);
    expect(project(series, { toYear: 2025 }).years).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('throws clear RangeErrors for bad input', () => {
    expect(() => project({ years: [], values: [] })).toThrow(/at least 1 observation/);
    expect(() => project({ years: [2020, 2021], values: [1, NaN] })).toThrow(
      /values\[1\] \(year 2021\) must be finite/,
    );
    expect(() => project({ years: [2021, 2020], values: [1, 2] })).toThrow(/strictly increasing/);
    expect(() => project({ years: [2020, 2021], values: [50, 120] }, { bounds: [0, 100] })).toThrow(/outside bounds/);
    expect(() => project({ years: [2020, 2021], values: [-1, 2] }, { method: 'growth-rate' })).toThrow(
      'values[0] (year 2020) = -1',
    );
    expect(() => project({ years: [2020], values: [0] })).toThrow(/positive/);
    expect(() => project(series, { toYear: 2019 })).toThrow(/after the last observation/);
    // unknown names are rejected before any work, with the valid choices
    expect(() => project(series, { method: 'no-such-method' })).toThrow(
      /unknown projection method "no-such-method"; choose one of: auto, .*theta, .*reference-class, .*logistic/,
    );
    expect(() => project(series, { calibration: 'm9' })).toThrow(
      'unknown calibration profile "m9"; choose one of: m4, m3, m4-centred',
    );
    for (const method of projectionMethods()) expect(() => checkProjectionChoices({ method })).not.toThrow();
    // every listed profile is a shipped calibration file
    for (const profile of CALIBRATION_PROFILES) expect(intervalCalibration(profile)?.probs.length).toBeGreaterThan(0);
  });
});

describe('project(series) calibration', () => {
  it('uses learned tables (no Gaussian fallback) for 1, 2 and many observations', () => {
    for (const s of [{ years: [2020], values: [5] }, { years: [2019, 2020], values: [5, 6] }, series]) {
      const p = project(s, { category: 'Macro' });
      expect(p.warnings.join(' ')).not.toMatch(/no learned calibration|not found/);
    }
  });
  it('reference-class intervals widen with the horizon and differ by category', () => {
    const a = project({ years: [2020], values: [100] }, { category: 'Demographic', horizon: 10 });
    const b = project({ years: [2020], values: [100] }, { category: 'Finance', horizon: 10 });
    const w = (p: typeof a, h: number): number => p.intervals[1]!.upper[h]! - p.intervals[1]!.lower[h]!;
    expect(w(a, 9)).toBeGreaterThan(w(a, 0));
    expect(w(a, 9)).toBeLessThan(w(b, 9)); // populations grow steadily; finance series do not
  });
});
