/**
 * The bundled outcome model (`@trajectory/datasets`' `calibration/plan-outcome-model.json`, built by
 * `scripts/build-outcome-model.ts` from plan-outcomes.csv and the panels).
 */
import table from '@trajectory/datasets/calibration/plan-outcome-model.json' with { type: 'json' };
import type { OutcomeBootstrap, OutcomeModel } from './model.ts';

/** The stored model with its provenance. */
export interface OutcomeModelTable {
  source: string;
  model: OutcomeModel;
  /** refits over resampled plan families: the calibration's own uncertainty (absent in older tables) */
  bootstrap?: OutcomeBootstrap;
}

/**
 * The bundled outcome model.
 * @example bundledOutcomeModel()?.model.coef;
 */
export function bundledOutcomeModel(): OutcomeModelTable | null {
  const t = table as unknown as OutcomeModelTable;
  return t.model ? t : null;
}
