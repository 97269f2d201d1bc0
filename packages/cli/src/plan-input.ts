/**
 * What `propose` and `review` share: their common flags, the indicators (a user's `--data` file, CSV or `.xlsx`,
 * or the seed dataset with its history), the pooled model's evidence as of a year, and CSV output (UTF-8 BOM,
 * cells neutralised).
 */
import { bundledEvidence, type Evidence, mergeHistory, parentSeries } from '@trajectory/forecast';
import { loadHistory, loadSeedIndicators } from '@trajectory/datasets/node';
import { type Indicator, neutralizeCsvCell, rowsToIndicators } from '@trajectory/core';
import { readIndicatorFile } from './xlsx.ts';

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
