import { describe, expect, it } from 'vitest';
import { intervalCalibration, referenceClasses } from '../../src/index.ts';

const increasing = (row: number[]): boolean => row.every((v, i) => i === 0 || v >= row[i - 1]!);

describe('committed calibration tables (calibration/*.json)', () => {
  for (const profile of ['m4', 'm3', 'm4-centred']) {
    it(`${profile}: learned from training parts only, quantiles non-decreasing in p, 6 horizons`, () => {
      const cal = intervalCalibration(profile)!;
      expect(cal.source).toMatch(/training parts .*no test values read/);
      expect(increasing(cal.probs)).toBe(true);
      const groups = Object.values(cal.methods).flatMap((m) => [
        ...m.groups,
        ...Object.values(m.cells ?? {}).flat(),
        ...Object.values(m.categories ?? {}).flat(),
      ]);
      expect(groups.length).toBeGreaterThan(10);
      for (const g of groups) {
        expect(g.q).toHaveLength(6);
        expect(g.count).toBeGreaterThanOrEqual(300);
        for (const row of g.q) expect(increasing(row)).toBe(true);
      }
      for (const b of cal.growthRate.bins) for (const row of b.q) expect(increasing(row)).toBe(true);
      expect(cal.growthRate.beta).toBeGreaterThanOrEqual(0);
      expect(cal.growthRate.beta).toBeLessThanOrEqual(1);
    });
  }
  it('reference classes: six M4 categories, medians and quantiles for h = 1…15', () => {
    const rc = referenceClasses()!;
    expect(Object.keys(rc.categories).sort()).toEqual([
      'Demographic',
      'Finance',
      'Industry',
      'Macro',
      'Micro',
      'Other',
    ]);
    for (const c of Object.values(rc.categories)) {
      expect(c.median).toHaveLength(15);
      for (const row of c.q) expect(increasing(row)).toBe(true);
    }
  });
});
