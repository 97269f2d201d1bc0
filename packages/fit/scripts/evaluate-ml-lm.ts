/**
 * `pnpm tsx packages/fit/scripts/evaluate-ml-lm.ts`: how `ml-levenberg-marquardt` (mljs) does on the 27 NIST StRD
 * nonlinear problems, with its defaults and with tight settings, given the same analytic Jacobians. It returns no
 * covariance or standard errors, so only parameter LREs are scored. Figures are recorded in the package README.
 */
import { levenbergMarquardt as mlLM } from 'ml-levenberg-marquardt';
import { loadNist, lre } from './nist-data.ts';
import { nistModels } from './nist-models.ts';

const settings = {
  defaults: {},
  tight: { maxIterations: 2000, errorTolerance: 1e-15, improvementThreshold: 1e-3, damping: 1e-2 },
};
const problems = loadNist().filter((p) => p.kind === 'nonlinear');
for (const [label, extra] of Object.entries(settings)) {
  for (const start of [1, 2] as const) {
    let ok = 0;
    let ms = 0;
    const worst: string[] = [];
    for (const p of problems) {
      const model = nistModels[p.name]!;
      const k = p.numParameters;
      const g = new Float64Array(k);
      const idx = p.y.map((_, i) => i);
      const t0 = performance.now();
      let est: number[];
      try {
        const r = mlLM({ x: idx, y: p.y }, (b: number[]) => (i: number) => model(Float64Array.from(b), p.x[i]!, null), {
          initialValues: (start === 1 ? p.start1 : p.start2)!,
          jacobianFunction: (b: number[]) => (i: number) => {
            model(Float64Array.from(b), p.x[i]!, g);
            return Array.from(g);
          },
          ...extra,
        });
        est = r.parameterValues;
      } catch {
        est = new Array<number>(k).fill(NaN);
      }
      ms += performance.now() - t0;
      const l = Math.min(...p.certifiedValues.map((c, j) => lre(est[j]!, c, 11)));
      if (l >= 6) ok++;
      else worst.push(`${p.name}(${l.toFixed(1)})`);
    }
    console.log(
      `ml-levenberg-marquardt ${label}, start ${start}: ${ok}/27 with paramLRE >= 6 (${ms.toFixed(0)} ms); below: ${worst.join(' ')}`,
    );
  }
}
