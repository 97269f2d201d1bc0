/**
 * L2-penalised logistic regression by Newton–Raphson (iteratively reweighted least squares), the linear solves by
 * mathjs. The penalty (not on the intercept) keeps coefficients finite on small, separable training folds.
 * (ml-logistic-regression fits by fixed-step gradient descent without a penalty, which is not the penalised MLE.)
 */
import { lusolve } from 'mathjs';

/** A fitted model: `P(y = 1 | x) = σ(intercept + Σ coef_j x_j)`. */
export interface LogisticFit {
  intercept: number;
  coef: number[];
  iterations: number;
  converged: boolean;
}

/**
 * Fits `y ~ x` with penalty `lambda/2 · Σ coef²`.
 * @param x rows of features (already standardised by the caller)
 * @param y 0/1 outcomes
 * @throws RangeError when x and y differ in length or x is empty
 * @example
 * fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], 1).coef[0]; // > 0
 */
export function fitLogistic(x: readonly number[][], y: readonly number[], lambda = 1, maxIter = 50): LogisticFit {
  const n = x.length;
  if (n === 0 || n !== y.length) throw new RangeError(`fitLogistic: ${n} rows of x for ${y.length} outcomes`);
  const k = x[0]!.length + 1;
  const beta = new Array<number>(k).fill(0);
  let converged = false;
  let it = 0;
  for (; it < maxIter && !converged; it++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < n; i++) {
      const row = [1, ...x[i]!];
      const p = sigmoid(dot(beta, row));
      const w = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < k; a++) {
        grad[a]! += (y[i]! - p) * row[a]!;
        for (let b = 0; b < k; b++) hess[a]![b]! += w * row[a]! * row[b]!;
      }
    }
    for (let a = 1; a < k; a++) {
      grad[a]! -= lambda * beta[a]!;
      hess[a]![a]! += lambda;
    }
    hess[0]![0]! += 1e-9;
    const step = (lusolve(hess, grad) as number[][]).map((r) => r[0]!);
    for (let a = 0; a < k; a++) beta[a]! += step[a]!;
    converged = Math.max(...step.map(Math.abs)) < 1e-9;
  }
  return { intercept: beta[0]!, coef: beta.slice(1), iterations: it, converged };
}

/**
 * The fitted probability for one row of features.
 * @example predictLogistic({ intercept: 0, coef: [1], iterations: 1, converged: true }, [0]); // 0.5
 */
export function predictLogistic(fit: Pick<LogisticFit, 'intercept' | 'coef'>, x: readonly number[]): number {
  return sigmoid(fit.intercept + dot(fit.coef, x));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function sigmoid(t: number): number {
  return 1 / (1 + Math.exp(-t));
}
