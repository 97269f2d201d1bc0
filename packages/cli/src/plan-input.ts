/**
 * What `propose` and `review` share: the indicators (a user's `--data` file or the seed dataset with its history),
 * the pooled model's evidence as of a year, year flags, and CSV output (UTF-8 BOM, cells neutralised).
 */
import { bundledEvidence, type Evidence, mergeHistory, parentSeries } from '@trajectory/forecast';
import { loadHistory, loadSeedIndicators } from '@trajectory/datasets/node';
import { type Indicator, neutralizeCsvCell, rowsToIndicators } from '@trajectory/core';
import { readIndicatorCsvFile } from '@trajectory/core/node';

/**
 * The indicators of `--data FILE` (validated; errors name file, row and field), or the seed dataset with its
 * history, and the evidence of the pooled model with parent-region series up to `asOf`.
 * @throws IndicatorDataError for a bad file; an Error when it cannot be read
 * @example
 * const { indicators, evidence } = loadPlanInput('my-plan.csv', 2020);
 */
export function loadPlanInput(
  file: string | undefined,
  asOf?: number,
): { indicators: Indicator[]; evidence: Evidence | null } {
  const bundled = bundledEvidence();
  if (file !== undefined) {
    const indicators = rowsToIndicators(readIndicatorCsvFile(file), { file });
    return { indicators, evidence: bundled };
  }
  const history = loadHistory();
  const { indicators } = mergeHistory(loadSeedIndicators(), history);
  return { indicators, evidence: bundled ? { ...bundled, parents: parentSeries(history, asOf) } : null };
}

/**
 * A year flag's value: an integer year, or `null` when it is not one.
 * @example parseYear('2025'); // 2025
 */
export function parseYear(text: string): number | null {
  return /^\d{4}$/.test(text.trim()) ? Number(text) : null;
}

/**
 * CSV text with a UTF-8 BOM (spreadsheets then read Chinese correctly); cells quoted where needed and neutralised
 * against formula injection.
 * @example toCsv([['a', 'b'], [1, 'x,y']]); // '\ufeffa,b\n1,"x,y"\n'
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    const s = neutralizeCsvCell(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
