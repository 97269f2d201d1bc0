import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { quantileRanks, selectable, selectRanks } from '../../src/engine/order-statistics.ts';
import { summarise } from '../../src/engine/summary.ts';

const nonZero = fc.double({ noNaN: true, noDefaultInfinity: false }).filter((x) => x !== 0);

describe('selectRanks (quickselect of several ranks)', () => {
  it('puts each requested rank where a full sort puts it, for any values without NaN or zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(nonZero, fc.constantFrom(1, 2, 3)), { minLength: 1, maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (values, picks) => {
          const a = Float64Array.from(values);
          const sorted = a.slice().sort();
          const ranks = picks.map((k) => k % a.length);
          selectRanks(a, ranks);
          for (const k of ranks) expect(a[k]).toBe(sorted[k]);
          // a permutation: nothing lost or duplicated
          expect(a.slice().sort()).toEqual(sorted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('quantileSorted on the selected positions equals quantileSorted on the sorted values', () => {
    const probs = [0.5, 0.25, 0.75, 0.1, 0.9, 0.025, 0.975];
    for (const n of [1, 2, 3, 7, 100, 10_000]) {
      const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 + 0.5);
      const sorted = a.slice().sort() as unknown as number[];
      selectRanks(a, quantileRanks(n, probs));
      for (const p of probs) expect(quantileSorted(a as unknown as number[], p)).toBe(quantileSorted(sorted, p));
    }
  });

  it('selectable refuses NaN and zeros (a sort orders -0 before 0 and NaN last)', () => {
    expect(selectable(Float64Array.of(1, Number.NaN))).toBe(false);
    expect(selectable(Float64Array.of(1, -0))).toBe(false);
    expect(selectable(Float64Array.of(1, -1, Number.POSITIVE_INFINITY))).toBe(true);
  });
});

describe('summarise with selected quantiles', () => {
  it('equals the quantiles of each fully sorted year (selected; a year with a zero or NaN is sorted)', () => {
    const nPaths = 5001;
    const years = [2021, 2022, 2023];
    const values = Float64Array.from({ length: nPaths * years.length }, (_, i) =>
      // year 0: selection; year 1 holds a zero, year 2 a NaN
      i === 4 ? 0 : i === 5 ? Number.NaN : Math.cos(i * 7.1) * 100,
    );
    const s = summarise({ years, nPaths, values });
    years.forEach((_, j) => {
      const col = Float64Array.from({ length: nPaths }, (_, p) => values[p * years.length + j]!).sort();
      const sorted = col as unknown as number[];
      expect(s.median[j]).toBe(quantileSorted(sorted, 0.5));
      for (const iv of s.intervals) {
        expect(iv.lower[j]).toBe(quantileSorted(sorted, (1 - iv.level / 100) / 2));
        expect(iv.upper[j]).toBe(quantileSorted(sorted, (1 + iv.level / 100) / 2));
      }
    });
  });
});
