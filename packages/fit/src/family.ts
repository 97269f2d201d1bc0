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
  /** Default box bounds per parameter (θ order); ±Infinity when unbounded. */
  bounds?: { lower?: number[]; upper?: number[] };
  /** Fewest distinct time points that identify the parameters. */
  minPoints: number;
  /** Derived quantities worth reporting (e.g. CAGR of the exponential). */
  derived?(theta: ArrayLike<number>): Record<string, number>;
}

/** Passed to {@link GrowthFamily.init}. */
export interface FamilyInitOptions {
  /** Parameters held fixed by the caller (by name), e.g. `{K: 100}`. */
  fixed?: Record<string, number>;
}
