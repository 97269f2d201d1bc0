import { describe, expect, it } from 'vitest';
import { eurostatVerdict } from '../../../src/assessment/index.ts';

// Rule (Eurostat SDG monitoring report, quantified targets): r = actual / required growth;
// r >= 0.95 significant, 0.60 <= r < 0.95 moderate, 0 <= r < 0.60 insufficient, r < 0 movement away.
describe('eurostatVerdict(input)', () => {
  it('classes the ratio at and around each published threshold', () => {
    const cls = (actual: number) => eurostatVerdict({ actual, required: 1, basis: 'historical' }).verdict;
    expect(cls(0.95)).toBe('significant-progress');
    expect(cls(0.9499)).toBe('moderate-progress');
    expect(cls(0.6)).toBe('moderate-progress');
    expect(cls(0.5999)).toBe('insufficient-progress');
    expect(cls(0)).toBe('insufficient-progress');
    expect(cls(-0.0001)).toBe('movement-away');
  });

  it('hand-worked: Binhai high-tech firms 1597 (2020) -> 2500 (2025) with 800 -> 1597 over 2015–2020', () => {
    // required CAGR = (2500/1597)^(1/5) - 1 = 0.093773; actual = (1597/800)^(1/5) - 1 = 0.148267; r = 1.5811
    const v = eurostatVerdict({ actual: 0.148267, required: 0.093773, basis: 'historical' });
    expect(v.measure).toBeCloseTo(1.5811, 3);
    expect(v.verdict).toBe('significant-progress');
    expect(v.source).toMatch(/Eurostat/);
  });

  it('works for targets that ask for a decrease (both rates negative)', () => {
    expect(eurostatVerdict({ actual: -0.03, required: -0.05, basis: 'historical' }).verdict).toBe('moderate-progress');
    expect(eurostatVerdict({ actual: 0.01, required: -0.05, basis: 'historical' }).verdict).toBe('movement-away');
  });

  it('is significant when the target already holds, not applicable without numbers', () => {
    expect(eurostatVerdict({ actual: -1, required: 1, basis: 'historical', alreadyMet: true }).verdict).toBe(
      'significant-progress',
    );
    const na = eurostatVerdict({ actual: null, required: 0.1, basis: 'historical' });
    expect(na.verdict).toBe('not-applicable');
    expect(na.reason).toMatch(/not available/);
    expect(eurostatVerdict({ actual: 0.1, required: 0, basis: 'historical' }).verdict).toBe('not-applicable');
  });

  it('says when the projected growth stood in for the observed one', () => {
    expect(eurostatVerdict({ actual: 0.05, required: 0.1, basis: 'projected' }).reason).toMatch(/projected/);
  });
});
