/**
 * Empirical-Bayes priors of indicator types from reference panels (many regions, yearly values): on the type's
 * modelling scale, the mean yearly change across regions (μ), the between-region spread of regions' own mean
 * changes (τ: their robust sd, 1.4826 × MAD, minus their sampling variance), the noise of yearly changes around a
 * region's mean (σ: the median over regions of their sd) and the largest 5-year change anywhere in the panel (the
 * plausibility yardstick). For growth rates (mean-reverting), the typical recent rate, the pooled AR(1)
 * coefficient φ and its residual sd.
 */
import { median, medianAbsoluteDeviation, quantile } from 'simple-statistics';
import { dynamicsOf, type Dynamics, type DynamicsKind } from './dynamics.ts';

/** One value of a reference panel: an indicator type in one region and year. */
export interface PanelObservation {
  type: string;
  region: string;
  year: number;
  value: number;
  /** e.g. `country`, `province`, `city` */
  regionLevel?: string;
}

/** The measure and bounds of a panel type (what its values are). */
export interface PanelTypeInfo {
  measure: string;
  bounds?: [number, number];
}

/**
 * The measures of the reference panel types (`packages/datasets/data/panels/<type>.csv`). A type not listed here
 * needs its measure passed to {@link estimatePrior}. Not yet listed: `population` (count) and
 * `patent_applications_per_10k` (rate) — the growth-curve path's plausibility test fails on four of their series
 * (a logistic whose fitted capacity sits just above a declining series), so they wait for that fix.
 */
export const PANEL_TYPES: Readonly<Record<string, PanelTypeInfo>> = {
  rd_intensity: { measure: 'share', bounds: [0, 100] },
  invention_patents_per_10k: { measure: 'rate' },
  hightech_firms: { measure: 'count' },
  tech_smes: { measure: 'count' },
  invention_patents_valid: { measure: 'count' },
  gdp: { measure: 'amount' },
  gdp_growth: { measure: 'growth' },
  hightech_industry_firms: { measure: 'count' },
  invention_patents_granted: { measure: 'count' },
  urban_population: { measure: 'count' },
  tech_contract_turnover: { measure: 'amount' },
  services_share: { measure: 'share', bounds: [0, 100] },
  industry_share: { measure: 'share', bounds: [0, 100] },
  urbanisation: { measure: 'share', bounds: [0, 100] },
  life_expectancy: { measure: 'level' },
  schooling_years: { measure: 'level' },
  good_air_days_share: { measure: 'share', bounds: [0, 100] },
};

/** A type's prior on its modelling scale (see the module comment). Plain JSON. */
export interface TypePrior {
  /** panel type, or `pooled:<kind>` for the union of all panels of one dynamics kind */
  type: string;
  kind: DynamicsKind;
  measure: string;
  bounds: [number, number] | null;
  /** years of the panel used (the era): changes between years in [fromYear, toYear] */
  fromYear: number;
  toYear: number;
  nRegions: number;
  nChanges: number;
  /** μ: mean over regions of their mean yearly change */
  drift: number;
  /** τ: between-region sd of regions' true mean yearly change */
  betweenSd: number;
  /** σ: within-region sd of yearly changes around the region's mean (for mean-reverting: the AR(1) residual sd) */
  noiseSd: number;
  /** 90th percentile over regions of their noise sd: the most a series' own swings may raise its σ */
  noiseSdP90?: number;
  /** largest |5-year change| on the modelling scale in the panel */
  maxChange5: number;
  /**
   * mean-reverting only: typical rate (the common level: median across regions in the era's last year, smoothed by
   * the trend line of the last 5 years' medians), AR(1) φ of regions' deviations from the common level, sd of
   * regions' recent mean deviations
   */
  typical?: number;
  phi?: number;
  typicalSd?: number;
  /** mean-reverting only: yearly change of the common level over the era's last 5 years (slowdowns, booms) */
  typicalTrend?: number;
  /** types pooled into a `pooled:<kind>` prior */
  pooledTypes?: string[];
}

