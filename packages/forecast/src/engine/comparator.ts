import type { Comparator } from '@trajectory/core';

/**
 * Whether `value` satisfies `comparator target`. The comparator `=` ("reach", 达到) means reaching the target from
 * the base: at least the target when it lies above the base, at most when below; without a base, `>=`.
 * @example
 * holds(2600, '>=', 2500); // true
 * holds(4.8, '=', 5, 6);   // true: a reduction from 6 to 5 is "reached" at 4.8
 */
export function holds(value: number, comparator: Comparator, target: number, base?: number | null): boolean {
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '=':
      return base !== undefined && base !== null && target < base ? value <= target : value >= target;
  }
}
