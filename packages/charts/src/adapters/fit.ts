/**
 * Adapter from fit results to {@link FitDiagnosticsInput}. Typed structurally (the fields `@trajectory/fit`'s
 * `CurveFit` and selection rows carry), so it does not depend on that package's internals.
 */
import type { FitDiagnosticsInput, ModelRow } from '../types.ts';

/** The part of a curve fit the diagnostics need: model name and residuals (observed − fitted). */
export interface FitResidualsLike {
  model: string;
  residuals: ArrayLike<number>;
}

/**
 * Diagnostics input from several fits of one series and their selection table: residuals are matched to `years`
 * by position (the series' time axis).
 *
 * @example
 * const spec = fitDiagnostics(fitDiagnosticsInput('高新技术企业: 拟合诊断', '家', years, fits, selection));
 */
export function fitDiagnosticsInput(
  title: string,
  unit: string,
  years: ArrayLike<number>,
  fits: readonly FitResidualsLike[],
  selection: readonly ModelRow[],
): FitDiagnosticsInput {
  const residuals = fits.flatMap((f) => {
    if (f.residuals.length !== years.length) {
      throw new RangeError(`fitDiagnosticsInput: ${f.model} has ${f.residuals.length} residuals for ${years.length} years`);
    }
    return Array.from(f.residuals, (residual, i) => ({ model: f.model, year: years[i] ?? NaN, residual })).filter((r) => Number.isFinite(r.residual));
  });
  return { title, unit, residuals, models: selection.map((m) => ({ ...m })) };
}
