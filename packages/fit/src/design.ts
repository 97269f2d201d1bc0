/**
 * Polynomial design matrix: rows [1, x, x², …, x^degree] (or without the constant column).
 *
 * @example
 * polynomialDesign([0, 1, 2], 2); // [[1, 0, 0], [1, 1, 1], [1, 2, 4]]
 */
export function polynomialDesign(
  x: ArrayLike<number>,
  degree: number,
  options: { intercept?: boolean } = {},
): number[][] {
  if (!Number.isInteger(degree) || degree < 0)
    throw new RangeError(`polynomialDesign requires a non-negative integer degree, got ${degree}`);
  const from = options.intercept === false ? 1 : 0;
  const rows: number[][] = [];
  for (let i = 0; i < x.length; i++) {
    const r: number[] = [];
    for (let d = from; d <= degree; d++) r.push(x[i]! ** d);
    rows.push(r);
  }
  return rows;
}

/**
 * Multi-predictor design matrix from predictor columns: rows [1, x1ᵢ, x2ᵢ, …] (intercept optional).
 *
 * @example
 * designMatrix([[1, 2, 3], [5, 3, 1]]); // [[1, 1, 5], [1, 2, 3], [1, 3, 1]]
 */
export function designMatrix(predictors: ArrayLike<number>[], options: { intercept?: boolean } = {}): number[][] {
  const n = predictors[0]?.length ?? 0;
  for (const [k, col] of predictors.entries()) {
    if (col.length !== n)
      throw new RangeError(
        `designMatrix requires predictors of equal length (column ${k} has ${col.length}, expected ${n})`,
      );
  }
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r: number[] = options.intercept === false ? [] : [1];
    for (const col of predictors) r.push(col[i]!);
    rows.push(r);
  }
  return rows;
}
