/**
 * The bundled evidence of the pooled model in one read: the seed indicators' and parent regions' history, every
 * reference panel as the model reads it, and past plans' outcomes, with the panel values known by an as-of year.
 * `assess --as-of`, the plan-outcome backtest and the plausibility test used to assemble this each on its own.
 */
import type { HistoryRecord } from './history.ts';
import { listPanelTypes, loadHistory, loadPanel, loadPlanOutcomes } from './load.ts';
import type { PlanOutcomeRecord } from './plan-outcomes.ts';

/** One panel value in the form the pooled model reads (`@trajectory/forecast`'s `PanelObservation`). */
export interface PanelObservationRow {
  /** indicator type (the panel's file name) */
  type: string;
  region: string;
  /** `province`, `city`, `country`, ... */
  regionLevel: string;
  year: number;
  value: number;
}

/** What {@link loadEvidenceFiles} returns. */
export interface EvidenceFiles {
  /** the as-of year asked for, or `null` (everything) */
  asOf: number | null;
  /** `data/history.csv`, every year (`mergeHistory` and `parentSeries` of @trajectory/forecast take the as-of year) */
  history: HistoryRecord[];
  /** every panel value of every type, all years (e.g. a type's largest change, early-years priors) */
  panels: PanelObservationRow[];
  /** the panel values up to `asOf` (all of them without it): what type priors as of that year are built from */
  panelsAsOf: PanelObservationRow[];
  /**
   * `data/plan-outcomes.csv`, every row (`outcomeCases` of @trajectory/forecast drops the outcomes not known by its
   * `asOf` itself, keeping the file's row numbers in its reports)
   */
  outcomes: PlanOutcomeRecord[];
}

/**
 * Reads the bundled history, reference panels and plan outcomes, with the panel values known by `asOf`.
 * @throws IndicatorDataError naming file, line, row and field if a bundled file is malformed
 * @example
 * const { panelsAsOf, panels, outcomes, history } = loadEvidenceFiles({ asOf: 2015 });
 * const priors = buildPriors(panelsAsOf, { level: 'province' }); // @trajectory/forecast
 * const { cases } = outcomeCases(outcomes, panels, { asOf: 2015 });
 */
export function loadEvidenceFiles(options: { asOf?: number } = {}): EvidenceFiles {
  const panels: PanelObservationRow[] = listPanelTypes().flatMap((t) =>
    loadPanel(t).map((r) => ({
      type: r.type,
      region: r.region,
      regionLevel: r.region_level,
      year: r.year,
      value: r.value,
    })),
  );
  const { asOf } = options;
  return {
    asOf: asOf ?? null,
    history: loadHistory(),
    panels,
    panelsAsOf: asOf === undefined ? panels : panels.filter((p) => p.year <= asOf),
    outcomes: loadPlanOutcomes(),
  };
}
