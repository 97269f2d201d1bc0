/**
 * The one layout of simulated paths: a row-major `nPaths × years.length` matrix with its year axis. Path `p`'s value
 * in `years[j]` is `values[p * years.length + j]`. Projections start at the first projected year; scenarios include
 * their base year as column 0 (every path starts at the observed base).
 */
export interface Paths {
  /** The calendar years of the columns, strictly increasing. */
  years: number[];
  /** Number of paths (rows). */
  nPaths: number;
  /** Row-major `nPaths × years.length` values. */
  values: Float64Array;
}

/**
 * The column of `year`: every path's value in that year.
 * @param out a buffer of at least `nPaths` values to fill (batch work reuses one); allocated when omitted
 * @returns the column (`out`'s first `nPaths` values when given)
 * @throws RangeError when the year is not one of `paths.years`
 * @example
 * const p = { years: [2021, 2022], nPaths: 2, values: Float64Array.of(1, 2, 3, 4) };
 * valuesAt(p, 2022); // Float64Array [2, 4]
 */
export function valuesAt(paths: Paths, year: number, out?: Float64Array): Float64Array {
  const W = paths.years.length;
  const j = columnOf(paths, year);
  if (out === undefined) out = new Float64Array(paths.nPaths);
  else if (out.length !== paths.nPaths) {
    if (out.length < paths.nPaths)
      throw new RangeError(`valuesAt: a buffer of ${out.length} values for ${paths.nPaths} paths`);
    out = out.subarray(0, paths.nPaths);
  }
  for (let p = 0, o = j; p < paths.nPaths; p++, o += W) out[p] = paths.values[o]!;
  return out;
}

function columnOf(paths: Paths, year: number): number {
  const j = paths.years.indexOf(year);
  if (j < 0)
    throw new RangeError(
      `year ${year} is outside the paths (${paths.years[0]}–${paths.years[paths.years.length - 1]})`,
    );
  return j;
}

/**
 * Per path, the sum of the values of several years plus `offset`: the cumulative total of yearly flows over a period
 * whose first part was observed (`offset` = the observed part).
 * @throws RangeError when a year is not one of `paths.years`
 * @example
 * const p = { years: [2021, 2022], nPaths: 2, values: Float64Array.of(1, 2, 3, 4) };
 * sumOver(p, [2021, 2022], 10); // Float64Array [13, 17]
 */
export function sumOver(paths: Paths, years: readonly number[], offset = 0): Float64Array {
  const W = paths.years.length;
  const columns = years.map((year) => columnOf(paths, year));
  const out = new Float64Array(paths.nPaths);
  for (let p = 0, o = 0; p < paths.nPaths; p++, o += W) {
    let s = offset;
    for (const j of columns) s += paths.values[o + j]!;
    out[p] = s;
  }
  return out;
}
