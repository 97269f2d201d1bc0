/**
 * The evidence a pooled projection draws on, passed in by the caller (this package reads no files): type priors
 * estimated from reference panels, parent regions' series, and the mapping of an indicator to its panel type and
 * parent regions.
 */
import type { Indicator, Observation } from '@trajectory/core';
import type { YearlySeries } from '../projection/types.ts';
import type { DynamicsKind } from './dynamics.ts';
import type { ParentSeries } from './pooled.ts';
import { estimatePrior, PANEL_TYPES, type PanelObservation, poolTypePriors, type TypePrior } from './priors.ts';

/** Priors by type (panel types and `pooled:<kind>`), and parent-region series by indicator key. */
export interface Evidence {
  priors: Readonly<Record<string, TypePrior>>;
  /** observed series of parent-region indicators, keyed like `tianjin.hightech_firms` */
  parents?: ReadonlyMap<string, YearlySeries>;
}

/**
 * The panel type of a seed indicator, by the key after its region (`binhai.rd_gdp_ratio` → `rd_intensity`).
 * Keys not listed here use the pooled prior of their dynamics kind.
 */
export const INDICATOR_TYPES: Readonly<Record<string, string>> = {
  rd_gdp_ratio: 'rd_intensity',
  rd_intensity: 'rd_intensity',
  invention_patents_per_10k: 'invention_patents_per_10k',
  hightech_firms: 'hightech_firms',
  tech_smes: 'tech_smes',
  gdp: 'gdp',
  gdp_growth: 'gdp_growth',
  gdp_growth_avg: 'gdp_growth',
  life_expectancy: 'life_expectancy',
  new_labour_schooling_years: 'schooling_years',
  schooling_years: 'schooling_years',
  good_air_days_share: 'good_air_days_share',
  tertiary_industry_share: 'services_share',
  services_share: 'services_share',
  secondary_industry_share: 'industry_share',
  industry_share: 'industry_share',
  urbanisation: 'urbanisation',
};

/** Parent regions, nearest first (district ← city ← nation). */
export const REGION_PARENTS: Readonly<Record<string, readonly string[]>> = {
  nankai: ['tianjin', 'china'],
  hexi: ['tianjin', 'china'],
  teda: ['binhai_new_area', 'tianjin', 'china'],
  binhai: ['binhai_new_area', 'tianjin', 'china'],
  binhai_new_area: ['tianjin', 'china'],
  tianjin: ['china'],
};

/**
 * The key of an indicator after its region.
 * @example indicatorKey('binhai.hightech_firms'); // 'hightech_firms'
 */
export function indicatorKey(id: string): string {
  const i = id.indexOf('.');
  return i < 0 ? id : id.slice(i + 1);
}

/**
 * The prior for an indicator: its panel type's when the type exists in the evidence and has the same dynamics kind,
 * else the pooled prior of its measure (all amount panels for an amount), else of its dynamics kind.
 * @example
 * priorFor(evidence, 'binhai.rd_gdp_ratio', 'logit')?.type; // 'rd_intensity'
 */
export function priorFor(evidence: Evidence, id: string, kind: DynamicsKind, measure?: string): TypePrior | null {
  const type = INDICATOR_TYPES[indicatorKey(id)];
  const own = type ? evidence.priors[type] : undefined;
  if (own && own.kind === kind) return own;
  const byMeasure = measure ? evidence.priors[`pooled:${measure}`] : undefined;
  if (byMeasure && byMeasure.kind === kind) return byMeasure;
  return evidence.priors[`pooled:${kind}`] ?? null;
}

/**
 * The nearest parent region's series of the same indicator key with at least two observations.
 * @example
 * parentFor(evidence, 'nankai', 'hightech_firms')?.region; // 'tianjin'
 */
export function parentFor(evidence: Evidence, region: string, id: string): ParentSeries | null {
  const key = indicatorKey(id);
  for (const parent of REGION_PARENTS[region] ?? []) {
    const s = evidence.parents?.get(`${parent}.${key}`);
    if (s && s.years.length >= 2) return { region: parent, years: s.years, values: s.values };
  }
  return null;
}

/** Options of {@link buildPriors}. */
export interface BuildPriorsOptions {
  fromYear?: number;
  /** ignore panel values after this year (the as-of year) */
  toYear?: number;
  /**
   * Preferred region level (`province` for Chinese plans, `country` for national plans): a type with at least
   * `minSeries` series at that level uses only those (the closer reference class); else all levels.
   */
  level?: string;
  /** @default 20 */
  minSeries?: number;
}

/**
 * Priors for every panel type present in `rows` (types listed in `PANEL_TYPES`), plus a `pooled:<measure>` prior per
 * measure with at least two panel types, and a `pooled:<kind>` prior per dynamics kind over all types of that measure or kind. Types that cannot be estimated (too few series) are left out.
 * @example
 * const priors = buildPriors(rows, { fromYear: 2010, toYear: 2020 });
 * priors['pooled:log']?.drift;
 */
