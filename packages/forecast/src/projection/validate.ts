import type { YearlySeries } from './types.ts';

/** Largest magnitude (and inverse of the smallest non-zero one) a projected series may hold. */
const MAX_MAGNITUDE = 1e150;

/**
 * Checks a series for {@link project}: at least one observation, equal lengths, finite values, integer and
 * strictly increasing years, values inside `bounds` and of magnitude 1e-150..1e150 (or 0). Throws a RangeError naming the offending index and field.
 * @example validateSeries({ years: [2020, 2021], values: [1, 2] })
 */
export function validateSeries(series: YearlySeries, bounds?: [number, number]): void {
  const { years, values } = series;
  if (!Array.isArray(years) || !Array.isArray(values))
    throw new RangeError('project(series) requires arrays series.years and series.values');
  if (years.length === 0) throw new RangeError('project(series) requires at least 1 observation, got 0');
  if (years.length !== values.length)
    throw new RangeError(`project(series): years has ${years.length} entries but values has ${values.length}`);
  if (bounds && !(Number.isFinite(bounds[0]) && Number.isFinite(bounds[1]) && bounds[0] < bounds[1]))
    throw new RangeError(`project(series): bounds must be finite with lower < upper, got [${bounds}]`);
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    const v = values[i]!;
    if (!Number.isInteger(y)) throw new RangeError(`project(series): years[${i}] must be an integer year, got ${y}`);
    if (i > 0 && y <= years[i - 1]!)
      throw new RangeError(
        `project(series): years must be strictly increasing, but years[${i}] = ${y} follows ${years[i - 1]}`,
      );
    if (!Number.isFinite(v)) throw new RangeError(`project(series): values[${i}] (year ${y}) must be finite, got ${v}`);
    // squares, products and exponentials of larger (or tinier) magnitudes overflow: refuse rather than give NaN
    if (v !== 0 && (Math.abs(v) > MAX_MAGNITUDE || Math.abs(v) < 1 / MAX_MAGNITUDE))
      throw new RangeError(
        `project(series): values[${i}] = ${v} (year ${y}) is outside the supported magnitudes 1e-150..1e150 (rescale the series, e.g. to another unit)`,
      );
    if (bounds && (v < bounds[0] || v > bounds[1]))
      throw new RangeError(
        `project(series): values[${i}] = ${v} (year ${y}) is outside bounds [${bounds[0]}, ${bounds[1]}]`,
      );
  }
}
