/**
 * Random walk with drift (Hyndman & Athanasopoulos, FPP3 §5.2): `ŷ(T+h) = y(T) + h·(y(T) − y(1))/(T − 1)`.
 * With one observation the drift is 0 (naive).
 * @example driftForecast([1, 2, 4], 2) // [5.5, 7]
 */
export function driftForecast(x: ArrayLike<number>, horizon: number): number[] {
  const n = x.length;
  const last = x[n - 1]!;
  const slope = n > 1 ? (last - x[0]!) / (n - 1) : 0;
  return Array.from({ length: horizon }, (_, i) => last + (i + 1) * slope);
}
