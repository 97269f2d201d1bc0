import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Target } from '../src/indicator.ts';
import { applyRelative, invertRelative, resolveIndicator, resolveTarget } from '../src/resolve-target.ts';

const src = (doc: string) => ({ doc, quote: 'q' });
function indicator(observations: Indicator['observations'], targets: Target[]): Indicator {
  return {
    id: 'x',
    region: 'x',
    nameZh: 'x',
    nameEn: 'x',
    unit: '家',
    measure: 'count',
    accumulation: 'stock',
    observations,
    targets,
  };
}

describe('resolveTarget(indicator, target)', () => {
  it('resolves 翻番 against the base-year observation and keeps both forms (Nankai 瞪羚: 16 -> 32)', () => {
    const t: Target = {
      year: 2023,
      value: null,
      comparator: '>=',
      relative: { kind: 'multiple', amount: 2, baseYear: 2020, text: '翻番' },
      source: src('a'),
    };
    const ind = indicator([{ year: 2020, value: 16, source: src('b') }], [t]);
    const r = resolveTarget(ind, t);
    expect(r.value).toBe(32);
    expect(r.relative).toMatchObject({
      kind: 'multiple',
      amount: 2,
      baseYear: 2020,
      text: '翻番',
      baseValue: 16,
      resolvedValue: 32,
      baseSource: { doc: 'b' },
    });
    expect(t.value).toBeNull(); // pure
  });

  it("prefers the base observation of the target's own document", () => {
    const t: Target = {
      year: 2025,
      value: null,
      comparator: '>=',
      relative: { kind: 'multiple', amount: 2, baseYear: 2020, text: '倍增' },
      source: src('own'),
    };
    const ind = indicator(
      [
        { year: 2020, value: 147, source: src('other') },
        { year: 2020, value: 146, source: src('own') },
      ],
      [t],
    );
    expect(resolveTarget(ind, t).value).toBe(292);
  });

  it('keeps a stated absolute value and records the base it implies (Hexi 18万 = +25% on 2020 -> 14.4万)', () => {
    const t: Target = {
      year: 2025,
      value: 18,
      comparator: '>=',
      relative: { kind: 'increase-percent', amount: 25, baseYear: 2020, text: '比“十三五”末增长25%' },
      source: src('a'),
    };
    const r = resolveTarget(indicator([], [t]), t);
    expect(r.value).toBe(18);
    expect(r.relative?.resolvedValue).toBeNull();
    expect(r.relative?.impliedBaseValue).toBeCloseTo(14.4, 12);
  });

  it('leaves the value null when there is no base', () => {
    const t: Target = {
      year: 2025,
      value: null,
      comparator: '>=',
      relative: { kind: 'multiple', amount: 2, baseYear: 2020, text: '翻番' },
      source: src('a'),
    };
    expect(resolveTarget(indicator([], [t]), t).value).toBeNull();
  });

  it('returns targets without a relative form unchanged', () => {
    const t: Target = { year: 2025, value: 5, comparator: '>=', source: src('a') };
    expect(resolveTarget(indicator([], [t]), t)).toBe(t);
  });
});

describe('relative targets resolve consistently (fast-check)', () => {
  const base = fc.double({ min: 0.01, max: 1e6, noNaN: true });
  it('multiple k gives base*k, increase-percent p gives base*(1+p/100), increase d gives base+d', () => {
    fc.assert(
      fc.property(
        base,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -90, max: 500, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (b, k, p, d) => {
          const make = (kind: 'multiple' | 'increase-percent' | 'increase', amount: number): Target => ({
            year: 2025,
            value: null,
            comparator: '>=',
            relative: { kind, amount, baseYear: 2020, text: kind },
            source: src('a'),
          });
          const targets = [make('multiple', k), make('increase-percent', p), make('increase', d)];
          const ind = resolveIndicator(indicator([{ year: 2020, value: b, source: src('a') }], targets));
          expect(ind.targets[0]!.value).toBeCloseTo(b * k, 6);
          expect(ind.targets[1]!.value).toBeCloseTo(b * (1 + p / 100), 6);
          expect(ind.targets[2]!.value).toBeCloseTo(b + d, 6);
          // an explicit baseValue gives the same as the base-year observation
          const explicit = { ...targets[0]!, relative: { ...targets[0]!.relative!, baseValue: b } };
          expect(resolveTarget(indicator([], [explicit]), explicit).value).toBe(ind.targets[0]!.value);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
  it('invertRelative undoes applyRelative, and the implied base reproduces a stated value', () => {
    fc.assert(
      fc.property(
        base,
        fc.constantFrom('multiple', 'increase-percent', 'increase' as const),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        (b, kind, amount) => {
          const v = applyRelative(kind, amount, b);
          expect(invertRelative(kind, amount, v)).toBeCloseTo(b, 6);
          const t: Target = {
            year: 2025,
            value: v,
            comparator: '>=',
            relative: { kind, amount, baseYear: 2020, text: '' },
            source: src('a'),
          };
          const implied = resolveTarget(indicator([], [t]), t).relative!.impliedBaseValue!;
          expect(applyRelative(kind, amount, implied)).toBeCloseTo(v, 6);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
