/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimises `f` by the Nelder–Mead downhill simplex (Nelder & Mead 1965; standard coefficients 1, 2, ½, ½).
 * Converged when the spread of simplex values falls below `tol` (absolute + relative).
 * @param options `step`: initial simplex step per coordinate (default 10% of |x0|, or 0.1); `maxIterations` (default
 *   200·n); `tol` (default 1e-8)
 * @example nelderMead(([a, b]) => (a! - 1) ** 2 + (b! + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  options: { step?: number[]; maxIterations?: number; tol?: number } = {},
): NelderMeadResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const tol = options.tol ?? 1e-8;
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! + (options.step?.[i] ?? (Math.abs(x0[i]!) > 1e-8 ? 0.1 * Math.abs(x0[i]!) : 0.1));
    simplex.push(p);
  }
  let values = simplex.map(f);
  let iterations = 0;
  let converged = false;
  const order = (): void => {
    const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const s = idx.map((i) => simplex[i]!);
    const v = idx.map((i) => values[i]!);
    for (let i = 0; i <= n; i++) simplex[i] = s[i]!;
    values = v;
  };
  const combine = (a: number[], b: number[], t: number): number[] => a.map((ai, i) => ai + t * (b[i]! - ai));
  while (iterations < maxIterations) {
    order();
    const best = values[0]!;
    const worst = values[n]!;
    if (Math.abs(worst - best) <= tol * (Math.abs(best) + tol)) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const reflected = combine(centroid, simplex[n]!, -1);
    const fr = f(reflected);
    if (fr < best) {
      const expanded = combine(centroid, simplex[n]!, -2);
      const fe = f(expanded);
      if (fe < fr) (simplex[n] = expanded), (values[n] = fe);
      else (simplex[n] = reflected), (values[n] = fr);
    } else if (fr < values[n - 1]!) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      const outside = fr < worst;
      const contracted = combine(centroid, outside ? reflected : simplex[n]!, 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : worst)) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = combine(simplex[0]!, simplex[i]!, 0.5);
          values[i] = f(simplex[i]!);
        }
      }
    }
  }
  order();
  return { x: simplex[0]!, value: values[0]!, iterations, converged };
}