/** Options of {@link estimatePrior}. */
export interface EstimatePriorOptions {
  /** first and last year of the era (inclusive). @default all years */
  fromYear?: number;
  toYear?: number;
  /** measure and bounds of the type; by default {@link PANEL_TYPES} */
  info?: PanelTypeInfo;
}

/** Floor of τ relative to σ: a type whose regions look identical still leaves a little room between regions. */
const MIN_BETWEEN_RATIO = 0.05;

/**
 * Estimates a type's prior from its panel rows (all of one type, or several types for a pooled prior: each
 * type × region is then one series).
 * @throws RangeError when the measure is unknown or fewer than 3 series have a yearly change in the era
 * @example
 * const prior = estimatePrior(rows.filter((r) => r.type === 'gdp'), { fromYear: 2010, toYear: 2020 });
 * prior.drift; // mean yearly log change, e.g. 0.08
 */
export function estimatePrior(rows: readonly PanelObservation[], options: EstimatePriorOptions = {}): TypePrior {
  const types = [...new Set(rows.map((r) => r.type))];
  const type = types.length === 1 ? types[0]! : `pooled:${types.join('+')}`;
  const info = options.info ?? PANEL_TYPES[types[0] ?? ''];
  if (!info) throw new RangeError(`estimatePrior: panel type '${types[0]}' has no known measure; pass options.info`);
  const dyn = dynamicsOf({ measure: info.measure, bounds: info.bounds ?? null });
  if (!dyn.ok) throw new RangeError(`estimatePrior: type '${type}': ${dyn.reason}`);
  const from = options.fromYear ?? -Infinity;
  const to = options.toYear ?? Infinity;
  const series = seriesOf(rows, from, to, dyn.dynamics);
  const years = series.flatMap((s) => s.years);
  const base = {
    type,
    kind: dyn.dynamics.kind,
    measure: info.measure,
    bounds: dyn.dynamics.bounds,
    fromYear: Math.min(...years),
    toYear: Math.max(...years),
    nRegions: series.length,
    maxChange5: maxChange(series, 5),
    ...(types.length > 1 ? { pooledTypes: types } : {}),
  };
  return dyn.dynamics.kind === 'mean-reverting' ? meanRevertingPrior(series, base) : driftPrior(series, base, type);
}

interface Series {
  key: string;
  years: number[];
  z: number[];
}

/** Sorted series on the modelling scale, per type × region, restricted to the era (duplicate years averaged). */
function seriesOf(rows: readonly PanelObservation[], from: number, to: number, dyn: Dynamics): Series[] {
  const groups = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    if (r.year < from || r.year > to || !Number.isFinite(r.value)) continue;
    if (dyn.kind === 'log' && !(r.value > 0)) continue; // a zero in a panel of positive stocks is a gap
    const key = `${r.type}|${r.region}`;
    const g = groups.get(key) ?? new Map<number, number[]>();
    groups.set(key, g);
    g.set(r.year, [...(g.get(r.year) ?? []), r.value]);
  }
  return [...groups.entries()].map(([key, g]) => {
    const years = [...g.keys()].sort((a, b) => a - b);
    const z = years.map((y) => {
      const v = g.get(y)!;
      return dyn.forward(v.reduce((a, b) => a + b, 0) / v.length);
    });
    return { key, years, z };
  });
}

/** Yearly changes between consecutive calendar years. */
function changes(s: Series): number[] {
  const out: number[] = [];
  for (let i = 1; i < s.years.length; i++) if (s.years[i]! - s.years[i - 1]! === 1) out.push(s.z[i]! - s.z[i - 1]!);
  return out;
}

function maxChange(series: Series[], h: number): number {
  let m = 0;
  for (const s of series)
    for (let i = 0; i < s.years.length; i++)
      for (let j = i + 1; j < s.years.length; j++)
        if (s.years[j]! - s.years[i]! === h) m = Math.max(m, Math.abs(s.z[j]! - s.z[i]!));
  return m;
}

