import { describe, expect, it } from 'vitest';
import { sdsnVerdict } from '../../../src/assessment/index.ts';

// Rule (SDSN Sustainable Development Report, trend dashboards): r = actual / required linear progress;
// r >= 1 on track; 0.5 <= r < 1 moderately improving; 0 <= r < 0.5 stagnating; r < 0 decreasing.
describe('sdsnVerdict(input)', () => {
  it('classes the ratio at and around the 100 % and 50 % thresholds', () => {
    const cls = (actual: number) => sdsnVerdict({ actual, required: 50, basis: 'historical' }).verdict;
    expect(cls(50)).toBe('on-track');
    expect(cls(49.99)).toBe('moderately-improving');
    expect(cls(30)).toBe('moderately-improving'); // r = 0.6
    expect(cls(25)).toBe('moderately-improving'); // r = 0.5
    expect(cls(24.99)).toBe('stagnating');
    expect(cls(0)).toBe('stagnating');
    expect(cls(-1)).toBe('decreasing');
  });

  it('hand-worked: Binhai high-tech firms need (2500 - 1597) / 5 = 180.6 per year; +120 per year gives r = 0.664', () => {
    const v = sdsnVerdict({ actual: 120, required: 180.6, basis: 'historical' });
    expect(v.measure).toBeCloseTo(0.66445, 4);
    expect(v.verdict).toBe('moderately-improving');
  });

  it('keeps an achieved target on track (maintaining achievement)', () => {
    expect(sdsnVerdict({ actual: -5, required: 10, basis: 'historical', alreadyMet: true }).verdict).toBe('on-track');
  });
});
