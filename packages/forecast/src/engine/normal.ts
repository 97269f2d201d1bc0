import { errorFunction } from 'simple-statistics';

/**
 * Standard normal CDF Φ(z) = ½(1 + erf(z/√2)) via simple-statistics' `errorFunction` (|error| < 1.2e-7).
 * @example normalCdf(0) // 0.5
 */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}
