/**
 * What `propose` and `review` share: their common flags, the indicators (a user's `--data` file, CSV or `.xlsx`,
 * or the seed dataset with its history), the pooled model's evidence as of a year, and CSV output (UTF-8 BOM,
 * cells neutralised).
 */
import {
  bootstrapOutcomeModel,
  buildPriors,
  bundledEvidence,
  bundledOutcomeModel,
  crossValidateOutcomes,
  type Evidence,
  fitOutcomeModel,
  mergeHistory,
  type OutcomeModelTable,
  outcomeCases,
  parentSeries,
} from '@trajectory/forecast';
import { loadEvidenceFiles, loadHistory, loadSeedIndicators } from '@trajectory/datasets/node';
import {
  type Indicator,
  IndicatorDataError,
  neutralizeCsvCell,
  rowsToIndicators,
  type UnconfirmedRow,
  unconfirmedIssues,
} from '@trajectory/core';
import { readIndicatorFile, readReviewedIndicatorFile } from './xlsx.ts';

/** The flags `propose` and `review` both take (each adds its own). */
export const PLAN_FLAGS = {
  data: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  pdf: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * The indicators of `--data FILE` (`.xlsx` with sheet `indicators`, or CSV: the shared reader, so errors name
 * file, row and field either way), or the seed dataset with its history, and the evidence of the pooled model with
 * parent-region series up to `asOf`.
 * @throws IndicatorDataError for a bad file; an Error when it cannot be read
 * @example
 * const { indicators, evidence } = await loadPlanInput('my-plan.xlsx', 2020);
 */
export async function loadPlanInput(
  file: string | undefined,
  asOf?: number,
): Promise<{ indicators: Indicator[]; evidence: Evidence | null }> {
  const bundled = bundledEvidence();
  if (file !== undefined) {
    const indicators = rowsToIndicators(await readIndicatorFile(file), { file });
    return { indicators, evidence: bundled };
  }
  const history = loadHistory();
  const { indicators } = mergeHistory(loadSeedIndicators(), history);
  return { indicators, evidence: bundled ? { ...bundled, parents: parentSeries(history, asOf) } : null };
}

/**
 * What `assess` and `propose` project from, so that a proposal written back as a target is assessed on the same
 * evidence: the seed dataset with its history (history.csv) and the bundled priors and outcome model, or a user's
 * file (its own indicators are the parent-region series); `asOf` drops everything later (observations, panel
 * values, plan outcomes) and rebuilds priors and outcome model from what was known then. A reviewed file's
 * unconfirmed rows are returned apart, never among the indicators (or, with `unconfirmed: 'refuse'`, an error).
 * @example
 * const loaded = await loadAssessInput('my-plan.csv', 2020);
 * if (!('error' in loaded)) console.log(loaded.indicators.length, loaded.unconfirmed.length);
 */
export async function loadAssessInput(
  file: string | undefined,
  asOf: number | undefined,
  options: { unconfirmed?: 'skip' | 'refuse' } = {},
): Promise<
  | {
      indicators: Indicator[];
      evidence: Evidence | null;
      outcomeModel: OutcomeModelTable | null;
      /** rows of a reviewed file not confirmed, skipped */
      unconfirmed: UnconfirmedRow[];
    }
  | { error: string }
> {
  let indicators: Indicator[];
  let unconfirmed: UnconfirmedRow[] = [];
  let parents: Map<string, { years: number[]; values: number[] }>;
  // as of a year, the priors and the outcome model are rebuilt from the bundled panels and outcomes
  const files = asOf === undefined ? null : loadEvidenceFiles({ asOf });
  if (file === undefined) {
    const history = files?.history ?? loadHistory();
    indicators = mergeHistory(loadSeedIndicators(), history, asOf).indicators;
    parents = parentSeries(history, asOf);
  } else {
    let rows;
    let rowNumbers: number[];
    try {
      ({ rows, rowNumbers, unconfirmed } = await readReviewedIndicatorFile(file, { unknownUnits: 'label' }));
      // `refuse`: a command that cannot skip a row names each unconfirmed one as an error (file, row, field)
      if (options.unconfirmed === 'refuse' && unconfirmed.length)
        throw new IndicatorDataError(unconfirmedIssues(unconfirmed, file));
      indicators = rowsToIndicators(rows, { file, unknownUnits: 'label' });
    } catch (error) {
      if (error instanceof IndicatorDataError) return { error: error.message };
      return { error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (asOf !== undefined) {
      const observed = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'observed');
      if (observed.length > 0 && observed.every(({ r }) => r.year > asOf)) {
        const first = observed.reduce((a, b) => (b.r.year < a.r.year ? b : a));
        return {
          error: `${file}: --as-of ${asOf} is before every observation (the earliest is row ${rowNumbers[first.i] ?? first.i + 1}, field year = ${first.r.year})`,
        };
      }
      indicators = mergeHistory(indicators, [], asOf).indicators;
    }
    // parent regions' series are the file's own indicators of the same key (district ← city ← nation)
    parents = new Map(
      indicators.map((i) => {
        const obs = [...i.observations].sort((a, b) => a.year - b.year);
        return [i.id, { years: obs.map((o) => o.year), values: obs.map((o) => o.value) }];
      }),
    );
  }
  const bundled = bundledEvidence();
  if (files === null)
    return {
      indicators,
      evidence: bundled ? { ...bundled, parents } : null,
      outcomeModel: bundledOutcomeModel(),
      unconfirmed,
    };
  // as of a year: priors from panel values up to it, the outcome model from outcomes known by then
  const priors = buildPriors(files!.panelsAsOf, { level: 'province' });
  const { cases } = outcomeCases(files!.outcomes, files!.panels, { asOf });
  let outcomeModel: OutcomeModelTable | null = null;
  if (new Set(cases.map((c) => c.family)).size >= 2) {
    const cv = crossValidateOutcomes(cases);
    const model = fitOutcomeModel(cases);
    outcomeModel = {
      source: `plan outcomes known by ${asOf} (${cases.length} targets; leave-one-family-out Brier skill ${cv.scores.brierSkill.toFixed(2)})`,
      model,
      // the calibration's uncertainty as of that year, for the reported probability's interval
      bootstrap: bootstrapOutcomeModel(cases, model),
    };
  }
  return {
    indicators,
    evidence: Object.keys(priors).length > 0 ? { priors, parents } : null,
    outcomeModel,
    unconfirmed,
  };
}

/**
 * The latest observation year of `indicators` up to `asOf`, or `null` when there is none (a loop: the file may
 * hold many observations).
 * @example lastObservationYear(indicators, 2020); // 2020
 */
export function lastObservationYear(indicators: readonly Indicator[], asOf?: number): number | null {
  let last: number | null = null;
  for (const i of indicators)
    for (const o of i.observations)
      if ((asOf === undefined || o.year <= asOf) && (last === null || o.year > last)) last = o.year;
  return last;
}

/**
 * CSV text with a UTF-8 BOM (spreadsheets then read Chinese correctly); cells quoted where needed and neutralised
 * against formula injection.
 * @example toCsv([['a', 'b'], [1, 'x,y']]); // '\ufeffa,b\n1,"x,y"\n'
 */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const cell = (v: string | number | boolean | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    if (typeof v === 'boolean') return String(v);
    const s = neutralizeCsvCell(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
