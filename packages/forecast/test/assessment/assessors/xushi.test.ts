import { describe, expect, it } from 'vitest';
import { xushiVerdict, type XushiInput } from '../../../src/assessment/index.ts';

// 序时进度: ratio = ((v - base) / (target - base)) / ((year - baseYear) / (targetYear - baseYear)).
const plan = (value: number, year = 2022): XushiInput => ({
  baseYear: 2020,
  baseValue: 1597,
  targetYear: 2025,
  targetValue: 2500,
  comparator: '>=',
  observation: { year, value },
});

describe('xushiVerdict(input, options)', () => {
  it('hand-worked on Binhai high-tech firms 1597 (2020) -> 2500 (2025), checked in 2022 (40 % of the period)', () => {
    // 2000: 403/903 = 44.6 % achieved, ratio 1.116 -> 快于预期
    expect(xushiVerdict(plan(2000)).measure).toBeCloseTo(1.11573, 4);
    expect(xushiVerdict(plan(2000)).verdict).toBe('快于预期');
    // 1950: 353/903 = 39.1 %, ratio 0.977 -> 基本符合
    expect(xushiVerdict(plan(1950)).measure).toBeCloseTo(0.9773, 4);
    expect(xushiVerdict(plan(1950)).verdict).toBe('基本符合');
    // 1800: 203/903 = 22.5 %, ratio 0.562 -> 滞后
    expect(xushiVerdict(plan(1800)).verdict).toBe('滞后');
    // 2600 already meets the target -> 提前实现
    expect(xushiVerdict(plan(2600)).verdict).toBe('提前实现');
  });

  it('uses the tolerance option for the 基本符合 band', () => {
    expect(xushiVerdict(plan(2000), { tolerance: 0.2 }).verdict).toBe('基本符合');
    expect(xushiVerdict(plan(1950), { tolerance: 0 }).verdict).toBe('滞后');
  });

  it('is not applicable without an observation strictly inside the plan period', () => {
    expect(xushiVerdict({ ...plan(2000), observation: null }).verdict).toBe('not-applicable');
    expect(xushiVerdict(plan(1597, 2020)).verdict).toBe('not-applicable');
    expect(xushiVerdict(plan(2400, 2025)).reason).toMatch(/no observation inside the plan period/);
  });
});
