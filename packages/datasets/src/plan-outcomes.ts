/**
 * `plan-outcomes.csv`: targets of plans whose horizon has passed, each with its base, target, the outcome and
 * whether it was met, and a quote and source for the target and for the outcome. Rows without an outcome are not
 * in the file.
 */
import {
  COMPARATORS,
  type Comparator,
  type DataIssue,
  IndicatorDataError,
  isKnownUnit,
  MEASURE_TYPES,
  type MeasureType,
  TARGET_ATTRIBUTES,
  type TargetAttribute,
} from '@trajectory/core';
import { readCsvTable } from './csv-table.ts';
import { fieldReader } from '@trajectory/core';

/** Columns of `plan-outcomes.csv`, in file order. */
export const PLAN_OUTCOME_COLUMNS = [
  'plan',
  'family',
  'region',
  'indicator_zh',
  'indicator_en',
  'unit',
  'measure',
  'attribute',
  'base_year',
  'base_value',
  'target_year',
  'target_value',
  'comparator',
  'outcome_year',
  'outcome_value',
  'met',
  'quote_target',
  'source_target',
  'quote_outcome',
  'source_outcome',
] as const;

/** One past target with its outcome. */
export interface PlanOutcomeRecord {
  /** the plan, e.g. `China 13th Five-Year Plan` */
  plan: string;
  /** the family of plans it belongs to (national FYPs, provincial S&T plans, Europe 2020, ...) */
  family: string;
  region: string;
  indicator_zh: string;
  indicator_en: string;
  unit: string;
  measure: MeasureType;
  /** 约束性 (binding) / 预期性 (expected); `null` where the plan does not classify its targets */
  attribute: TargetAttribute | null;
  /** `null` (with `base_value`) when the plan states no base */
  base_year: number | null;
  /** `null` when there is no base, or for a change-rate target (`measure` growth), which has a base year only */
  base_value: number | null;
  target_year: number;
  target_value: number;
  comparator: Comparator;
  outcome_year: number;
  outcome_value: number;
  met: boolean;
  quote_target: string;
  source_target: string;
  quote_outcome: string;
  source_outcome: string;
}

const metWords: Record<string, boolean> = { true: true, false: false };

/**
 * Parse and validate `plan-outcomes.csv` text.
 *
 * @param file name used in error messages
 * @throws IndicatorDataError naming file, line, row and field for every malformed or missing cell, unknown unit,
 *   measure, attribute or comparator, a base value without a base year, a base year without a base value
 *   (except for growth targets), a target year not after
 *   the base year, `met` other than true/false, and a row repeated (same plan, region, indicator, target year)
 * @example
 * parsePlanOutcomesCsv(readFileSync('data/plan-outcomes.csv', 'utf8'), 'plan-outcomes.csv').filter((r) => !r.met)
 */
export function parsePlanOutcomesCsv(text: string, file: string): PlanOutcomeRecord[] {
  const table = readCsvTable(text, file, { required: PLAN_OUTCOME_COLUMNS });
  const issues: DataIssue[] = [];
  const firstByKey = new Map<string, number>();
  const out = table.records.map((record, index): PlanOutcomeRecord => {
    const f = fieldReader(record, { file, row: index + 1, line: table.lines[index] ?? null }, issues);
    const unit = f.required('unit');
    if (unit && !isKnownUnit(unit)) f.bad('unit', `unknown unit '${unit}'`);
    const measure = f.oneOf('measure', MEASURE_TYPES, false) ?? 'count';
    const baseYear = f.year('base_year', false);
    const baseValue = f.number('base_value');
    const noYear = f.text('base_year').trim() === '';
    const noValue = f.text('base_value').trim() === '';
    // a change-rate target (measure growth) has a base year but no base level
    if (noYear && !noValue) f.bad('base_year', 'a base_value needs its base_year');
    else if (!noYear && noValue && measure !== 'growth')
      f.bad(
        'base_value',
        `is empty but base_year is ${f.text('base_year').trim()} (only growth targets have no base level)`,
      );
    const targetYear = f.year('target_year', true) ?? 0;
    if (baseYear !== null && targetYear && targetYear <= baseYear)
      f.bad('target_year', `target year ${targetYear} is not after the base year ${baseYear}`);
    const metText = f.text('met').trim();
    const met = metWords[metText];
    if (met === undefined) f.bad('met', metText ? `unknown value '${metText}' (expected true or false)` : 'is empty');
    const row: PlanOutcomeRecord = {
      plan: f.required('plan'),
      family: f.required('family'),
      region: f.required('region'),
      indicator_zh: f.text('indicator_zh'),
      indicator_en: f.required('indicator_en'),
      unit,
      measure,
      attribute: f.oneOf('attribute', TARGET_ATTRIBUTES, true),
      base_year: baseYear,
      base_value: baseValue,
      target_year: targetYear,
      target_value: f.requiredNumber('target_value'),
      comparator: f.oneOf('comparator', COMPARATORS, false) ?? '>=',
      outcome_year: f.year('outcome_year', true) ?? 0,
      outcome_value: f.requiredNumber('outcome_value'),
      met: met ?? false,
      quote_target: f.required('quote_target'),
      source_target: f.required('source_target'),
      quote_outcome: f.required('quote_outcome'),
      source_outcome: f.required('source_outcome'),
    };
    const key = [row.plan, row.region, row.indicator_en, row.target_year].join('\u0000');
    const first = firstByKey.get(key);
    if (first !== undefined) f.bad(null, `the same plan, region, indicator and target year as row ${first + 1}`);
    else firstByKey.set(key, index);
    return row;
  });
  if (issues.length) throw new IndicatorDataError(issues);
  return out;
}
