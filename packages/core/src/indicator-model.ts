/**
 * Between dataset rows and the typed model: {@link rowsToIndicators} groups rows by their `indicator` key into
 * {@link Indicator}s (observations and targets with their sources), {@link indicatorsToRows} is the inverse.
 * `rowsToIndicators(rows)` then `indicatorsToRows` gives back the same rows (as a set; see the property tests).
 */
import type { Indicator, Observation, Source, Target } from './indicator.ts';
import { IndicatorDataError, type DataIssue } from './indicator-data-error.ts';
import type { IndicatorRow } from './indicator-row.ts';
import { checkIndicatorRow, validateIndicatorRows } from './indicator-rows.ts';
import { parseValueText } from './value-text.ts';

/** Options of {@link rowsToIndicators}. */
export interface RowsToIndicatorsOptions {
  /** name used in error messages @default '(rows)' */
  file?: string;
  /** `label`: units outside the known list are labels (users' own data), not errors @default 'error' */
  unknownUnits?: 'error' | 'label';
}

function sourceOf(row: IndicatorRow, unit: string): Source {
  const source: Source = { doc: row.doc, quote: row.quote, rowId: row.id, valueText: row.value_text };
  if (row.note) source.note = row.note;
  if (row.unit !== unit) source.unit = row.unit;
  return source;
}

function periodOf(row: IndicatorRow): [number, number] | undefined {
  return row.period_start !== null && row.period_end !== null ? [row.period_start, row.period_end] : undefined;
}

/**
 * Group validated rows into indicators, in order of first appearance; observations and targets sorted by year
 * (stable). Rows are checked first (the same checks as `readIndicatorCsv`).
 *
 * @throws IndicatorDataError when rows are inconsistent (duplicate ids, an indicator with two units, ...)
 * @example
 * const indicators = rowsToIndicators(loadSeedRows());
 * indicators.find((i) => i.id === 'binhai.hightech_firms')?.targets[0]?.value // 2500
 */
export function rowsToIndicators(rows: readonly IndicatorRow[], options: RowsToIndicatorsOptions = {}): Indicator[] {
  const file = options.file ?? '(rows)';
  const issues: DataIssue[] = [];
  rows.forEach((row, index) => {
    for (const p of checkIndicatorRow(row, options))
      issues.push({ file, row: index + 1, line: null, field: p.field, message: p.message });
  });
  issues.push(
    ...validateIndicatorRows(rows, { file, ...(options.unknownUnits ? { unknownUnits: options.unknownUnits } : {}) }),
  );
  if (issues.length) throw new IndicatorDataError(issues);

  const groups = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    const g = groups.get(row.indicator);
    if (g) g.push(row);
    else groups.set(row.indicator, [row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const accumulation = (group.find((r) => r.kind === 'observed') ?? first).accumulation;
    const indicator: Indicator = {
      id: first.indicator,
      region: first.region,
      nameZh: first.indicator_zh,
      nameEn: first.indicator_en,
      unit: first.unit,
      measure: first.measure,
      accumulation,
      observations: [],
      targets: [],
    };
    if (first.lower !== null && first.upper !== null) indicator.bounds = [first.lower, first.upper];
    if (first.scope) indicator.scope = first.scope;
    for (const row of group) {
      const period = periodOf(row);
      if (row.kind === 'observed') {
        const o: Observation = { year: row.year, value: row.value!, source: sourceOf(row, first.unit) };
        if (row.comparator) o.comparator = row.comparator;
        if (period) o.period = period;
        if (row.accumulation !== accumulation) o.accumulation = row.accumulation;
        indicator.observations.push(o);
      } else {
        const t: Target = {
          year: row.year,
          value: row.value,
          comparator: row.comparator!,
          source: sourceOf(row, first.unit),
        };
        if (row.relative_kind !== null && row.relative_amount !== null && row.relative_base_year !== null) {
          t.relative = {
            kind: row.relative_kind,
            amount: row.relative_amount,
            baseYear: row.relative_base_year,
            text: row.relative_text,
          };
        }
        if (row.attribute) t.attribute = row.attribute;
        if (period) t.period = period;
        if (row.accumulation !== accumulation) t.accumulation = row.accumulation;
        indicator.targets.push(t);
      }
    }
    indicator.observations.sort((a, b) => a.year - b.year);
    indicator.targets.sort((a, b) => a.year - b.year);
    return indicator;
  });
}

function missingRowId(indicator: Indicator, what: string, year: number): never {
  throw new IndicatorDataError([
    {
      file: '(indicators)',
      row: null,
      line: null,
      field: 'id',
      message: `${indicator.id}: ${what} ${year} has no source.rowId`,
    },
  ]);
}

/**
 * The rows an indicator list was built from: one row per observation and target. A target whose `value` was
 * filled by `resolveTarget` from a relative form is written with an empty value, as the document states it.
 *
 * @example
 * writeIndicatorCsv(indicatorsToRows(indicators))
 */
export function indicatorsToRows(indicators: readonly Indicator[]): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const ind of indicators) {
    const common = {
      region: ind.region,
      indicator: ind.id,
      indicator_zh: ind.nameZh,
      indicator_en: ind.nameEn,
      unit: ind.unit,
      measure: ind.measure,
      lower: ind.bounds ? ind.bounds[0] : null,
      upper: ind.bounds ? ind.bounds[1] : null,
      scope: ind.scope ?? '',
    };
    for (const o of ind.observations) {
      rows.push({
        ...common,
        unit: o.source.unit ?? ind.unit,
        id: o.source.rowId ?? missingRowId(ind, 'observation', o.year),
        doc: o.source.doc,
        kind: 'observed',
        year: o.year,
        value: o.value,
        value_text: o.source.valueText ?? String(o.value),
        comparator: o.comparator ?? null,
        accumulation: o.accumulation ?? ind.accumulation,
        period_start: o.period ? o.period[0] : null,
        period_end: o.period ? o.period[1] : null,
        relative_kind: null,
        relative_amount: null,
        relative_base_year: null,
        relative_text: '',
        attribute: null,
        note: o.source.note ?? '',
        quote: o.source.quote,
      });
    }
    for (const t of ind.targets) {
      const valueText = t.source.valueText ?? (t.value === null ? '' : String(t.value));
      const stated = t.relative && parseValueText(valueText, ind.unit) === null ? null : t.value;
      rows.push({
        ...common,
        unit: t.source.unit ?? ind.unit,
        id: t.source.rowId ?? missingRowId(ind, 'target', t.year),
        doc: t.source.doc,
        kind: 'target',
        year: t.year,
        value: stated,
        value_text: valueText,
        comparator: t.comparator,
        accumulation: t.accumulation ?? ind.accumulation,
        period_start: t.period ? t.period[0] : null,
        period_end: t.period ? t.period[1] : null,
        relative_kind: t.relative?.kind ?? null,
        relative_amount: t.relative?.amount ?? null,
        relative_base_year: t.relative?.baseYear ?? null,
        relative_text: t.relative?.text ?? '',
        attribute: t.attribute ?? null,
        note: t.source.note ?? '',
        quote: t.source.quote,
      });
    }
  }
  return rows;
}
