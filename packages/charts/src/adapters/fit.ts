/**
 * Adapters from `@trajectory/fit` results (type-only import) to chart inputs: the model-comparison diagnostics and
 * the fitted curve of a fan chart.
 */
import type { CurveFit, CurveSelection } from '@trajectory/fit';
import type { CurveReport } from '@trajectory/forecast';
import type { FitDiagnosticsInput, ModelRow, YearValue } from '../types.ts';

/** The part of a curve fit the diagnostics need: model name and residuals (observed − fitted). */
export interface FitResidualsLike {
  model: string;
  residuals: ArrayLike<number>;
}

/** A finite number, or `null` (NaN criteria of non-comparable fits become "–" in the table). */
function finite(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/**
 * Diagnostics input from several fits of one series and their selection table: residuals are matched to `years`
 * by position (the series' time axis). Non-finite criteria become `null`.
 *
 * @example
 * const spec = fitDiagnostics(fitDiagnosticsInput('高新技术企业: 拟合诊断', '家', years, fits, table));
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
      throw new RangeError(
        `fitDiagnosticsInput: ${f.model} has ${f.residuals.length} residuals for ${years.length} years`,
      );
    }
    return Array.from(f.residuals, (residual, i) => ({ model: f.model, year: years[i] ?? NaN, residual })).filter((r) =>
      Number.isFinite(r.residual),
    );
  });
  const models = selection.map((m) => ({
    ...m,
    aicc: finite(m.aicc),
    bic: finite(m.bic),
    deltaAicc: finite(m.deltaAicc),
    weight: finite(m.weight),
  }));
  return { title, unit, residuals, models };
}

/**
 * Diagnostics input straight from `selectCurve`'s result: every fitted candidate's residuals on its own time axis
 * (`fit.t`) and the comparison table.
 *
 * @example
 * const sel = selectCurve({ t: years, y: values });
 * const spec = fitDiagnostics(selectionDiagnosticsInput('拟合诊断', '家', sel));
 */
export function selectionDiagnosticsInput(title: string, unit: string, selection: CurveSelection): FitDiagnosticsInput {
  const fits = selection.table.map((row) => selection.fits[row.model]).filter((f): f is CurveFit => f !== undefined);
  const residuals = fits.flatMap((f) =>
    f.t.flatMap((year, i) => {
      const residual = f.residuals[i];
      return residual === undefined || !Number.isFinite(residual) ? [] : [{ model: f.model, year, residual }];
    }),
  );
  return { ...fitDiagnosticsInput(title, unit, [], [], selection.table), residuals };
}

/**
 * The fitted curve of a fit at its observation times, for `FanChartInput.fitted`.
 *
 * @example
 * fanChart({ ...input, fitted: fittedCurve(selection.best!) });
 */
export function fittedCurve(fit: Pick<CurveFit, 't' | 'fitted'>): YearValue[] {
  return fit.t.flatMap((year, i) => {
    const value = fit.fitted[i];
    return value === undefined || !Number.isFinite(value) ? [] : [{ year, value }];
  });
}

/**
 * Diagnostics input from the curve path of a pooled projection (`projection.curve` of `@trajectory/forecast`): the
 * observations fitted, every candidate's curve over the observed and projected years, its residuals and its row of
 * the AICc table, and the family chosen.
 *
 * @example
 * const curve = assessment.projection?.curve;
 * if (curve) fitDiagnostics(curveDiagnosticsInput('高新技术企业: 增长曲线', '家', curve));
 */
export function curveDiagnosticsInput(title: string, unit: string, curve: CurveReport): FitDiagnosticsInput {
  return {
    title,
    subtitle: `${curve.chosen} chosen by ${curve.criterion === 'aicc' ? 'AICc' : curve.criterion.toUpperCase()} (weight ${curve.candidates.find((c) => c.model === curve.chosen)?.weight.toFixed(2) ?? '–'}); walk on the ${curve.scale}`,
    unit,
    observations: curve.observations,
    curves: curve.candidates.flatMap((c) => c.line.map((p) => ({ model: c.model, year: p.year, value: p.value }))),
    chosen: curve.chosen,
    residuals: curve.candidates.flatMap((c) =>
      c.residuals.map((r) => ({ model: c.model, year: r.year, residual: r.residual })),
    ),
    models: curve.candidates.map((c) => ({
      model: c.model,
      k: c.k,
      n: c.n,
      rss: c.rss,
      aicc: finite(c.aicc),
      bic: finite(c.bic),
      deltaAicc: finite(c.deltaAicc),
      weight: finite(c.weight),
      status: c.status,
    })),
  };
}
