/**
 * Naive (random walk) point forecast: every future value equals the last observation, `ŷ(T+h) = y(T)`.
 * @example naiveForecast([1, 2, 4], 2) // [4, 4]
 */
export function naiveForecast(x: ArrayLike<number>, horizon: number): number[] {
  const last = x[x.length - 1]!;
  return Array.from({ length: horizon }, () => last);
}
