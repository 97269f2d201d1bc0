/**
 * The contract every growth-curve family satisfies: a plain descriptor (no class state) with the model, its
 * analytic gradient, automatic start values and metadata. Time enters as τ = t − origin (see {@link fitCurve}).
 */
export interface GrowthFamily {
  /** Registry key, e.g. `'logistic'`. */
  name: string;
  /** Parameter names in θ order. */
  params: string[];
  /** One-line formula and parameter meanings, for tables and docs. */
  describe: string;
  /** Model value at τ. */
  f(theta: ArrayLike<number>, t: number): number;
  /** Gradient ∂f/∂θ at τ, written to `out` (length = params.length). */
  jacobian(theta: ArrayLike<number>, t: number, out: Float64Array): void;
  /**
   * Start values from the data (τ and y of the finite observations). Throws RangeError with the fixed message
   * format (`"fit(<name>) requires …"`) when the data rule them out (e.g. non-positive values for a log-based start).
   */
  init(t: ArrayLike<number>, y: ArrayLike<number>, options?: FamilyInitOptions): number[];
  /**
   * Default box bounds per parameter (θ order; ±Infinity when unbounded), or a function of the data (τ, y) giving
   * them, e.g. a capacity at most 100 · max(y): beyond that the data cannot tell a saturating curve from an
   * exponential one, and the unbounded fit would run off to infinity.
   */
  bounds?: FamilyBounds | ((t: ArrayLike<number>, y: ArrayLike<number>) => FamilyBounds);
  /**
   * Parameters (by name) the solver works with on the log scale when their start value is > 0 (e.g. a capacity K):
   * along the ridge K → ∞ of a non-saturating series the valley is straight in log K but curved in K, so the
   * solver follows it in a few steps instead of hundreds. Estimates and covariance are reported for θ itself.
   */
  logScale?: string[];
  /** Fewest distinct time points that identify the parameters. */
  minPoints: number;
  /** Derived quantities worth reporting (e.g. CAGR of the exponential). */
  derived?(theta: ArrayLike<number>): Record<string, number>;
}

/** Box bounds in θ order. */
export interface FamilyBounds {
  lower?: number[];
  upper?: number[];
}

/** Passed to {@link GrowthFamily.init}. */
export interface FamilyInitOptions {
  /** Parameters held fixed by the caller (by name), e.g. `{K: 100}`. */
  fixed?: Record<string, number>;
}