type Base = Omit<TypePrior, 'drift' | 'betweenSd' | 'noiseSd' | 'nChanges'>;

function driftPrior(series: Series[], base: Base, type: string): TypePrior {
  // per region: mean yearly change and the sd of its changes; robust summaries across regions, because country
  // panels hold wars, hyperinflations and series breaks that a pooled variance would let dominate
  const means: number[] = [];
  const sds: number[] = [];
  const ns: number[] = [];
  let nChanges = 0;
  for (const s of series) {
    const d = changes(s);
    nChanges += d.length;
    if (d.length < 3) continue;
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    means.push(mean);
    ns.push(d.length);
    sds.push(Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (d.length - 1)));
  }
  if (means.length < 3)
    throw new RangeError(
      `estimatePrior: type '${type}' has ${means.length} series with >= 3 yearly changes (need >= 3)`,
    );
  const sigma = median(sds);
  const spread = robustSd(means);
  const sampling = sigma ** 2 / median(ns);
  const tau = Math.max(Math.sqrt(Math.max(0, spread ** 2 - sampling)), MIN_BETWEEN_RATIO * sigma);
  return {
    ...base,
    nRegions: means.length,
    nChanges,
    drift: median(means),
    betweenSd: tau,
    noiseSd: sigma,
    noiseSdP90: quantile(sds, 0.9),
  };
}

/** 1.4826 × the median absolute deviation: the sd of normal data, unmoved by a few wild regions. */
function robustSd(v: number[]): number {
  return 1.4826 * medianAbsoluteDeviation(v);
}

function meanRevertingPrior(series: Series[], base: Base): TypePrior {
  // Rates share a common level that moves (China's provinces slowed together through 2011–2019): each year's median
  // across regions is that level; a region's deviation from it follows an AR(1) around the region's own mean
  // deviation. Fitting the AR(1) to the raw rates instead mistakes a common slowdown for persistence and reverts
  // toward a level the rates have already left.
  const byYear = new Map<number, number[]>();
  for (const s of series) s.years.forEach((y, i) => byYear.set(y, [...(byYear.get(y) ?? []), s.z[i]!]));
  const common = new Map([...byYear.entries()].map(([y, v]) => [y, median(v)]));
  const lastYear = base.toYear;
  const recentYears = [...common.keys()].filter((y) => y > lastYear - 5).sort((a, b) => a - b);
  const line = trendLine(
    recentYears,
    recentYears.map((y) => common.get(y)!),
  );
  const phis: number[] = [];
  const sds: number[] = [];
  let nChanges = 0;
  for (const s of series) {
    const u = s.z.map((z, i) => z - common.get(s.years[i]!)!);
    const mean = u.reduce((a, b) => a + b, 0) / u.length;
    const pairs: { x: number; y: number }[] = [];
    for (let i = 1; i < s.years.length; i++)
      if (s.years[i]! - s.years[i - 1]! === 1) pairs.push({ x: u[i - 1]! - mean, y: u[i]! - mean });
    nChanges += pairs.length;
    if (pairs.length < 4) continue;
    const sxx = pairs.reduce((a, p) => a + p.x * p.x, 0);
    const phi = sxx > 0 ? pairs.reduce((a, p) => a + p.x * p.y, 0) / sxx : 0;
    phis.push(phi);
    sds.push(Math.sqrt(pairs.reduce((a, p) => a + (p.y - phi * p.x) ** 2, 0) / (pairs.length - 1)));
  }
  if (phis.length < 3) throw new RangeError(`estimatePrior: type '${base.type}' has too few series with yearly pairs`);
  const phi = Math.min(0.95, Math.max(0, median(phis)));
  // the common level's own year-to-year surprise (around its trend) adds to every region's noise
  const years = [...common.keys()].sort((a, b) => a - b);
  const commonSteps: number[] = [];
  for (let i = 1; i < years.length; i++)
    if (years[i]! - years[i - 1]! === 1) commonSteps.push(common.get(years[i]!)! - common.get(years[i - 1]!)!);
  const commonSd = commonSteps.length >= 3 ? robustSd(commonSteps) : 0;
  const scale = (v: number) => Math.sqrt(v ** 2 + commonSd ** 2);
  // typical level: regions' mean deviation over the last five years, around the common level of the last year
  const recentMeans = series
    .map((s) => s.years.map((y, i) => (y > lastYear - 5 ? s.z[i]! - common.get(y)! : Number.NaN)))
    .map((v) => v.filter(Number.isFinite))
    .filter((v) => v.length > 0)
    .map((v) => v.reduce((a, b) => a + b, 0) / v.length);
  return {
    ...base,
    nRegions: phis.length,
    nChanges,
    drift: 0,
    betweenSd: 0,
    noiseSd: scale(median(sds)),
    noiseSdP90: scale(quantile(sds, 0.9)),
    typical: line.at(lastYear),
    typicalTrend: line.slope,
    phi,
    typicalSd: robustSd(recentMeans),
  };
}