export function buildPriors(
  rows: readonly PanelObservation[],
  options: BuildPriorsOptions = {},
): Record<string, TypePrior> {
  const out: Record<string, TypePrior> = {};
  const byType = new Map<string, PanelObservation[]>();
  for (const r of rows) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  const byKind = new Map<DynamicsKind, TypePrior[]>();
  const byMeasure = new Map<string, TypePrior[]>();
  for (const [type, allRows] of byType) {
    const info = PANEL_TYPES[type];
    if (!info) continue;
    let typeRows = allRows;
    if (options.level !== undefined) {
      const atLevel = allRows.filter((r) => r.regionLevel === options.level);
      if (new Set(atLevel.map((r) => r.region)).size >= (options.minSeries ?? 20)) typeRows = atLevel;
    }
    let prior: TypePrior;
    try {
      prior = estimatePrior(typeRows, options);
    } catch {
      continue;
    }
    out[type] = prior;
    byKind.set(prior.kind, [...(byKind.get(prior.kind) ?? []), prior]);
    byMeasure.set(info.measure, [...(byMeasure.get(info.measure) ?? []), prior]);
  }
  // a pool needs two types at least: one type's between-region spread understates how other types differ
  for (const [measure, priors] of byMeasure)
    if (priors.length >= 2) out[`pooled:${measure}`] = poolTypePriors(priors, `pooled:${measure}`);
  for (const [kind, priors] of byKind) out[`pooled:${kind}`] = poolTypePriors(priors, `pooled:${kind}`);
  return out;
}

/** A history row as `mergeHistory` and `parentSeries` read it (the columns of `history.csv` they need). */
export interface HistoryObservation {
  id: string;
  indicator: string;
  kind: string;
  year: number;
  value: number;
  unit: string;
  quote: string;
  source_title: string;
}

/**
 * Adds observed history rows to the indicators they belong to (same indicator id and unit) as observations, keeping
 * each row's source; rows in another unit are left out and counted. Observations after `asOf` are dropped
 * (from the indicators' own rows too).
 * @example
 * const { indicators } = mergeHistory(loadSeedIndicators(), loadHistory());
 */
export function mergeHistory<I extends Indicator>(
  indicators: readonly I[],
  history: readonly HistoryObservation[],
  asOf?: number,
): { indicators: I[]; added: number; skipped: string[] } {
  const byId = new Map<string, HistoryObservation[]>();
  for (const h of history) {
    if (h.kind !== 'observed' || (asOf !== undefined && h.year > asOf)) continue;
    const list = byId.get(h.indicator);
    if (list) list.push(h);
    else byId.set(h.indicator, [h]);
  }
  let added = 0;
  const skipped: string[] = [];
  const out = indicators.map((ind) => {
    const own = ind.observations.filter((o) => asOf === undefined || o.year <= asOf);
    const extra: Observation[] = [];
    for (const h of byId.get(ind.id) ?? []) {
      if (h.unit !== ind.unit) {
        skipped.push(`${h.id}: unit ${h.unit} differs from ${ind.id}'s ${ind.unit}`);
        continue;
      }
      extra.push({ year: h.year, value: h.value, source: { doc: h.source_title, quote: h.quote, rowId: h.id } });
    }
    added += extra.length;
    return { ...ind, observations: [...own, ...extra] };
  });
  return { indicators: out, added, skipped };
}

/**
 * Observed series of every indicator key in the history (one value per year: the mean of its figures; the most
 * common unit only), up to `asOf`: the parent-region series of {@link Evidence}.
 * @example parentSeries(loadHistory()).get('tianjin.hightech_firms');
 */
export function parentSeries(history: readonly HistoryObservation[], asOf?: number): Map<string, YearlySeries> {
  const groups = new Map<string, HistoryObservation[]>();
  for (const h of history) {
    if (h.kind !== 'observed' || !Number.isFinite(h.value) || (asOf !== undefined && h.year > asOf)) continue;
    const list = groups.get(h.indicator);
    if (list) list.push(h);
    else groups.set(h.indicator, [h]);
  }
  const out = new Map<string, YearlySeries>();
  for (const [key, rows] of groups) {
    const units = new Map<string, number>();
    for (const r of rows) units.set(r.unit, (units.get(r.unit) ?? 0) + 1);
    const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const byYear = new Map<number, number[]>();
    for (const r of rows) if (r.unit === unit) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.value]);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    out.set(key, {
      years,
      values: years.map((y) => byYear.get(y)!.reduce((a, b) => a + b, 0) / byYear.get(y)!.length),
    });
  }
  return out;
}
