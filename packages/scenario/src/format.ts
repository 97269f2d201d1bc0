/**
 * Deterministic serialisation: numbers are rounded to 10 significant digits (so results are byte-identical
 * across machines even if a libm differs in the last ulp), non-finite numbers become null, keys keep their
 * construction order (never derived from hash-map iteration).
 */
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
 * Long-format CSV of the yearly bands: `id,variant,year,median,mean,lower80,upper80,lower95,upper95`.
 * @example writeFileSync('paths.csv', bandsToCsv(result));
 */
export function bandsToCsv(result: ScenarioResult): string {
  const rows = ['id,variant,year,median,mean,lower80,upper80,lower95,upper95'];
  for (const s of result.series) {
    for (const variant of ['baseline', 'scenario'] as const) {
      const b = s[variant];
      const i80 = b.intervals.find((i) => i.level === 80)!;
      const i95 = b.intervals.find((i) => i.level === 95)!;
      result.years.forEach((year, y) => {
        rows.push(
          [s.id, variant, year, b.median[y]!, b.mean[y]!, i80.lower[y]!, i80.upper[y]!, i95.lower[y]!, i95.upper[y]!]
            .map(cell)
            .join(','),
        );
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
        t.baseline.p,
        t.baseline.se,
        t.baseline.median,
        t.scenario.p,
        t.scenario.se,
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
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
