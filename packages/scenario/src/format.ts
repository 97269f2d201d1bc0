/**
 * Deterministic serialisation: numbers are rounded to 10 significant digits (so results are byte-identical
 * across machines even if a libm differs in the last ulp), non-finite numbers become null, keys keep their
 * construction order (never derived from hash-map iteration).
 */
import { neutralizeCsvCell } from '@trajectory/core';
import type { ScenarioResult } from './run-scenario.ts';

/**
 * Rounds to `digits` significant digits; NaN and infinities become null.
 * @example roundSignificant(0.1 + 0.2) // 0.3
 */
export function roundSignificant(x: number, digits = 10): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

/**
 * JSON text of a result, with deterministic number formatting and a trailing newline.
 * @example writeFileSync('result.json', resultToJson(runScenario(scenario)));
 */
export function resultToJson(result: unknown, indent = 2): string {
  return `${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? roundSignificant(v) : v instanceof Float64Array ? undefined : v), indent)}\n`;
}

/**
 * CSV of the yearly summaries, one row per series, variant and year:
 * `id,variant,year,median,mean,lower50,upper50,lower80,upper80,lower95,upper95` (one column pair per level).
 * @example writeFileSync('paths.csv', bandsToCsv(result));
 */
export function bandsToCsv(result: ScenarioResult): string {
  const levels = result.series[0]?.baseline.intervals.map((i) => i.level) ?? [];
  const rows = [['id,variant,year,median,mean', ...levels.map((l) => `lower${l},upper${l}`)].join(',')];
  for (const s of result.series) {
    for (const variant of ['baseline', 'scenario'] as const) {
      const b = s[variant];
      result.years.forEach((year, y) => {
        const bands = b.intervals.flatMap((i) => [i.lower[y]!, i.upper[y]!]);
        rows.push([s.id, variant, year, b.median[y]!, b.mean[y]!, ...bands].map(cell).join(','));
      });
    }
  }
  return `${rows.join('\n')}\n`;
}

/**
 * CSV of the targets: `label,indicator,year,comparator,value,p_baseline,se_baseline,p_scenario,se_scenario,...`.
 * @example writeFileSync('targets.csv', targetsToCsv(result));
 */
export function targetsToCsv(result: ScenarioResult): string {
  const rows = [
    'label,indicator,year,comparator,value,p_baseline,se_baseline,median_baseline,p_scenario,se_scenario,median_scenario',
  ];
  for (const t of result.targets) {
    rows.push(
      [
        t.label,
        t.indicator,
        t.year,
        t.comparator,
        t.value ?? NaN,
        t.baseline.probability,
        t.baseline.stdError,
        t.baseline.median,
        t.scenario.probability,
        t.scenario.stdError,
        t.scenario.median,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

function cell(v: string | number): string {
  if (typeof v === 'number') {
    const r = roundSignificant(v);
    return r === null ? '' : String(r);
  }
  // a label such as =cmd|' /C calc'!A0 must not run as a formula when the CSV is opened in a spreadsheet
  const safe = neutralizeCsvCell(v);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
