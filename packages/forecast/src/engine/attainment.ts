import type { Comparator } from '@trajectory/core';

/** A Monte Carlo probability with its standard error. */
export interface Attainment {
  /** share of the simulated values on which the comparator holds */
  probability: number;
  /** Monte Carlo standard error sqrt(p (1 − p) / n) (binomial proportion) */
  stdError: number;
  /** number of simulated values */
  n: number;
}

/**
 * The probability of attaining a target: the share of simulated values (one year's column of `Paths`, see
 * `valuesAt`, or period totals, see `sumOver`) on which `value comparator target` holds, with its Monte Carlo
 * standard error. `base` matters only for the comparator `=` (see `holds`).
 * @throws RangeError on an empty sample
 * @example
 * attainment(Float64Array.of(1, 2, 3, 4), '>=', 3); // { probability: 0.5, stdError: 0.25, n: 4 }
 */
export function attainment(
  values: ArrayLike<number>,
  comparator: Comparator,
  target: number,
  base?: number | null,
): Attainment {
  const n = values.length;
  if (n === 0) throw new RangeError('attainment requires at least one simulated value');
  // the comparator is resolved once, then one tight loop counts; `=` is `holds`' "reach": at most the target when it
  // lies below the base, else at least
  const side: Comparator =
    comparator === '=' ? (base !== undefined && base !== null && target < base ? '<=' : '>=') : comparator;
  let hits = 0;
  if (side === '>=') for (let i = 0; i < n; i++) hits += values[i]! >= target ? 1 : 0;
  else if (side === '>') for (let i = 0; i < n; i++) hits += values[i]! > target ? 1 : 0;
  else if (side === '<=') for (let i = 0; i < n; i++) hits += values[i]! <= target ? 1 : 0;
  else for (let i = 0; i < n; i++) hits += values[i]! < target ? 1 : 0;
  const p = hits / n;
  return { probability: p, stdError: Math.sqrt((p * (1 - p)) / n), n };
}
