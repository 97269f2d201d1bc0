/**
 * Counting simulated paths that hold NaN or ±Infinity (a derived expression such as `a/0`, `sqrt(-a)`, `log(a, 1)`
 * or `10^1e308`), so a run reports them instead of turning them silently into `null` in the JSON.
 */

/**
 * One warning per series with non-finite values: how many of the `draws` paths, and the first year. `values` maps
 * ids to row-major draws × years arrays.
 *
 * @example nonFiniteWarnings(new Map([['x', new Float64Array([1, NaN])]]), 2, [2020], 'baseline')
 * // ["'x' (baseline): 1 of 2 paths are NaN or ±Infinity, first in 2020 (a division by zero, the log or square root of a negative, an overflow?)"]
 */
export function nonFiniteWarnings(
  values: ReadonlyMap<string, Float64Array>,
  draws: number,
  years: readonly number[],
  variant: string,
): string[] {
  const W = years.length;
  const out: string[] = [];
  for (const [id, v] of values) {
    let bad = 0;
    let first = W;
    for (let d = 0; d < draws; d++) {
      let hit = false;
      for (let y = 0; y < W; y++) {
        if (!Number.isFinite(v[d * W + y]!)) {
          hit = true;
          if (y < first) first = y;
          break;
        }
      }
      if (hit) bad++;
    }
    if (bad)
      out.push(
        `'${id}' (${variant}): ${bad} of ${draws} paths are NaN or ±Infinity, first in ${years[first]} (a division by zero, the log or square root of a negative, an overflow?)`,
      );
  }
  return out;
}
