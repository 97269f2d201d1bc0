/**
 * Past plan targets with their outcomes as cases of the outcome model: for each row of `plan-outcomes.csv`, the
 * features of the target computed only from what was known when the plan was written — type priors from panel
 * values up to the base year, the base itself — and whether it was met.
 */
import type { Comparator } from '@trajectory/core';
import { buildPriors } from '../pooled/evidence.ts';
import type { PanelObservation, TypePrior } from '../pooled/priors.ts';
import { targetFeatures } from './features.ts';
import type { OutcomeCase } from './model.ts';

/** A plan-outcome row, as `@trajectory/datasets`' `loadPlanOutcomes` returns it (the fields used here). */
export interface PlanOutcomeInput {
  plan: string;
  family: string;
  region: string;
  indicator_en: string;
  unit: string;
  measure: string;
  attribute: string | null;
  base_year: number | null;
  base_value: number | null;
  target_year: number;
  target_value: number;
  comparator: Comparator;
  outcome_year: number;
  met: boolean;
}

/** Options of {@link outcomeCases}. */
export interface OutcomeCaseOptions {
  /** leave out outcomes not known by this year (outcome_year > asOf) and panel values after it */
  asOf?: number;
  nPaths?: number;
  seed?: number;
}

/** A plan-outcome row turned into a case, or why not. */
export interface OutcomeCaseResult {
  cases: (OutcomeCase & { row: number; plan: string; region: string; indicator: string; prior: string })[];
  skipped: { row: number; reason: string }[];
}

/** Plan horizon assumed for a target without a base year (Five-Year Plans). */
const DEFAULT_HORIZON = 5;

/**
 * The outcome model's cases from plan-outcome rows and reference panels. A target's base is its stated base; when
 * the plan states none, the panel's value for the region `DEFAULT_HORIZON` years before the target; else the row is
 * skipped (no base known when the plan was written). Priors come from panel values up to the base year; before the panels
 * begin, from their first five years (the era's spread, not any outcome). Regions that are Chinese provinces use the
 * province panels, others the country panels. Period averages ("average annual growth over the plan period") are
 * scored on the average of the simulated years.
 * @example
 * const { cases, skipped } = outcomeCases(loadPlanOutcomes(), panelRows);
 */
export function outcomeCases(
  outcomes: readonly PlanOutcomeInput[],
  panels: readonly PanelObservation[],
  options: OutcomeCaseOptions = {},
): OutcomeCaseResult {
  // before a type's panel begins, its first years stand in (the era's spread of changes, not any outcome)
  const early: Record<string, Record<string, TypePrior>> = {};
  for (const level of ['country', 'province']) {
    early[level] = {};
    for (const type of new Set(panels.map((p) => p.type))) {
      const rows = panels.filter((p) => p.type === type);
      const first = Math.min(...rows.map((p) => p.year));
      Object.assign(
        early[level]!,
        buildPriors(
          rows.filter((p) => p.year <= first + DEFAULT_HORIZON),
          { level },
        ),
      );
    }
  }
  const provinces = new Set(panels.filter((p) => p.regionLevel === 'province').map((p) => p.region));
  const priorCache = new Map<string, Record<string, TypePrior>>();
  const priorsAsOf = (year: number, level: string): Record<string, TypePrior> => {
    const key = `${year}|${level}`;
    if (!priorCache.has(key)) {
      const asOf = buildPriors(
        panels.filter((p) => p.year <= year),
        { level },
      );
      // pooled priors are rebuilt by buildPriors from what exists; a type missing at this date comes from its early years
      priorCache.set(key, { ...early[level], ...asOf });
    }
    return priorCache.get(key)!;
  };
  const panelValue = (type: string | undefined, region: string, year: number): number | undefined =>
    panels.find((p) => p.type === type && p.region === region && p.year === year)?.value;

  const result: OutcomeCaseResult = { cases: [], skipped: [] };
  outcomes.forEach((o, i) => {
    const row = i + 2;
    if (options.asOf !== undefined && o.outcome_year > options.asOf) return;
    const regionKey = o.region.toLowerCase().replace(/ /g, '_');
    const level = provinces.has(regionKey) ? 'province' : 'country';
    const baseYear = o.base_year ?? o.target_year - DEFAULT_HORIZON;
    const priors = priorsAsOf(baseYear, level);
    const average = /average|年均/i.test(o.indicator_en);
    let baseValue = o.base_value;
    const type = typeOfOutcome(o.indicator_en);
    if (baseValue === null) baseValue = panelValue(type, regionKey, baseYear) ?? null;
    if (baseValue === null) {
      result.skipped.push({
        row,
        reason: `no base value for ${o.region} ${o.indicator_en} and no panel value in ${baseYear}`,
      });
      return;
    }
    const f = targetFeatures(
      { priors },
      {
        id: o.indicator_en,
        ...(type ? { type } : {}),
        measure: o.measure,
        unit: o.unit,
        bounds: o.measure === 'share' ? [0, 100] : null,
        attribute: o.attribute ?? '',
        baseYear,
        baseValue,
        targetYear: o.target_year,
        targetValue: o.target_value,
        comparator: o.comparator,
        average,
      },
      { nPaths: options.nPaths ?? 1000, seed: (options.seed ?? 20250101) + i },
    );
    if (!f.ok) {
      result.skipped.push({ row, reason: f.reason });
      return;
    }
    result.cases.push({
      row,
      plan: o.plan,
      region: o.region,
      indicator: o.indicator_en,
      family: o.family,
      met: o.met,
      features: f.features,
      prior: f.prior.type,
    });
  });
  return result;
}

/** Panel type of a plan-outcome indicator (`outcomeType`), with energy and prices kept apart from GDP growth. */
function typeOfOutcome(name: string): string | undefined {
  if (/energy|price|inflation/i.test(name)) return undefined;
  return OUTCOME_TYPES.find(([re]) => re.test(name))?.[1];
}

const OUTCOME_TYPES: readonly [RegExp, string][] = [
  [/R&D/i, 'rd_intensity'],
  [/GDP growth/i, 'gdp_growth'],
  [/urban population|urbani[sz]ation/i, 'urbanisation'],
];
