/**
 * How precisely a proposed target is written: the one place that says what each unit customarily shows.
 */
import { type MeasureType, UNITS } from '@trajectory/core';

/**
 * The step a value of this unit and measure is rounded to in a plan: whole numbers for counts of single things
 * (家, 件, 人), one decimal for percentages, shares, growth rates and 万/亿-scaled counts, and for other amounts
 * and levels enough decimals (at most two) to show about four significant digits of `magnitude`. Where the
 * indicator's own figures are written more finely (a share of 2.05 %), that precision is kept, up to two decimals.
 * @param magnitude a typical value (the base) deciding the decimals of amounts and levels
 * @param observed the indicator's own figures (their decimals can only make the step finer, except for counts)
 * @example
 * customaryStep('家', 'count', 3200); // 1
 * customaryStep('%', 'share', 3.2); // 0.1
 * customaryStep('亿元', 'amount', 1234.5); // 1
 */
export function customaryStep(
  unit: string,
  measure: MeasureType,
  magnitude: number,
  observed: readonly number[] = [],
): number {
  const info = UNITS.get(unit);
  if (measure === 'count' && !(info && info.scale > 1)) return 1;
  let decimals: number;
  if (measure === 'count' || unit.includes('%') || unit.includes('‰') || measure === 'share' || measure === 'growth')
    decimals = 1;
  else {
    const m = Math.abs(magnitude);
    decimals = m > 0 && Number.isFinite(m) ? Math.min(2, Math.max(0, 3 - Math.floor(Math.log10(m)))) : 2;
  }
  for (const x of observed) decimals = Math.max(decimals, Math.min(2, decimalsOf(x)));
  return Number((10 ** -decimals).toFixed(decimals));
}

/** Decimals of a number as JavaScript writes it shortest (2.05 → 2). */
function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const s = String(x);
  const e = s.indexOf('e-');
  if (e >= 0) return 20;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * `value` rounded down and up to a multiple of `step`, without binary-fraction noise (0.30000000000000004).
 * @example
 * roundingCandidates(12.34, 0.1); // [12.3, 12.4]
 */
export function roundingCandidates(value: number, step: number): [number, number] {
  const decimals = Math.max(0, Math.round(-Math.log10(step)));
  const fix = (x: number) => Number(x.toFixed(decimals));
  return [fix(Math.floor(value / step + 1e-9) * step), fix(Math.ceil(value / step - 1e-9) * step)];
}
