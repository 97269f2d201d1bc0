/**
 * Builds `@trajectory/datasets`' `data/calibration/plan-outcome-model.json`: the outcome model fitted on every
 * usable row of plan-outcomes.csv (features from the reference panels as of each base year), with its
 * leave-one-family-out scores and provenance.
 * Usage: pnpm tsx packages/forecast/scripts/build-outcome-model.ts
 */
import { join } from 'node:path';
import { writeFileAtomicSync } from '@trajectory/core/node';
import { dataDir, loadEvidenceFiles } from '@trajectory/datasets/node';
import { outcomeCases } from '../src/outcomes/cases.ts';
import {
  bootstrapOutcomeModel,
  crossValidateOutcomes,
  fitOutcomeModel,
  type OutcomeBootstrap,
} from '../src/outcomes/model.ts';

const { outcomes, panels } = loadEvidenceFiles();
const { cases, skipped } = outcomeCases(outcomes, panels, { nPaths: 1000, seed: 20250101 });
const model = fitOutcomeModel(cases);
const cv = crossValidateOutcomes(cases);
const table = {
  source: `@trajectory/datasets plan-outcomes.csv (${outcomes.length} rows, ${cases.length} usable, ${skipped.length} without a base) and data/panels; scripts/build-outcome-model.ts`,
  model,
  bootstrap: rounded(bootstrapOutcomeModel(cases, model, { seed: 20250101 })),
  crossValidation: {
    brierSkill: cv.scores.brierSkill,
    auc: cv.scores.auc,
    logLoss: cv.scores.logLoss,
    statisticalBrierSkill: cv.statisticalScores.brierSkill,
    statisticalAuc: cv.statisticalScores.auc,
  },
};
const file = join(dataDir, 'calibration', 'plan-outcome-model.json');
writeFileAtomicSync(file, `${JSON.stringify(table, null, 1)}\n`);
process.stderr.write(
  `wrote ${file}: ${model.features.join(', ')} → coef ${model.coef.map((c) => c.toFixed(3)).join(', ')}, intercept ${model.intercept.toFixed(3)}; CV skill ${cv.scores.brierSkill.toFixed(3)}, AUC ${cv.scores.auc.toFixed(3)}\n`,
);

/** Replicates to 6 decimals: the table stays small and intervals move by far less than they are wide. */
function rounded(b: OutcomeBootstrap): OutcomeBootstrap {
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return { ...b, replicates: b.replicates.map((r) => ({ intercept: r6(r.intercept), coef: r.coef.map(r6) })) };
}
