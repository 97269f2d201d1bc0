import type { GrowthFamily } from './family.ts';
import { fitCurve, resolveFamily, type CurveFit, type FitOptions, type Series } from './fit-curve.ts';

/** Options of {@link selectCurve}. */
export interface SelectOptions {
  /** Candidate families (names or descriptors). @default ['linear', 'exponential', 'logistic', 'gompertz', 'richards', 'power', 'quadratic'] */
  models?: (string | GrowthFamily)[];
  /** Criterion to minimise. @default 'aicc' */
  criterion?: 'aicc' | 'bic';
  /** Options for every fit. @default {} */
  fit?: FitOptions;
  /** Per-model options (by family name), merged over `fit`, e.g. `{logistic: {fixed: {K: 100}}}`. @default {} */
  perModel?: Record<string, FitOptions>;
}

/** One row of the comparison table. */
export interface SelectionRow {
  model: string;
  /** Estimated parameters (free ones). */
  k: number;
  n: number;
  rss: number;
  aicc: number;
  bic: number;
  /** Chosen criterion (AICc by default) minus the best one: 0 for the best; NaN when not comparable. */
  deltaAicc: number;
  /** Akaike weight exp(−Δ/2) / Σ exp(−Δ/2) over converged candidates (with the chosen criterion). */
  weight: number;
  status: string;
}

/** Plain-JSON result of {@link selectCurve}. */
export interface CurveSelection {
  /** The converged fit with the smallest criterion, or null if none converged. */
  best: CurveFit | null;
  /** The criterion the table is ranked by: the one asked for, or AIC when AICc is undefined for every candidate. */
  criterion: 'aicc' | 'bic' | 'aic';
  /** Why the ranking criterion differs from the one asked for (AICc needs n > k + 2, σ counted in k); else null. */
  criterionNote: string | null;
  /** Every candidate that was fitted, best first. */
  table: SelectionRow[];
  /** Candidates not fitted, with the reason (too few points for its parameters, data its start values cannot use). */
  skipped: { model: string; reason: string }[];
  /** The fits themselves, by model name. */
  fits: Record<string, CurveFit>;
}

/**
 * Candidate families of {@link selectCurve} when `options.models` is not given.
 *
 * @example
 * selectCurve(series, { models: DEFAULT_MODELS.filter((m) => m !== 'power') });
 */
export const DEFAULT_MODELS = ['linear', 'exponential', 'logistic', 'gompertz', 'richards', 'power', 'quadratic'];

/**
 * Fits every candidate family identifiable from the data and ranks them by AICc (or BIC). A family with k free
 * parameters needs n ≥ k + 1 finite observations (one residual degree of freedom), except that with only two points
 * the two-parameter families are still fitted (exactly) and the simplest wins; the others are listed in `skipped` with
 * the reason. Ties and non-finite criteria fall back to fewer parameters, then list order.
 *
 * @see Burnham & Anderson (2002), Model Selection and Multimodel Inference.
 * @example
 * const { best, table, skipped } = selectCurve({ t: [2016, 2017, 2018, 2019, 2020, 2021], y: [3, 5, 9, 15, 22, 28] });
 */
export function selectCurve(series: Series, options: SelectOptions = {}): CurveSelection {
  const criterion = options.criterion ?? 'aicc';
  const models = (options.models ?? DEFAULT_MODELS).map(resolveFamily);
  let n = 0;
  for (let i = 0; i < series.y.length; i++) if (Number.isFinite(series.t[i]!) && Number.isFinite(series.y[i]!)) n++;
  const skipped: { model: string; reason: string }[] = [];
  const fits: Record<string, CurveFit> = {};
  const order: { fit: CurveFit; k: number; index: number }[] = [];
  models.forEach((family, index) => {
    const opts = { ...options.fit, ...options.perModel?.[family.name] };
    const k = family.params.length - Object.keys(opts.fixed ?? {}).length;
    // Two points identify only two-parameter families (exactly); more parameters need a residual degree of freedom.
    const needed = k <= 2 ? 2 : k + 1;
    if (n < needed) {
      skipped.push({
        model: family.name,
        reason: `needs at least ${needed} finite observations for ${k} parameters, has ${n}`,
      });
      return;
    }
    try {
      const fit = fitCurve(series, family, opts);
      fits[family.name] = fit;
      order.push({ fit, k, index });
    } catch (error) {
      skipped.push({ model: family.name, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  // With very few points (n = 3 and two parameters) AICc's small-sample term is undefined for every candidate;
  // ranking them by list order would ignore the fit, so AIC (the same likelihood, without the correction) ranks them.
  const undefinedForAll =
    criterion === 'aicc' &&
    order.some(({ fit }) => fit.status === 'converged') &&
    order.every(({ fit }) => fit.status !== 'converged' || !Number.isFinite(fit.aicc));
  const ranking: 'aicc' | 'bic' | 'aic' = undefinedForAll ? 'aic' : criterion;
  const criterionNote = undefinedForAll
    ? `AICc is undefined for n = ${n} (it needs n > k + 2 with σ counted in k); candidates ranked by AIC`
    : null;
  const score = (f: CurveFit): number => {
    const v = ranking === 'aicc' ? f.aicc : ranking === 'aic' ? f.aic : f.bic;
    return f.status === 'converged' && Number.isFinite(v) ? v : Infinity;
  };
  order.sort((a, b) => {
    const ca = a.fit.status === 'converged' ? 0 : 1;
    const cb = b.fit.status === 'converged' ? 0 : 1;
    if (ca !== cb) return ca - cb;
    const d = score(a.fit) - score(b.fit);
    if (d !== 0 && !Number.isNaN(d)) return d;
    return a.k - b.k || a.index - b.index;
  });
  const best = order.length > 0 && order[0]!.fit.status === 'converged' ? order[0]!.fit : null;
  const bestScore = best ? score(best) : NaN;
  let total = 0;
  const raw = order.map(({ fit }) => {
    const d = score(fit) - bestScore;
    const wgt = Number.isFinite(d) ? Math.exp(-d / 2) : 0;
    total += wgt;
    return { d, wgt };
  });
  const table = order.map(({ fit, k }, i) => ({
    model: fit.model,
    k,
    n: fit.n,
    rss: fit.rss,
    aicc: fit.aicc,
    bic: fit.bic,
    deltaAicc: Number.isFinite(raw[i]!.d) ? raw[i]!.d : NaN,
    weight: total > 0 ? raw[i]!.wgt / total : NaN,
    status: fit.status,
  }));
  return { best, criterion: ranking, criterionNote, table, skipped, fits };
}
