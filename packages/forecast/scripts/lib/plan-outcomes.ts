/**
 * `backtest --dataset plan-outcomes`: leave-one-plan-family-out cross-validation of the outcome model on
 * `@trajectory/datasets`' plan-outcomes.csv, with the reference panels as priors.
 */
import { loadEvidenceFiles } from '@trajectory/datasets/node';
import { FEATURE_NAMES } from '../../src/outcomes/features.ts';
import { crossValidateOutcomes, OUTCOME_FEATURES, OUTCOME_LAMBDA } from '../../src/outcomes/model.ts';
import type { ForecastScores } from '../../src/outcomes/scores.ts';
import { outcomeCases } from '../../src/outcomes/cases.ts';

/** Runs the cross-validation and returns the printed summary. */
export function planOutcomeBacktest(options: { nPaths: number; seed: number; variants?: boolean }) {
  const started = Date.now();
  const { outcomes, panels } = loadEvidenceFiles();
  const { cases, skipped } = outcomeCases(outcomes, panels, options);
  const cv = crossValidateOutcomes(cases);
  const s = cv.scores;
  const st = cv.statisticalScores;
  return {
    dataset: 'plan-outcomes',
    features: OUTCOME_FEATURES,
    rows: outcomes.length,
    n: s.n,
    families: cv.byFamily.length,
    brier: s.brier,
    brierClimatology: s.brierClimatology,
    brierSkill: s.brierSkill,
    auc: s.auc,
    logLoss: s.logLoss,
    reliability: s.reliability.map(({ n, meanP, observed }) => ({ n, meanP, observed })),
    statistical: {
      brier: st.brier,
      brierSkill: st.brierSkill,
      auc: st.auc,
      logLoss: st.logLoss,
      reliability: st.reliability.map(({ n, meanP, observed }) => ({ n, meanP, observed })),
    },
    byFamily: cv.byFamily,
    // pre-declared alternatives, reported beside the default (not chosen by these scores)
    variants:
      options.variants === false
        ? {}
        : {
            allFeatures: brief(crossValidateOutcomes(cases, OUTCOME_LAMBDA, FEATURE_NAMES).scores),
            ambitionInsteadOfP: brief(
              crossValidateOutcomes(cases, OUTCOME_LAMBDA, ['ambition', 'binding', 'reduction']).scores,
            ),
          },
    skipped,
    seconds: (Date.now() - started) / 1000,
  };
}

function brief(s: ForecastScores) {
  return {
    brierSkill: s.brierSkill,
    auc: s.auc,
    logLoss: s.logLoss,
    reliability: s.reliability.map(({ n, meanP, observed }) => ({ n, meanP, observed })),
  };
}
