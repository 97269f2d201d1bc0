import { describe, expect, it } from 'vitest';
import { escapVerdict } from '../../../src/assessment/index.ts';

// Rule (ESCAP anticipated progress): G = 100 (target - anticipated) / (target - base); target met by the
// anticipated value -> on track; 0 < G <= 100 -> needs acceleration; G > 100 -> regressing.
describe('escapVerdict(input)', () => {
  it('hand-worked: Nankai high-tech firms, base 321, target >= 650', () => {
    // anticipated 520: G = 100 * 130 / 329 = 39.51 % -> needs acceleration
    const a = escapVerdict({ base: 321, anticipated: 520, target: 650, comparator: '>=' });
    expect(a.measure).toBeCloseTo(39.5137, 3);
    expect(a.verdict).toBe('needs-acceleration');
    // anticipated 700: target met, G = -15.20 % -> on track
    const b = escapVerdict({ base: 321, anticipated: 700, target: 650, comparator: '>=' });
    expect(b.verdict).toBe('on-track');
    expect(b.measure).toBeCloseTo(-15.1976, 3);
    // anticipated 300: G = 100 * 350 / 329 = 106.38 % -> regressing
    const c = escapVerdict({ base: 321, anticipated: 300, target: 650, comparator: '>=' });
    expect(c.measure).toBeCloseTo(106.383, 2);
    expect(c.verdict).toBe('regressing');
  });

  it('treats no change as needing acceleration (G = 100) and handles targets that ask for a decrease', () => {
    expect(escapVerdict({ base: 321, anticipated: 321, target: 650, comparator: '>=' }).verdict).toBe(
      'needs-acceleration',
    );
    // base 10, target <= 5: anticipated 8 -> G = 60; 4 -> met; 11 -> G = 120
    expect(escapVerdict({ base: 10, anticipated: 8, target: 5, comparator: '<=' }).measure).toBeCloseTo(60, 9);
    expect(escapVerdict({ base: 10, anticipated: 8, target: 5, comparator: '<=' }).verdict).toBe('needs-acceleration');
    expect(escapVerdict({ base: 10, anticipated: 4, target: 5, comparator: '<=' }).verdict).toBe('on-track');
    expect(escapVerdict({ base: 10, anticipated: 11, target: 5, comparator: '<=' }).verdict).toBe('regressing');
    // '=' (reach) below the base means at most
    expect(escapVerdict({ base: 10, anticipated: 4.9, target: 5, comparator: '=' }).verdict).toBe('on-track');
  });

  it('is regressing when the target held at the base but not at the anticipated value', () => {
    expect(escapVerdict({ base: 120, anticipated: 90, target: 100, comparator: '>=' }).verdict).toBe('regressing');
  });

  it('is not applicable without a base or anticipated value', () => {
    expect(escapVerdict({ base: null, anticipated: 1, target: 2, comparator: '>=' }).verdict).toBe('not-applicable');
  });
});