/** Least-squares line through (x, y); a flat line through the mean with fewer than 3 points. */
function trendLine(x: number[], y: number[]): { slope: number; at: (t: number) => number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  const sxx = x.reduce((a, v) => a + (v - mx) ** 2, 0);
  const slope = n >= 3 && sxx > 0 ? x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0) / sxx : 0;
  return { slope, at: (t) => my + slope * (t - mx) };
}

/**
 * The prior of an indicator whose own type has no panel, from the priors of the types that do (all counts, all
 * shares): a hierarchy in which the new type's mean drift is one more draw from the types' drifts. Centre: the
 * median of the types' drifts; between sd: the spread of the types' drifts and the typical between-region sd within
 * a type; noise: the median of the types' noise. Each type counts once, whatever its number of regions (pooling the
 * series instead let urbanisation's 217 smooth country series set the noise of every share, and invention patents'
 * 20 %/yr set the growth of every count).
 * @throws RangeError on an empty list or mixed dynamics kinds
 * @example poolTypePriors([priors.gdp, priors.tech_contract_turnover], 'pooled:amount').drift;
 */
export function poolTypePriors(priors: readonly TypePrior[], type: string): TypePrior {
  if (priors.length === 0) throw new RangeError(`poolTypePriors(${type}): no type priors`);
  const kind = priors[0]!.kind;
  const mixed = priors.find((p) => p.kind !== kind);
  if (mixed) throw new RangeError(`poolTypePriors(${type}): ${mixed.type} is ${mixed.kind}, not ${kind}`);
  const med = (f: (p: TypePrior) => number) => median(priors.map(f));
  const spread = (f: (p: TypePrior) => number) => {
    if (priors.length < 2) return 0;
    const v = priors.map(f);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1);
  };
  const first = priors[0]!;
  const out: TypePrior = {
    type,
    kind,
    measure: first.measure,
    bounds: first.bounds,
    fromYear: Math.min(...priors.map((p) => p.fromYear)),
    toYear: Math.max(...priors.map((p) => p.toYear)),
    nRegions: priors.reduce((a, p) => a + p.nRegions, 0),
    nChanges: priors.reduce((a, p) => a + p.nChanges, 0),
    drift: med((p) => p.drift),
    betweenSd: Math.sqrt(spread((p) => p.drift) + med((p) => p.betweenSd ** 2)),
    noiseSd: med((p) => p.noiseSd),
    noiseSdP90: med((p) => p.noiseSdP90 ?? p.noiseSd),
    maxChange5: Math.max(...priors.map((p) => p.maxChange5)),
    pooledTypes: priors.map((p) => p.type),
  };
  if (kind === 'mean-reverting') {
    out.typical = med((p) => p.typical ?? 0);
    out.typicalSd = Math.sqrt(spread((p) => p.typical ?? 0) + med((p) => (p.typicalSd ?? 0) ** 2));
    out.typicalTrend = med((p) => p.typicalTrend ?? 0);
    out.phi = med((p) => p.phi ?? 0.5);
  }
  return out;
}
