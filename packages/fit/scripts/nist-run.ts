/** Runs one NIST problem with the package's solvers and scores it (shared by scripts/nist.ts and the tests). */
import { levenbergMarquardt, type LevenbergMarquardtOptions } from '../src/levenberg-marquardt.ts';
import { linearLeastSquares } from '../src/linear-least-squares.ts';
import { lre, type NistProblem } from './nist-data.ts';
import { nistAccurateResiduals, nistModels } from './nist-models.ts';

export interface NistResult {
  problem: string;
  kind: 'nonlinear' | 'linear';
  start: 0 | 1 | 2;
  status: string;
  paramLRE: number;
  stderrLRE: number;
  ms: number;
}

/** Fits a nonlinear problem from NIST start 1 or 2 with analytic Jacobians and default options. */
export function runNonlinear(p: NistProblem, start: 1 | 2, options: LevenbergMarquardtOptions = {}) {
  const model = nistModels[p.name];
  if (!model) throw new Error(`no model for ${p.name}`);
  const m = p.y.length;
  const k = p.numParameters;
  const g = new Float64Array(k);
  const accurate = nistAccurateResiduals[p.name];
  const t0 = performance.now();
  const fit = levenbergMarquardt(
    {
      m,
      initial: (start === 1 ? p.start1 : p.start2)!,
      residuals: (b, out) => {
        for (let i = 0; i < m; i++) out[i] = model(b, p.x[i]!, null) - p.y[i]!;
      },
      jacobian: (b, out) => {
        for (let i = 0; i < m; i++) {
          model(b, p.x[i]!, g);
          for (let j = 0; j < k; j++) out[j * m + i] = g[j]!;
        }
      },
      residualsAccurate: accurate
        ? (b, out) => {
            for (let i = 0; i < m; i++) out[i] = accurate(b, [p.x[i]![0]!, p.xLo[i]![0]!], [p.y[i]!, p.yLo[i]!]);
          }
        : undefined,
    },
    options,
  );
  const ms = performance.now() - t0;
  return { fit, result: score(p, start, fit.status, fit.params, fit.stderr, ms) };
}

/** Fits a linear problem (polynomial in x, or the Longley predictors, NoInt without intercept). */
export function runLinear(p: NistProblem) {
  const t0 = performance.now();
  const noIntercept = p.name.startsWith('NoInt');
  const rows = p.x.map((xi) => {
    if (p.name === 'Longley') return [1, ...xi];
    if (noIntercept) return [xi[0]!];
    const r: number[] = [];
    for (let d = 0; d < p.numParameters; d++) r.push(xi[0]! ** d);
    return r;
  });
  const fit = linearLeastSquares(rows, p.y);
  const ms = performance.now() - t0;
  return { fit, result: score(p, 0, fit.status, fit.coefficients, fit.stderr, ms) };
}

function score(p: NistProblem, start: 0 | 1 | 2, status: string, est: number[], se: number[], ms: number): NistResult {
  const digits = p.kind === 'linear' ? 15 : 11;
  let paramLRE = Infinity;
  let stderrLRE = Infinity;
  for (let j = 0; j < p.numParameters; j++) {
    paramLRE = Math.min(paramLRE, lre(est[j]!, p.certifiedValues[j]!, digits));
    // Wampler1/2: certified standard errors are exactly 0.
    const cs = p.certifiedStdDevs[j]!;
    stderrLRE = Math.min(
      stderrLRE,
      cs === 0
        ? Math.abs(se[j]!) < 1e-10 * Math.abs(p.certifiedValues[j]! || 1)
          ? digits
          : 0
        : lre(se[j]!, cs, digits),
    );
  }
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    problem: p.name,
    kind: p.kind,
    start,
    status,
    paramLRE: r1(paramLRE),
    stderrLRE: r1(stderrLRE),
    ms: Math.round(ms * 100) / 100,
  };
}
