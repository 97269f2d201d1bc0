import type { GrowthRate } from './types.ts';

/**
 * Annual growth between two dated values: the compound annual growth rate
 * CAGR = (toValue / fromValue)^(1 / (toYear − fromYear)) − 1 (`null` unless both values are > 0) and the absolute
 * annual increment (toValue − fromValue) / (toYear − fromYear).
 * @throws RangeError when `toYear <= fromYear` or a value is not finite
 * @example
 * growthRate(2020, 1597, 2025, 2500).cagr; // 0.0937 (9.37 %/year)
 * growthRate(2020, 1597, 2025, 2500).increment; // 180.6 per year
 */
export function growthRate(fromYear: number, fromValue: number, toYear: number, toValue: number): GrowthRate {
  if (!(toYear > fromYear)) throw new RangeError(`growthRate requires toYear > fromYear, got ${fromYear} -> ${toYear}`);
  if (!Number.isFinite(fromValue) || !Number.isFinite(toValue)) {
    throw new RangeError(`growthRate requires finite values, got ${fromValue} -> ${toValue}`);
  }
  const years = toYear - fromYear;
  const cagr = fromValue > 0 && toValue > 0 ? (toValue / fromValue) ** (1 / years) - 1 : null;
  return { cagr, increment: (toValue - fromValue) / years, fromYear, toYear, fromValue, toValue };
}

/**
 * Ratio of two growth rates on a common basis: CAGRs when both exist (growth rates compare proportionally, as
 * Eurostat does), else absolute increments. `null` when the denominator is zero or either side is missing.
 * @example
 * growthRatio(growthRate(2015, 100, 2020, 120), growthRate(2020, 120, 2025, 180)); // { ratio: 0.45…, basis: 'cagr' }
 */
export function growthRatio(
  actual: GrowthRate | null,
  required: GrowthRate | null,
): { ratio: number | null; basis: 'cagr' | 'increment' | null } {
  if (!actual || !required) return { ratio: null, basis: null };
  if (actual.cagr !== null && required.cagr !== null) {
    // + 0 turns −0 (no growth against a required decline) into 0, which JSON keeps
    return { ratio: required.cagr === 0 ? null : actual.cagr / required.cagr + 0, basis: 'cagr' };
  }
  return {
    ratio: required.increment === 0 ? null : actual.increment / required.increment + 0,
    basis: 'increment',
  };
}
